import { sql, type RawBuilder } from 'kysely';

/**
 * Reports received on or after the first day of month `from` and before the end of month `to`
 * (first days, e.g. '2026-01-01'), in Welsh time: the months the tallies count by.
 */
export function receivedFrom(column: string, from: string): RawBuilder<unknown> {
  return sql`${sql.ref(column)} >= (${from}::date::timestamp at time zone 'Europe/London')`;
}

export function receivedBefore(column: string, to: string): RawBuilder<unknown> {
  return sql`${sql.ref(column)} < ((${to}::date + interval '1 month')::timestamp at time zone 'Europe/London')`;
}
