import { REPORT_LANGUAGES as LANGUAGE_CODES } from '@harbour/contract/vocabulary';
import type { ReportLanguage } from '@harbour/contract';

/** How each of the public form's languages is named in itself, and its direction: Arabic is written right to left. */
const SHOWN: Record<ReportLanguage, { name: string; dir: 'ltr' | 'rtl' }> = {
  en: { name: 'English', dir: 'ltr' },
  cy: { name: 'Cymraeg', dir: 'ltr' },
  pl: { name: 'Polski', dir: 'ltr' },
  ro: { name: 'Română', dir: 'ltr' },
  sq: { name: 'Shqip', dir: 'ltr' },
  vi: { name: 'Tiếng Việt', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
  zh: { name: '简体中文', dir: 'ltr' },
};

/** The public form's languages, in the contract's order (English and Welsh first). */
export const REPORT_LANGUAGES = LANGUAGE_CODES.map((code) => ({ code, ...SHOWN[code] }));

/** i18next keys cannot contain dots from ids, so signs are keyed with underscores. */
export function signKey(id: string): string {
  return `report.signs.${id.replace('.', '_')}`;
}
