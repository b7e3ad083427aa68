import { addCalendarMonths, daysBetween } from '../pursue/calendar-dates';

/** Where a colleague stands with a course on a day. */
export type TrainingStanding = 'never' | 'current' | 'due_soon' | 'overdue';

/** A refresher is "due soon" this many days before it falls due. */
export const DUE_SOON_DAYS = 30;

/**
 * The day a refresher falls due: `months` calendar months after completion, on the same day of
 * the month or the month's last day (31 January + 1 month is 28 or 29 February).
 */
export function refresherDue(completedOn: string, months: number): string {
  return addCalendarMonths(completedOn, months);
}

/** A colleague's standing on `today`, from the day of their latest completion (null: never). */
export function trainingStanding(latestCompletion: string | null, refresherMonths: number, today: string): TrainingStanding {
  if (latestCompletion === null) return 'never';
  const due = refresherDue(latestCompletion, refresherMonths);
  const left = daysBetween(today, due);
  if (left <= 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due_soon' : 'current';
}

/** A unit's colleagues by where they stand, and the share trained (current or due soon). */
export interface UnitCoverage {
  readonly unit: string;
  readonly headcount: number;
  readonly current: number;
  readonly dueSoon: number;
  readonly overdue: number;
  readonly never: number;
  /** Trained and in date, as a whole percentage of the headcount (0 for a unit of nobody). */
  readonly percentTrained: number;
}

/**
 * Coverage of one course by unit: each colleague counted once, in their unit, by their latest
 * completion. Colleagues are people of the force's establishment, not accounts: a constable
 * with no account yet counts as not trained.
 */
export function unitCoverage(
  colleagues: readonly { readonly id: string; readonly unit: string }[],
  latestCompletion: ReadonlyMap<string, string>,
  refresherMonths: number,
  today: string,
): UnitCoverage[] {
  const units = new Map<string, { current: number; dueSoon: number; overdue: number; never: number }>();
  const counted = new Set<string>();
  for (const c of colleagues) {
    if (counted.has(c.id)) continue;
    counted.add(c.id);
    const tally = units.get(c.unit) ?? { current: 0, dueSoon: 0, overdue: 0, never: 0 };
    const standing = trainingStanding(latestCompletion.get(c.id) ?? null, refresherMonths, today);
    if (standing === 'current') tally.current++;
    else if (standing === 'due_soon') tally.dueSoon++;
    else if (standing === 'overdue') tally.overdue++;
    else tally.never++;
    units.set(c.unit, tally);
  }
  return [...units]
    .map(([unit, t]) => {
      const headcount = t.current + t.dueSoon + t.overdue + t.never;
      return { unit, headcount, ...t, percentTrained: headcount === 0 ? 0 : Math.floor(((t.current + t.dueSoon) * 100) / headcount) };
    })
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}
