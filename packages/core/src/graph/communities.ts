import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { Random } from '../seed/random';
import type { LinkGraph } from './link-graph';

export interface Communities {
  /** Each node's community, numbered from 0 by size, largest first; -1 for nodes not looked at. */
  readonly of: Int32Array;
  readonly sizes: readonly number[];
  /** How much denser the communities are inside than chance would make them (−0.5 to 1). */
  readonly modularity: number;
}

/**
 * Communities by the Louvain method (graphology's implementation, seeded so the same graph gives
 * the same answer), inside the given nodes (a network) or the whole graph: the groups within a
 * large network that are linked more among themselves than to the rest.
 */
export function communities(g: LinkGraph, within?: ArrayLike<number>, seed = 'louvain'): Communities {
  const nodes = within ? Array.from(within) : Array.from({ length: g.nodeCount }, (_, v) => v);
  const inside = new Uint8Array(g.nodeCount);
  for (const v of nodes) inside[v] = 1;
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const v of nodes) graph.addNode(v);
  for (const v of nodes)
    for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
      const u = g.targets[e]!;
      if (u > v && inside[u]) graph.addUndirectedEdge(v, u, { weight: g.weights[e]! });
    }
  const of = new Int32Array(g.nodeCount).fill(-1);
  if (graph.size === 0) {
    // No links: every node is its own community (Louvain has nothing to go on).
    nodes.forEach((v, i) => (of[v] = i));
    return { of, sizes: nodes.map(() => 1), modularity: 0 };
  }
  const random = new Random(seed);
  const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: () => random.next() });
  const raw = new Int32Array(nodes.length);
  const counts = new Map<number, number>();
  nodes.forEach((v, i) => {
    const c = detailed.communities[String(v)]!;
    raw[i] = c;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  });
  const order = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a - b);
  const rank = new Map(order.map((c, r) => [c, r]));
  nodes.forEach((v, i) => (of[v] = rank.get(raw[i]!)!));
  return { of, sizes: order.map((c) => counts.get(c)!), modularity: detailed.modularity };
}
