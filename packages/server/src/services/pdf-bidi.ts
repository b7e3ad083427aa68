import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** A piece of a line drawn in one font, its text as PDFKit should be given it. */
export interface DrawnPiece<Font extends string> {
  readonly font: Font;
  readonly text: string;
}

const ISOLATES_AND_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]/;

/**
 * One line of text in the pieces to draw from left to right, for PDFKit, which lays text out
 * left to right only. The Unicode Bidirectional Algorithm puts the line in visual order; each
 * piece then is a stretch of one font and one embedding level. PDFKit's font engine (fontkit)
 * shapes Arabic and itself reverses a run it finds Arabic letters in, so such a piece is given in
 * reading order; any other right-to-left piece (spaces, punctuation) is given reversed, brackets
 * mirrored. Isolates and direction marks steer the algorithm and are not drawn.
 */
export function visualPieces<Font extends string>(line: string, direction: 'ltr' | 'rtl', fontOf: (char: string) => Font): DrawnPiece<Font>[] {
  const chars = [...line];
  // bidi-js counts UTF-16 units; the poster's scripts are all in the Basic Multilingual Plane.
  if (chars.length !== line.length) throw new Error('visualPieces handles text of the Basic Multilingual Plane only');
  const embedding = bidi.getEmbeddingLevels(line, direction);
  const order = chars.map((_, i) => i);
  for (const [start, end] of bidi.getReorderSegments(line, embedding)) order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());

  const pieces: { font: Font; level: number; indices: number[] }[] = [];
  for (const i of order) {
    const char = chars[i]!;
    if (ISOLATES_AND_MARKS.test(char)) continue;
    const font = fontOf(char);
    const level = embedding.levels[i]!;
    const last = pieces.at(-1);
    if (last && last.font === font && last.level === level) last.indices.push(i);
    else pieces.push({ font, level, indices: [i] });
  }
  return pieces.map(({ font, level, indices }) => {
    if (level % 2 === 0) return { font, text: indices.map((i) => chars[i]).join('') };
    const reading = [...indices].reverse().map((i) => chars[i]!);
    if (reading.some((c) => ARABIC_LETTER.test(c))) return { font, text: reading.join('') };
    return { font, text: indices.map((i) => bidi.getMirroredCharacter(chars[i]!) ?? chars[i]).join('') };
  });
}
