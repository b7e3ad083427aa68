/** Where a person's age answers disagree (see core's intake/age): the officer is asked which is right. */
export const AGE_CONTRADICTION_CODES = [
  'age_under_18_but_not_child',
  'age_18_or_over_but_child',
  'dob_under_18_but_not_child',
  'dob_18_or_over_but_child',
  'dob_and_age_differ',
  'dob_in_future',
] as const;
export type AgeContradictionCode = (typeof AGE_CONTRADICTION_CODES)[number];

/**
 * The law's and the workflow's refusals of one field (the NRM and Duty to Notify, outcomes, a
 * case's statuses, review dates, intelligence handling), so the team reads them in Welsh too.
 */
export const DOMAIN_REASONS = [
  'date_in_future',
  'date_not_after_today',
  'date_before_today',
  'date_too_far',
  'child_always_nrm',
  'child_needs_no_consent',
  'adult_consent_unrecorded',
  'consented_adult_nrm',
  'unconsented_adult_dtn',
  'decision_needs_date',
  'dtn_has_no_decisions',
  'rg_before_referral',
  'cg_needs_positive_rg',
  'cg_in_recovery_period',
  'outcome_needs_suspect',
  's45_needs_victim',
  'risk_order_fixed',
  'order_too_short',
  'status_unchanged',
  'closed_reopens_only',
  'outcome_before_closing',
  'status_not_next',
  'handling_needs_c',
  'not_due_for_review',
] as const;
export type DomainReason = (typeof DOMAIN_REASONS)[number];

/**
 * Answers with a shape of their own (a postcode, a phone number…): refused with the shape's name,
 * so a client can say in the user's language what to enter rather than "check this".
 */
export const FORMAT_REASONS = [
  'postcode',
  'phone',
  'email',
  'date',
  'security_code',
  'sort_code',
  'account_number',
  'account_or_iban',
  'iban',
  'online_identity',
  'document_number',
] as const;
export type FormatReason = (typeof FORMAT_REASONS)[number];

/**
 * Why a field was refused, as a code a client can put in the user's own language; the English
 * `message` stays for API users and logs. `wrong_password`: the current password given to change
 * it is not the account's; `common_password` and `password_has_identity`: a new password is easy
 * to guess (see access/password-rules).
 */
export const FIELD_REASONS = [
  'required',
  'too_long',
  'too_short',
  'too_many',
  'too_few',
  'too_big',
  'too_small',
  'invalid',
  'wrong_password',
  'common_password',
  'password_has_identity',
  'not_first_responder',
  'file_empty',
  'file_too_big',
  'file_type',
  'file_type_mismatch',
  ...FORMAT_REASONS,
  ...DOMAIN_REASONS,
  ...AGE_CONTRADICTION_CODES,
] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

/**
 * Why a whole request was refused where the error's code alone does not say (a wrong password and
 * an ended session are both "unauthenticated"); a client words it in the user's language.
 */
export const ERROR_REASONS = [
  'wrong_credentials',
  'slow_down',
  'second_factor_locked',
  'session_ended',
  'close_asked_already',
  'close_not_asked',
  'share_own_record',
  'no_agreement_in_force',
  'report_not_graded',
  'handling_c_not_agreed',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];
