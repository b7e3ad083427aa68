import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';

/** Writes rows under a header row, waiting when the disk is slower than the rows (a million rows stay out of memory). */
export async function writeCsv(path: string, columns: readonly string[], rows: Iterable<readonly (string | number)[]>): Promise<void> {
  const out = createWriteStream(path);
  const writer = stringify({ header: true, columns: [...columns] });
  writer.pipe(out);
  for (const row of rows) if (!writer.write([...row])) await once(writer, 'drain');
  writer.end();
  await once(out, 'finish');
}
