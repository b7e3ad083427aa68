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
  ...AGE_CONTRADICTION_CODES,
] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

/**
 * Why a whole request was refused where the error's code alone does not say (a wrong password and
 * an ended session are both "unauthenticated"); a client words it in the user's language.
 */
export const ERROR_REASONS = ['wrong_credentials', 'slow_down', 'second_factor_locked', 'session_ended'] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];
