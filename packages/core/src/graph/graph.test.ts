import fc from 'fast-check';
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { describe, expect, it } from 'vitest';
import { betweenness, degrees, pageRank } from './centrality';
import { communities } from './communities';
import { LinkGraph, type LinkInput } from './link-graph';
import { components, distancesFrom, neighbourhood, shortestPath, shortestPaths } from './traversal';

const links = (pairs: string): LinkInput[] =>
  pairs
    .split(' ')
    .filter(Boolean)
    .map((p) => ({ from: p[0]!, to: p[1]! }));
const named = (g: LinkGraph, nodes: readonly number[] | null) => nodes?.map((v) => g.ids[v]).join('') ?? null;
const byId = (g: LinkGraph, values: ArrayLike<number>) => Object.fromEntries(g.ids.map((id, v) => [id, values[v]]));
const at = (g: LinkGraph, id: string) => g.indexOf(id)!;

describe('LinkGraph', () => {
  it('links each pair once, adding the weights of repeats either way round, and leaves self-links out', () => {
    const g = LinkGraph.from([...links('ab ba aa bc'), { from: 'a', to: 'b', weight: 2.5 }]);
    expect(g.nodeCount).toBe(3);
    expect(g.linkCount).toBe(2);
    expect(g.stats).toEqual({ read: 5, selfLinks: 1, duplicates: 2 });
    expect(g.weight(at(g, 'a'), at(g, 'b'))).toBe(4.5);
    expect(g.weight(at(g, 'b'), at(g, 'a'))).toBe(4.5);
    expect(g.weight(at(g, 'a'), at(g, 'c'))).toBe(0);
    expect(byId(g, degrees(g))).toEqual({ a: 1, b: 2, c: 1 });
  });

  it('keeps nodes given without links, and refuses a weight that is not a positive number', () => {
    const g = LinkGraph.from(links('ab'), ['z']);
    expect(g.ids).toEqual(['z', 'a', 'b']);
    expect(g.degree(at(g, 'z'))).toBe(0);
    expect(() => LinkGraph.from([{ from: 'a', to: 'b', weight: 0 }])).toThrow(/link 1 \(a, b\): the weight must be a positive number/);
    expect(() => LinkGraph.from([{ from: 'a', to: 'b', weight: Number.NaN }])).toThrow(RangeError);
  });

  it('takes the graph of some nodes on their own, with the links among them and their weights', () => {
    const g = LinkGraph.from([...links('ab bc cd'), { from: 'a', to: 'b', weight: 2 }]);
    const sub = g.induced([at(g, 'a'), at(g, 'b'), at(g, 'c')]);
    expect(sub.ids).toEqual(['a', 'b', 'c']);
    expect(sub.linkCount).toBe(2);
    expect(sub.weight(sub.indexOf('a')!, sub.indexOf('b')!)).toBe(3);
    expect(sub.indexOf('d')).toBeUndefined();
  });

  it('is empty without input', () => {
    const g = LinkGraph.from([]);
    expect(g.nodeCount).toBe(0);
    expect(components(g).sizes).toEqual([]);
    expect(pageRank(g)).toEqual(new Float64Array(0));
    expect(betweenness(g).values).toEqual(new Float64Array(0));
  });
});

