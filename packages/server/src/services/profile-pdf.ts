import type { ProblemProfile, ProfileTable } from '@harbour/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import SVGtoPDF from 'svg-to-pdfkit';
import { INK, markedPdf, markEveryPage, svgFonts } from './pdf-pages';

echarts.use([BarChart, LineChart, GridComponent, SVGRenderer, LegacyGridContainLabel]);

const GREY = '#505a5f';
const BLUE = '#1d70b8';
const MARGIN = 56;

/** A chart of one series as SVG, drawn by ECharts on the server the way the web app draws it. */
export function chartSvg(chart: NonNullable<ProfileTable['chart']>, width: number, height: number, over: 'time' | 'categories'): string {
  const view = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  const line = over === 'time' && chart.labels.length > 12;
  // Categories (types, areas) lie as horizontal bars, so their names are read across.
  const horizontal = over === 'categories';
  const categories = {
    type: 'category' as const,
    data: chart.labels,
    axisLabel: {
      color: INK,
      fontSize: 9,
      interval: 0,
      rotate: !horizontal && chart.labels.length > 6 ? 40 : 0,
      // Never broken or cut short: the grid makes room for the longest name (containLabel).
      overflow: 'none',
    },
  };
  const numbers = { type: 'value' as const, minInterval: 1, axisLabel: { color: INK, fontSize: 9 } };
  view.setOption({
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? numbers : categories,
    yAxis: horizontal ? { ...categories, inverse: true } : numbers,
    series: [
      {
        type: line ? 'line' : 'bar',
        data: chart.values,
        itemStyle: { color: BLUE },
        lineStyle: { color: BLUE, width: 2 },
        label: { show: !line, position: horizontal ? 'right' : 'top', color: INK, fontSize: 9 },
      },
    ],
  });
  const svg = view.renderToSVGString();
  view.dispose();
  return svg;
}

/**
 * The problem profile as a printable A4 PDF: title page matter, then each section's words, its
 * charts and its tables, breaking pages between rows. The same model the web page shows.
 */
export function profilePdf(profile: ProblemProfile): Promise<Buffer> {
  const { doc, done } = markedPdf({
    size: 'A4',
    margin: MARGIN,
    lang: profile.language === 'cy' ? 'cy-GB' : 'en-GB',
    info: { Title: profile.title, Author: 'Harbour', Subject: profile.subtitle },
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const room = (needed: number) => {
    if (doc.y + needed > bottom()) doc.addPage();
  };

  doc.font('bold').fontSize(20).fillColor(INK).text(profile.title, { width });
  doc.moveDown(0.4);
  doc.font('text').fontSize(12).text(profile.subtitle, { width });
  doc.fontSize(9).fillColor(GREY).text(profile.generated, { width });
  doc.moveDown(0.6);
  const noteTop = doc.y;
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(INK)
    .text(profile.audienceNote, MARGIN + 10, noteTop + 6, { width: width - 20 });
  doc
    .moveTo(MARGIN, noteTop)
    .lineTo(MARGIN, doc.y + 6)
    .lineWidth(4)
    .strokeColor(INK)
    .stroke();
  doc.x = MARGIN;
  doc.y += 12;

  for (const section of profile.sections) {
    // A heading stays with what follows it (a chart, if the section starts with one).
    room(section.tables[0]?.chart && section.paragraphs.length === 0 ? 260 : 90);
    doc.moveDown(0.6);
    doc.font('bold').fontSize(15).fillColor(INK).text(section.title, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    for (const paragraph of section.paragraphs) {
      room(30);
      doc.font('text').fontSize(10.5).fillColor(INK).text(paragraph, MARGIN, doc.y, { width, lineGap: 2 });
      doc.moveDown(0.5);
    }
    for (const table of section.tables) {
      if (table.chart && table.chart.labels.length > 1) {
        const over = table.id === 'trend' ? 'time' : 'categories';
        const height = over === 'time' ? 190 : Math.max(120, table.chart.labels.length * 22 + 30);
        room(height + 6);
        SVGtoPDF(doc, chartSvg(table.chart, 480, height, over), MARGIN, doc.y, { width: 480, height, assumePt: true, fontCallback: svgFonts });
        doc.y += height + 6;
      }
      drawTable(doc, table, width, room);
    }
  }
  markEveryPage(doc, profile.marking, MARGIN);
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, table: ProfileTable, width: number, room: (needed: number) => void): void {
  const columns = table.headings.length;
  // The first column takes what the numbers leave.
  const numberWidth = columns > 3 ? Math.min(62, (width * 0.66) / (columns - 1)) : 90;
  const labelWidth = width - numberWidth * (columns - 1);
  const x = (c: number) => MARGIN + (c === 0 ? 0 : labelWidth + numberWidth * (c - 1));
  const w = (c: number) => (c === 0 ? labelWidth : numberWidth);
  const rowHeight = (cells: string[], font: string, size: number) =>
    Math.max(
      ...cells.map((text, c) =>
        doc
          .font(font)
          .fontSize(size)
          .heightOfString(text, { width: w(c) - 6 }),
      ),
    ) + 6;
  const row = (cells: string[], font: string, size: number, rule: number) => {
    const height = rowHeight(cells, font, size);
    room(height);
    const top = doc.y;
    cells.forEach((text, c) => {
      doc
        .font(font)
        .fontSize(size)
        .fillColor(INK)
        .text(text, x(c) + 3, top + 3, { width: w(c) - 6, align: c === 0 || (columns === 3 && c === 1 && table.id === 'four-p') ? 'left' : 'right' });
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width, top + height)
      .lineWidth(rule)
      .strokeColor(rule > 0.5 ? INK : '#b1b4b6')
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  room(60);
  doc.moveDown(0.4);
  doc.font('bold').fontSize(11).fillColor(INK).text(table.caption, MARGIN, doc.y, { width });
  doc.moveDown(0.2);
  row([...table.headings], 'bold', columns > 3 ? 7 : 9, 1);
  for (const r of table.rows) row([r.label, ...r.cells], r === table.rows.at(-1) && table.id !== 'four-p' ? 'bold' : 'text', 9, 0.5);
  if (table.note) {
    doc.moveDown(0.3);
    doc.font('text').fontSize(8.5).fillColor(GREY).text(table.note, MARGIN, doc.y, { width });
  }
  doc.moveDown(0.6);
}
