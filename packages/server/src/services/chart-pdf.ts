import type { ChartPdfRequest, ProtectiveMarking } from '@harbour/contract';
import { chartSvg } from '@harbour/contract/chart';
import SVGtoPDF from 'svg-to-pdfkit';
import { markedPdf, markEveryPage, svgFonts } from './pdf-pages';

const MARGIN = 40;
/** A drawing wider or taller than this (in the chart's units) goes on A3, so its labels stay legible. */
const A4_MOST = 1_600;

/** "Drawn 4 Dec 2026 by Tom Price", in the analyst's language: the server's date and the signed-in author, not the browser's word. */
const BYLINE: Record<ChartPdfRequest['language'], (date: string, name: string) => string> = {
  en: (date, name) => `Drawn ${date} by ${name}`,
  cy: (date, name) => `Wedi'i lunio ${date} gan ${name}`,
};

/**
 * A chart as a PDF to print or attach: the same framed drawing as the SVG export (title, byline,
 * key), fitted to one landscape or portrait page, A4 or A3 as its size needs, and the protective
 * marking at the head and foot of the page. Its text is real text (searchable, read aloud).
 */
export function chartPdf(chart: ChartPdfRequest, author: string, marking: ProtectiveMarking, drawnAt: Date): Promise<Buffer> {
  const locale = chart.language === 'cy' ? 'cy-GB' : 'en-GB';
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/London' }).format(drawnAt);
  const frame = {
    title: chart.title,
    byline: BYLINE[chart.language](date, author),
    keyTitle: chart.keyTitle,
    kinds: chart.kinds,
    relations: chart.relations,
    asserted: chart.assertedLabel,
  };
  const svg = chartSvg(chart.nodes, chart.links, null, frame, { halos: false, groups: chart.groups, notes: chart.notes });
  // The drawing's own size, from the viewBox chartSvg writes first.
  const [, , width = 1, height = 1] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number);
  const size = Math.max(width, height) > A4_MOST ? 'A3' : 'A4';
  const { doc, done } = markedPdf({
    size,
    layout: width >= height ? 'landscape' : 'portrait',
    margin: MARGIN,
    lang: locale,
    info: { Title: chart.title, Author: author, Subject: marking, Creator: 'Harbour' },
  });
  SVGtoPDF(doc, svg, MARGIN, MARGIN, {
    width: doc.page.width - 2 * MARGIN,
    height: doc.page.height - 2 * MARGIN,
    preserveAspectRatio: 'xMidYMid meet',
    fontCallback: svgFonts,
  });
  markEveryPage(doc, marking, MARGIN);
  doc.end();
  return done;
}
