import { addDays } from '../pursue/calendar-dates';

/** Reports in a span of days before an awareness event and the same span from it. */
export interface AroundEvent {
  readonly before: number;
  readonly after: number;
}

/**
 * "Did reports follow events?": the reports made in the `days` before an event (not its day) and
 * in the `days` from its day, in the event's area. `reportDays` are the reports' UK days
 * (YYYY-MM-DD), sorted; found by halving, so a year of events over a million reports stays quick.
 * A span not yet over (an event last week) counts what there is so far: the caller says so.
 */
export function reportsAroundEvent(eventDay: string, reportDays: readonly string[], days: number): AroundEvent {
  const from = addDays(eventDay, -days);
  const until = addDays(eventDay, days);
  const at = (day: string) => firstNotBefore(reportDays, day);
  return { before: at(eventDay) - at(from), after: at(until) - at(eventDay) };
}

/** The index of the first day on or after `day` (the length when none is). */
function firstNotBefore(sorted: readonly string[], day: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < day) low = middle + 1;
    else high = middle;
  }
  return low;
}
