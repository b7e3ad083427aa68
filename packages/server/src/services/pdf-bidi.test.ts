import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visualPieces } from './pdf-bidi';

const fontOf = (char: string) => (/[\u0600-\u06ff ]/.test(char) ? 'arabic' : 'latin');
const drawn = (line: string, direction: 'ltr' | 'rtl') => visualPieces(line, direction, fontOf);

describe('a line in visual order for PDFKit', () => {
  it('puts an Arabic sentence’s isolated phone number left to right, after the full stop, before the colon', () => {
    expect(drawn('Crimestoppers، للإبلاغ دون ذكر اسمك: \u20660800 555 111\u2069.', 'rtl')).toEqual([
      { font: 'latin', text: '.' },
      { font: 'latin', text: '0800' },
      { font: 'arabic', text: ' ' },
      { font: 'latin', text: '555' },
      { font: 'arabic', text: ' ' },
      { font: 'latin', text: '111' },
      { font: 'arabic', text: ' ' },
      { font: 'latin', text: ':' },
      // Given in reading order: fontkit shapes it and lays it out right to left itself.
      { font: 'arabic', text: '، للإبلاغ دون ذكر اسمك' },
      { font: 'latin', text: 'Crimestoppers' },
    ]);
  });

  it('mirrors brackets that read right to left', () => {
    // Reading right to left: the word, then "(بك)"; drawn from the left, the closing bracket comes first, mirrored.
    expect(drawn('مرحبا (بك)', 'rtl').map((p) => p.text)).toEqual(['(', 'بك', ')', 'مرحبا ']);
  });

  it('leaves left-to-right text as it is, and draws no isolate', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 .,:]{0,40}$/), (text) => {
        expect(
          drawn(`\u2066${text}\u2069`, 'ltr')
            .map((p) => p.text)
            .join(''),
        ).toBe(text);
      }),
    );
  });

  it('keeps an isolated number’s digits in order inside any right-to-left sentence', () => {
    const arabic = fc.stringMatching(/^[\u0627-\u064a ]{1,30}$/);
    const number = fc.stringMatching(/^[0-9]{3,5}( [0-9]{3}){0,2}$/);
    fc.assert(
      fc.property(arabic, number, arabic, (before, digits, after) => {
        const visual = drawn(`${before}\u2066${digits}\u2069${after}`, 'rtl')
          .filter((p) => p.font === 'latin' || p.text === ' ')
          .map((p) => p.text)
          .join('');
        expect(visual).toContain(digits);
      }),
    );
  });
});
