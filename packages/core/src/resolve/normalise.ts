import anyAscii from 'any-ascii';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

const ABJAD = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u0590-\u05ff]/; // Arabic, Persian, Hebrew scripts

/**
 * A name as lower-case Latin letters and single spaces: accents removed, other scripts
 * transliterated (Cyrillic, Arabic, Chinese to pinyin, Vietnamese, Ge'ez…) with any-ascii,
 * punctuation and digits dropped, hyphens and apostrophes joined ("O'Brien" → "obrien").
 */
export function normaliseName(raw: string | null | undefined): string {
  if (!raw) return '';
  let text = raw.normalize('NFKC');
  // Plain ASCII needs no transliteration (the common case, and the fast one).
  if (!isAscii(text)) text = anyAscii(text);
  return text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** Whether a name was written in a script that leaves out most vowels, so only its consonants can be compared. */
export function isAbjad(raw: string | null | undefined): boolean {
  return !!raw && ABJAD.test(raw);
}

/**
 * The consonant skeleton of a normalised name: vowels, w and y after the first letter, and
 * doubled letters removed. "mohammed", "muhammad" and the transliteration of محمد ("mhmd") agree.
 */
export function consonantSkeleton(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === ' ') continue;
    if ('aeiou'.includes(c) || (i > 0 && (c === 'w' || c === 'y'))) continue;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** A phone number in E.164 ("+447700900123"), or null when it cannot be a real number. */
export function normalisePhone(raw: string | null | undefined, defaultCountry: CountryCode = 'GB'): string | null {
  if (!raw) return null;
  const cleaned = raw.trim().replace(/^00/, '+');
  // The common case, a UK mobile written with spaces, brackets or a country code, needs no full parse.
  if (defaultCountry === 'GB') {
    const digits = cleaned.replace(/[\s()-]/g, '');
    const mobile = /^(?:\+44|0)(7\d{9})$/.exec(digits);
    if (mobile) return `+44${mobile[1]}`;
  }
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})?$/;

/** A UK postcode in its standard form ("np201ab" → "NP20 1AB"; an outward code alone stays so), or null. */
export function normalisePostcode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = POSTCODE.exec(raw.toUpperCase().replace(/\s+/g, ' ').trim());
  if (!match) return null;
  return match[2] ? `${match[1]} ${match[2]}` : match[1]!;
}

/**
 * A postcode as every producer of reports stores it (portal, referral, spreadsheet, HTCDS): a UK
 * postcode in its standard form ("np201ab" → "NP20 1AB"), anything else trimmed, single-spaced and
 * in capitals, as written; null when blank. One form, so search and the picture agree.
 */
export function storedPostcode(raw: string | null | undefined): string | null {
  const written = raw?.replace(/\s+/g, ' ').trim();
  if (!written) return null;
  return normalisePostcode(written) ?? written.toUpperCase();
}

/** The outward code (district) of a normalised postcode: "NP20 1AB" → "NP20". */
export function postcodeDistrict(postcode: string): string {
  return postcode.split(' ')[0]!;
}

/** A vehicle registration as letters and digits only, upper case: "cu57 abc" → "CU57ABC". */
export function normaliseRegistration(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const plate = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plate.length >= 2 && plate.length <= 8 ? plate : null;
}

/** A date of birth. */
export interface DateParts {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/**
 * A date of birth read from the forms records use: ISO (1990-04-03), compact (19900403), and
 * British day-first (03/04/1990, 3.4.90). Returns null for anything that is not a real date.
 */
export function parseDob(raw: string | null | undefined): DateParts | null {
  if (!raw) return null;
  const text = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(text))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3]!.length === 2) y += y > new Date().getUTCFullYear() % 100 ? 1900 : 2000;
  } else return null;
  if (y < 1880 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > last ? null : { y, m, d };
}

/** Free text for exact comparison: transliterated, lower case, words separated by single spaces. */
export function normaliseText(raw: string | null | undefined): string {
  if (!raw) return '';
  return anyAscii(raw.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
