import { composeIBAN, friendlyFormatIBAN } from 'ibantools';
import type { DocumentType, ExploitationType } from '../domain';
import type { Random } from './random';

/**
 * The online accounts and adverts, bank accounts and identity documents of synthetic data: what
 * networks use (adverts for sexual exploitation, recruiters' profiles, accounts wages are paid
 * into, victims' passports held by others), and the ways each is written in reports.
 */
export interface TrueOnline {
  readonly platform: string;
  /** The handle on a known platform, or null for an advert known only by its address. */
  readonly handle: string | null;
  readonly url: string;
  readonly description: string;
}

export interface TrueBankAccount {
  readonly bank: string;
  readonly sortCode: string;
  readonly accountNumber: string;
  readonly iban: string;
}

export interface TrueDocument {
  readonly type: DocumentType;
  readonly number: string;
  readonly country: string;
}

const BANKS: readonly (readonly [name: string, code: string])[] = [
  ['Barclays', 'BUKB'],
  ['NatWest', 'NWBK'],
  ['Lloyds', 'LOYD'],
  ['HSBC', 'HBUK'],
  ['Santander', 'ABBY'],
  ['Monzo', 'MONZ'],
];
const ADVERT_WORDS = ['sweet', 'new', 'exotic', 'lovely', 'young', 'sexy', 'hot', 'busty', 'petite', 'asian'];
const WORKING_NAMES = ['jess', 'lily', 'amber', 'roxy', 'mia', 'luna', 'bella', 'kitty', 'cherry', 'angel', 'candy', 'ruby', 'sasha', 'nina'];
const RECRUITING_WORDS = ['jobs', 'work', 'recruit', 'staff', 'agency', 'uk.jobs', 'cash', 'easy.money'];
const digits = (rng: Random, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

/** What a network of this type uses online: adverts for sexual exploitation, recruiting profiles for the rest. */
export function makeNetworkOnline(rng: Random, type: ExploitationType, town: string): TrueOnline[] {
  const slug = town.toLowerCase().replace(/[^a-z]+/g, '-');
  if (type === 'sexual') {
    return Array.from({ length: rng.int(1, 3) }, () => {
      const name = `${rng.pick(ADVERT_WORDS)}_${rng.pick(WORKING_NAMES)}${rng.int(18, 99)}`;
      switch (rng.int(0, 2)) {
        case 0:
          return {
            platform: 'Vivastreet',
            handle: null,
            url: `https://www.vivastreet.co.uk/adult-services/${slug}/${name.replace('_', '-')}/${digits(rng, 9)}`,
            description: 'advert',
          };
        case 1:
          return {
            platform: 'AdultWork',
            handle: null,
            url: `https://www.adultwork.com/ViewProfile.asp?UserID=${rng.int(1_000_000, 9_999_999)}`,
            description: 'advert',
          };
        default:
          return { platform: 'OnlyFans', handle: name, url: `https://onlyfans.com/${name}`, description: 'profile' };
      }
    });
  }
  if (type === 'organ_harvesting' || type === 'domestic_servitude') return [];
  const handle = `${slug.replace(/-/g, '')}.${rng.pick(RECRUITING_WORDS)}${rng.chance(0.5) ? rng.int(1, 99) : ''}`;
  return rng.chance(0.5)
    ? [{ platform: 'Facebook', handle, url: `https://www.facebook.com/${handle}`, description: 'recruiting profile' }]
    : [{ platform: 'Instagram', handle, url: `https://www.instagram.com/${handle}/`, description: 'recruiting profile' }];
}

/** Accounts a labour network has wages paid into (or a sexual exploitation network takes earnings through). */
export function makeNetworkAccounts(rng: Random, type: ExploitationType): TrueBankAccount[] {
  const count = type === 'labour' ? rng.int(1, 2) : type === 'sexual' || type === 'criminal' ? rng.int(0, 1) : 0;
  return Array.from({ length: count }, () => makeAccount(rng));
}

export function makeAccount(rng: Random): TrueBankAccount {
  const [bank, code] = rng.pick(BANKS);
  const sortCode = digits(rng, 6);
  const accountNumber = digits(rng, 8);
  return { bank, sortCode, accountNumber, iban: composeIBAN({ countryCode: 'GB', bban: `${code}${sortCode}${accountNumber}` }) ?? '' };
}

/** A person's passport: two letters and seven digits, issued by their nationality. */
export function makePassport(rng: Random, nationality: string): TrueDocument {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return { type: 'passport', number: `${rng.pick([...letters])}${rng.pick([...letters])}${digits(rng, 7)}`, country: nationality };
}

/** An online account as a report records it: the full address, or the handle with or without "@" and the platform. */
export function writtenOnline(rng: Random, o: TrueOnline): { identifier: string; platform: string | null; description: string } {
  if (o.handle && rng.chance(0.6)) {
    const handle = rng.chance(0.3) ? o.handle.toUpperCase() : o.handle;
    return { identifier: rng.chance(0.5) ? `@${handle}` : handle, platform: o.platform, description: o.description };
  }
  const url = rng.chance(0.3)
    ? o.url.replace(/^https:\/\/(www\.)?/, '')
    : rng.chance(0.2)
      ? `${o.url}${o.url.includes('?') ? '&' : '?'}utm_source=share`
      : o.url;
  return { identifier: url, platform: rng.chance(0.5) ? o.platform : null, description: o.description };
}

/** A bank account as recorded: sort code and account number (spaced or not), or its IBAN. */
export function writtenAccount(
  rng: Random,
  a: TrueBankAccount,
): { bank: string | null; sortCode: string | null; accountNumber: string | null; iban: string | null } {
  const bank = rng.chance(0.6) ? a.bank : null;
  if (rng.chance(0.7)) {
    const sortCode = rng.chance(0.5) ? a.sortCode.replace(/(\d\d)(\d\d)(\d\d)/, '$1-$2-$3') : a.sortCode;
    return { bank, sortCode, accountNumber: a.accountNumber, iban: null };
  }
  return { bank, sortCode: null, accountNumber: null, iban: rng.chance(0.5) ? (friendlyFormatIBAN(a.iban) ?? a.iban) : a.iban };
}

/** A document number as recorded: sometimes spaced or in lower case. */
export function writtenDocumentNumber(rng: Random, d: TrueDocument): string {
  if (rng.chance(0.2)) return `${d.number.slice(0, 2)} ${d.number.slice(2, 5)} ${d.number.slice(5)}`;
  return rng.chance(0.1) ? d.number.toLowerCase() : d.number;
}
