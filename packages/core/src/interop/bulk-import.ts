import { IMPORT_FIELDS, type DateOrder, type ImportField, type ImportSource } from '@harbour/contract';
import { createHash } from 'node:crypto';
import type { ForceArea } from '../area/force-area';
import type { ExploitationType } from '../domain';
import { normalisePostcode } from '../resolve/normalise';

/**
 * Partner spreadsheets (CSV) read row by row into referrals. A row either becomes a referral or is
 * refused with every problem it has, each naming the field, the column and the reason, so the
 * person who sent it can put it right. Nothing here reads files or stores anything.
 */

export { DATE_ORDERS, IMPORT_FIELDS, IMPORT_SOURCES, type DateOrder, type ImportField, type ImportSource } from '@harbour/contract';

/** Which field each column feeds (by position, as headings can repeat), and how to read it. */
export interface ImportMapping {
  readonly columns: readonly (ImportField | null)[];
  readonly dateOrder: DateOrder;
  readonly source: ImportSource;
}

/** One refused cell (or row, when `field` is null): the reason is written for the sender. */
export interface CellProblem {
  readonly field: ImportField | null;
  readonly column: string | null;
  readonly reason: string;
}

/** A row read as a referral: the fields a report needs, cleaned. */
export interface ImportedReferral {
  readonly key: string;
  readonly reference: string | null;
  /** The day received, as YYYY-MM-DD; null when the file has no date column. */
  readonly received: string | null;
  readonly summary: string | null;
  readonly exploitationTypes: ExploitationType[];
  readonly localAuthority: string | null;
  readonly town: string | null;
  readonly postcode: string | null;
  readonly involvesChild: boolean;
  readonly victim: {
    readonly givenName: string | null;
    readonly familyName: string | null;
    readonly dob: string | null;
    readonly ageYears: number | null;
    readonly gender: 'female' | 'male' | 'other' | null;
    readonly nationality: string | null;
    readonly phone: string | null;
  } | null;
  readonly address: string | null;
  readonly suspect: { readonly givenName: string | null; readonly familyName: string | null; readonly phone: string | null } | null;
  readonly vehicle: string | null;
  readonly business: string | null;
}

export type RowReading =
  | { readonly kind: 'referral'; readonly referral: ImportedReferral }
  | { readonly kind: 'empty' }
  /** `key` when the row has the sender's reference: a row put right before is known by it. */
  | { readonly kind: 'refused'; readonly problems: CellProblem[]; readonly key?: string };

/** Longest text each field takes (as the referral form). */
const LONGEST: Partial<Record<ImportField, number>> = {
  reference: 100,
  summary: 10_000,
  town: 100,
  victim_given_name: 100,
  victim_family_name: 100,
  victim_name: 200,
  victim_nationality: 80,
  address: 300,
  suspect_name: 200,
  business: 200,
};

/** Headings partners use for each field, compared with case, spaces and punctuation ignored. */
const HEADINGS: Record<ImportField, readonly string[]> = {
  reference: ['reference', 'ref', 'ref no', 'reference number', 'case reference', 'case ref', 'case number', 'case id', 'id', 'referral id', 'cyfeirnod'],
  received: ['received', 'date', 'date received', 'received date', 'referral date', 'date of referral', 'date reported', 'reported', 'dyddiad'],
  summary: ['summary', 'details', 'description', 'narrative', 'notes', 'concerns', 'what happened', 'crynodeb', 'manylion'],
  exploitation_type: ['exploitation type', 'exploitation', 'type', 'type of exploitation', 'exploitation types', 'math o gamfanteisio'],
  local_authority: ['local authority', 'la', 'authority', 'council', 'area', 'borough', 'county', 'awdurdod lleol'],
  town: ['town', 'town city', 'city', 'place', 'location', 'tref'],
  postcode: ['postcode', 'post code', 'postal code', 'cod post'],
  child: ['child', 'child yn', 'is child', 'under 18', 'minor', 'adult child', 'plentyn'],
  victim_given_name: ['first name', 'forename', 'given name', 'victim first name', 'victim forename', 'victim given name', 'enw cyntaf'],
  victim_family_name: ['surname', 'last name', 'family name', 'victim surname', 'victim last name', 'victim family name', 'cyfenw'],
  victim_name: ['name', 'full name', 'victim', 'victim name', 'client name', 'person', 'enw'],
  victim_dob: ['dob', 'date of birth', 'birth date', 'victim dob', 'dyddiad geni'],
  victim_age: ['age', 'victim age', 'age years', 'oed'],
  victim_gender: ['gender', 'sex', 'victim gender', 'rhyw'],
  victim_nationality: ['nationality', 'victim nationality', 'country of origin', 'citizenship', 'cenedligrwydd'],
  victim_phone: ['phone', 'telephone', 'mobile', 'victim phone', 'contact number', 'phone number', 'ffon', 'rhif ffon'],
  address: ['address', 'location address', 'premises', 'victim address', 'cyfeiriad'],
  suspect_name: ['suspect', 'suspect name', 'offender', 'perpetrator', 'alleged exploiter', 'exploiter', 'amheuir'],
  suspect_phone: ['suspect phone', 'suspect mobile', 'suspect number', 'offender phone'],
  vehicle: ['vehicle', 'vrm', 'registration', 'vehicle registration', 'reg', 'cerbyd'],
  business: ['business', 'business name', 'premises name', 'company', 'employer', 'busnes'],
};

