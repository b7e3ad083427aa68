import i18n, { type TFunction } from 'i18next';
import { ApiError, type FieldError } from '../../api/client';
import type { FormProblem } from './error-summary';

/** The words for each reason a field is refused (FieldReason in core), in whichever part holds them. */
export const REASON_KEYS: Partial<Record<string, string>> = {
  required: 'errors.field.required',
  too_long: 'errors.field.tooLong',
  too_short: 'errors.field.tooShort',
  too_many: 'errors.field.tooMany',
  too_few: 'errors.field.tooFew',
  too_big: 'errors.field.tooBig',
  too_small: 'errors.field.tooSmall',
  // Shapes a reporter can meet, in every language of the public form…
  postcode: 'errors.field.postcode',
  phone: 'errors.field.phone',
  online_identity: 'errors.field.onlineIdentity',
  // …and those only staff meet, in English and Welsh.
  email: 'staffErrors.field.email',
  date: 'staffErrors.field.date',
  security_code: 'staffErrors.field.securityCode',
  sort_code: 'staffErrors.field.sortCode',
  account_number: 'staffErrors.field.accountNumber',
  account_or_iban: 'staffErrors.field.accountOrIban',
  iban: 'staffErrors.field.iban',
  document_number: 'staffErrors.field.documentNumber',
  wrong_password: 'staffErrors.field.wrongPassword',
  common_password: 'staffErrors.field.commonPassword',
  password_has_identity: 'staffErrors.field.passwordHasIdentity',
  not_first_responder: 'staffErrors.field.notFirstResponder',
  file_empty: 'staffErrors.field.fileEmpty',
  file_too_big: 'staffErrors.field.fileTooBig',
  file_type: 'staffErrors.field.fileType',
  file_type_mismatch: 'staffErrors.field.fileTypeMismatch',
  age_under_18_but_not_child: 'referral.contradictions.age_under_18_but_not_child',
  age_18_or_over_but_child: 'referral.contradictions.age_18_or_over_but_child',
  dob_under_18_but_not_child: 'referral.contradictions.dob_under_18_but_not_child',
  dob_18_or_over_but_child: 'referral.contradictions.dob_18_or_over_but_child',
  dob_and_age_differ: 'referral.contradictions.dob_and_age_differ',
  dob_in_future: 'referral.contradictions.dob_in_future',
};

/** The words for why a whole request was refused, where its code alone does not say (ErrorReason in core). */
export const ERROR_REASON_KEYS: Partial<Record<string, string>> = {
  wrong_credentials: 'staffErrors.reason.wrongCredentials',
  slow_down: 'staffErrors.reason.slowDown',
  second_factor_locked: 'staffErrors.reason.secondFactorLocked',
  session_ended: 'staffErrors.reason.sessionEnded',
};

const CODE_KEYS: Partial<Record<string, string>> = {
  too_large: 'errors.code.tooLarge',
  too_many_requests: 'errors.code.tooManyRequests',
  internal: 'errors.generic',
  forbidden: 'errors.forbidden',
};

/**
 * Turns a failed request into problems for the error summary, in the user's language. The server
 * names each field and says why (a reason code and limit); the page may give its own wording for a
 * field or an error code. The server's English text is shown only to English readers, and only
 * where no reason or code has a translation.
 */
export function problemsFrom(
  error: unknown,
  t: TFunction,
  fieldMessages: Record<string, string> = {},
  codeMessages: Record<string, string> = {},
): FormProblem[] {
  if (error instanceof ApiError) {
    if (error.code === 'network') return [{ message: t('errors.network') }];
    if (error.fields.length > 0) return error.fields.map((f) => ({ field: f.path, message: (!saysMore(f) && fieldMessages[f.path]) || fieldMessage(f, t) }));
    const key = (error.why.reason && ERROR_REASON_KEYS[error.why.reason]) ?? CODE_KEYS[error.code];
    return [
      {
        message:
          codeMessages[error.code] ??
          (key ? t(key, { ...error.why.values, count: error.why.values?.['seconds'] }) : english() ? error.message : t('errors.generic')),
      },
    ];
  }
  return [{ message: t('errors.generic') }];
}

/**
 * A page's own words for a field say what to enter there, and stand in for a bare "missing" or
 * "not valid"; a reason that says more (a limit broken, a shape, answers that disagree) is what the
 * person needs to hear: a long description is not an empty one.
 */
function saysMore(field: FieldError): boolean {
  return field.reason !== undefined && field.reason !== 'required' && field.reason !== 'invalid' && REASON_KEYS[field.reason] !== undefined;
}

/** "must be N characters or fewer", the number written as the reader writes numbers. */
export function tooLongMessage(limit: number, t: TFunction): string {
  return t('errors.field.tooLong', { limit: limit.toLocaleString(i18n.language) });
}

function fieldMessage(field: FieldError, t: TFunction): string {
  const key = field.reason ? REASON_KEYS[field.reason] : undefined;
  if (key) return t(key, { ...field.values, limit: field.limit?.toLocaleString(i18n.language) });
  return english() ? field.message : t('errors.field.invalid');
}

function english(): boolean {
  return i18n.language.startsWith('en');
}

export function fieldError(problems: FormProblem[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}
