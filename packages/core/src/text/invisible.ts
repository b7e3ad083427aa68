/**
 * Characters that change how text around them is shown without showing themselves: the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, the marks
 * U+200E, U+200F, U+061C), zero-width spaces and joiners that hide words (U+200B, U+2060–U+2064,
 * U+FEFF) and control characters other than tab and line breaks. In a reporter's or an importer's
 * text they can make "exe.gnp" read as "png.exe". Stored as given (it is what was sent), they are
 * shown to staff and written to exports as a visible code instead, e.g. "[U+202E]". The joiners
 * U+200C and U+200D are left alone: Arabic, Indic scripts and emoji need them.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The text with each invisible control shown as its code point. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}
