import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors';
import { CASE_FILE_TYPES, checkDocument, looksLikeText, safeFileName, type DocumentFacts } from './documents';

const MB = 1024 * 1024;
const pdf: DocumentFacts = { fileName: 'Statement 1.pdf', sizeBytes: 2 * MB, detectedType: 'application/pdf', isText: false };

function reasonOf(facts: DocumentFacts): string | undefined {
  try {
    checkDocument(facts, 20 * MB);
    return undefined;
  } catch (e) {
    return e instanceof Invalid ? e.fields[0]?.reason : 'thrown';
  }
}

describe('documents a case keeps', () => {
  it('keep what the bytes show to be an allowed kind, named for what it is', () => {
    expect(checkDocument(pdf, 20 * MB)).toEqual({ fileName: 'Statement 1.pdf', kind: 'pdf', contentType: 'application/pdf' });
    expect(checkDocument({ ...pdf, fileName: 'IMG_0042.JPG', detectedType: 'image/jpeg' }, 20 * MB).kind).toBe('jpeg');
    expect(checkDocument({ ...pdf, fileName: 'timeline.csv', detectedType: undefined, isText: true }, 20 * MB).contentType).toBe('text/plain; charset=utf-8');
  });

  it('refuse empty, too large, unknown, active and misnamed files, each with its reason', () => {
    expect(reasonOf({ ...pdf, sizeBytes: 0 })).toBe('file_empty');
    expect(reasonOf({ ...pdf, sizeBytes: 20 * MB + 1 })).toBe('file_too_big');
    expect(reasonOf({ ...pdf, detectedType: 'application/zip', fileName: 'x.zip' })).toBe('file_type');
    expect(reasonOf({ ...pdf, detectedType: 'application/x-msdownload', fileName: 'x.exe' })).toBe('file_type');
    expect(reasonOf({ ...pdf, detectedType: undefined, isText: false, fileName: 'x.bin' })).toBe('file_type');
    // A PNG called .pdf, or a script called .txt, is not what it says.
    expect(reasonOf({ ...pdf, detectedType: 'image/png' })).toBe('file_type_mismatch');
    expect(reasonOf({ ...pdf, detectedType: undefined, isText: true, fileName: 'page.html' })).toBe('file_type_mismatch');
    expect(reasonOf({ ...pdf, detectedType: undefined, isText: true, fileName: 'drawing.svg' })).toBe('file_type_mismatch');
  });

  it('store names without folders, control characters or quotes, keeping the ending', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\dc\\Witness "A".docx')).toBe('Witness A.docx');
    expect(safeFileName('\u0000\u001f')).toBe('document');
    expect(safeFileName(`${'a'.repeat(300)}.pdf`)).toBe(`${'a'.repeat(116)}.pdf`);
    expect(safeFileName('Datganiad – tyst.pdf')).toBe('Datganiad – tyst.pdf');
  });

  it('tell text from binary', () => {
    expect(looksLikeText(new TextEncoder().encode('Cyfeiriad: 12 Heol y Bont\nشاهد\n证人'))).toBe(true);
    expect(looksLikeText(Uint8Array.from([0x41, 0x00, 0x42]))).toBe(false);
    expect(looksLikeText(Uint8Array.from([0xff, 0xfe, 0x41]))).toBe(false);
  });

  it('whatever is uploaded, an accepted document is an allowed kind whose name ends as that kind does', () => {
    const facts = fc.record({
      fileName: fc.string({ maxLength: 300 }),
      sizeBytes: fc.integer({ min: 0, max: 40 * MB }),
      detectedType: fc.option(fc.constantFrom('application/pdf', 'image/png', 'text/html', 'image/svg+xml', 'application/zip', 'image/jpeg'), {
        nil: undefined,
      }),
      isText: fc.boolean(),
    });
    fc.assert(
      fc.property(facts, (f) => {
        let accepted;
        try {
          accepted = checkDocument(f, 20 * MB);
        } catch (e) {
          expect(e).toBeInstanceOf(Invalid);
          return;
        }
        expect(f.sizeBytes).toBeGreaterThan(0);
        expect(f.sizeBytes).toBeLessThanOrEqual(20 * MB);
        expect(Object.keys(CASE_FILE_TYPES)).toContain(accepted.kind);
        expect(accepted.contentType).not.toMatch(/html|svg|script/);
        // eslint-disable-next-line no-control-regex
        expect(accepted.fileName).not.toMatch(/[/\\"\u0000-\u001f]/);
        expect(accepted.fileName.length).toBeLessThanOrEqual(120);
        const ending = accepted.fileName.split('.').pop()!.toLowerCase();
        expect(CASE_FILE_TYPES[accepted.kind].endings).toContain(ending);
      }),
    );
  });
});
