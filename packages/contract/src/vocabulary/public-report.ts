/** The languages the public form is offered in (English and Welsh first). */
export const REPORT_LANGUAGES = ['en', 'cy', 'pl', 'ro', 'sq', 'vi', 'ar', 'zh'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The parts a reporter can give a person: exploited, exploiting, a witness, or not known. */
export const PUBLIC_PERSON_ROLES = ['potential_victim', 'suspect', 'witness', 'unknown'] as const;
export type PublicPersonRole = (typeof PUBLIC_PERSON_ROLES)[number];

/** Who the reporter is to the person exploited. */
export const REPORTER_RELATIONS = ['self', 'someone_else', 'not_said'] as const;
export type ReporterRelation = (typeof REPORTER_RELATIONS)[number];

/** The signs a member of the public can tick, each one an indicator in the catalogue. */
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
export type PublicSign = (typeof PUBLIC_SIGNS)[number];
