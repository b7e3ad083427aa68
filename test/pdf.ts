import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PDF's text as poppler's pdftotext lays it out, pages parted by form feeds. */
export function pdfText(pdf: Buffer | string): string {
  const file = typeof pdf === 'string' ? pdf : join(mkdtempSync(join(tmpdir(), 'harbour-pdf-')), 'file.pdf');
  if (typeof pdf !== 'string') writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

/** The first and last lines of each page: where a protective marking is printed. */
export function headAndFoot(text: string): [string | undefined, string | undefined][] {
  return text
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) => {
      const lines = page
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      return [lines[0], lines.at(-1)];
    });
}
