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

/** One row as a file's reader sees it: its cells by field, and a way to say what is wrong with one. */
interface Row<K extends string> {
  cell(field: K): string;
  problem(field: K, reason: string): void;
}

/**
 * The skeleton both files share: the header read for its columns, each row read by `readRow`,
 * every problem gathered, and the file taken whole or (with any problem) not at all.
 */
function readWholeFile<K extends string, T>(
  rows: readonly { record: readonly string[]; line: number }[],
  file: { columns: Columns<K>; required: readonly NoInfer<K>[]; what: string; nothing: string },
  readRow: (row: Row<K>, line: number) => T,
): { items: T[]; problems: FileProblem[] } {
  const [head, ...body] = rows;
  if (!head) return { items: [], problems: [{ line: 1, column: null, reason: 'The file is empty' }] };
  const { at, problems } = findColumns(head.record, file.columns, file.required, file.what);
  if (problems.length) return { items: [], problems };
  const items = body.map(({ record, line }) =>
    readRow(
      {
        cell: (field) => (at[field] === undefined ? '' : (record[at[field]] ?? '').trim()),
        problem: (field, reason) => problems.push({ line, column: head.record[at[field]!]!.trim(), reason }),
      },
      line,
    ),
  );
  if (items.length === 0 && problems.length === 0) problems.push({ line: 2, column: null, reason: file.nothing });
  return problems.length ? { items: [], problems } : { items, problems };
}

/** A row's key (a unit's code, a staff number): well formed and given once in the file; upper case. */
function keyOf<K extends string>(
  row: Row<K>,
  field: K,
  line: number,
  seen: Map<string, number>,
  key: { pattern: RegExp; kind: string; called: string; missing: string; shape: string },
): string {
  const value = row.cell(field);
  const upper = value.toUpperCase();
  if (!key.pattern.test(value)) row.problem(field, value ? `"${value}" is not a ${key.kind}: ${key.shape}` : key.missing);
  else if (seen.has(upper)) row.problem(field, `The ${key.called} ${value} is given already, on line ${seen.get(upper)}`);
  else seen.set(upper, line);
  return upper;
}

/** A row's name: given, and not too long. */
function nameOf<K extends string>(row: Row<K>, field: K, whose: string): string {
  const name = row.cell(field);
  if (!name) row.problem(field, `Give the ${whose} name`);
  else if (name.length > MOST_NAME) row.problem(field, `The name is longer than ${MOST_NAME} characters`);
  return name;
}

/** The units file: code, name and (optionally) the local authority each serves. */
export function readUnitsFile(rows: readonly { record: readonly string[]; line: number }[], area: ForceArea): { units: UnitInput[]; problems: FileProblem[] } {
  const localAuthority = localAuthorityReader(area);
  const seen = new Map<string, number>();
  const file = { columns: UNIT_COLUMNS, required: REQUIRED_UNIT, what: 'units', nothing: 'The file names no unit' };
  const { items, problems } = readWholeFile(rows, file, (row, line): UnitInput => {
    const code = keyOf(row, 'code', line, seen, {
      pattern: CODE,
      kind: 'unit code',
      called: 'code',
      missing: 'Give the unit’s code',
      shape: 'up to 30 letters, digits, - or _',
    });
    const name = nameOf(row, 'name', 'unit’s');
    const la = row.cell('localAuthority');
    const read = la ? localAuthority(la) : null;
    if (read && 'problem' in read) row.problem('localAuthority', read.problem);
    return { code, name, localAuthority: read && 'code' in read ? read.code : null };
  });
  return { units: items, problems };
}

/** The establishment file: staff number, name, email (to match their Harbour account) and unit code. */
export function readEstablishmentFile(
  rows: readonly { record: readonly string[]; line: number }[],
  unitCodes: ReadonlySet<string>,
): { colleagues: ColleagueRow[]; problems: FileProblem[] } {
  const seen = new Map<string, number>();
  const file = { columns: COLLEAGUE_COLUMNS, required: REQUIRED_COLLEAGUE, what: 'establishment', nothing: 'The file names no colleague' };
  const { items, problems } = readWholeFile(rows, file, (row, line): ColleagueRow => {
    const staffNumber = keyOf(row, 'staffNumber', line, seen, {
      pattern: STAFF_NUMBER,
      kind: 'staff number',
      called: 'staff number',
      missing: 'Give the colleague’s staff number',
      shape: 'up to 20 letters, digits, / or -',
    });
    const name = nameOf(row, 'name', 'colleague’s');
    const email = row.cell('email');
    if (email && !EMAIL.test(email)) row.problem('email', `"${email}" is not an email address`);
    const unitCode = row.cell('unitCode').toUpperCase();
    if (!unitCode) row.problem('unitCode', 'Give the code of the colleague’s unit');
    else if (!unitCodes.has(unitCode)) row.problem('unitCode', `No unit has the code ${unitCode}: add it to the units first`);
    return { staffNumber, name, email: email ? email.toLowerCase() : null, unitCode };
  });
  return { colleagues: items, problems };
}
