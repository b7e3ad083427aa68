import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
// DejaVu has every letter of Welsh (ŵ, ŷ) that the PDF standard fonts lack.
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export const INK = '#0b0c0c';

/**
 * A PDF document being written, its fonts registered as `text` and `bold`, its pages kept so that
 * each can be marked once the content is laid out; `done` gives the whole file after `end()`.
 */
export function markedPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ ...options, displayTitle: true, bufferPages: true });
  doc.registerFont('text', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** The protective marking centred at the head and foot of every page, as the Government Security Classifications ask. */
export function markEveryPage(doc: PDFKit.PDFDocument, marking: string, margin: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    // Writing inside the margins must not start a new page.
    const bottomMargin = margins.bottom;
    margins.bottom = 0;
    const line = { width: width - 2 * margin, align: 'center' as const, lineBreak: false };
    doc.font('bold').fontSize(10).fillColor(INK);
    doc.text(marking, margin, margin / 2 - 5, line);
    doc.text(marking, margin, height - margin / 2 - 5, line);
    margins.bottom = bottomMargin;
  }
}

/** SVG text drawn in the registered fonts (an SVG asks for Arial, which a PDF cannot be sure to have). */
export const svgFonts = (_family: string, bold: boolean) => (bold ? 'bold' : 'text');
