import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ReportLanguage } from '@harbour/contract';
import type { PosterWords } from './poster-words';
import { woffToSfnt } from './woff-to-sfnt';

const require = createRequire(import.meta.url);

/** The Chinese font posters embed: a subset of Noto Sans CJK SC made by `tools/poster-font.ts`. */
export const POSTER_CHINESE_FONT = fileURLToPath(new URL('../../content/fonts/noto-sans-sc-poster.otf', import.meta.url));

const DEJAVU = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const DEJAVU_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const NASKH = require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff');
const NASKH_BOLD = require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff');

/**
 * The fonts a poster in a language is set in: `text` and `bold` for its own script, and `latin`
 * and `latinBold` for the digits, addresses and names (Crimestoppers) among them. DejaVu carries
 * every Latin letter of the portal's languages (Welsh ŵ, Romanian ș, Vietnamese ế); Noto Naskh
 * Arabic the Arabic; the Chinese subset both Chinese and ASCII.
 */
export function posterFonts(language: ReportLanguage): Record<'text' | 'bold' | 'latin' | 'latinBold', Buffer> {
  const [text, bold, latin, latinBold] = pathsFor(language).map(fontFile);
  return { text: text!, bold: bold!, latin: latin!, latinBold: latinBold! };
}

function pathsFor(language: ReportLanguage): string[] {
  if (language === 'ar') return [NASKH, NASKH_BOLD, DEJAVU, DEJAVU_BOLD];
  if (language === 'zh') return [POSTER_CHINESE_FONT, POSTER_CHINESE_FONT, DEJAVU, DEJAVU_BOLD];
  return [DEJAVU, DEJAVU_BOLD, DEJAVU, DEJAVU_BOLD];
}

const files = new Map<string, Buffer>();

/** A font's file, read once a process; WOFF unwrapped, so each PDF does not inflate it again. */
function fontFile(path: string): Buffer {
  let file = files.get(path);
  if (!file) {
    const bytes = readFileSync(path);
    file = path.endsWith('.woff') ? woffToSfnt(bytes) : bytes;
    files.set(path, file);
  }
  return file;
}

/** Every character posters with these words print: what the Chinese subset must hold. */
export function posterCharacters(words: readonly PosterWords[]): string {
  const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
  const all = words.flatMap((w) => [w.forceName, w.headline, w.lead, w.signsTitle, ...w.signs, w.helplinesTitle, ...w.helplines, w.scan, w.orVisit]);
  // A no-break space holds a phone number's digit groups on one line; a bullet starts each sign.
  return [...new Set([...ascii, '\u00a0', '•', ...all.join('')])].filter((c) => !/[\u2066-\u2069]/.test(c)).join('');
}
