import type { Bilingual } from '@harbour/contract';
import { INK, markedPdf } from './pdf-pages';

/** What a certificate says: who completed which course, when, and when to take it again. */
export interface CertificateFacts {
  readonly certificate: string;
  readonly name: string;
  readonly force: Bilingual;
  readonly course: Bilingual;
  readonly version: number;
  /** Days as YYYY-MM-DD. */
  readonly completedOn: string;
  readonly refresherDue: string;
}

const GREY = '#505a5f';
const MARGIN = 56;

/**
 * A certificate of completion, one A4 page in landscape, in Welsh and English: each line in Welsh
 * first, English beneath, as a public body in Wales sets out bilingual text. Its number is printed
 * so that anyone shown it can ask the team whether it is genuine.
 */
export async function certificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const { doc, done } = markedPdf({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: `Tystysgrif / Certificate ${facts.certificate}`, Author: `${facts.force.cy} / ${facts.force.en}` },
    lang: 'cy',
  });
  const { width, height } = doc.page;
  const inner = width - 2 * MARGIN;
  doc
    .lineWidth(3)
    .strokeColor(INK)
    .rect(MARGIN / 2, MARGIN / 2, width - MARGIN, height - MARGIN)
    .stroke();

  const centred = (text: string, font: 'text' | 'bold', size: number, colour = INK) =>
    doc.font(font).fontSize(size).fillColor(colour).text(text, MARGIN, undefined, { width: inner, align: 'center' });
  const both = (cy: string, en: string, font: 'text' | 'bold', size: number) => {
    centred(cy, font, size);
    centred(en, font, size * 0.8, GREY);
  };
  const day = (iso: string, language: 'cy-GB' | 'en-GB') =>
    new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

  doc.y = MARGIN + 36;
  both(facts.force.cy, facts.force.en, 'bold', 14);
  doc.moveDown(1.2);
  both('Tystysgrif Cwblhau', 'Certificate of Completion', 'bold', 30);
  doc.moveDown(1);
  both('Rhoddir i', 'Awarded to', 'text', 13);
  doc.moveDown(0.3);
  centred(facts.name, 'bold', 24);
  doc.moveDown(0.8);
  both('am gwblhau’r cwrs', 'for completing the course', 'text', 13);
  doc.moveDown(0.3);
  both(facts.course.cy, facts.course.en, 'bold', 20);
  doc.moveDown(1.2);
  both(`Cwblhawyd ar ${day(facts.completedOn, 'cy-GB')}`, `Completed on ${day(facts.completedOn, 'en-GB')}`, 'text', 13);
  doc.moveDown(0.4);
  both(`Cwrs gloywi erbyn ${day(facts.refresherDue, 'cy-GB')}`, `Refresher due by ${day(facts.refresherDue, 'en-GB')}`, 'text', 13);
  doc.moveDown(1.2);
  both(
    `Rhif y dystysgrif ${facts.certificate} · fersiwn ${facts.version} o’r cwrs`,
    `Certificate number ${facts.certificate} · course version ${facts.version}`,
    'text',
    11,
  );
  doc.end();
  return done;
}
