import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChartAnalysis } from '@harbour/contract';
import { analysisLook, COMMUNITY_COLOURS, communityColour } from './analysis-look';

const analysis: ChartAnalysis = {
  entities: [
    { id: 'broker', degree: 4, betweenness: 9, pagerank: 0.3, community: 0 },
    { id: 'edge', degree: 1, betweenness: 0, pagerank: 0.1, community: 1 },
    { id: 'middle', degree: 2, betweenness: 1, pagerank: 0.2, community: 0 },
  ],
  communities: [2, 1],
  modularity: 0.2,
  keyPlayers: ['broker', 'middle'],
};

describe('the analysis as drawn on a chart', () => {
  it('sizes by betweenness, the broker largest, an entity between none smallest; ranks the key players', () => {
    const look = analysisLook(analysis, { sizeBy: 'betweenness', byCommunity: false });
    expect(look.get('broker')).toEqual({ community: 0, size: 96, keyRank: 1 });
    expect(look.get('edge')).toEqual({ community: 1, size: 30 });
    expect(look.get('middle')!.size).toBe(52);
    expect(look.get('middle')!.keyRank).toBe(2);
  });

  it('sizes by degree, or not at all, and rings each community in its own colour', () => {
    const byDegree = analysisLook(analysis, { sizeBy: 'degree', byCommunity: true });
    expect(byDegree.get('edge')).toMatchObject({ size: 63, ring: COMMUNITY_COLOURS[1] });
    expect(byDegree.get('broker')!.ring).toBe(byDegree.get('middle')!.ring);
    const plain = analysisLook(analysis, { sizeBy: 'none', byCommunity: false });
    expect([...plain.values()].every((l) => l.size === undefined && l.ring === undefined)).toBe(true);
  });

  it('never draws an entity smaller than the smallest or larger than the largest, whatever the figures', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 40 }), (values) => {
        const many: ChartAnalysis = {
          ...analysis,
          entities: values.map((v, i) => ({ id: String(i), degree: v, betweenness: v, pagerank: 0, community: i })),
          keyPlayers: [],
        };
        for (const l of analysisLook(many, { sizeBy: 'betweenness', byCommunity: true }).values()) {
          if (l.size !== undefined) expect(l.size).toBeGreaterThanOrEqual(30);
          if (l.size !== undefined) expect(l.size).toBeLessThanOrEqual(96);
          expect(l.ring).toBe(communityColour(l.community));
        }
      }),
    );
  });
});
