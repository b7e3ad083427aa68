/** What the link analysis API answers (see packages/server/src/routes/graph.routes.ts). */
import type { ReportRef } from '../picture/types';

export interface GraphNode {
  id: string;
  kind: string;
  label: string;
  reports: number;
}

export interface GraphLink {
  from: string;
  to: string;
  reports: number;
  firstSeen: string;
  lastSeen: string;
}

export interface ChartData {
  nodes: GraphNode[];
  links: GraphLink[];
}

export interface Network {
  id: string;
  size: number;
  links: number;
  keyPlayers: GraphNode[];
  victims: number;
  children: boolean;
  exploitationTypes: string[];
  areas: string[];
  firstSeen: string;
  lastSeen: string;
  seen: { size: number; at: string } | null;
  grown: boolean;
}

/** A link filter: the same shape the server keeps in a saved chart. */
export interface ChartFilter {
  from?: string;
  until?: string;
  evaluations?: string[];
  assessments?: string[];
  ungraded?: boolean;
  exploitationTypes?: string[];
  kinds?: string[];
}

export type LayoutName = 'cose' | 'concentric' | 'breadthfirst' | 'circle' | 'grid' | 'preset';

export interface SavedChartContent {
  entities: { id: string; x: number; y: number; pinned: boolean; hidden: boolean }[];
  filter: ChartFilter;
  layout: LayoutName;
}

export interface SavedChart {
  id: string;
  name: string;
  updatedAt: string;
  chart: SavedChartContent;
  data: ChartData & { missing: string[] };
}

export interface ChartSummary {
  id: string;
  name: string;
  entities: number;
  updatedAt: string;
}

export interface PathsResult {
  paths: { nodes: GraphNode[]; links: (GraphLink & { sources: ReportRef[] })[] }[];
}

/** The filter as query-string parameters (lists comma-separated), for the GET routes. */
export function filterParams(filter: ChartFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return out;
}

/** The filter without empty parts, as the server takes it in a body. */
export function cleanFilter(filter: ChartFilter): ChartFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
}
