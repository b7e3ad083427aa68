/** Exploitation types as counted in UK National Referral Mechanism statistics (DESIGN §2). */
export const EXPLOITATION_TYPES = ['sexual', 'labour', 'criminal', 'domestic_servitude', 'organ_harvesting', 'unknown'] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

/** Where a report came from. */
export const REPORT_SOURCES = ['public', 'officer', 'partner', 'nrm'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

/** A person's part in a report; 'unknown' where the reporter did not know it (never guessed). */
export const PERSON_ROLES = ['potential_victim', 'suspect', 'witness', 'reporter', 'unknown'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const BUSINESS_KINDS = [
  'hand_car_wash',
  'nail_bar',
  'farm',
  'takeaway',
  'factory',
  'hotel',
  'recruitment_agency',
  'construction',
  'barber',
  'massage_parlour',
] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];

/** Identity documents a report can mention (seized, held by someone else, or shown). */
export const DOCUMENT_TYPES = ['passport', 'national_id', 'residence_permit', 'visa', 'driving_licence', 'travel_document', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Triage bands from least to most urgent: the queue's order. */
export const TRIAGE_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type TriageBand = (typeof TRIAGE_BANDS)[number];

/** How the indicator catalogue groups its indicators, and the parts of the offence each evidences. */
export const INDICATOR_GROUPS = ['physical', 'psychological', 'situational', 'environmental'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];
export const OFFENCE_ELEMENTS = ['act', 'means', 'purpose'] as const;
export type OffenceElement = (typeof OFFENCE_ELEMENTS)[number];
export const INDICATOR_SOURCES = ['ilo', 'home_office'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** An answer where "not known" is an answer too (a child involved, consent to the NRM). */
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
/** Age bands of people in figures, by their age on the report's day ('unknown' when no date of birth is recorded). */
export const AGE_BANDS = ['under_18', '18_24', '25_34', '35_44', '45_54', '55_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** The parts a referral can give the other people it names. */
export const REFERRAL_PERSON_ROLES = ['suspect', 'potential_victim', 'witness'] as const;
