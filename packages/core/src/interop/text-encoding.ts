import type { TextEncoding } from '@harbour/contract';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { replaceUnstorable } from '../text/unstorable';

export { TEXT_ENCODINGS, type TextEncoding } from '@harbour/contract';

/**
 * A file's text and the encoding it was read in. With `auto`, a byte-order mark decides; otherwise
 * bytes that are valid UTF-8 are UTF-8 (a Windows-1252 file with any accented letter almost never
 * is), and anything else is Windows-1252, which can decode every byte.
 */
/** What a character no store can hold (NUL, half a surrogate pair) is read as: U+FFFD. */
export const UNREADABLE = '\ufffd';

export function decodeText(bytes: Uint8Array, choice: TextEncoding | 'auto' = 'auto'): { text: string; encoding: TextEncoding } {
  const encoding = choice === 'auto' ? detectEncoding(bytes) : choice;
  const decoded = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
  // A NUL byte or half a surrogate pair cannot be stored as text: each becomes the replacement
  // character, which an importer reads as "this row is damaged" rather than failing the file.
  const text = replaceUnstorable(decoded, UNREADABLE);
  return { text, encoding };
}

function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Checked in place: decoding a 100 MB file only to learn it is UTF-8 held a second copy of it.
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/** Separators a CSV export uses: Excel in much of Europe writes semicolons; some tools write tabs. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The separator the header line uses most, outside quotes; a comma when it has none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}
