import { Invalid, isRowProblem, linkRowReader, type LinkColumns, type LinkInput, type LinkRow, type RowProblem } from '@harbour/core';
import { CliError } from './context';
import { csvRows } from './csv-in';

export type { LinkColumns };

/**
 * Reads a link list (call data records, or any two columns of identifiers) from a CSV file with
 * a header row. A row that cannot be read is reported with its line and left out (see
 * `linkRowReader`); nothing is dropped silently.
 */
export async function readLinkCsv(path: string, columns: LinkColumns): Promise<{ links: LinkInput[]; problems: RowProblem[] }> {
  const rows: LinkRow[] = [];
  const problems: RowProblem[] = [];
  let read: ReturnType<typeof linkRowReader> | undefined;
  for await (const { record, line } of csvRows(path, problems)) {
    if (!read) {
      try {
        read = linkRowReader(record, columns);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const missing = error.fields.map((f) => `${/"[^"]*"/.exec(f.message)![0]} for --${f.path.replace('columns.', '')}`);
        throw new CliError(`the file has no column ${missing.join(', ')} (its columns: ${record.join(', ')})`);
      }
      continue;
    }
    const row = read(record, line);
    if (isRowProblem(row)) problems.push(row);
    else rows.push(row);
  }
  if (!read) throw new CliError(`${path} is empty: it needs a header row`);
  return { links: rows.map((r) => (r.weight === undefined ? { from: r.from, to: r.to } : { from: r.from, to: r.to, weight: r.weight })), problems };
}
