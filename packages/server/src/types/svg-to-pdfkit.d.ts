declare module 'svg-to-pdfkit' {
  /** Draws an SVG document onto a PDFKit page (https://github.com/alafr/SVG-to-PDFKit). */
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: {
      width?: number;
      height?: number;
      assumePt?: boolean;
      /** Fits the outer SVG into width × height as SVG's own attribute would, e.g. 'xMidYMid meet'. */
      preserveAspectRatio?: string;
      fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    },
  ): void;
}
