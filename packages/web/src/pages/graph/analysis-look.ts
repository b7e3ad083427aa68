import type { ChartAnalysis } from '@harbour/contract';

/** What sets an entity's size when the analysis is drawn. */
export const SIZE_BY = ['none', 'degree', 'betweenness'] as const;
export type SizeBy = (typeof SIZE_BY)[number];

/** How an analyst asked the analysis to be drawn. */
export interface AnalysisDrawing {
  readonly sizeBy: SizeBy;
  readonly byCommunity: boolean;
}

/** An entity as the analysis draws it: its size (px), the ring of its community, and its rank among the key players. */
export interface AnalysisLook {
  readonly size?: number;
  readonly ring?: string;
  readonly community: number;
  /** 1 for the most between, up to the number of key players. */
  readonly keyRank?: number;
}

/**
 * Paul Tol's "muted" scheme: colours told apart by people with common colour-vision deficiencies,
 * none close to the fill of an entity kind's own colour. Communities beyond it are ringed grey
 * (the details panel and the table name every community by number).
 */
export const COMMUNITY_COLOURS = ['#332288', '#CC6677', '#117733', '#882255', '#DDCC77', '#44AA99', '#AA4499', '#999933', '#88CCEE'] as const;
const OTHER_COMMUNITY = '#6F777B';

const SMALLEST = 30;
const LARGEST = 96;

export function communityColour(community: number): string {
  return COMMUNITY_COLOURS[community] ?? OTHER_COMMUNITY;
}

/**
 * Each entity's look under the analysis: sized by the square root of its share of the largest
 * value (so area, not width, follows the figure), ringed by community, and ranked if a key player.
 */
export function analysisLook(analysis: ChartAnalysis, drawing: AnalysisDrawing): Map<string, AnalysisLook> {
  const value = (e: ChartAnalysis['entities'][number]) => (drawing.sizeBy === 'degree' ? e.degree : e.betweenness);
  const largest = drawing.sizeBy === 'none' ? 0 : Math.max(0, ...analysis.entities.map(value));
  const rank = new Map(analysis.keyPlayers.map((id, i) => [id, i + 1]));
  return new Map(
    analysis.entities.map((e) => [
      e.id,
      {
        community: e.community,
        ...(largest > 0 ? { size: Math.round(SMALLEST + (LARGEST - SMALLEST) * Math.sqrt(value(e) / largest)) } : {}),
        ...(drawing.byCommunity ? { ring: communityColour(e.community) } : {}),
        ...(rank.has(e.id) ? { keyRank: rank.get(e.id)! } : {}),
      },
    ]),
  );
}
