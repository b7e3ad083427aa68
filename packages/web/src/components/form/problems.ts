import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type { FormProblem } from './error-summary';

/**
 * Turns a failed request into problems for the error summary. Field messages come from the
 * server in English; the field they concern is named, so the page can show its own wording.
 */
export function problemsFrom(error: unknown, t: TFunction, fieldMessages: Record<string, string> = {}): FormProblem[] {
  if (error instanceof ApiError) {
    if (error.code === 'network') return [{ message: t('errors.network') }];
    if (error.fields.length > 0) {
      return error.fields.map((f) => ({ field: f.path, message: fieldMessages[f.path] ?? f.message }));
    }
    return [{ message: error.message }];
  }
  return [{ message: t('errors.generic') }];
}

export function fieldError(problems: FormProblem[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}
