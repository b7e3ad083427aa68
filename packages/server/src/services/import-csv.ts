import { Readable } from 'node:stream';
import { fromSpreadsheetSafe } from '@harbour/core';
import type { QuarantinedRow } from '@harbour/db';
import { parse } from 'csv-parse';

/**
 * A file's records with the line each ends on (the header is line 1). A record that cannot be
 * read at all (broken quoting) goes to `unreadable`, with its line, rather than stopping the file.
 */
export async function* records(text: string, delimiter: string, unreadable?: QuarantinedRow[]): AsyncGenerator<{ record: string[]; line: number }> {
  // In slices, so the parser waits for the reader: one chunk of the whole file would be parsed (and held) at once.
  const parser = Readable.from(slices(text)).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true, info: true, bom: true }),
  );
  parser.on('skip', (error: Error & { lines?: number }) =>
    unreadable?.push({ line: error.lines ?? 0, cells: [], problems: [{ field: null, column: null, reason: `cannot be read: ${error.message}` }] }),
  );
  // A file written by Harbour (a quarantine put right) guards formula-like cells: read them as they were.
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
    yield { record: record.map(fromSpreadsheetSafe), line: info.lines };
}

function* slices(text: string, size = 64 * 1024): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}
