/**
 * The web's copy of core's showInvisible (packages/core/src/text/invisible.ts; a test keeps the
 * two alike): invisible controls in text from the API are shown as their code point, so a
 * right-to-left override cannot make "exe.gnp" read as "png.exe" on a team member's screen.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function showInvisible(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Every string in an API answer (values, not keys) with its invisible controls shown. */
export function withInvisibleShown<T>(value: T): T {
  if (typeof value === 'string') return showInvisible(value) as T;
  if (Array.isArray(value)) return value.map(withInvisibleShown) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withInvisibleShown(v)])) as T;
  }
  return value;
}