describe('components, paths and neighbourhoods', () => {
  it('numbers networks largest first; an unlinked node is a network of one', () => {
    const g = LinkGraph.from(links('ab cd de'), ['z']);
    const c = components(g);
    expect(c.sizes).toEqual([3, 2, 1]);
    expect(byId(g, c.of)).toEqual({ z: 2, a: 1, b: 1, c: 0, d: 0, e: 0 });
  });

  it('finds a shortest path, none between networks, and none beyond the hop limit', () => {
    const g = LinkGraph.from(links('ab bc cd de af fe xy'));
    expect(named(g, shortestPath(g, at(g, 'a'), at(g, 'e')))).toBe('afe');
    expect(named(g, shortestPath(g, at(g, 'e'), at(g, 'b')))).toMatch(/^e(fa|dc)b$/);
    expect(shortestPath(g, at(g, 'a'), at(g, 'x'))).toBeNull();
    expect(shortestPath(g, at(g, 'a'), at(g, 'd'), 2)).toBeNull();
    expect(named(g, shortestPath(g, at(g, 'a'), at(g, 'd'), 3))).toMatch(/^a(bc|fe)d$/);
    expect(named(g, shortestPath(g, at(g, 'c'), at(g, 'c')))).toBe('c');
  });

  it('lists every shortest path up to a limit', () => {
    const g = LinkGraph.from(links('ab ac bd cd de ae'));
    expect(shortestPaths(g, at(g, 'b'), at(g, 'c'), 10).map((p) => named(g, p))).toEqual(['bac', 'bdc']);
    expect(shortestPaths(g, at(g, 'b'), at(g, 'c'), 1)).toHaveLength(1);
    expect(shortestPaths(LinkGraph.from(links('ab cd')), 0, 2, 5)).toEqual([]);
  });

  it('expands a neighbourhood hop by hop, nearest first, and says when the limit cut it short', () => {
    const g = LinkGraph.from(links('ab ac bd ce ef'));
    const two = neighbourhood(g, at(g, 'a'), 2);
    expect(two.nodes.map((n) => `${g.ids[n.node]}${n.hops}`)).toEqual(['a0', 'b1', 'c1', 'd2', 'e2']);
    expect(two.truncated).toBe(false);
    const cut = neighbourhood(g, at(g, 'a'), 2, 3);
    expect(cut.nodes).toHaveLength(3);
    expect(cut.truncated).toBe(true);
    expect(neighbourhood(g, at(g, 'a'), 0).nodes).toEqual([{ node: at(g, 'a'), hops: 0 }]);
  });
});

describe('key players', () => {
  it('betweenness: along a line, the middle carries most; in a star, the centre carries every pair', () => {
    const line = LinkGraph.from(links('ab bc cd de'));
    expect(byId(line, betweenness(line).values)).toEqual({ a: 0, b: 3, c: 4, d: 3, e: 0 });
    const star = LinkGraph.from(links('ca cb cd ce'));
    expect(byId(star, betweenness(star).values)).toMatchObject({ c: 6, a: 0 });
  });

  it('betweenness: the two ends of a bridge between two triangles are the brokers', () => {
    const g = LinkGraph.from(links('ab bc ca cd de ef fd'));
    expect(byId(g, betweenness(g).values)).toEqual({ a: 0, b: 0, c: 6, d: 6, e: 0, f: 0 });
  });

  it('betweenness from a sample of sources is an estimate, seeded, and exact when the sample is everyone', () => {
    const g = LinkGraph.from(links('ab bc cd de ef fg gh'));
    const exact = betweenness(g);
    expect(betweenness(g, { sources: 100 })).toEqual(exact);
    const a = betweenness(g, { sources: 4, seed: 's' });
    expect(a.exact).toBe(false);
    expect(a.sources).toBe(4);
    expect(betweenness(g, { sources: 4, seed: 's' }).values).toEqual(a.values);
  });

  it('PageRank adds up to 1, favours the hub, and shares an isolated node’s rank with everyone', () => {
    const g = LinkGraph.from(links('ca cb cd'), ['z']);
    const rank = pageRank(g);
    expect(rank.reduce((s, r) => s + r, 0)).toBeCloseTo(1, 9);
    expect(rank[at(g, 'c')]!).toBeGreaterThan(rank[at(g, 'a')]!);
    expect(rank[at(g, 'z')]!).toBeGreaterThan(0);
  });

  it('communities: two triangles joined by one link are two communities', () => {
    const g = LinkGraph.from(links('ab bc ca cd de ef fd'));
    const c = communities(g);
    expect(c.sizes).toEqual([3, 3]);
    expect(new Set(['a', 'b', 'c'].map((id) => c.of[at(g, id)])).size).toBe(1);
    expect(c.of[at(g, 'a')]).not.toBe(c.of[at(g, 'd')]);
    expect(c.modularity).toBeGreaterThan(0.3);
  });

  it('communities only inside the nodes asked about; without links each node stands alone', () => {
    const g = LinkGraph.from(links('ab bc ca xy'));
    const c = communities(g, [at(g, 'a'), at(g, 'b'), at(g, 'c')]);
    expect(c.of[at(g, 'x')]).toBe(-1);
    expect(c.sizes).toEqual([3]);
    const alone = communities(LinkGraph.from([], ['p', 'q']));
    expect(alone.sizes).toEqual([1, 1]);
  });
});

