/** A case is an investigation (of named suspects) or an operation (a wider police action). */
export const CASE_KINDS = ['investigation', 'operation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * Where a case stands: new → investigating → charged / no further action / referred to another
 * force or agency → closed. Closing is a supervisor's decision; anyone working the case may ask.
 */
export const CASE_STATUSES = ['new', 'investigating', 'charged', 'no_further_action', 'referred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What a linked person or thing is to the case. A person may be both a suspect and a potential victim. */
export const CASE_ENTITY_ROLES = ['potential_victim', 'suspect', 'associated'] as const;
export type CaseEntityRole = (typeof CASE_ENTITY_ROLES)[number];

/** A task is open until done (with what was done) or cancelled (with why). */
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * What is recorded against a suspect as the case goes on: arrest, each charge, the court's
 * result, an order, and, for a suspect who is also a potential victim, the s45 question.
 */
export const OUTCOME_KINDS = ['arrest', 'charge', 'court_result', 'order', 's45'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/**
 * Offences charged: the Modern Slavery Act 2015's s1 (slavery, servitude and forced or compulsory
 * labour), s2 (human trafficking) and s4 (committing an offence with intent to commit s2); any
 * related offence (e.g. controlling prostitution, money laundering) as a free code.
 */
export const OFFENCES = ['msa_s1', 'msa_s2', 'msa_s4', 'other'] as const;
export type Offence = (typeof OFFENCES)[number];

export const COURT_RESULTS = ['convicted', 'acquitted', 'discontinued'] as const;
export type CourtResult = (typeof COURT_RESULTS)[number];

/** Slavery and Trafficking Prevention Orders (MSA 2015 s14–15) and Risk Orders (s23). */
export const ORDER_TYPES = ['stpo', 'stro'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/**
 * The statutory defence for victims (MSA 2015 s45), considered for a suspect who is also a
 * potential victim: not yet considered, may apply (to put to the CPS), raised, does not apply.
 */
export const S45_ASSESSMENTS = ['may_apply', 'raised', 'does_not_apply'] as const;
export type S45Assessment = (typeof S45_ASSESSMENTS)[number];

/** A potential victim's route: a National Referral Mechanism referral, or the anonymous Duty to Notify. */
export const NRM_ROUTES = ['nrm', 'dtn'] as const;
export type NrmRoute = (typeof NRM_ROUTES)[number];

/** An adult's consent to the NRM; a child needs none. */
export const NRM_CONSENTS = ['given', 'refused', 'not_needed'] as const;
export type NrmConsent = (typeof NRM_CONSENTS)[number];

export const NRM_DECISIONS = ['positive', 'negative'] as const;
export type NrmDecision = (typeof NRM_DECISIONS)[number];

/** Where the person stands with support (the victim care contract for adults, the local authority for children). */
export const SUPPORT_STATUSES = ['not_yet', 'offered', 'receiving', 'declined', 'ended'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** The kinds of document a case keeps: read, never run (no HTML, SVG, scripts or archives). */
export const DOCUMENT_KINDS = ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'odt', 'ods', 'text'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * What the retention schedule reviews, in the manner of the Management of Police Information
 * review groups: a report on no case, a closed case, and a closed case that ended in a conviction
 * (kept longer).
 */
export const RETENTION_RECORD_TYPES = ['report', 'case', 'case_convicted'] as const;
export type RetentionRecordType = (typeof RETENTION_RECORD_TYPES)[number];

/** Why a record under review is deleted: reasons, not words, so the audit keeps no personal data. */
export const DELETION_REASONS = ['no_policing_purpose', 'inaccurate', 'duplicate', 'erasure_ordered'] as const;
export type DeletionReason = (typeof DELETION_REASONS)[number];
