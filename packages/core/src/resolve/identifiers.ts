import { electronicFormatIBAN, extractIBAN, friendlyFormatIBAN } from 'ibantools';
import type { RecordIdentity } from './keys';
import { normalisePhone, normaliseText } from './normalise';

type Attributes = Readonly<Record<string, string | null | undefined>>;

/**
 * Online accounts and adverts, bank accounts and identity documents, each read into one identity
 * so that the same account written two ways is one entity: "instagram.com/Joe.Bloggs/" and
 * "@joe.bloggs" on Instagram, "GB33 BUKB 2020 1555 5555 55" and sort code 20-20-15 with account
 * 55555555, "ab 123 456 7" and "AB1234567".
 */
interface Platform {
  readonly id: string;
  readonly label: string;
  readonly hosts: readonly string[];
  readonly aliases: readonly string[];
  /** Handles are written with "@" on this platform. */
  readonly at?: boolean;
  /** The path segment before the handle in a profile address ("linkedin.com/in/<handle>"). */
  readonly prefix?: string;
  /** First path segments that are pages of the site, not profiles. */
  readonly reserved?: readonly string[];
  /** Differences the platform itself ignores (Facebook ignores dots in user names). */
  readonly fold?: (handle: string) => string;
}

const PLATFORMS: readonly Platform[] = [
  {
    id: 'facebook',
    label: 'Facebook',
    hosts: ['facebook.com', 'fb.com'],
    aliases: ['facebook', 'fb', 'meta'],
    reserved: ['groups', 'pages', 'events', 'watch', 'share', 'photo', 'photo.php', 'story.php', 'marketplace', 'reel', 'posts', 'people'],
    fold: (h) => h.replace(/\./g, ''),
  },
  {
    id: 'instagram',
    label: 'Instagram',
    hosts: ['instagram.com', 'instagr.am'],
    aliases: ['instagram', 'insta', 'ig'],
    at: true,
    reserved: ['p', 'reel', 'reels', 'stories', 'explore'],
  },
  { id: 'tiktok', label: 'TikTok', hosts: ['tiktok.com'], aliases: ['tiktok', 'tik tok'], at: true, reserved: ['t', 'video', 'tag', 'discover'] },
  {
    id: 'x',
    label: 'X',
    hosts: ['x.com', 'twitter.com'],
    aliases: ['x', 'twitter'],
    at: true,
    reserved: ['i', 'home', 'search', 'hashtag', 'intent', 'share'],
  },
  { id: 'snapchat', label: 'Snapchat', hosts: ['snapchat.com'], aliases: ['snapchat', 'snap'], prefix: 'add' },
  { id: 'telegram', label: 'Telegram', hosts: ['t.me', 'telegram.me'], aliases: ['telegram', 'tg'], at: true, reserved: ['joinchat', 's', 'share'] },
  { id: 'whatsapp', label: 'WhatsApp', hosts: ['wa.me'], aliases: ['whatsapp', 'wa'] },
  { id: 'onlyfans', label: 'OnlyFans', hosts: ['onlyfans.com'], aliases: ['onlyfans'], at: true },
  { id: 'linkedin', label: 'LinkedIn', hosts: ['linkedin.com'], aliases: ['linkedin'], prefix: 'in' },
];

const BY_HOST = new Map(PLATFORMS.flatMap((p) => p.hosts.map((h) => [h, p] as const)));
const BY_ALIAS = new Map(PLATFORMS.flatMap((p) => p.aliases.map((a) => [a, p] as const)));
/** Parameters that say how a link was shared, not what it points at. */
const TRACKING = /^(utm_.*|fbclid|gclid|igshid|igsh|mibextid|si|ref|ref_src|s|t|share_id|_rdr)$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
/** Written as a web address: with a scheme or "www.", or a domain and a path. */
const URL_WITH_MARK = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}[/?#]/i;
/** A bare domain ("sweetjess.co.uk") is a web site when it ends like one; "joe.bloggs" is more likely a user name. */
const BARE_DOMAIN =
  /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|uk|eu|io|me|co|tv|xyz|online|site|app|club|de|fr|pl|ro|al|vn|cn|ru|ua|bg|lt|lv|sk|cz|hu|in|pk|ng)$/i;
