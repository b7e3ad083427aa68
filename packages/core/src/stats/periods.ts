/**
 * Months, quarters and years for figures: counts kept by month are rolled up into quarters and
 * years, every period in a span is listed (with 0 where nothing was counted, so trends are not
 * drawn across gaps), and two periods are compared as a count and a percentage.
 */
import type { Granularity } from '@harbour/contract';

export type { Granularity };

/** A month as 'YYYY-MM'. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): text is Month {
  return MONTH.test(text);
}

function parts(month: Month): [number, number] {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** The month `n` months after `month` (before, for negative n). */
export function addMonths(month: Month, n: number): Month {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; none when `to` is before `from`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  const count = (ty - fy) * 12 + (tm - fm) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addMonths(from, i));
}

/** The period a month falls in: '2026-03', '2026-Q1' or '2026'. */
export function periodOf(month: Month, granularity: Granularity): string {
  const [y, m] = parts(month);
  if (granularity === 'month') return month;
  if (granularity === 'year') return String(y);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

export interface PeriodCount {
  readonly period: string;
  /** The first and last month of the period that lie in the span asked for. */
  readonly from: Month;
  readonly to: Month;
  readonly n: number;
}

/** Counts by month rolled up into periods across a span, every period listed. */
export function countsByPeriod(byMonth: readonly { key: Month; n: number }[], from: Month, to: Month, granularity: Granularity): PeriodCount[] {
  const counts = new Map(byMonth.map((r) => [r.key, r.n]));
  const periods = new Map<string, { from: Month; to: Month; n: number }>();
  for (const month of monthsBetween(from, to)) {
    const period = periodOf(month, granularity);
    const at = periods.get(period);
    const n = counts.get(month) ?? 0;
    if (at) periods.set(period, { from: at.from, to: month, n: at.n + n });
    else periods.set(period, { from: month, to: month, n });
  }
  return [...periods].map(([period, p]) => ({ period, ...p }));
}

export interface Change {
  readonly before: number;
  readonly after: number;
  readonly count: number;
  /** The change as a percentage of `before`; null when `before` is 0 (a rise from nothing has no percentage). */
  readonly percent: number | null;
}

/** The change from one period's count to another's. */
export function changeBetween(before: number, after: number): Change {
  return { before, after, count: after - before, percent: before === 0 ? null : Math.round(((after - before) / before) * 1000) / 10 };
}

/**
 * Where the previous period stops when this one is counted only up to a day (`through`,
 * 'YYYY-MM-DD'): the same day as many months earlier as the period is long, or the last day of
 * that month when it is shorter. So a year counted to 4 December is compared with the year before
 * to 4 December, not with the whole of it.
 */
export function previousThrough(from: Month, to: Month, through: string): string {
  const month = addMonths(through.slice(0, 7), -monthsBetween(from, to).length);
  const [y, m] = parts(month);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(Math.min(Number(through.slice(8, 10)), last)).padStart(2, '0')}`;
}

/** The period of the same length just before `from`–`to`: what "change since the previous period" compares with. */
export function previousPeriod(from: Month, to: Month): { from: Month; to: Month } {
  const length = monthsBetween(from, to).length;
  return { from: addMonths(from, -length), to: addMonths(from, -1) };
}
