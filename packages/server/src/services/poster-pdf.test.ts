import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWARENESS_SETTINGS, MATERIAL_SIZES, REPORT_LANGUAGES, type ReportLanguage } from '@harbour/contract';
import * as fontkit from 'fontkit';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTER_CHINESE_FONT, posterCharacters } from './poster-fonts';
import { posterPdf } from './poster-pdf';
import { posterWords } from './poster-words';

const PORTAL = 'https://report.gwent.police.example';
const HELPLINES = ['999', '101', '0800 555 111', '08000 121 700'];
const folder = mkdtempSync(join(tmpdir(), 'harbour-posters-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function request(language: ReportLanguage, size: 'A4' | 'A5' = 'A4') {
  return {
    language,
    setting: 'car_wash' as const,
    size,
    address: `${PORTAL}/report?lang=${language}`,
    scanAddress: `${PORTAL}/report?lang=${language}&c=car-washes-2026`,
  };
}

async function written(language: ReportLanguage, size: 'A4' | 'A5' = 'A4'): Promise<string> {
  const file = join(folder, `${language}-${size}.pdf`);
  writeFileSync(file, await posterPdf(request(language, size)));
  return file;
}

/** The page's text as a reader copying it would get it, every kind of space as a space. */
function textOf(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'])
    .toString()
    .replace(/[\u00a0\s]+/g, ' ');
}

/** The QR code on the page, read back from a 150 dpi picture of it as a phone's camera would. */
async function scanned(file: string): Promise<string | undefined> {
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, file]);
  const { data, info } = await sharp(`${file}.png`).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
}

describe('posters and leaflets', () => {
  it.each(['cy', 'ar', 'zh'] as const)('in %s: the helplines read back whole and in order, then the portal address', async (language) => {
    const text = textOf(await written(language));
    let from = 0;
    for (const number of [...HELPLINES, `${PORTAL}/report?lang=${language}`]) {
      const at = text.indexOf(number, from);
      expect(at, `${language}: ${number} after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at + number.length;
    }
    // No helpline is printed with its digit groups turned round, as unisolated right-to-left text would lay them out.
    expect(text).not.toContain('111 555 0800');
    expect(text).not.toContain('700 121 08000');
  });

  it.each(['cy', 'ar', 'zh'] as const)('in %s: the QR code leads to the reporting form in that language, tagged with the campaign', async (language) => {
    expect(await scanned(await written(language))).toBe(request(language).scanAddress);
  });

  it('a leaflet (A5) scans as well as a poster', async () => {
    expect(await scanned(await written('ar', 'A5'))).toBe(request('ar').scanAddress);
  });

  it('prints the sign for its setting in the language chosen', async () => {
    const text = textOf(await written('cy'));
    for (const sign of posterWords('cy', 'car_wash').signs) expect(text).toContain(sign.replace(/\s+/g, ' ').slice(0, 20));
  });

  it('every language and setting fits one page', async () => {
    // A leaflet is the poster scaled down (every size and gap in proportion to the page), so one size answers for both.
    expect(MATERIAL_SIZES).toEqual(['A4', 'A5']);
    for (const language of REPORT_LANGUAGES)
      for (const setting of AWARENESS_SETTINGS) {
        const pdf = await posterPdf({ ...request(language, 'A5'), setting });
        expect(pdf.toString('latin1').match(/\/Type \/Page\b/g), `${language} ${setting}`).toHaveLength(1);
      }
  });

  it('the shipped Chinese font has every character Chinese posters print (else run tools/poster-font.ts)', () => {
    const font = fontkit.openSync(POSTER_CHINESE_FONT);
    if ('fonts' in font) throw new Error('expected one font');
    const text = posterCharacters(AWARENESS_SETTINGS.map((setting) => posterWords('zh', setting)));
    expect([...text].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!))).toEqual([]);
  });
});
