/** The public form's languages, each named in itself; Arabic is written right to left. */
export const REPORT_LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'cy', name: 'Cymraeg', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'ro', name: 'Română', dir: 'ltr' },
  { code: 'sq', name: 'Shqip', dir: 'ltr' },
  { code: 'vi', name: 'Tiếng Việt', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'zh', name: '简体中文', dir: 'ltr' },
] as const;

export type ReportLanguage = (typeof REPORT_LANGUAGES)[number]['code'];

export const PUBLIC_SIGNS = [
  'ilo.retention_of_documents',
  'ilo.debt_bondage',
  'ilo.restriction_of_movement',
  'ilo.withholding_wages',
  'ilo.excessive_overtime',
  'ilo.intimidation_threats',
  'ilo.physical_sexual_violence',
  'ilo.deception',
  'ho.lives_at_workplace',
  'ho.transported_to_work',
  'ho.someone_speaks_for_them',
  'ho.many_at_one_address',
  'ho.sexual_services_advertised',
  'ho.county_lines_phone',
  'ho.domestic_never_alone',
] as const;

/** i18next keys cannot contain dots from ids, so signs are keyed with underscores. */
export function signKey(id: string): string {
  return `report.signs.${id.replace('.', '_')}`;
}
