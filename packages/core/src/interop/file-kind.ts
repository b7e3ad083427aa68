import { Invalid } from '../errors';

/**
 * What a file that should be text (a CSV) really is, from its first bytes, when it is not text:
 * the spreadsheet a partner meant to save as CSV, or something else sent by mistake or malice.
 * Read before decoding, so such a file is refused with a reason instead of read as a page of
 * Windows-1252 nonsense and offered for mapping.
 */
export type NotTextKind = 'excel_workbook' | 'old_excel_workbook' | 'pdf' | 'image' | 'archive' | 'binary';

const SIGNATURES: readonly { kind: NotTextKind; bytes: readonly number[] }[] = [
  // .xlsx, .ods and .docx are zip archives; a zip's first entry of an Office file is named below.
  { kind: 'archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  // .xls (and .doc): the OLE2 compound file.
  { kind: 'old_excel_workbook', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'image', bytes: [0x89, 0x50, 0x4e, 0x47] }, // PNG
  { kind: 'image', bytes: [0xff, 0xd8, 0xff] }, // JPEG
  { kind: 'image', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
  { kind: 'archive', bytes: [0x1f, 0x8b] }, // gzip
];

/** Bytes read to decide: a text file has no NUL among its first few thousand. */
const SNIFF_BYTES = 8 * 1024;

export function notTextKind(bytes: Uint8Array): NotTextKind | null {
  for (const { kind, bytes: signature } of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) {
      if (kind === 'archive' && looksLikeOfficeZip(bytes)) return 'excel_workbook';
      return kind;
    }
  }
  // UTF-16 text is full of NULs: its byte-order mark says it is text.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  // A stray NUL or control character in a cell is that row's problem (it is quarantined); a file
  // where they are common is not text.
  const head = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  return head.length > 0 && controls / head.length > 0.05 ? 'binary' : null;
}

/** A zip whose entries name the parts of an Office or OpenDocument file. */
function looksLikeOfficeZip(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
  return /\[Content_Types\]\.xml|xl\/workbook|mimetypeapplication\/vnd\.oasis\.opendocument\.spreadsheet/.test(head);
}

const WHAT_IT_IS: Record<NotTextKind, string> = {
  excel_workbook: 'an Excel workbook (.xlsx), not a CSV file: open it and save it as CSV (comma delimited), then send that',
  old_excel_workbook: 'an Excel 97–2003 workbook (.xls), not a CSV file: open it and save it as CSV (comma delimited), then send that',
  pdf: 'a PDF, not a CSV file: send the spreadsheet it was made from, saved as CSV',
  image: 'a picture, not a CSV file',
  archive: 'a compressed archive (zip or gzip), not a CSV file: send the CSV file inside it',
  binary: 'not a text file (it holds bytes no CSV file has): send the spreadsheet saved as CSV',
};

/** Refuses, naming what it is, a file sent as CSV that is not text at all. */
export function refuseIfNotText(bytes: Uint8Array): void {
  const kind = notTextKind(bytes);
  if (kind) throw new Invalid(`The file is ${WHAT_IT_IS[kind]}`, [{ path: 'file', message: `This file is ${WHAT_IT_IS[kind]}`, reason: 'invalid' }]);
}
