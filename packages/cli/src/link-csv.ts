import { normalisePhone, type LinkInput } from '@harbour/core';
import { CliError } from './context';
import { csvRows, type RowProblem } from './csv-in';

export interface LinkColumns {
  readonly from: string;
  readonly to: string;
  readonly weight?: string;
  /** Read both ends as phone numbers (E.164; numbers without a country code are taken as UK). */
  readonly phones?: boolean;
}

/**
 * Reads a link list (call data records, or any two columns of identifiers) from a CSV file with
 * a header row. Other columns are ignored. A row that cannot be read (broken quoting, a different
 * number of cells, an empty end, a number that is not a phone number, a weight that is not a
 * positive number) is reported with its line and left out; nothing is dropped silently.
 */
export async function readLinkCsv(path: string, columns: LinkColumns): Promise<{ links: LinkInput[]; problems: RowProblem[] }> {
  const links: LinkInput[] = [];
  const problems: RowProblem[] = [];
  let header: string[] | undefined;
  let at = { from: -1, to: -1, weight: -1 };
  const end = (raw: string): string | null => (columns.phones ? normalisePhone(raw) : raw);
  for await (const { record, line } of csvRows(path, problems)) {
    if (!header) {
      header = record;
      const column = (flag: string, name: string) => {
        const i = record.indexOf(name);
        if (i < 0) throw new CliError(`the file has no column "${name}" for ${flag} (its columns: ${record.join(', ')})`);
        return i;
      };
      at = { from: column('--from', columns.from), to: column('--to', columns.to), weight: columns.weight ? column('--weight', columns.weight) : -1 };
      continue;
    }
    if (record.length !== header.length) {
      problems.push({ line, reason: `has ${record.length} cells where the header has ${header.length}` });
      continue;
    }
    const ends = [at.from, at.to].map((i) => ({ name: header![i]!, raw: record[i]! }));
    const missing = ends.find((e) => !e.raw);
    if (missing) {
      problems.push({ line, reason: `has no ${missing.name}` });
      continue;
    }
    const [from, to] = ends.map((e) => end(e.raw));
    if (!from || !to) {
      const bad = !from ? ends[0]! : ends[1]!;
      problems.push({ line, reason: `${bad.name} "${bad.raw}" is not a phone number` });
      continue;
    }
    let weight: number | undefined;
    if (at.weight >= 0) {
      const raw = record[at.weight]!;
      weight = Number(raw);
      if (!raw || !(weight > 0) || !Number.isFinite(weight)) {
        problems.push({ line, reason: `${header[at.weight]} "${raw}" is not a positive number` });
        continue;
      }
    }
    links.push(weight === undefined ? { from, to } : { from, to, weight });
  }
  if (!header) throw new CliError(`${path} is empty: it needs a header row`);
  return { links, problems };
}
