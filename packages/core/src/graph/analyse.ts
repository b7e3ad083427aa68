import { betweenness, degrees, pageRank } from './centrality';
import { communities } from './communities';
import type { LinkGraph } from './link-graph';
import { components } from './traversal';

/** Below this many nodes betweenness is exact (a search from every node); above, estimated. */
export const EXACT_BETWEENNESS_BELOW = 50_000;
/** Sources sampled for the estimate: enough for the ranking of brokers to settle (Brandes & Pich 2007). */
export const BETWEENNESS_SAMPLE = 1_000;

export interface NodeFigures {
  readonly id: string;
  readonly component: number;
  readonly degree: number;
  readonly betweenness: number;
  readonly pagerank: number;
  readonly community: number;
}

export interface ComponentFigures {
  readonly component: number;
  readonly nodes: number;
  readonly links: number;
  /** Louvain communities inside it. */
  readonly communities: number;
  /** The node most between the others (highest betweenness, then degree). */
  readonly keyPlayer: string;
}

export interface GraphAnalysis {
  /** Every node, by component, then most between first. */
  readonly nodes: NodeFigures[];
  readonly components: ComponentFigures[];
  readonly betweenness: { readonly exact: boolean; readonly sources: number };
  readonly modularity: number;
}

/**
 * The whole social-network analysis of a link list, as an analyst takes it away: each node's
 * network, degree, betweenness, PageRank and community, and each network's size and key player.
 */
export function analyseGraph(g: LinkGraph, options: { exactBelow?: number; sample?: number; seed?: string } = {}): GraphAnalysis {
  const { exactBelow = EXACT_BETWEENNESS_BELOW, sample = BETWEENNESS_SAMPLE, seed = 'harbour' } = options;
  const network = components(g);
  const degree = degrees(g);
  const between = betweenness(g, g.nodeCount < exactBelow ? { seed } : { sources: sample, seed });
  const rank = pageRank(g);
  const community = communities(g, undefined, seed);

  const order = Array.from({ length: g.nodeCount }, (_, v) => v).sort(
    (a, b) => network.of[a]! - network.of[b]! || between.values[b]! - between.values[a]! || degree[b]! - degree[a]! || a - b,
  );
  const nodes = order.map((v) => ({
    id: g.ids[v]!,
    component: network.of[v]!,
    degree: degree[v]!,
    betweenness: between.values[v]!,
    pagerank: rank[v]!,
    community: community.of[v]!,
  }));

  const links = new Array<number>(network.sizes.length).fill(0);
  for (let v = 0; v < g.nodeCount; v++) links[network.of[v]!]! += degree[v]!;
  const inside = network.sizes.map(() => new Set<number>());
  for (let v = 0; v < g.nodeCount; v++) inside[network.of[v]!]!.add(community.of[v]!);
  // Nodes are sorted by component then betweenness, so each component's first node is its key player.
  const keyPlayer: string[] = [];
  for (const n of nodes) keyPlayer[n.component] ??= n.id;
  return {
    nodes,
    components: network.sizes.map((size, c) => ({
      component: c,
      nodes: size,
      links: links[c]! / 2,
      communities: inside[c]!.size,
      keyPlayer: keyPlayer[c]!,
    })),
    betweenness: { exact: between.exact, sources: between.sources },
    modularity: community.modularity,
  };
}
