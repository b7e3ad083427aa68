import type { ChartLayout, LinkFilter } from '@harbour/contract';
import type { AnalysisDrawing } from './analysis-look';

/** A saved chart as the page holds it: whose it is, and whether its owner shares it with the team. */
export interface SavedAs {
  readonly id: string;
  readonly name: string;
  readonly mine: boolean;
  readonly shared: boolean;
  readonly owner: string;
}

/**
 * The charts an analyst is working on in this tab, kept in sessionStorage by the address that
 * opened them, so that going elsewhere (a report, an entity's page) and coming back, or reloading,
 * finds each as it was left: its entities where they were put, hidden or pinned, its filter and
 * layout, its analysis drawn, reports drawn as events or not, and whether it has changes not yet saved. Only ids, places and
 * settings are kept; names and links are asked of the server again on return. sessionStorage
 * goes when the tab closes; signing out and the quick exit clear it sooner.
 */
export interface WorkingChart {
  readonly address: string;
  readonly entities: readonly { id: string; x: number; y: number; hidden: boolean; pinned: boolean; note?: string; group?: string }[];
  readonly filter: LinkFilter;
  readonly layout: ChartLayout;
  readonly saved: SavedAs | null;
  readonly name: string;
  readonly drawing: AnalysisDrawing | null;
  /** Its reports drawn as events (absent in what older pages kept). */
  readonly asEvents?: boolean;
  /** Changed since it was opened or last saved. */
  readonly changed: boolean;
}

const KEY = 'harbour.charts';
/** Enough for an analyst moving between a few charts; the oldest is let go first. */
const MOST = 6;

function all(): WorkingChart[] {
  try {
    const kept: unknown = JSON.parse(window.sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(kept) ? kept.filter(isWorkingChart) : [];
  } catch {
    return [];
  }
}

function isWorkingChart(value: unknown): value is WorkingChart {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c['address'] === 'string' &&
    Array.isArray(c['entities']) &&
    c['entities'].every((e: unknown) => {
      const entity = e as Record<string, unknown>;
      return typeof entity['id'] === 'string' && typeof entity['x'] === 'number' && typeof entity['y'] === 'number';
    }) &&
    typeof c['filter'] === 'object' &&
    c['filter'] !== null &&
    typeof c['layout'] === 'string' &&
    typeof c['name'] === 'string' &&
    typeof c['changed'] === 'boolean'
  );
}

/** The chart this tab was working on at this address, if any. */
export function keptChart(address: string): WorkingChart | null {
  return all().find((c) => c.address === address) ?? null;
}

export function keepChart(chart: WorkingChart): void {
  const others = all().filter((c) => c.address !== chart.address);
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify([chart, ...others].slice(0, MOST)));
  } catch {
    // Storage full or refused: the chart still works; only coming back would start it afresh.
  }
}

export function forgetChart(address: string): void {
  const others = all().filter((c) => c.address !== address);
  if (others.length) window.sessionStorage.setItem(KEY, JSON.stringify(others));
  else window.sessionStorage.removeItem(KEY);
}

/** Signing out: nothing of the picture stays in the tab. */
export function forgetAllCharts(): void {
  window.sessionStorage.removeItem(KEY);
}
