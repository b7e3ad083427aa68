import type { ExploitationType, GraphFilter, RecordKind } from '@harbour/core';

/** A link filter as the web app sends and a saved chart keeps it: plain JSON, dates as YYYY-MM-DD. */
export interface StoredFilter {
  readonly from?: string;
  /** The last day included. */
  readonly until?: string;
  readonly evaluations?: ('1' | '2' | '3')[];
  readonly assessments?: ('A' | 'B' | 'C' | 'D' | 'E')[];
  readonly ungraded?: boolean;
  readonly exploitationTypes?: ExploitationType[];
  readonly kinds?: RecordKind[];
  readonly linkTypes?: string[];
}

const DAY_MS = 86_400_000;

/** The filter the graph takes: `until` names the last day included, so the range ends at the start of the next. */
export function toGraphFilter(stored: StoredFilter): GraphFilter {
  const { from, until, ...rest } = stored;
  return {
    ...rest,
    ...(from ? { from: new Date(`${from}T00:00:00Z`) } : {}),
    ...(until ? { until: new Date(new Date(`${until}T00:00:00Z`).getTime() + DAY_MS) } : {}),
  };
}
