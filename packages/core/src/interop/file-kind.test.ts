import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { notTextKind, refuseIfNotText } from './file-kind';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string, encoding = 'utf-8') => new Uint8Array(iconv.encode(s, encoding));

describe('a file sent as CSV that is not text', () => {
  it('is named by its first bytes: workbook, PDF, picture, archive, or just binary', () => {
    const xlsx = text('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml', 'latin1');
    expect(notTextKind(xlsx)).toBe('excel_workbook');
    expect(notTextKind(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0))).toBe('archive');
    expect(notTextKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toBe('old_excel_workbook');
    expect(notTextKind(text('%PDF-1.7\n'))).toBe('pdf');
    expect(notTextKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image');
    expect(notTextKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image');
    expect(notTextKind(bytes(0x1f, 0x8b, 0x08))).toBe('archive');
    expect(notTextKind(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))).toBe('binary');
    // One NUL in a cell is that row's problem, not the file's.
    expect(notTextKind(text('Name,Notes\nAna,before\u0000after\nEva,fine\n'))).toBeNull();
    expect(() => refuseIfNotText(xlsx)).toThrow(/Excel workbook \(\.xlsx\), not a CSV file: open it and save it as CSV/);
  });

  it('lets every text file through: UTF-8, Windows-1252 and UTF-16 with its mark, in any language (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom(...'abcŵŷâêôÀéøßżąçșëđ中文سمير 0123456789-/'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 }), (rows) => {
        const csv = rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n');
        expect(notTextKind(text(csv))).toBeNull();
        expect(notTextKind(text(`\ufeff${csv}`, 'utf-16le'))).toBeNull();
        const latin = csv.replace(/[\u0100-\uffff]/g, '?');
        expect(notTextKind(text(latin, 'windows-1252'))).toBeNull();
      }),
    );
    expect(notTextKind(new Uint8Array())).toBeNull();
  });
});
