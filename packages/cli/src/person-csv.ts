import type { PersonRecord } from '@harbour/core';
import { CliError } from './context';
import { csvRows, type RowProblem } from './csv-in';

/** The person fields a CSV column can be mapped to. */
export const PERSON_FIELDS = [
  'given_name',
  'family_name',
  'full_name',
  'dob',
  'gender',
  'nationality',
  'phone',
  'address',
  'postcode',
  'town',
  'id_number',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

const PROPERTY: Record<PersonField, keyof Omit<PersonRecord, 'id'>> = {
  given_name: 'givenName',
  family_name: 'familyName',
  full_name: 'fullName',
  dob: 'dob',
  gender: 'gender',
  nationality: 'nationality',
  phone: 'phone',
  address: 'address',
  postcode: 'postcode',
  town: 'town',
  id_number: 'idNumber',
};

export interface PersonCsv {
  readonly records: PersonRecord[];
  readonly problems: RowProblem[];
  /** Which column feeds which field, as used. */
  readonly mapping: Record<string, PersonField[]>;
}

/** Parses `column=field` options; a field outside the list, or a malformed option, is refused with the reason. */
export function parseMappings(options: readonly string[]): [string, PersonField][] {
  return options.map((option) => {
    const at = option.lastIndexOf('=');
    const column = option.slice(0, at).trim();
    const field = option.slice(at + 1).trim();
    if (at <= 0 || !column || !field) throw new CliError(`--map ${option}: write it as <column>=<field>`);
    if (!(PERSON_FIELDS as readonly string[]).includes(field))
      throw new CliError(`--map ${option}: "${field}" is not a field; use one of ${PERSON_FIELDS.join(', ')}`);
    return [column, field as PersonField];
  });
}

/**
 * Reads person records from a CSV file with a header row. Columns named like a field (given_name,
 * dob…) are used as that field; `--map` adds or overrides; other columns are ignored. A row that
 * cannot be read (broken quoting, a different number of cells, no id, an id seen before) is
 * reported with its line and left out; nothing is dropped silently.
 */
export async function readPersonCsv(path: string, idColumn: string, mappings: readonly [string, PersonField][]): Promise<PersonCsv> {
  const records: PersonRecord[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  let columns: string[] | undefined;
  let idAt = -1;
  let fields: { at: number; property: keyof Omit<PersonRecord, 'id'> }[] = [];
  const mapping: Record<string, PersonField[]> = {};

  for await (const { record, line } of csvRows(path, problems)) {
    if (!columns) {
      columns = record;
      idAt = columns.indexOf(idColumn);
      if (idAt < 0) throw new CliError(`the file has no column "${idColumn}" for --id (its columns: ${columns.join(', ')})`);
      const chosen = new Map<number, PersonField>();
      columns.forEach((name, at) => {
        const field = PERSON_FIELDS.find((f) => f === name.toLowerCase());
        if (field) chosen.set(at, field);
      });
      for (const [column, field] of mappings) {
        const at = columns.indexOf(column);
        if (at < 0) throw new CliError(`--map ${column}=${field}: the file has no column "${column}"`);
        chosen.set(at, field);
      }
      fields = [...chosen.entries()].map(([at, field]) => {
        (mapping[columns![at]!] ??= []).push(field);
        return { at, property: PROPERTY[field] };
      });
      continue;
    }
    if (record.length !== columns.length) {
      problems.push({ line, reason: `has ${record.length} cells where the header has ${columns.length}` });
      continue;
    }
    const id = record[idAt]!;
    if (!id) {
      problems.push({ line, reason: `has no ${idColumn}` });
      continue;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({ line, reason: `repeats ${idColumn} "${id}" from line ${earlier}` });
      continue;
    }
    seen.set(id, line);
    const person: Record<string, string | null> = { id };
    for (const { at, property } of fields) person[property] = record[at] || null;
    records.push(person as unknown as PersonRecord);
  }
  if (!columns) throw new CliError(`${path} is empty: it needs a header row`);
  return { records, problems, mapping };
}
