import { FIGURES_QUERY_PARAMS } from '@harbour/contract/vocabulary';
import type { FiguresParams } from '@harbour/contract';

/** The dashboard filter as it stands in the page's address, sent on to the API as is. */
export function filterFrom(params: URLSearchParams): FiguresParams {
  const filter: FiguresParams = {};
  for (const name of FIGURES_QUERY_PARAMS) {
    const value = params.get(name);
    if (value) filter[name] = value;
  }
  return filter;
}

export function queryOf(filter: FiguresParams, more: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filter, ...more }).filter(([, v]) => v !== undefined && v !== '');
  return new URLSearchParams(entries).toString();
}
