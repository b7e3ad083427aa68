/** English and Welsh cover every page; the others cover the public reporting pages. */
export const LANGUAGES = ['en', 'cy', 'pl', 'ro', 'sq', 'vi', 'ar', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The locale dates and numbers are written in for a page language: British conventions for English
 * (day before month; plain "en" would be American, month first) and Welsh, each other language its
 * own. A pure module, so it is tested without a browser.
 */
export function dateLocale(language: string): string {
  if (language === 'en' || language === 'cy') return `${language}-GB`;
  return language;
}
