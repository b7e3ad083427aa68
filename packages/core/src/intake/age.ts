import type { AgeContradictionCode } from '@harbour/contract';
/**
 * What the answers about a person's age say together. Where they disagree the officer is asked
 * which is right rather than one being chosen silently; until then, and wherever there is reason to
 * think the person is under 18, they are presumed a child (Modern Slavery Act 2015, s51).
 */

export type ChildAnswer = 'yes' | 'no' | 'unknown';

export interface AgeAnswers {
  readonly ageYears?: number | undefined;
  /** ISO date, YYYY-MM-DD. */
  readonly dob?: string | undefined;
  /** "Under 18?" as answered. */
  readonly child: ChildAnswer;
}

export { AGE_CONTRADICTION_CODES, type AgeContradictionCode } from '@harbour/contract';

export interface AgeContradiction {
  readonly code: AgeContradictionCode;
  /** The answer to look at again (a referral's field path). */
  readonly path: 'victim.child' | 'victim.dob';
  /** The age the date of birth gives, where it takes part. */
  readonly ageFromDob?: number;
}

export interface AgeFacts {
  /** Child status for triage and guidance: 'yes' where any answer says under 18. */
  readonly child: ChildAnswer;
  readonly ageFromDob?: number;
  readonly contradictions: readonly AgeContradiction[];
}

/** The date in the force's area (UK time) at a moment, as YYYY-MM-DD: a birthday turns at local midnight. */
export function localDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Whole years from `dob` to `today` (both ISO dates); a birthday on 29 February falls on 1 March. */
export function yearsBetween(dob: string, today: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function ageFacts(answers: AgeAnswers, today: string): AgeFacts {
  const contradictions: AgeContradiction[] = [];
  const { ageYears, dob, child } = answers;
  const future = dob !== undefined && dob > today;
  const ageFromDob = dob !== undefined && !future ? yearsBetween(dob, today) : undefined;
  if (future) contradictions.push({ code: 'dob_in_future', path: 'victim.dob' });
  if (ageYears !== undefined && child === 'no' && ageYears < 18) contradictions.push({ code: 'age_under_18_but_not_child', path: 'victim.child' });
  if (ageYears !== undefined && child === 'yes' && ageYears >= 18) contradictions.push({ code: 'age_18_or_over_but_child', path: 'victim.child' });
  if (ageFromDob !== undefined && child === 'no' && ageFromDob < 18)
    contradictions.push({ code: 'dob_under_18_but_not_child', path: 'victim.child', ageFromDob });
  if (ageFromDob !== undefined && child === 'yes' && ageFromDob >= 18)
    contradictions.push({ code: 'dob_18_or_over_but_child', path: 'victim.child', ageFromDob });
  if (ageFromDob !== undefined && ageYears !== undefined && ageFromDob !== ageYears)
    contradictions.push({ code: 'dob_and_age_differ', path: 'victim.dob', ageFromDob });

  const ages = [ageYears, ageFromDob].filter((a): a is number => a !== undefined);
  const saysChild = child === 'yes' || ages.some((a) => a < 18);
  const saysAdult = child === 'no' || ages.some((a) => a >= 18);
  return { child: saysChild ? 'yes' : saysAdult ? 'no' : 'unknown', ...(ageFromDob !== undefined ? { ageFromDob } : {}), contradictions };
}