/** Characters a user name can hold on the platforms Harbour knows (and most others). */
const HANDLE = /^[\p{L}\p{N}._-]+$/u;
const HOST_PREFIXES = /^(?:www|m|mobile|mbasic|web)\./;

/** How an online record reads: a profile on a known platform, an e-mail address, a web address, or a bare handle. */
export type OnlineForm =
  | { readonly form: 'profile'; readonly platform: string; readonly platformLabel: string; readonly handle: string; readonly at: boolean }
  | { readonly form: 'email'; readonly address: string }
  | { readonly form: 'url'; readonly url: string }
  | { readonly form: 'handle'; readonly handle: string };

/**
 * Reads an online account or advert from what was written: a web address (profile addresses of
 * the common platforms become the platform and handle), an e-mail address, or a user name with
 * or without the platform it is on. Null when there is nothing to go on.
 */
export function readOnline(a: Attributes): OnlineForm | null {
  const raw = (a['identifier'] ?? '').trim();
  if (!raw || raw.length > 2000) return null;
  const platform = platformNamed(a['platform']);
  if (EMAIL.test(raw) && !raw.includes('/')) return { form: 'email', address: foldEmail(raw) };
  if (URL_WITH_MARK.test(raw) || BARE_DOMAIN.test(raw) || BY_HOST.has(raw.toLowerCase())) {
    const url = readUrl(raw);
    if (url) return url;
  }
  if (platform.known?.id === 'whatsapp') {
    const phone = normalisePhone(raw);
    if (phone) return profile(platform.known, phone);
  }
  const handle = cleanHandle(raw);
  if (!handle) return null;
  if (platform.known) return profile(platform.known, handle);
  if (platform.text) return { form: 'profile', platform: platform.text.replace(/ /g, ''), platformLabel: a['platform']!.trim(), handle, at: false };
  return { form: 'handle', handle };
}

export function onlineIdentity(a: Attributes): RecordIdentity | null {
  const read = readOnline(a);
  if (!read) return null;
  switch (read.form) {
    case 'profile':
      return { key: `${read.platform}:${read.handle}`, label: `${read.platformLabel} ${read.at ? '@' : ''}${read.handle}` };
    case 'email':
      return { key: `email:${read.address}`, label: read.address };
    case 'url':
      return { key: `url:${read.url}`, label: read.url };
    case 'handle':
      return { key: `handle:${read.handle}`, label: read.handle };
  }
}

function platformNamed(raw: string | null | undefined): { known: Platform | null; text: string } {
  const text = normaliseText(raw);
  if (!text) return { known: null, text: '' };
  const known = BY_ALIAS.get(text) ?? BY_HOST.get(text.replace(/ /g, '.')) ?? BY_ALIAS.get(text.replace(/ /g, '')) ?? null;
  return { known, text };
}

function profile(platform: Platform, rawHandle: string): OnlineForm | null {
  const handle = platform.fold ? platform.fold(rawHandle) : rawHandle;
  return handle ? { form: 'profile', platform: platform.id, platformLabel: platform.label, handle, at: platform.at === true } : null;
}

/** A user name as the platforms compare them: without a leading "@", in lower case. */
function cleanHandle(raw: string): string {
  const handle = raw.trim().replace(/^@+/, '').toLowerCase();
  return HANDLE.test(handle) && /[\p{L}\p{N}]/u.test(handle) && handle.length <= 200 ? handle : '';
}

/** Gmail ignores dots and anything after "+" in the part before "@"; other providers may not, so only Gmail is folded. */
function foldEmail(raw: string): string {
  const [local, domain] = raw.toLowerCase().split(/@(?=[^@]+$)/) as [string, string];
  if (domain === 'gmail.com' || domain === 'googlemail.com') return `${local.split('+')[0]!.replace(/\./g, '')}@gmail.com`;
  return `${local}@${domain}`;
}

