/**
 * k-anonymity for case-level rows released for research, as the Counter Trafficking Data
 * Collaborative does: every combination of the quasi-identifiers (the fields someone could know
 * about a person from elsewhere: age band, gender, nationality, area, year…) is shared by at
 * least k rows. Rows in smaller groups are generalised a step at a time (an age band to child or
 * adult, a subregion to a region, then to "*", withheld); rows no step can hide are left out.
 */

/** A row: field name to value, every value text (a withheld value is "*"). */
export type Row = Record<string, string>;

/** One step of generalisation of one field: applied only to rows still in too small a group. */
export interface GeneralisationStep {
  readonly field: string;
  readonly to: (value: string) => string;
}

export const WITHHELD = '*';

export interface AnonymisedRows<R extends Row> {
  readonly rows: R[];
  /** Rows left out because no generalisation put them in a group of k. */
  readonly left: number;
  /** How many field values were generalised or withheld. */
  readonly generalised: number;
}

/** The group key of a row: its quasi-identifier values. */
function classOf(row: Row, quasi: readonly string[]): string {
  return JSON.stringify(quasi.map((field) => row[field] ?? ''));
}

/** Each combination of quasi-identifier values found, with how many rows have it. */
export function equivalenceClasses(rows: readonly Row[], quasi: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const row of rows) {
    const key = classOf(row, quasi);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

/**
 * Makes the rows k-anonymous over `quasi`: the steps are tried in order, each on the rows then in
 * a group smaller than k; then each quasi-identifier is withheld in turn; rows still in a small
 * group are left out. Rows in groups of k or more are never touched, so the most common
 * combinations keep their detail.
 */
export function kAnonymise<R extends Row>(
  input: readonly R[],
  quasi: readonly string[],
  k: number,
  steps: readonly GeneralisationStep[] = [],
): AnonymisedRows<R> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number from 1: ${k}`);
  for (const step of steps) if (!quasi.includes(step.field)) throw new RangeError(`${step.field} is not a quasi-identifier`);
  const rows = input.map((row) => ({ ...row }));
  let generalised = 0;
  const all = [...steps, ...quasi.map((field): GeneralisationStep => ({ field, to: () => WITHHELD }))];
  for (const step of all) {
    const sizes = equivalenceClasses(rows, quasi);
    for (const row of rows) {
      if (sizes.get(classOf(row, quasi))! >= k) continue;
      const value = row[step.field] ?? '';
      const to = step.to(value);
      if (to === value) continue;
      (row as Row)[step.field] = to;
      generalised += 1;
    }
  }
  const sizes = equivalenceClasses(rows, quasi);
  const kept = rows.filter((row) => sizes.get(classOf(row, quasi))! >= k);
  return { rows: kept, left: rows.length - kept.length, generalised };
}

/** Age bands of the Counter Trafficking Data Collaborative's data. */
export function ageBand(age: number | null | undefined): string {
  if (age === null || age === undefined || !Number.isFinite(age) || age < 0) return 'Unknown';
  const bands: [number, string][] = [
    [9, '0–8'],
    [18, '9–17'],
    [21, '18–20'],
    [24, '21–23'],
    [27, '24–26'],
    [30, '27–29'],
    [39, '30–38'],
    [48, '39–47'],
  ];
  return bands.find(([below]) => age < below)?.[1] ?? '48+';
}

/** An age band made broad: child or adult. */
export function broadAgeBand(band: string): string {
  if (band === '0–8' || band === '9–17') return 'Child (0–17)';
  return ['18–20', '21–23', '24–26', '27–29', '30–38', '39–47', '48+'].includes(band) ? 'Adult (18+)' : band;
}
