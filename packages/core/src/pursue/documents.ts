import type { DocumentKind } from '@harbour/contract';
import { Invalid } from '../errors';

/**
 * The kinds of document a case keeps: statements, reports, photographs, spreadsheets and plain
 * text. Nothing a browser would run (HTML, SVG, scripts) and nothing that hides other files
 * (archives): a case file is read, not executed.
 */
export const CASE_FILE_TYPES: Record<DocumentKind, { readonly contentType: string; readonly endings: readonly string[] }> = {
  pdf: { contentType: 'application/pdf', endings: ['pdf'] },
  jpeg: { contentType: 'image/jpeg', endings: ['jpg', 'jpeg'] },
  png: { contentType: 'image/png', endings: ['png'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', endings: ['docx'] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', endings: ['xlsx'] },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', endings: ['odt'] },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', endings: ['ods'] },
  text: { contentType: 'text/plain; charset=utf-8', endings: ['txt', 'csv'] },
};

/** The longest file name kept; longer names keep their ending. */
const NAME_MOST = 120;

/** What the server learned of an upload before deciding on it. */
export interface DocumentFacts {
  readonly fileName: string;
  readonly sizeBytes: number;
  /** The type its first bytes show (file signature), if they show one. */
  readonly detectedType: string | undefined;
  /** Valid UTF-8 without NUL or other binary control characters. */
  readonly isText: boolean;
}

export interface AcceptedDocument {
  readonly fileName: string;
  readonly kind: DocumentKind;
  readonly contentType: string;
}

/**
 * Decides whether an upload may be kept, by what its bytes are (not what the sender says), and
 * whether its name agrees. Refusals name the field and the reason so the page can word them.
 */
export function checkDocument(facts: DocumentFacts, maxBytes: number): AcceptedDocument {
  const fileName = safeFileName(facts.fileName);
  if (facts.sizeBytes === 0) throw refuse('The file is empty', 'file_empty');
  if (facts.sizeBytes > maxBytes) throw refuse(`The file is larger than ${megabytes(maxBytes)} MB`, 'file_too_big', { megabytes: megabytes(maxBytes) });
  const kind = kindOf(facts);
  if (!kind) throw refuse('Harbour keeps PDF, Word (.docx), Excel (.xlsx), OpenDocument, JPEG, PNG and plain text files only', 'file_type');
  const ending = endingOf(fileName);
  if (!CASE_FILE_TYPES[kind].endings.includes(ending))
    throw refuse(`The file's contents are ${kind.toUpperCase()}, which its name (.${ending || '—'}) does not say`, 'file_type_mismatch');
  return { fileName, kind, contentType: CASE_FILE_TYPES[kind].contentType };
}

function kindOf(facts: DocumentFacts): DocumentKind | undefined {
  if (facts.detectedType === undefined) return facts.isText ? 'text' : undefined;
  const found = Object.entries(CASE_FILE_TYPES).find(([, k]) => k.contentType.split(';')[0] === facts.detectedType);
  return found?.[0] as DocumentKind | undefined;
}

/**
 * A file name safe to store and to send back in a download: no folders, no control characters,
 * no quotes, at most 120 characters with its ending kept.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .replace(/^\.+/, '');
  const named = clean.length > 0 ? clean : 'document';
  if (named.length <= NAME_MOST) return named;
  const ending = endingOf(named);
  const keep = ending && ending.length < 10 ? `.${ending}` : '';
  return named.slice(0, NAME_MOST - keep.length) + keep;
}

function endingOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

function refuse(message: string, reason: 'file_empty' | 'file_too_big' | 'file_type' | 'file_type_mismatch', values?: Record<string, number>): Invalid {
  return new Invalid(message, [{ path: 'file', message, reason, ...(values ? { values } : {}) }]);
}

/** Bytes that read as text: valid UTF-8 with no NUL or other binary control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}
