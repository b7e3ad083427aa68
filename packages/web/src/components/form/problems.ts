import i18n, { type TFunction } from 'i18next';
import { ApiError, type FieldError } from '../../api/client';
import type { FormProblem } from './error-summary';
import { dateLocale } from '../../i18n/locale';

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
  // The law's and the workflow's refusals, worded for the team.
  date_in_future: 'staffErrors.domain.dateInFuture',
  date_not_after_today: 'staffErrors.domain.dateNotAfterToday',
  date_before_today: 'staffErrors.domain.dateBeforeToday',
  date_too_far: 'staffErrors.domain.dateTooFar',
  child_always_nrm: 'staffErrors.domain.childAlwaysNrm',
  child_needs_no_consent: 'staffErrors.domain.childNeedsNoConsent',
  adult_consent_unrecorded: 'staffErrors.domain.adultConsentUnrecorded',
  consented_adult_nrm: 'staffErrors.domain.consentedAdultNrm',
  unconsented_adult_dtn: 'staffErrors.domain.unconsentedAdultDtn',
  decision_needs_date: 'staffErrors.domain.decisionNeedsDate',
  dtn_has_no_decisions: 'staffErrors.domain.dtnHasNoDecisions',
  rg_before_referral: 'staffErrors.domain.rgBeforeReferral',
  cg_needs_positive_rg: 'staffErrors.domain.cgNeedsPositiveRg',
  cg_in_recovery_period: 'staffErrors.domain.cgInRecoveryPeriod',
  outcome_needs_suspect: 'staffErrors.domain.outcomeNeedsSuspect',
  s45_needs_victim: 'staffErrors.domain.s45NeedsVictim',
  risk_order_fixed: 'staffErrors.domain.riskOrderFixed',
  order_too_short: 'staffErrors.domain.orderTooShort',
  status_unchanged: 'staffErrors.domain.statusUnchanged',
  closed_reopens_only: 'staffErrors.domain.closedReopensOnly',
  outcome_before_closing: 'staffErrors.domain.outcomeBeforeClosing',
  status_not_next: 'staffErrors.domain.statusNotNext',
  handling_needs_c: 'staffErrors.domain.handlingNeedsC',
  not_due_for_review: 'staffErrors.domain.notDueForReview',
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
  close_asked_already: 'staffErrors.reason.closeAskedAlready',
  close_not_asked: 'staffErrors.reason.closeNotAsked',
  share_own_record: 'staffErrors.reason.shareOwnRecord',
  no_agreement_in_force: 'staffErrors.reason.noAgreementInForce',
  report_not_graded: 'staffErrors.reason.reportNotGraded',
  handling_c_not_agreed: 'staffErrors.reason.handlingCNotAgreed',
};

const CODE_KEYS: Partial<Record<string, string>> = {
  too_large: 'errors.code.tooLarge',
  too_many_requests: 'errors.code.tooManyRequests',
  store_unavailable: 'errors.code.storeUnavailable',
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
  if (key) return t(key, { ...readable(field.values), limit: field.limit?.toLocaleString(i18n.language) });
  return english() ? field.message : t('errors.field.invalid');
}

/** Dates the server names (YYYY-MM-DD) as the reader writes them. */
function readable(values: FieldError['values']): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(values ?? {}))
    out[k] =
      typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(v))
        : v;
  return out;
}

function english(): boolean {
  return i18n.language.startsWith('en');
}

export function fieldError(problems: FormProblem[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}
