/** The dashboard as the API sends it (GET /api/figures/dashboard). */
export interface Count {
  key: string;
  n: number;
}

export type Granularity = 'month' | 'quarter' | 'year';

export interface Dashboard {
  filter: { from: string; to: string; granularity: Granularity; area?: string; exploitationType?: string; child?: boolean; source?: string };
  span: { first: string; last: string } | null;
  reports: number;
  previous: { from: string; to: string; change: { before: number; after: number; count: number; percent: number | null } };
  trend: { period: string; from: string; to: string; n: number }[];
  byArea: (Count & { name: string; nameCy: string })[];
  byType: Count[];
  byAge: Count[];
  bySource: Count[];
  victims: number;
  victimsByGender: Count[];
  victimsByNationality: (Count & { name: string })[];
}

export interface ReportsBehind {
  total: number;
  page: number;
  pageSize: number;
  reports: {
    id: string;
    reference: string;
    source: string;
    receivedAt: string;
    area: string | null;
    exploitationTypes: string[];
    child: boolean;
    status: string;
  }[];
}

/** The filter as it stands in the page's address (and is sent on to the API as is). */
export const FILTER_PARAMS = ['from', 'to', 'granularity', 'area', 'type', 'age', 'source'] as const;
export type FilterParams = Partial<Record<(typeof FILTER_PARAMS)[number], string>>;

export function filterFrom(params: URLSearchParams): FilterParams {
  const filter: FilterParams = {};
  for (const name of FILTER_PARAMS) {
    const value = params.get(name);
    if (value) filter[name] = value;
  }
  return filter;
}

export function queryOf(filter: FilterParams, more: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filter, ...more }).filter(([, v]) => v !== undefined && v !== '');
  return new URLSearchParams(entries).toString();
}

export interface FiguresMap {
  areas: (Count & { name: string; nameCy: string })[];
  places: { key: string; name: string; nameCy: string; area: string; lat: number; lon: number; n: number }[];
  unplaced: number;
  hotspots: { south: number; west: number; north: number; east: number; density: number }[];
}

export interface AreaBoundaries {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; name: string; nameCy: string }; geometry: { type: string; coordinates: unknown } }[];
  attribution: string | null;
}

/** A problem profile as the API sends it (GET /api/figures/profile): words and tables, ready to show. */
export interface ProfileTable {
  id: string;
  caption: string;
  headings: string[];
  rows: { label: string; cells: string[] }[];
  chart?: { labels: string[]; values: (number | null)[] };
  note?: string;
}

export interface ProblemProfile {
  language: 'en' | 'cy';
  audience: 'internal' | 'external';
  title: string;
  subtitle: string;
  generated: string;
  audienceNote: string;
  sections: { id: string; title: string; paragraphs: string[]; tables: ProfileTable[] }[];
}