function readUrl(raw: string): OnlineForm | null {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  while (HOST_PREFIXES.test(host) && host.split('.').length > 2) host = host.replace(HOST_PREFIXES, '');
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const platform = BY_HOST.get(host);
  if (platform?.id === 'whatsapp') {
    // wa.me/<number in international form, without "+">
    const phone = segments[0] ? normalisePhone(`+${segments[0].replace(/^\+/, '')}`) : null;
    if (phone) return profile(platform, phone);
  } else if (platform) {
    const fromPath = platformHandle(platform, segments, url.searchParams);
    if (fromPath) {
      const read = profile(platform, fromPath);
      if (read) return read;
    }
  }
  const query = [...url.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  const path = segments.map((s) => encodeURI(s)).join('/');
  return { form: 'url', url: `${host}${path ? `/${path}` : ''}${query ? `?${query}` : ''}` };
}

function platformHandle(platform: Platform, segments: readonly string[], params: URLSearchParams): string | null {
  if (platform.id === 'facebook' && segments[0] === 'profile.php') {
    const id = params.get('id');
    return id && /^\d+$/.test(id) ? `id${id}` : null;
  }
  const rest = platform.prefix ? (segments[0] === platform.prefix ? segments.slice(1) : []) : segments;
  const first = rest[0];
  if (!first || platform.reserved?.includes(first.toLowerCase())) return null;
  // A deeper path is a post or a photo of the profile, not the profile itself.
  if (rest.length > 1) return null;
  return cleanHandle(first) || null;
}

/**
 * A bank account: UK accounts by sort code and account number (a GB IBAN is read into the two,
 * so both ways of writing it meet), others by IBAN. An account number alone still identifies
 * something worth keeping, but only joins the same number written without a sort code.
 */
export function bankAccountIdentity(a: Attributes): RecordIdentity | null {
  const ibanText = a['iban'] ? electronicFormatIBAN(a['iban']) : null;
  if (ibanText) {
    const uk = ukAccountOfIban(ibanText);
    if (uk) return ukAccount(uk.slice(0, 6), uk.slice(6));
    const iban = extractIBAN(ibanText);
    if (iban.valid) return { key: `iban:${iban.iban}`, label: friendlyFormatIBAN(iban.iban) ?? iban.iban };
  }
  const account = normaliseAccountNumber(a['accountNumber']);
  const sortCode = normaliseSortCode(a['sortCode']);
  if (account && sortCode) return ukAccount(sortCode, account);
  if (account) return { key: `account:${account}`, label: account };
  // An IBAN whose check digits fail is kept as written: it can still be searched for.
  if (ibanText && ibanText.length >= 10) return { key: `iban:${ibanText}`, label: ibanText };
  return null;
}

function ukAccount(sortCode: string, account: string): RecordIdentity {
  return { key: `gb:${sortCode}:${account}`, label: `${sortCode.replace(/(\d\d)(\d\d)(\d\d)/, '$1-$2-$3')} ${account}` };
}

/** A valid GB IBAN's sort code and account number run together ("20201555555555"), else null. */
export function ukAccountOfIban(raw: string): string | null {
  const text = electronicFormatIBAN(raw);
  if (!text || !text.startsWith('GB')) return null;
  const iban = extractIBAN(text);
  return iban.valid && iban.bban ? iban.bban.slice(4) : null;
}

/** Whether an IBAN's country format and check digits are right. */
export function isValidIban(raw: string): boolean {
  const text = electronicFormatIBAN(raw);
  return !!text && extractIBAN(text).valid;
}

/** A UK sort code as six digits ("20-20-15" → "202015"), or null. */
export function normaliseSortCode(raw: string | null | undefined): string | null {
  const digits = (raw ?? '').replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** An account number as digits; UK six- and seven-digit numbers are padded to the usual eight. Null when too short. */
export function normaliseAccountNumber(raw: string | null | undefined): string | null {
  const digits = (raw ?? '').replace(/[\s-]/g, '');
  if (!/^\d{6,18}$/.test(digits)) return null;
  return digits.length < 8 ? digits.padStart(8, '0') : digits;
}

/** An identity document by type and number ("ab 123 456 7" → "AB1234567"); the issuing country is shown but not keyed, as it is often missing. */
export function documentIdentity(a: Attributes): RecordIdentity | null {
  const number = normaliseDocumentNumber(a['number']);
  if (!number) return null;
  const type = (a['type'] ?? '').trim() || 'other';
  const country = a['country']?.trim();
  return { key: `${type}:${number}`, label: `${number}${country ? ` (${country})` : ''}` };
}

export function normaliseDocumentNumber(raw: string | null | undefined): string | null {
  const number = normaliseText(raw).replace(/ /g, '').toUpperCase();
  return number.length >= 4 && number.length <= 30 ? number : null;
}
