/**
 * Characters no PostgreSQL text can hold: NUL, and half of a surrogate pair (a broken character).
 * A JSON body holding one is refused naming its field; an imported file has each read as U+FFFD.
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EVERY_UNSTORABLE = new RegExp(UNSTORABLE.source, 'g');

export function hasUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The text with each unstorable character replaced by `by`. */
export function replaceUnstorable(text: string, by: string): string {
  return text.replace(EVERY_UNSTORABLE, by);
}
