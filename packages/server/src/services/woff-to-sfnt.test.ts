import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './woff-to-sfnt';

const woff = readFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff'));

describe('a WOFF font unwrapped', () => {
  it('is the same font: name, glyphs and the shaping of an Arabic phrase', () => {
    const before = fontkit.create(woff);
    const after = fontkit.create(woffToSfnt(woff));
    if ('fonts' in before || 'fonts' in after) throw new Error('expected single fonts');
    expect(after.postscriptName).toBe(before.postscriptName);
    expect(after.numGlyphs).toBe(before.numGlyphs);
    const shaped = (font: fontkit.Font) => font.layout('قد تكون العبودية الحديثة موجودة هنا').glyphs.map((g) => g.id);
    expect(shaped(after)).toEqual(shaped(before));
  });

  it('refuses what is not WOFF', () => {
    expect(() => woffToSfnt(Buffer.from('OTTO and more'))).toThrow('Not a WOFF 1.0 font');
  });
});
