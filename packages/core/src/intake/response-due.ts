import type { TriageBand } from './triage';

/**
 * How long the team gives itself to triage a report in each band: the working standard a DS
 * would set (within the hour for anyone in danger, the same day for a child), kept in one place so
 * the home page, the queue and any later figures agree. A report with no band yet (e.g. one whose
 * score was never worked out) is given the medium time.
 */
export const TRIAGE_RESPONSE_HOURS: Readonly<Record<TriageBand, number>> = { critical: 1, high: 24, medium: 72, low: 168 };

const HOUR_MS = 3_600_000;

/** When a report received at `receivedAt` in `band` should have been triaged by. */
export function triageDueBy(receivedAt: Date, band: TriageBand | null): Date {
  return new Date(receivedAt.getTime() + TRIAGE_RESPONSE_HOURS[band ?? 'medium'] * HOUR_MS);
}

/** One report on someone's list of work: awaiting triage (with a due time) or in hand. */
export interface WorkItem {
  readonly receivedAt: Date;
  readonly band: TriageBand | null;
  readonly awaitingTriage: boolean;
}

export interface DatedWork<T extends WorkItem> {
  readonly item: T;
  /** Null once the report is triaged: the work is in hand, with no triage deadline left. */
  readonly dueBy: Date | null;
  readonly overdue: boolean;
}

/**
 * A person's work in the order to do it: everything overdue first (the longest overdue at the
 * top), then what is awaiting triage by when it falls due, then what is in hand, newest first.
 */
export function orderWork<T extends WorkItem>(items: readonly T[], now: Date): DatedWork<T>[] {
  const dated = items.map((item) => {
    const dueBy = item.awaitingTriage ? triageDueBy(item.receivedAt, item.band) : null;
    return { item, dueBy, overdue: dueBy !== null && dueBy.getTime() < now.getTime() };
  });
  return dated.sort((a, b) => {
    if (a.dueBy && b.dueBy) return a.dueBy.getTime() - b.dueBy.getTime();
    if (a.dueBy) return -1;
    if (b.dueBy) return 1;
    return b.item.receivedAt.getTime() - a.item.receivedAt.getTime();
  });
}
