import i18n, { type TFunction } from 'i18next';
import { ApiError, type FieldError } from '../../api/client';
import type { FormProblem } from './error-summary';

const REASON_KEYS: Partial<Record<string, string>> = {
  required: 'errors.field.required',
  too_long: 'errors.field.tooLong',
  too_short: 'errors.field.tooShort',
  too_many: 'errors.field.tooMany',
  too_few: 'errors.field.tooFew',
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
    if (error.fields.length > 0) return error.fields.map((f) => ({ field: f.path, message: (!saysLimit(f) && fieldMessages[f.path]) || fieldMessage(f, t) }));
    const key = CODE_KEYS[error.code];
    return [{ message: codeMessages[error.code] ?? (key ? t(key) : english() ? error.message : t('errors.generic')) }];
  }
  return [{ message: t('errors.generic') }];
}

/**
 * A page's own words for a field say what to enter there; when the trouble is that there is too
 * much, the limit is what the person needs to hear (a long description is not an empty one).
 */
function saysLimit(field: FieldError): boolean {
  return field.reason === 'too_long' || field.reason === 'too_many';
}

/** "must be N characters or fewer", the number written as the reader writes numbers. */
export function tooLongMessage(limit: number, t: TFunction): string {
  return t('errors.field.tooLong', { limit: limit.toLocaleString(i18n.language) });
}

function fieldMessage(field: FieldError, t: TFunction): string {
  const key = field.reason ? REASON_KEYS[field.reason] : undefined;
  if (key) return t(key, { limit: field.limit?.toLocaleString(i18n.language) });
  return english() ? field.message : t('errors.field.invalid');
}

function english(): boolean {
  return i18n.language.startsWith('en');
}

export function fieldError(problems: FormProblem[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}
