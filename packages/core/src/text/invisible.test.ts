import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showInvisible } from './invisible';

describe('invisible controls in text shown to staff', () => {
  it('turns the right-to-left override trick into something anyone can see', () => {
    expect(showInvisible('invoice\u202Egnp.exe')).toBe('invoice[U+202E]gnp.exe');
    expect(showInvisible('a\u2066b\u2069c\u200Bd\u0000e')).toBe('a[U+2066]b[U+2069]c[U+200B]d[U+0000]e');
  });

  it('leaves ordinary text in every script alone, joiners and line breaks included', () => {
    for (const text of ['Zoë Nowak', 'مرحبا بك', '你好', 'नमस्ते', '👩‍👧', 'line one\nline two\ttabbed\r\n', 'O\u2019Brien'])
      expect(showInvisible(text)).toBe(text);
  });

  it('leaves no invisible control behind, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        expect(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\ufeff\u0000]/.test(showInvisible(text))).toBe(false);
      }),
    );
  });
});
