import type { NameFeatures, PersonFeatures } from './features';
import { jaroWinkler, levenshtein } from './similarity';

/**
 * How two records compare, field by field, as discrete levels (Fellegi–Sunter): each field's level
 * is one of a few named outcomes, or "missing" when either side lacks the field. A whole
 * comparison packs into one number (a "pattern"), so millions of pairs reduce to a few thousand
 * distinct patterns for estimating the model.
 */
export const FIELDS = [
  {
    // One field for the whole name: given and family names are not independent (both follow
    // nationality), so scoring them apart would count the same evidence twice.
    name: 'name',
    levels: [
      'exact',
      'nickname, family name exact',
      'given name close, family name exact',
      'given name exact, family name close',
      'both close',
      'family name exact, no given name',
      'given name agrees, no family name',
      'family name exact, given name different',
      'given name agrees, family name different',
      'different',
      'family name close, no given name',
    ],
  },
  { name: 'dob', levels: ['exact', 'day and month swapped', 'one digit apart', 'year within 2', 'two digits apart', 'different'] },
  // Agreement on gender or nationality is no evidence: names already imply them, and most people
  // share them. Disagreement is strong evidence against.
  { name: 'gender', levels: ['different'] },
  { name: 'nationality', levels: ['different'] },
  { name: 'phone', levels: ['exact', 'one digit apart', 'different'] },
  { name: 'postcode', levels: ['exact', 'same district', 'different'] },
  { name: 'address', levels: ['exact', 'jaro-winkler ≥ 0.9', 'jaro-winkler ≥ 0.75', 'different'] },
  { name: 'town', levels: ['exact', 'jaro-winkler ≥ 0.9', 'different'] },
  { name: 'id_number', levels: ['exact', 'one character apart', 'two characters apart', 'different'] },
] as const;

export type FieldName = (typeof FIELDS)[number]['name'];

/** Where a person lives and the phone they give: shared by everyone in a household, a house in multiple occupation or a controller's workers. */
export const LOCATION_FIELDS: ReadonlySet<FieldName> = new Set(['phone', 'postcode', 'address', 'town']);
export const FIELD_COUNT = FIELDS.length;
/** A level of -1 means the field is missing on one side or both: no evidence either way. */
export const MISSING = -1;
const BASE = 16;

export function packPattern(levels: readonly number[]): number {
  let pattern = 0;
  for (let f = FIELD_COUNT - 1; f >= 0; f--) pattern = pattern * BASE + (levels[f]! + 1);
  return pattern;
}

export function unpackPattern(pattern: number): number[] {
  const levels: number[] = [];
  for (let f = 0; f < FIELD_COUNT; f++) {
    levels.push((pattern % BASE) - 1);
    pattern = Math.floor(pattern / BASE);
  }
  return levels;
}

/** Jaro–Winkler similarity from which two names count as close (typos, other spellings). */
const CLOSE = 0.88;

type Part = 'exact' | 'nickname' | 'close' | 'different' | 'missing';

function part(a: NameFeatures | null, b: NameFeatures | null): Part {
  if (!a || !b) return 'missing';
  if (a.text === b.text) return 'exact';
  if (a.canonical === b.canonical || (a.groups.length > 0 && b.groups.length > 0 && sharesGroup(a.groups, b.groups))) return 'nickname';
  return soundAlike(a, b) || jaroWinkler(a.text, b.text) >= CLOSE ? 'close' : 'different';
}

function sharesGroup(a: readonly string[], b: readonly string[]): boolean {
  for (const g of a) if (b.includes(g)) return true;
  return false;
}

function soundAlike(a: NameFeatures, b: NameFeatures): boolean {
  // A code of one or two sounds says little (Ana, Ion, Eni and Una are all "AN"): it needs the same first letter too.
  const short = Math.min(a.metaphone.length, b.metaphone.length) < 3 && a.text[0] !== b.text[0];
  if (a.metaphone !== '' && !short && (a.metaphone === b.metaphone || a.metaphone === b.metaphoneAlt || a.metaphoneAlt === b.metaphone)) return true;
  return (a.abjad || b.abjad) && a.skeleton.length >= 2 && a.skeleton === b.skeleton;
}

