import type { RetentionRecordType } from '@harbour/contract';
import { Invalid } from '../errors';
import { addYears, daysBetween } from '../pursue/calendar-dates';

export { DELETION_REASONS, RETENTION_RECORD_TYPES, type DeletionReason, type RetentionRecordType } from '@harbour/contract';

/** Years from a record's starting date (received, closed) to its first review, by type. */
export type RetentionSchedule = Readonly<Record<RetentionRecordType, number>>;

/**
 * The defaults, after the MoPI review groups: other information (a report on no case, a case
 * closed without conviction) reviewed at 6 years; a conviction for a serious offence at 10.
 */
export const RETENTION_DEFAULTS: RetentionSchedule = { report: 6, case: 6, case_convicted: 10 };

/** The longest a record may be retained before it is looked at again. */
export const LONGEST_RETENTION_YEARS = 10;

/**
 * When a record is due for review: the date its last review set, or else its starting date plus
 * the schedule's years for its type.
 */
export function reviewDueOn(type: RetentionRecordType, startedOn: string, schedule: RetentionSchedule, lastNextReviewOn?: string | null): string {
  return lastNextReviewOn ?? addYears(startedOn, schedule[type]);
}

/** A decision to keep a record under review: a reason, and a next review in the future but within 10 years. */
export function checkRetain(input: { reason: string; nextReviewOn: string }, today: string): { reason: string; nextReviewOn: string } {
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw new Invalid('Say why it is kept', [{ path: 'reason', message: 'Say why the record is still needed for a policing purpose', reason: 'required' }]);
  if (daysBetween(today, input.nextReviewOn) <= 0)
    throw new Invalid('The next review must be in the future', [
      { path: 'nextReviewOn', message: 'Set the next review after today', reason: 'date_not_after_today' },
    ]);
  if (input.nextReviewOn > addYears(today, LONGEST_RETENTION_YEARS))
    throw new Invalid('Too far ahead', [
      {
        path: 'nextReviewOn',
        message: `Set the next review within ${LONGEST_RETENTION_YEARS} years`,
        reason: 'date_too_far',
        values: { years: LONGEST_RETENTION_YEARS },
      },
    ]);
  return { reason, nextReviewOn: input.nextReviewOn };
}

/** Whether a record may be deleted today: only once its review is due. */
export function checkDeletable(dueOn: string, today: string): void {
  if (daysBetween(dueOn, today) < 0)
    throw new Invalid('Not yet due for review', [
      { path: 'record', message: `This record is not due for review until ${dueOn}`, reason: 'not_due_for_review', values: { dueOn } },
    ]);
}
