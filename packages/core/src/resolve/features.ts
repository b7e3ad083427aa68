import { doubleMetaphone } from 'double-metaphone';
import { canonicalGivenName, nameGroups } from './nicknames';
import { consonantSkeleton, isAbjad, normaliseName, normalisePhone, normalisePostcode, normaliseText, parseDob, postcodeDistrict } from './normalise';

/** The fields a person record may have; every one optional. */
export interface PersonRecord {
  readonly id: string;
  readonly givenName?: string | null | undefined;
  readonly familyName?: string | null | undefined;
  /** Used when given and family names are not recorded apart: the last word is taken as the family name. */
  readonly fullName?: string | null | undefined;
  readonly dob?: string | null | undefined;
  readonly gender?: string | null | undefined;
  readonly nationality?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly address?: string | null | undefined;
  readonly postcode?: string | null | undefined;
  readonly town?: string | null | undefined;
  readonly idNumber?: string | null | undefined;
  /**
   * What the same report mentions besides this person, each as one identity ("phone|+447700900123",
   * "business|sparkle car wash|NP20"): of two people of one name, the one reported alongside the
   * same things is likelier the same.
   */
  readonly context?: readonly string[] | undefined;
}

/** One normalised name: text, formal form, phonetic codes and consonant skeleton. */
export interface NameFeatures {
  readonly text: string;
  readonly canonical: string;
  /** The formal names of every nickname line the name is in (a short form may be in several). */
  readonly groups: readonly string[];
  readonly metaphone: string;
  readonly metaphoneAlt: string;
  readonly skeleton: string;
  /** Written in an abjad (Arabic, Persian, Hebrew): vowels are missing, compare consonants. */
  readonly abjad: boolean;
}

/** The leading house number of a normalised address ("12a high street" → "12a"), or ''; a scan, not a regex, for a million records. */
function houseNumber(address: string): string {
  let end = 0;
  while (end < address.length && address.charCodeAt(end) >= 48 && address.charCodeAt(end) <= 57) end++;
  if (end === 0) return '';
  if (end < address.length && address[end] !== ' ' && (end + 1 === address.length || address[end + 1] === ' ')) end++; // "12a"
  return end === address.length || address[end] === ' ' ? address.slice(0, end) : '';
}

/** A record made ready for comparison: computed once, compared many times. */
export interface PersonFeatures {
  readonly id: string;
  readonly given: NameFeatures | null;
  readonly family: NameFeatures | null;
  /** yyyymmdd, or '' */
  readonly dob: string;
  readonly dobSwapped: string;
  readonly gender: string;
  readonly nationality: string;
  readonly phone: string;
  readonly postcode: string;
  readonly district: string;
  readonly address: string;
  /** The address's house number ("16", "12a"), or '': worked out once, compared on every pair. */
  readonly houseNumber: string;
  readonly town: string;
  readonly idNumber: string;
  readonly context: readonly string[];
}

function nameFeatures(raw: string | null | undefined, given: boolean): NameFeatures | null {
  const text = normaliseName(raw);
  if (!text) return null;
  const joined = text.replace(/ /g, '');
  const [metaphone, metaphoneAlt] = doubleMetaphone(joined);
  return {
    text: joined,
    // Family names are canonicalised too: names recorded the other way round are compared crosswise.
    canonical: canonicalGivenName(given ? text.split(' ')[0]! : joined),
    groups: nameGroups(given ? text.split(' ')[0]! : joined),
    metaphone,
    metaphoneAlt,
    skeleton: consonantSkeleton(joined),
    abjad: isAbjad(raw),
  };
}

/**
 * Normalised names and phone numbers already worked out, by what was written: the same victim is
 * reported again and again under the same spelling, so a batch works out each once, and the
 * records share one copy (less memory, and less for the garbage collector to walk).
 */
export class FeatureCache {
  readonly names = new Map<string, NameFeatures | null>();
  readonly phones = new Map<string, string>();

  name(raw: string | null | undefined, given: boolean): NameFeatures | null {
    if (!raw) return null;
    const key = given ? `g${raw}` : `f${raw}`;
    let found = this.names.get(key);
    if (found === undefined) {
      found = nameFeatures(raw, given);
      this.names.set(key, found);
    }
    return found;
  }

  private readonly texts = new Map<string, string>();

  /** Free text (an address, a town) normalised. */
  text(raw: string | null | undefined): string {
    if (!raw) return '';
    let found = this.texts.get(raw);
    if (found === undefined) {
      found = normaliseText(raw);
      this.texts.set(raw, found);
    }
    return found;
  }

  phone(raw: string | null | undefined): string {
    if (!raw) return '';
    let found = this.phones.get(raw);
    if (found === undefined) {
      found = normalisePhone(raw) ?? '';
      this.phones.set(raw, found);
    }
    return found;
  }
}

const GENDERS: Record<string, string> = { m: 'm', male: 'm', man: 'm', f: 'f', female: 'f', woman: 'f' };

const NO_CONTEXT: readonly string[] = [];

export function personFeatures(record: PersonRecord, cache?: FeatureCache): PersonFeatures {
  let given = record.givenName;
  let family = record.familyName;
  if (!given && !family && record.fullName) {
    const words = record.fullName.trim().split(/\s+/);
    family = words.length > 1 ? words.pop() : null;
    given = words.join(' ');
  }
  const dob = parseDob(record.dob);
  const pad = (n: number) => String(n).padStart(2, '0');
  // A UK postcode in its standard form; any other country's as letters and digits.
  const postcode = normalisePostcode(record.postcode) ?? normaliseText(record.postcode).replace(/ /g, '').toUpperCase();
  const address = cache ? cache.text(record.address) : normaliseText(record.address);
  return {
    id: record.id,
    given: cache ? cache.name(given, true) : nameFeatures(given, true),
    family: cache ? cache.name(family, false) : nameFeatures(family, false),
    dob: dob ? `${dob.y}${pad(dob.m)}${pad(dob.d)}` : '',
    dobSwapped: dob && dob.d <= 12 && dob.d !== dob.m ? `${dob.y}${pad(dob.d)}${pad(dob.m)}` : '',
    gender: GENDERS[normaliseText(record.gender)] ?? '',
    nationality: normaliseText(record.nationality),
    phone: cache ? cache.phone(record.phone) : (normalisePhone(record.phone) ?? ''),
    postcode,
    district: postcode.includes(' ') ? postcodeDistrict(postcode) : '',
    address,
    houseNumber: houseNumber(address),
    town: cache ? cache.text(record.town) : normaliseText(record.town),
    idNumber: normaliseText(record.idNumber).replace(/ /g, ''),
    context: record.context ?? NO_CONTEXT,
  };
}