function nameLevel(given: Part, family: Part): number {
  const agrees = given === 'exact' || given === 'nickname';
  // A family name's other spelling (Ibrahim, Ebrahim) counts as close.
  switch (family === 'nickname' ? 'close' : family) {
    case 'exact':
      return given === 'exact' ? 0 : given === 'nickname' ? 1 : given === 'close' ? 2 : given === 'missing' ? 5 : 7;
    case 'close':
      return agrees ? 3 : given === 'close' ? 4 : given === 'missing' ? 10 : 9;
    case 'missing':
      return given === 'missing' ? MISSING : given === 'different' ? 9 : 6;
    case 'different':
      return agrees ? 8 : 9;
  }
}

/** The name level, the names compared both ways round (family-first cultures are often recorded the other way). */
function nameComparison(a: PersonFeatures, b: PersonFeatures): number {
  const straight = nameLevel(part(a.given, b.given), part(a.family, b.family));
  if (straight === 0) return 0;
  if (!a.given || !a.family || !b.given || !b.family) return straight === DIFFERENT_NAMES ? oneNameCrosswise(a, b) : straight;
  const swapped = nameLevel(part(a.given, b.family), part(a.family, b.given));
  return straight === MISSING || swapped < straight ? swapped : straight;
}

const DIFFERENT_NAMES = 9;

/**
 * A record with one name, and that name in the other box (a given name written as the family
 * name, often with the names swapped and one dropped): compared with the other record's other name.
 */
function oneNameCrosswise(a: PersonFeatures, b: PersonFeatures): number {
  const [one, both] = a.given && a.family ? [b, a] : [a, b];
  if (!both.given || !both.family || (one.given && one.family)) return DIFFERENT_NAMES;
  if (one.family) return nameLevel(part(one.family, both.given), 'missing');
  if (one.given) return nameLevel('missing', part(one.given, both.family));
  return DIFFERENT_NAMES;
}

function dobLevel(a: PersonFeatures, b: PersonFeatures): number {
  if (!a.dob || !b.dob) return MISSING;
  if (a.dob === b.dob) return 0;
  if (a.dob === b.dobSwapped) return 1;
  const edits = levenshtein(a.dob, b.dob);
  if (edits <= 1) return 2;
  if (a.dob.slice(4) === b.dob.slice(4) && Math.abs(Number(a.dob.slice(0, 4)) - Number(b.dob.slice(0, 4))) <= 2) return 3;
  // Two slips at once (day and month swapped on one record, a digit out on the other) are two digits apart, not another birthday.
  if (edits <= 2) return 4;
  const slipped = edits <= 5 && ((b.dobSwapped && levenshtein(a.dob, b.dobSwapped) <= 1) || (a.dobSwapped && levenshtein(a.dobSwapped, b.dob) <= 1));
  // Or day and month swapped and the year a year or two out (5/6/1989 and 6/5/1990).
  const yearsOut = (x: string, swapped: string) => swapped.slice(4) === x.slice(4) && Math.abs(Number(x.slice(0, 4)) - Number(swapped.slice(0, 4))) <= 2;
  return slipped || (b.dobSwapped && yearsOut(a.dob, b.dobSwapped)) || (a.dobSwapped && yearsOut(b.dob, a.dobSwapped)) ? 4 : 5;
}

const differs = (a: string, b: string) => (!a || !b || a === b ? MISSING : 0);

function editLevels(a: string, b: string, steps: number): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  const edits = levenshtein(a, b);
  return edits <= steps ? edits : steps + 1;
}

function jwLevels(a: string, b: string, thresholds: readonly number[]): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  const jw = jaroWinkler(a, b);
  for (let i = 0; i < thresholds.length; i++) if (jw >= thresholds[i]!) return i + 1;
  return thresholds.length + 1;
}

const levels = new Array<number>(FIELD_COUNT);

/** The comparison pattern of two records. */
export function comparePersons(a: PersonFeatures, b: PersonFeatures): number {
  levels[0] = nameComparison(a, b);
  levels[1] = dobLevel(a, b);
  levels[2] = differs(a.gender, b.gender);
  levels[3] = differs(a.nationality, b.nationality);
  levels[4] = editLevels(a.phone, b.phone, 1);
  levels[5] = !a.postcode || !b.postcode ? MISSING : a.postcode === b.postcode ? 0 : a.district === b.district ? 1 : 2;
  // "16 Heol Las" and "145 Heol Las" are neighbours' homes, however alike the strings: never close.
  levels[6] = a.houseNumber && b.houseNumber && a.houseNumber !== b.houseNumber ? 3 : jwLevels(a.address, b.address, [0.9, 0.75]);
  levels[7] = jwLevels(a.town, b.town, [0.9]);
  levels[8] = editLevels(a.idNumber, b.idNumber, 2);
  return packPattern(levels);
}
