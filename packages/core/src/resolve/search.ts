import { doubleMetaphone } from 'double-metaphone';
import { normaliseAccountNumber, normaliseDocumentNumber, normaliseSortCode, readOnline, ukAccountOfIban } from './identifiers';
import type { RecordKind } from './keys';
import { canonicalGivenName } from './nicknames';
import { consonantSkeleton, normaliseName, normalisePhone, normaliseRegistration, normaliseText } from './normalise';
import { addressParts } from './places';

/** How a record is found by the search box: text for trigram similarity, and codes for sounds-alike matches. */
export interface SearchEntry {
  readonly text: string;
  readonly codes: readonly string[];
}

/**
 * A query as the store searches it: its text for trigram similarity; code sets of which a person
 * record must hold every code of at least one (all tokens sound alike, or share consonants, or
 * are the same names once nicknames are resolved); and a compact form for numbers and plates.
 */
export interface SearchQuery {
  readonly text: string;
  readonly codeSets: readonly (readonly string[])[];
  /** Letters and digits only, lower case ("cu57abc", "447700900123"); empty when too short to search by. */
  readonly compact: string;
}

const MIN_COMPACT = 4;

/** Codes of a name's words: Double Metaphone, consonant skeleton and nickname group, each tagged. */
function nameCodes(name: string): { metaphone: string[]; skeleton: string[]; names: string[] } {
  const tokens = name.split(' ').filter((t) => t.length > 1);
  return {
    metaphone: tokens.map((t) => `m:${doubleMetaphone(t)[0]}`),
    skeleton: tokens.map((t) => `s:${consonantSkeleton(t)}`),
    names: tokens.map((t) => `n:${canonicalGivenName(t)}`),
  };
}

export function searchEntry(kind: RecordKind, a: Readonly<Record<string, string | null | undefined>>): SearchEntry {
  switch (kind) {
    case 'person': {
      const name = normaliseName([a['givenName'], a['familyName']].filter(Boolean).join(' '));
      const codes = nameCodes(name);
      return { text: name, codes: [...new Set([...codes.metaphone, ...codes.skeleton, ...codes.names])] };
    }
    case 'phone': {
      const e164 = normalisePhone(a['number']);
      const digits = (e164 ?? a['number'] ?? '').replace(/\D/g, '');
      // Found by the number as written at home ("07700…") and abroad ("447700…").
      const national = e164?.startsWith('+44') ? `0${e164.slice(3)}` : '';
      return { text: [digits, national].filter(Boolean).join(' '), codes: [] };
    }
    case 'vehicle':
      return { text: (normaliseRegistration(a['registration']) ?? '').toLowerCase(), codes: [] };
    case 'business':
    case 'address': {
      // The postcode as written and run together: "NP20 2DG", "np202dg", its district "NP20" and
      // sector "NP20 2" all find the place (a compact query is looked for inside the text).
      const { line, postcode, town } = addressParts({ address: a['address'], postcode: a['postcode'], town: a['town'] });
      const name = kind === 'business' ? normaliseText(a['name']) : '';
      const code = postcode?.toLowerCase() ?? '';
      return { text: [name, line, town, code, code.replace(/ /g, '')].filter(Boolean).join(' '), codes: [] };
    }
    case 'online':
      return { text: onlineSearchText(a), codes: [] };
    case 'bank_account': {
      // Found by the account number alone, or run together with the sort code as a compact query does.
      const account = normaliseAccountNumber(a['accountNumber']) ?? '';
      const sortCode = normaliseSortCode(a['sortCode']) ?? '';
      const iban = (a['iban'] ?? '').replace(/\s/g, '').toLowerCase();
      return { text: [sortCode && account ? `${sortCode}${account}` : account, iban, normaliseText(a['bank'])].filter(Boolean).join(' '), codes: [] };
    }
    case 'document':
      return { text: [(normaliseDocumentNumber(a['number']) ?? '').toLowerCase(), normaliseText(a['country'])].filter(Boolean).join(' '), codes: [] };
  }
}

/** An account's handle or address as words and run together, with its platform: "joe.bloggs" is found by "joe bloggs" and "joebloggs". */
function onlineSearchText(a: Readonly<Record<string, string | null | undefined>>): string {
  const read = readOnline(a);
  if (!read) return '';
  const value = read.form === 'email' ? read.address : read.form === 'url' ? read.url : read.handle;
  const words = normaliseText(value);
  return [words.replace(/ /g, ''), words, read.form === 'profile' ? read.platform : ''].filter(Boolean).join(' ');
}

export function searchQuery(raw: string): SearchQuery {
  const text = normaliseText(raw);
  const name = normaliseName(raw);
  const codes = nameCodes(name);
  // Only digits and the marks numbers are written with can be a phone ("AB1234567" is not).
  const phone = /\d/.test(raw) && /^[+\d\s().-]+$/.test(raw.trim()) ? normalisePhone(raw) : null;
  // A GB IBAN is looked for as its sort code and account number, which both ways of recording the account hold.
  const compact = ukAccountOfIban(raw) ?? (phone ? phone.replace(/\D/g, '') : text.replace(/ /g, ''));
  return {
    text,
    codeSets: codes.metaphone.length > 0 ? [codes.metaphone, codes.skeleton, codes.names] : [],
    compact: compact.length >= MIN_COMPACT ? compact : '',
  };
}
