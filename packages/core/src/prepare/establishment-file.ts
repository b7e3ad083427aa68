import type { ForceArea } from '../area/force-area';
import { headingKey, localAuthorityReader } from '../interop/bulk-import';

/**
 * The force's units and its establishment (who works in which unit), read from the CSV files a
 * force's HR or duty system exports. Each file is taken whole or not at all: an establishment
 * file replaces the whole establishment, so a row left out would mark a colleague as having left.
 * Every problem is named with its line and column, so the file can be put right and sent again.
 */
export interface FileProblem {
  /** The file's line (the header is line 1). */
  readonly line: number;
  /** The column's heading as the file has it, or null for the row or the file as a whole. */
  readonly column: string | null;
  readonly reason: string;
}

export interface UnitInput {
  readonly code: string;
  readonly name: string;
  /** The local authority's code, when the unit serves one. */
  readonly localAuthority: string | null;
}

export interface ColleagueRow {
  readonly staffNumber: string;
  readonly name: string;
  readonly email: string | null;
  readonly unitCode: string;
}

type Columns<K extends string> = Record<K, readonly string[]>;

const UNIT_COLUMNS: Columns<'code' | 'name' | 'localAuthority'> = {
  code: ['code', 'unit code', 'unit', 'station code'],
  name: ['name', 'unit name', 'station', 'station name'],
  localAuthority: ['local authority', 'council', 'area', 'local authority code'],
};
const COLLEAGUE_COLUMNS: Columns<'staffNumber' | 'name' | 'email' | 'unitCode'> = {
  staffNumber: ['staff number', 'staff no', 'payroll number', 'collar number', 'warrant number', 'employee number'],
  name: ['name', 'full name', 'display name'],
  email: ['email', 'email address', 'e mail'],
  unitCode: ['unit code', 'unit', 'station code', 'station'],
};
const REQUIRED_UNIT = ['code', 'name'] as const;
const REQUIRED_COLLEAGUE = ['staffNumber', 'name', 'unitCode'] as const;

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,29}$/;
const STAFF_NUMBER = /^[A-Za-z0-9][A-Za-z0-9/-]{0,19}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const MOST_NAME = 200;

/** Which column of the header each field is in; the header's problems if a needed one is missing. */
function findColumns<K extends string>(
  header: readonly string[],
  columns: Columns<K>,
  required: readonly NoInfer<K>[],
  what: string,
): { at: Partial<Record<K, number>>; problems: FileProblem[] } {
  const keys = header.map(headingKey);
  const at: Partial<Record<K, number>> = {};
  for (const field of Object.keys(columns) as K[]) {
    const i = keys.findIndex((k) => columns[field].includes(k));
    if (i >= 0) at[field] = i;
  }
  const missing = required.filter((f) => at[f] === undefined);
  return {
    at,
    problems: missing.map((f) => ({
      line: 1,
      column: null,
      reason: `The ${what} file has no "${columns[f][0]}" column: its first line must name the columns, such as ${Object.values<readonly string[]>(columns)
        .map((c) => c[0])
        .join(', ')}`,
    })),
  };
}

const cell = (record: readonly string[], i: number | undefined) => (i === undefined ? '' : (record[i] ?? '').trim());

