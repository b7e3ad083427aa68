/** English and Welsh cover every page; the others cover the public reporting pages. */
export const LANGUAGES = ['en', 'cy', 'pl', 'ro', 'sq', 'vi', 'ar', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The locales dates and numbers are written in for a page language, best first: British
 * conventions for English (day before month; plain "en" would be American, month first) and
 * Welsh, each other language its own, then British English. A browser without a language's data
 * (Chrome carries none for Welsh) takes the next one, not its own default (often American).
 * A pure module, so it is tested without a browser.
 */
export function dateLocale(language: string): string[] {
  if (language === 'en') return ['en-GB'];
  if (language === 'cy') return ['cy-GB', 'en-GB'];
  return [language, 'en-GB'];
}