export function headingKey(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_HEADING = new Map<string, ImportField>(IMPORT_FIELDS.flatMap((field) => HEADINGS[field].map((h) => [headingKey(h), field] as const)));

/**
 * A first mapping for a file: each column the agency mapped before keeps its field; any other whose
 * heading reads like a field takes it; a field goes to one column only; the rest are left out.
 */
export function suggestMapping(header: readonly string[], remembered: Readonly<Record<string, ImportField | null>> = {}): (ImportField | null)[] {
  const known = new Map(Object.entries(remembered).map(([heading, field]) => [headingKey(heading), field]));
  const taken = new Set<ImportField>();
  const take = (field: ImportField | null | undefined) => {
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  };
  // Remembered choices first (leaving a column out is a choice too), then guesses for the rest.
  const chosen = header.map((heading) => (known.has(headingKey(heading)) ? take(known.get(headingKey(heading))) : undefined));
  return chosen.map((field, at) => (field !== undefined ? field : take(BY_HEADING.get(headingKey(header[at]!)))));
}

/** Problems with a mapping as a whole: a field fed by two columns, or nothing mapped at all. */
export function mappingProblems(header: readonly string[], mapping: ImportMapping): CellProblem[] {
  const problems: CellProblem[] = [];
  if (mapping.columns.length !== header.length)
    problems.push({ field: null, column: null, reason: `the mapping has ${mapping.columns.length} columns where the file has ${header.length}` });
  const seen = new Map<ImportField, string>();
  mapping.columns.forEach((field, at) => {
    if (!field) return;
    const earlier = seen.get(field);
    if (earlier !== undefined) problems.push({ field, column: header[at] ?? null, reason: `is also fed by the column "${earlier}": choose one` });
    else seen.set(field, header[at] ?? '');
  });
  if (seen.size === 0) problems.push({ field: null, column: null, reason: 'no column is mapped to a field' });
  return problems;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  ionawr: 1,
  chwefror: 2,
  mawrth: 3,
  ebrill: 4,
  mai: 5,
  mehefin: 6,
  gorffennaf: 7,
  awst: 8,
  medi: 9,
  hydref: 10,
  tachwedd: 11,
  rhagfyr: 12,
};

/**
 * A day written as spreadsheets write it: 2026-01-31 (with a time or not), 31/01/2026 or 31-1-26
 * in the file's date order, or 31 January 2026 (English or Welsh month, "Jan 31, 2026" too).
 * Two-digit years are 2000–2069 or 1970–1999. Returns YYYY-MM-DD, or why it is not a date.
 */
export function parseDay(text: string, order: DateOrder): { day: string } | { problem: string } {
  const written = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(written);
  if (iso) return dayOf(+iso[1]!, +iso[2]!, +iso[3]!, written);
  const numeric = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(written);
  if (numeric) {
    const [a, b, c] = [numeric[1]!, numeric[2]!, numeric[3]!];
    if (order === 'ymd' || a.length === 4) return dayOf(fullYear(a), +b, +c, written);
    if (c.length === 3) return { problem: `"${written}" has a three-digit year` };
    return order === 'dmy' ? dayOf(fullYear(c), +b, +a, written) : dayOf(fullYear(c), +a, +b, written);
  }
  const words = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-zA-Z]+)\.?,?\s+(\d{4})$/.exec(written) ?? swapMonthFirst(written);
  if (words) {
    const month = MONTHS[words[2]!.toLowerCase()];
    if (!month) return { problem: `"${words[2]}" in "${written}" is not a month` };
    return dayOf(+words[3]!, month, +words[1]!, written);
  }
  return { problem: `"${written}" is not a date: write it like 31/01/2026 or 2026-01-31` };
}

