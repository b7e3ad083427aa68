import type { LinkFilter } from '@harbour/contract';
import type { GraphFilter } from '@harbour/core';

const DAY_MS = 86_400_000;

/** The filter the graph takes: `until` names the last day included, so the range ends at the start of the next. */
export function toGraphFilter(stored: LinkFilter): GraphFilter {
  const { from, until, ...rest } = stored;
  return {
    ...rest,
    ...(from ? { from: new Date(`${from}T00:00:00Z`) } : {}),
    ...(until ? { until: new Date(new Date(`${until}T00:00:00Z`).getTime() + DAY_MS) } : {}),
  };
}
