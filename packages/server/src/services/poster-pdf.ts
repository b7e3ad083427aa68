import type { AwarenessSetting, MaterialSize, ReportLanguage } from '@harbour/contract';
import QRCode from 'qrcode';
import { markedPdf } from './pdf-pages';
import { visualPieces } from './pdf-bidi';
import { posterFonts } from './poster-fonts';
import { LTR_ISOLATE, POP_ISOLATE, posterWords, type PosterWords } from './poster-words';

/** What a poster (A4) or leaflet (A5) is made for, and where its QR code and address lead. */
export interface PosterRequest {
  readonly language: ReportLanguage;
  readonly setting: AwarenessSetting;
  readonly size: MaterialSize;
  /** The reporting form in this language, as printed for someone to type. */
  readonly address: string;
  /** The same with the campaign's tag, for the QR code: reports are counted by it, no one identified. */
  readonly scanAddress: string;
}

const BAND = '#1d3557';
const INK = '#0b0c0c';
const HELP = '#f3f2f1';
const A4_WIDTH = 595.28;

/**
 * Naming a feature makes PDFKit lay out a run whole: by default it lays out word by word, and
 * fontkit, reversing each Arabic word on its own, would print the words of a line in reading
 * order from the left. `rlig` (required ligatures) is on for Arabic anyway.
 */
const WHOLE_RUN: PDFKit.Mixins.OpenTypeFeatures[] = ['rlig'];

type Face = 'text' | 'bold' | 'latin' | 'latinBold';

/**
 * A poster or leaflet for the public in one of the portal's languages: the signs to look for in a
 * setting, the four helplines and a QR code to the reporting form in that language. One page,
 * laid out from the start side of its script: Arabic right to left, with every phone number and
 * the address kept left to right as the reporting form shows them.
 */
export async function posterPdf(request: PosterRequest): Promise<Buffer> {
  const words = posterWords(request.language, request.setting);
  const { doc, done } = markedPdf({
    size: request.size,
    margin: 0,
    lang: request.language,
    info: { Title: words.headline, Author: words.forceName },
  });
  for (const [face, path] of Object.entries(posterFonts(request.language))) doc.registerFont(face, path);

  const { width, height } = doc.page;
  const scale = width / A4_WIDTH;
  const margin = 40 * scale;
  const inner = width - 2 * margin;
  const writer = new PosterWriter(doc, words, scale);

  // A band across the top with the headline, the first thing seen from across a room.
  const headlineSize = 30 * scale;
  const bandHeight = writer.measure(words.headline, 'bold', headlineSize, inner) + 2 * margin;
  doc.rect(0, 0, width, bandHeight).fill(BAND);
  writer.paragraph(words.headline, { x: margin, y: margin, width: inner, face: 'bold', size: headlineSize, colour: '#ffffff' });

  let y = bandHeight + 22 * scale;
  y = writer.paragraph(words.lead, { x: margin, y, width: inner, face: 'text', size: 14 * scale }) + 16 * scale;
  y = writer.paragraph(words.signsTitle, { x: margin, y, width: inner, face: 'bold', size: 17 * scale }) + 6 * scale;
  for (const sign of words.signs) y = writer.bullet(sign, { x: margin, y, width: inner, size: 13 * scale }) + 5 * scale;

  // The helplines on a tinted panel, each on its own line.
  y += 12 * scale;
  const pad = 12 * scale;
  const helpTop = y;
  const helpSize = 12 * scale;
  const helpHeight =
    writer.measure(words.helplinesTitle, 'bold', 15 * scale, inner - 2 * pad) +
    words.helplines.reduce((sum, line) => sum + writer.measure(line, 'text', helpSize, inner - 2 * pad) + 4 * scale, 0) +
    2 * pad +
    6 * scale;
  doc.rect(margin, helpTop, inner, helpHeight).fill(HELP);
  y = writer.paragraph(words.helplinesTitle, { x: margin + pad, y: y + pad, width: inner - 2 * pad, face: 'bold', size: 15 * scale }) + 6 * scale;
  for (const line of words.helplines) y = writer.paragraph(line, { x: margin + pad, y, width: inner - 2 * pad, face: 'text', size: helpSize }) + 4 * scale;
  y = helpTop + helpHeight + 18 * scale;

  // The QR code on the start side, what it does and the address beside it.
  const qrSize = 118 * scale;
  const rtl = words.direction === 'rtl';
  drawQr(doc, request.scanAddress, rtl ? width - margin - qrSize : margin, y, qrSize);
  const besideX = rtl ? margin : margin + qrSize + 16 * scale;
  const besideWidth = inner - qrSize - 16 * scale;
  let by = writer.paragraph(words.scan, { x: besideX, y, width: besideWidth, face: 'bold', size: 13 * scale }) + 8 * scale;
  by = writer.paragraph(words.orVisit, { x: besideX, y: by, width: besideWidth, face: 'text', size: 12 * scale }) + 2 * scale;
  by = writer.paragraph(`${LTR_ISOLATE}${request.address}${POP_ISOLATE}`, { x: besideX, y: by, width: besideWidth, face: 'latinBold', size: 11 * scale });
  y = Math.max(y + qrSize, by) + 14 * scale;

  writer.paragraph(words.forceName, { x: margin, y: height - margin, width: inner, face: 'text', size: 10 * scale, colour: '#505a5f' });
  if (y > height - margin || doc.bufferedPageRange().count > 1)
    throw new Error(`The ${request.language} ${request.setting} ${request.size} poster does not fit its page`);
  doc.end();
  return done;
}

