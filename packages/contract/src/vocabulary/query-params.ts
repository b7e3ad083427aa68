import type { LinkFilter } from '../api/graph';

/**
 * Filters as the web writes them into addresses and bodies. Kept apart from the schemas (no zod
 * here) so that the browser's bundle carries the words and not the validators.
 */

/** A filter without its empty parts, as a body carries it. */
export function cleanLinkFilter(filter: LinkFilter): LinkFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

/** A filter as query-string parameters (lists comma-separated), as linkFilterQuery reads them. */
export function linkFilterParams(filter: LinkFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(cleanLinkFilter(filter)).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)]));
}

/** The dashboard filter's parameters, as a page's address and the figures routes take them. */
export const FIGURES_QUERY_PARAMS = ['from', 'to', 'granularity', 'area', 'type', 'age', 'source'] as const;
export type FiguresParams = Partial<Record<(typeof FIGURES_QUERY_PARAMS)[number], string>>;
