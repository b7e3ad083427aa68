/**
 * Arithmetic on calendar dates written YYYY-MM-DD (the form the store and the forms use). Dates
 * here are days in the force's area, not instants, so they are worked in UTC to avoid clock
 * changes moving a day.
 */
const DAY_MS = 86_400_000;

function toDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

export function addYears(date: string, years: number): string {
  // 29 February plus a year is 28 February, not 1 March: an order ends no later than the law says.
  return addCalendarMonths(date, years * 12);
}

/** The same day `months` calendar months on, or the last day of a shorter month (31 January + 1 is 28 or 29 February). */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

/**
 * The date `n` working days after `date`: weekends and the given holidays (e.g. the bank holidays
 * of England and Wales, which the force configures) are skipped.
 */
export function addWorkingDays(date: string, n: number, holidays: ReadonlySet<string> = new Set()): string {
  let day = toDay(date);
  let left = n;
  while (left > 0) {
    day += 1;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(fromDay(day))) left -= 1;
  }
  return fromDay(day);
}

/** A real calendar date in YYYY-MM-DD form (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return fromDay(toDay(value)) === value;
}