/** Random small graphs, with repeats, self-links and unlinked nodes. */
const smallGraphs = fc
  .integer({ min: 1, max: 18 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), { maxLength: 50 }),
    }),
  )
  .map(({ n, pairs }) =>
    LinkGraph.from(
      pairs.map(([a, b, w]) => ({ from: `n${a}`, to: `n${b}`, weight: w })),
      Array.from({ length: n }, (_, i) => `n${i}`),
    ),
  );

function asGraphology(g: LinkGraph): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const id of g.ids) graph.addNode(id);
  for (let v = 0; v < g.nodeCount; v++) for (const u of g.neighbours(v)) if (u > v) graph.addEdge(g.ids[v], g.ids[u], { weight: g.weight(v, u) });
  return graph;
}

describe('properties, against graphology-metrics and plain search', () => {
  it('every link is stored both ways with one weight; degrees add up to twice the links', () => {
    fc.assert(
      fc.property(smallGraphs, (g) => {
        let sum = 0;
        for (let v = 0; v < g.nodeCount; v++) {
          sum += g.degree(v);
          for (const u of g.neighbours(v)) expect(g.weight(u, v)).toBe(g.weight(v, u));
          expect(new Set(g.neighbours(v)).size).toBe(g.degree(v));
        }
        expect(sum).toBe(2 * g.linkCount);
      }),
    );
  });

  it('exact betweenness equals graphology-metrics (Brandes)', () => {
    fc.assert(
      fc.property(smallGraphs, (g) => {
        const theirs = betweennessCentrality(asGraphology(g), { normalized: false, getEdgeWeight: null });
        const ours = betweenness(g).values;
        for (let v = 0; v < g.nodeCount; v++) expect(ours[v]).toBeCloseTo(theirs[g.ids[v]!]!, 9);
      }),
    );
  });

  it('PageRank equals graphology-metrics (weighted)', () => {
    fc.assert(
      fc.property(smallGraphs, (g) => {
        const theirs = pagerank(asGraphology(g), { getEdgeWeight: 'weight', tolerance: 1e-12, maxIterations: 1000 });
        const ours = pageRank(g, { tolerance: 1e-13, maxIterations: 1000 });
        for (let v = 0; v < g.nodeCount; v++) expect(ours[v]).toBeCloseTo(theirs[g.ids[v]!]!, 7);
      }),
    );
  });

  it('components are exactly the sets a breadth-first search reaches', () => {
    fc.assert(
      fc.property(smallGraphs, (g) => {
        const c = components(g);
        for (let v = 0; v < g.nodeCount; v++) {
          const reach = distancesFrom(g, v);
          for (let u = 0; u < g.nodeCount; u++) expect(reach[u] !== -1).toBe(c.of[u] === c.of[v]);
        }
        expect([...c.sizes].sort((a, b) => b - a)).toEqual(c.sizes);
      }),
    );
  });

  it('a shortest path is linked hop by hop and as short as the distance; all shortest paths are distinct and as short', () => {
    fc.assert(
      fc.property(smallGraphs, fc.nat(), fc.nat(), (g, x, y) => {
        const a = x % g.nodeCount;
        const b = y % g.nodeCount;
        const d = distancesFrom(g, a)[b]!;
        const path = shortestPath(g, a, b);
        if (d === -1) {
          expect(path).toBeNull();
          return;
        }
        expect(path!.length - 1).toBe(d);
        expect(path![0]).toBe(a);
        expect(path!.at(-1)).toBe(b);
        for (let i = 1; i < path!.length; i++) expect(g.weight(path![i - 1]!, path![i]!)).toBeGreaterThan(0);
        const all = shortestPaths(g, a, b, 50);
        expect(all.length).toBeGreaterThan(0);
        expect(new Set(all.map((p) => p.join())).size).toBe(all.length);
        for (const p of all) expect(p.length - 1).toBe(d);
      }),
    );
  });

  it('a neighbourhood holds exactly the nodes within the hops, each at its distance', () => {
    fc.assert(
      fc.property(smallGraphs, fc.nat(), fc.integer({ min: 0, max: 4 }), (g, x, hops) => {
        const start = x % g.nodeCount;
        const distance = distancesFrom(g, start);
        const found = neighbourhood(g, start, hops);
        const expected = [...distance].filter((d) => d !== -1 && d <= hops).length;
        expect(found.nodes).toHaveLength(expected);
        for (const n of found.nodes) expect(n.hops).toBe(distance[n.node]);
      }),
    );
  });
});