interface Placed {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly face: Face;
  readonly size: number;
  readonly colour?: string;
}

/**
 * Writes paragraphs from the start side of the poster's script. Left-to-right text goes to
 * PDFKit whole, a phone number's digit groups held together by no-break spaces; right-to-left
 * text is broken into lines here and each line drawn in visual order (see `visualPieces`),
 * Latin pieces (digits, names, the address) in the Latin font.
 */
class PosterWriter {
  private readonly rtl: boolean;
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    words: PosterWords,
    private readonly scale: number,
  ) {
    this.rtl = words.direction === 'rtl';
  }

  /** Writes a paragraph; returns where the next may start. */
  paragraph(text: string, at: Placed): number {
    const latinOnly = at.face === 'latin' || at.face === 'latinBold';
    if (!this.rtl || latinOnly) {
      this.doc
        .font(at.face)
        .fontSize(at.size)
        .fillColor(at.colour ?? INK)
        .text(unbroken(text), at.x, at.y, { width: at.width, align: this.rtl ? 'right' : 'left', lineGap: at.size * 0.2 });
      return this.doc.y;
    }
    let y = at.y;
    for (const line of this.lines(text, at.face, at.size, at.width)) {
      let x = at.x + at.width - this.lineWidth(line, at.face, at.size);
      for (const piece of this.pieces(line, at.face)) {
        this.doc
          .font(piece.font)
          .fontSize(at.size)
          .fillColor(at.colour ?? INK)
          .text(piece.text, x, y, { lineBreak: false, features: WHOLE_RUN });
        x += this.doc.widthOfString(piece.text, { features: WHOLE_RUN });
      }
      y += this.lineHeight(at.size);
    }
    return y;
  }

  /** A sign with a bullet on the start side. */
  bullet(text: string, at: Omit<Placed, 'face'>): number {
    const indent = 18 * this.scale;
    const bulletX = this.rtl ? at.x + at.width - indent + 6 * this.scale : at.x;
    this.doc.font('latin').fontSize(at.size).fillColor(INK).text('•', bulletX, at.y, { lineBreak: false });
    return this.paragraph(text, { ...at, face: 'text', x: this.rtl ? at.x : at.x + indent, width: at.width - indent });
  }

  /** The height a paragraph takes. */
  measure(text: string, face: Face, size: number, width: number): number {
    if (!this.rtl || face === 'latin' || face === 'latinBold')
      return this.doc
        .font(face)
        .fontSize(size)
        .heightOfString(unbroken(text), { width, lineGap: size * 0.2 });
    return this.lines(text, face, size, width).length * this.lineHeight(size);
  }

  private lineHeight(size: number): number {
    return size * 1.6;
  }

  /**
   * Right-to-left text broken at spaces into lines that fit, never inside an isolate (a number,
   * the address). Words are measured one by one: a space ends Arabic joining, so a line is as
   * wide as its words and spaces.
   */
  private lines(text: string, face: Face, size: number, width: number): string[] {
    const space = this.lineWidth(' ', face, size);
    const lines: { text: string; width: number }[] = [];
    for (const word of text.split(/ (?![^\u2066]*\u2069)/)) {
      const wide = this.lineWidth(word, face, size);
      const last = lines.at(-1);
      if (last && last.width + space + wide <= width) lines[lines.length - 1] = { text: `${last.text} ${word}`, width: last.width + space + wide };
      else lines.push({ text: word, width: wide });
    }
    return lines.map((line) => line.text);
  }

  private lineWidth(line: string, face: Face, size: number): number {
    const key = `${face} ${size} ${line}`;
    const known = this.widths.get(key);
    if (known !== undefined) return known;
    const width = this.pieces(line, face).reduce(
      (sum, piece) => sum + this.doc.font(piece.font).fontSize(size).widthOfString(piece.text, { features: WHOLE_RUN }),
      0,
    );
    this.widths.set(key, width);
    return width;
  }

  private pieces(line: string, face: Face) {
    const latin: Face = face === 'bold' ? 'latinBold' : 'latin';
    return visualPieces<Face>(line, 'rtl', (char) => (/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff ]/.test(char) ? face : latin));
  }
}

/** Left-to-right text without isolates, the spaces inside each (a phone number) made unbreakable. */
function unbroken(text: string): string {
  return text.replace(/\u2066([^\u2069]*)\u2069/g, (_, inside: string) => inside.replace(/ /g, '\u00a0'));
}

/** A QR code drawn as squares (sharp at any print size), with the quiet zone scanners need. */
function drawQr(doc: PDFKit.PDFDocument, address: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(address, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++)
      if (modules.get(row, column)) doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
  doc.fill('#000000');
}
