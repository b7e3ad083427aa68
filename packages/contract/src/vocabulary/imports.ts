/** What a column of a partner's spreadsheet can hold. */
export const IMPORT_FIELDS = [
  'reference',
  'received',
  'summary',
  'exploitation_type',
  'local_authority',
  'town',
  'postcode',
  'child',
  'victim_given_name',
  'victim_family_name',
  'victim_name',
  'victim_dob',
  'victim_age',
  'victim_gender',
  'victim_nationality',
  'victim_phone',
  'address',
  'suspect_name',
  'suspect_phone',
  'vehicle',
  'business',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** How a spreadsheet writes dates with numbers only: 31/01/2026 (UK), 01/31/2026 (US) or 2026-01-31. */
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** What an imported row is: a partner's referral, or an NRM referral (First Responders only). */
export const IMPORT_SOURCES = ['partner', 'nrm'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** Encodings a partner's spreadsheet export arrives in: Excel on Windows still writes Windows-1252. */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const IMPORT_STATUSES = ['mapping', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