function swapMonthFirst(written: string): RegExpExecArray | null {
  const m = /^([a-zA-Z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(written);
  if (!m) return null;
  const swapped = [m[0], m[2], m[1], m[3]] as unknown as RegExpExecArray;
  return swapped;
}

function fullYear(written: string): number {
  const n = +written;
  if (written.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function dayOf(year: number, month: number, day: number, written: string): { day: string } | { problem: string } {
  if (month < 1 || month > 12) return { problem: `"${written}" has no month ${month}` };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || date.getUTCMonth() !== month - 1) return { problem: `"${written}" is not a day of the calendar` };
  if (year < 1900 || year > 2999) return { problem: `"${written}" has the year ${year}` };
  return { day: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

const TYPE_WORDS: Record<string, ExploitationType> = {
  sexual: 'sexual',
  'sexual exploitation': 'sexual',
  sex: 'sexual',
  cse: 'sexual',
  'child sexual exploitation': 'sexual',
  rhywiol: 'sexual',
  labour: 'labour',
  labor: 'labour',
  'labour exploitation': 'labour',
  'forced labour': 'labour',
  'forced labor': 'labour',
  work: 'labour',
  llafur: 'labour',
  criminal: 'criminal',
  'criminal exploitation': 'criminal',
  'county lines': 'criminal',
  cce: 'criminal',
  'forced criminality': 'criminal',
  troseddol: 'criminal',
  // Forced begging and cultivation are criminal exploitation in the NRM's categories.
  begging: 'criminal',
  'forced begging': 'criminal',
  'cannabis cultivation': 'criminal',
  'cannabis farm': 'criminal',
  'drug dealing': 'criminal',
  'domestic servitude': 'domestic_servitude',
  domestic: 'domestic_servitude',
  'domestic servitude exploitation': 'domestic_servitude',
  'caethwasanaeth domestig': 'domestic_servitude',
  'organ harvesting': 'organ_harvesting',
  'organ removal': 'organ_harvesting',
  organs: 'organ_harvesting',
  organ: 'organ_harvesting',
  unknown: 'unknown',
  'not known': 'unknown',
  'unknown exploitation': 'unknown',
  'dim yn hysbys': 'unknown',
  anhysbys: 'unknown',
};

/** Exploitation types written in a cell: several separated by ; , / | + & or "and". */
export function readExploitationTypes(text: string): { types: ExploitationType[] } | { problem: string } {
  const parts = text
    .split(/[;,/|+&]|\band\b|\ba\b/i)
    .map((p) => headingKey(p))
    .filter(Boolean);
  const types = new Set<ExploitationType>();
  for (const part of parts) {
    const type = TYPE_WORDS[part];
    if (!type) return { problem: `"${part}" is not an exploitation type: use sexual, labour, criminal, domestic servitude, organ harvesting or not known` };
    types.add(type);
  }
  if (types.size > 1) types.delete('unknown');
  return { types: types.size > 0 ? [...types] : ['unknown'] };
}

const YES = new Set(['yes', 'y', 'true', '1', 'child', 'ie', 'oes', 'do', 'plentyn', 'under 18']);
const NO = new Set(['no', 'n', 'false', '0', 'adult', 'na', 'nac oes', 'naddo', 'oedolyn', '18 or over', 'over 18']);
const UNKNOWN = new Set(['unknown', 'not known', 'dk', 'anhysbys', 'dim yn hysbys']);

const GENDERS: Record<string, 'female' | 'male' | 'other' | null> = {
  female: 'female',
  f: 'female',
  woman: 'female',
  girl: 'female',
  benyw: 'female',
  menyw: 'female',
  merch: 'female',
  male: 'male',
  m: 'male',
  man: 'male',
  boy: 'male',
  gwryw: 'male',
  dyn: 'male',
  bachgen: 'male',
  other: 'other',
  'non binary': 'other',
  nonbinary: 'other',
  arall: 'other',
  unknown: null,
  'not known': null,
  'not stated': null,
  anhysbys: null,
};

/** A local authority named as its code, its English or Welsh name, with or without "council" and the like. */
export function localAuthorityReader(area: ForceArea): (text: string) => { code: string } | { problem: string } {
  const strip = (name: string) =>
    headingKey(name)
      .replace(/\b(county borough|city|county|borough|council|cyngor|bwrdeistref sirol|dinas|sir)\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const byName = new Map<string, string>();
  for (const la of area.localAuthorities) {
    byName.set(headingKey(la.code), la.code);
    byName.set(strip(la.name), la.code);
    byName.set(strip(la.nameCy), la.code);
  }
  const names = area.localAuthorities.map((la) => la.name).join(', ');
  return (text) => {
    const code = byName.get(headingKey(text)) ?? byName.get(strip(text));
    return code ? { code } : { problem: `"${text.trim()}" is not a local authority of ${area.force}: use one of ${names}, or leave it empty if not known` };
  };
}

/** A field's cells, by field; a field no column feeds is absent. */
export type MappedCells = Partial<Record<ImportField, string>>;

/** The cells of a row by field, with the column each came from. */
export function cellsByField(
  header: readonly string[],
  mapping: ImportMapping,
  cells: readonly string[],
): { cells: MappedCells; columns: Partial<Record<ImportField, string>> } {
  const byField: MappedCells = {};
  const columns: Partial<Record<ImportField, string>> = {};
  mapping.columns.forEach((field, at) => {
    if (!field) return;
    byField[field] = (cells[at] ?? '').trim();
    columns[field] = header[at] ?? field;
  });
  return { cells: byField, columns };
}

/**
 * Reads one row. `today` (YYYY-MM-DD) bounds dates: nothing is received, or born, in the future.
 * A row whose mapped cells are all empty is `empty` (a spreadsheet's trailing rows), not refused.
 */
export function readImportRow(
  header: readonly string[],
  mapping: ImportMapping,
  cells: readonly string[],
  context: { readonly area: (text: string) => { code: string } | { problem: string }; readonly today: string },
): RowReading {
  const { cells: c, columns } = cellsByField(header, mapping, cells);
  if (Object.values(c).every((v) => v === '')) return { kind: 'empty' };
  const problems: CellProblem[] = [];
  const refuse = (field: ImportField, reason: string) => problems.push({ field, column: columns[field] ?? null, reason });
  if (cells.length !== header.length)
    problems.push({ field: null, column: null, reason: `the row has ${cells.length} cells where the header has ${header.length}` });

  for (const [field, longest] of Object.entries(LONGEST) as [ImportField, number][]) {
    const value = c[field];
    if (value !== undefined && value.length > longest) refuse(field, `is ${value.length} characters long: at most ${longest}`);
  }
  const text = (field: ImportField) => (c[field] ? c[field] : null);

  let received: string | null = null;
  if (c.received !== undefined) {
    if (c.received === '') refuse('received', 'is empty: the date the referral was received is needed to count it');
    else {
      const read = parseDay(c.received, mapping.dateOrder);
      if ('problem' in read) refuse('received', read.problem);
      else if (read.day > context.today) refuse('received', `${read.day} is in the future`);
      else if (read.day < '2000-01-01') refuse('received', `${read.day} is before 2000: check the year`);
      else received = read.day;
    }
  }

  let types: ExploitationType[] = ['unknown'];
  if (c.exploitation_type) {
    const read = readExploitationTypes(c.exploitation_type);
    if ('problem' in read) refuse('exploitation_type', read.problem);
    else types = read.types;
  }

  let localAuthority: string | null = null;
  if (c.local_authority) {
    const read = context.area(c.local_authority);
    if ('problem' in read) refuse('local_authority', read.problem);
    else localAuthority = read.code;
  }

  let postcode: string | null = null;
  if (c.postcode) {
    postcode = normalisePostcode(c.postcode);
    if (!postcode) refuse('postcode', `"${c.postcode}" is not a UK postcode: write it like NP20 1AB`);
  }

  let dob: string | null = null;
  if (c.victim_dob) {
    const read = parseDay(c.victim_dob, mapping.dateOrder);
    if ('problem' in read) refuse('victim_dob', read.problem);
    else if (read.day > (received ?? context.today)) refuse('victim_dob', `${read.day} is after the referral was received`);
    else dob = read.day;
  }

  let age: number | null = null;
  if (c.victim_age) {
    const n = /^\d{1,3}$/.test(c.victim_age) ? Number(c.victim_age) : NaN;
    if (!(n >= 0 && n <= 120)) refuse('victim_age', `"${c.victim_age}" is not an age in whole years from 0 to 120`);
    else age = n;
  }

  let child: boolean | null = null;
  if (c.child) {
    const word = headingKey(c.child);
    if (YES.has(word)) child = true;
    else if (NO.has(word)) child = false;
    else if (!UNKNOWN.has(word)) refuse('child', `"${c.child}" is not yes, no or not known`);
  }
  // An age under 18 makes a child whatever the box says (as on the referral form).
  const ageAtReferral = age ?? (dob ? yearsBetween(dob, received ?? context.today) : null);
  if (ageAtReferral !== null) child = ageAtReferral < 18 ? true : (child ?? false);

  let gender: 'female' | 'male' | 'other' | null = null;
  if (c.victim_gender) {
    const word = headingKey(c.victim_gender);
    if (!(word in GENDERS)) refuse('victim_gender', `"${c.victim_gender}" is not female, male, other or not known`);
    else gender = GENDERS[word]!;
  }

  const phone = (field: 'victim_phone' | 'suspect_phone') => {
    const value = c[field];
    if (!value) return null;
    if (!/^[+\d][\d\s().-]*$/.test(value) || value.replace(/\D/g, '').length < 6) {
      refuse(field, `"${value}" is not a phone number: use digits, with + for another country`);
      return null;
    }
    return value;
  };
  const victimPhone = phone('victim_phone');
  const suspectPhone = phone('suspect_phone');

  let vehicle: string | null = null;
  if (c.vehicle) {
    const registration = c.vehicle.toUpperCase().replace(/\s+/g, ' ');
    if (!/^[A-Z0-9 -]{2,12}$/.test(registration)) refuse('vehicle', `"${c.vehicle}" is not a registration: letters and digits, up to 12`);
    else vehicle = registration;
  }

  if (problems.length > 0) return { kind: 'refused', problems, ...(c.reference ? { key: rowKey(c) } : {}) };

  const [givenName, familyName] =
    c.victim_given_name || c.victim_family_name ? [text('victim_given_name'), text('victim_family_name')] : splitName(c.victim_name);
  const hasVictim = [givenName, familyName, dob, age, gender, text('victim_nationality'), victimPhone].some((v) => v !== null);
  const [suspectGiven, suspectFamily] = splitName(c.suspect_name);
  const referral: ImportedReferral = {
    key: rowKey(c),
    reference: text('reference'),
    received,
    summary: text('summary'),
    exploitationTypes: types,
    localAuthority,
    town: text('town'),
    postcode,
    involvesChild: child === true,
    victim: hasVictim ? { givenName, familyName, dob, ageYears: age, gender, nationality: text('victim_nationality'), phone: victimPhone } : null,
    address: text('address'),
    suspect: suspectGiven || suspectFamily || suspectPhone ? { givenName: suspectGiven, familyName: suspectFamily, phone: suspectPhone } : null,
    vehicle,
    business: text('business'),
  };
  return { kind: 'referral', referral };
}

/** "Given Family", or "Family, Given" as registers write it. */
function splitName(full: string | undefined): [string | null, string | null] {
  if (!full) return [null, null];
  const comma = full.indexOf(',');
  if (comma > 0) return [full.slice(comma + 1).trim() || null, full.slice(0, comma).trim() || null];
  const parts = full.split(/\s+/);
  if (parts.length === 1) return [parts[0]!, null];
  return [parts.slice(0, -1).join(' '), parts.at(-1)!];
}

function yearsBetween(dob: string, day: string): number {
  const [y1, m1, d1] = dob.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = day.split('-').map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/**
 * What makes a row the same row when a file is imported again: the sender's own reference when
 * the file has one (so a row corrected later is still the same referral), otherwise everything
 * the row says, spaces and case aside. The store keeps keys per agency, as references are.
 */
export function rowKey(cells: MappedCells): string {
  if (cells.reference) return `ref:${createHash('sha256').update(cells.reference.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex')}`;
  const canonical = IMPORT_FIELDS.map((f) => (cells[f] ?? '').replace(/\s+/g, ' ').trim().toLowerCase()).join('\u001f');
  return `row:${createHash('sha256').update(canonical).digest('hex')}`;
}