/** The units file: code, name and (optionally) the local authority each serves. */
export function readUnitsFile(rows: readonly { record: readonly string[]; line: number }[], area: ForceArea): { units: UnitInput[]; problems: FileProblem[] } {
  const [head, ...body] = rows;
  if (!head) return { units: [], problems: [{ line: 1, column: null, reason: 'The file is empty' }] };
  const { at, problems } = findColumns(head.record, UNIT_COLUMNS, REQUIRED_UNIT, 'units');
  if (problems.length) return { units: [], problems };
  const column = (field: keyof typeof UNIT_COLUMNS) => head.record[at[field]!]!.trim();
  const localAuthority = localAuthorityReader(area);
  const units: UnitInput[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of body) {
    const code = cell(record, at.code);
    const name = cell(record, at.name);
    const la = cell(record, at.localAuthority);
    if (!CODE.test(code))
      problems.push({ line, column: column('code'), reason: code ? `"${code}" is not a unit code: up to 30 letters, digits, - or _` : 'Give the unit’s code' });
    else if (seen.has(code.toUpperCase()))
      problems.push({ line, column: column('code'), reason: `The code ${code} is given already, on line ${seen.get(code.toUpperCase())}` });
    else seen.set(code.toUpperCase(), line);
    if (!name) problems.push({ line, column: column('name'), reason: 'Give the unit’s name' });
    else if (name.length > MOST_NAME) problems.push({ line, column: column('name'), reason: `The name is longer than ${MOST_NAME} characters` });
    let laCode: string | null = null;
    if (la) {
      const read = localAuthority(la);
      if ('problem' in read) problems.push({ line, column: column('localAuthority'), reason: read.problem });
      else laCode = read.code;
    }
    units.push({ code: code.toUpperCase(), name, localAuthority: laCode });
  }
  if (units.length === 0 && problems.length === 0) problems.push({ line: 2, column: null, reason: 'The file names no unit' });
  return problems.length ? { units: [], problems } : { units, problems };
}

/** The establishment file: staff number, name, email (to match their Harbour account) and unit code. */
export function readEstablishmentFile(
  rows: readonly { record: readonly string[]; line: number }[],
  unitCodes: ReadonlySet<string>,
): { colleagues: ColleagueRow[]; problems: FileProblem[] } {
  const [head, ...body] = rows;
  if (!head) return { colleagues: [], problems: [{ line: 1, column: null, reason: 'The file is empty' }] };
  const { at, problems } = findColumns(head.record, COLLEAGUE_COLUMNS, REQUIRED_COLLEAGUE, 'establishment');
  if (problems.length) return { colleagues: [], problems };
  const column = (field: keyof typeof COLLEAGUE_COLUMNS) => head.record[at[field]!]!.trim();
  const colleagues: ColleagueRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of body) {
    const staffNumber = cell(record, at.staffNumber);
    const name = cell(record, at.name);
    const email = cell(record, at.email);
    const unitCode = cell(record, at.unitCode).toUpperCase();
    if (!STAFF_NUMBER.test(staffNumber))
      problems.push({
        line,
        column: column('staffNumber'),
        reason: staffNumber ? `"${staffNumber}" is not a staff number: up to 20 letters, digits, / or -` : 'Give the colleague’s staff number',
      });
    else if (seen.has(staffNumber.toUpperCase()))
      problems.push({
        line,
        column: column('staffNumber'),
        reason: `The staff number ${staffNumber} is given already, on line ${seen.get(staffNumber.toUpperCase())}`,
      });
    else seen.set(staffNumber.toUpperCase(), line);
    if (!name) problems.push({ line, column: column('name'), reason: 'Give the colleague’s name' });
    else if (name.length > MOST_NAME) problems.push({ line, column: column('name'), reason: `The name is longer than ${MOST_NAME} characters` });
    if (email && !EMAIL.test(email)) problems.push({ line, column: column('email'), reason: `"${email}" is not an email address` });
    if (!unitCode) problems.push({ line, column: column('unitCode'), reason: 'Give the code of the colleague’s unit' });
    else if (!unitCodes.has(unitCode))
      problems.push({ line, column: column('unitCode'), reason: `No unit has the code ${unitCode}: add it to the units first` });
    colleagues.push({ staffNumber: staffNumber.toUpperCase(), name, email: email ? email.toLowerCase() : null, unitCode });
  }
  if (colleagues.length === 0 && problems.length === 0) problems.push({ line: 2, column: null, reason: 'The file names no colleague' });
  return problems.length ? { colleagues: [], problems } : { colleagues, problems };
}
