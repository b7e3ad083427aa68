import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { RowProblem } from '@harbour/core';

export type { RowProblem };

/**
 * The rows of a CSV file (the header first), each with the line it starts on. A row that cannot be
 * parsed at all (broken quoting) is added to `problems` with its line and not yielded.
 */
export async function* csvRows(path: string, problems: RowProblem[]): AsyncGenerator<{ record: string[]; line: number }> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, trim: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, info: true }),
  );
  parser.on('skip', (error: Error & { lines?: number }) => problems.push({ line: error.lines ?? 0, reason: `cannot be read: ${error.message}` }));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) yield { record, line: info.lines };
}
