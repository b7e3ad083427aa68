/** A date as typed into the GOV.UK date input: day, month and year boxes. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const NO_DATE: DateParts = { day: '', month: '', year: '' };

/**
 * The ISO date (YYYY-MM-DD) the boxes make; '' when all are empty; null when they do not make a
 * real date (a missing box, 31 April, a two-digit year).
 */
export function isoDate(parts: DateParts): string | null {
  const [day, month, year] = [parts.day, parts.month, parts.year].map((p) => p.trim());
  if (!day && !month && !year) return '';
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return null;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The boxes for an ISO date, to show one already given. */
export function dateParts(iso: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! } : NO_DATE;
}
