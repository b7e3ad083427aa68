import { Random } from '../seed/random';
import type { LinkGraph } from './link-graph';

/** Distinct neighbours of every node. */
export function degrees(g: LinkGraph): Int32Array {
  const out = new Int32Array(g.nodeCount);
  for (let v = 0; v < g.nodeCount; v++) out[v] = g.degree(v);
  return out;
}

export interface PageRankOptions {
  readonly damping?: number;
  /** Stop when the ranks move less than this in total (L1) in one iteration. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

/**
 * PageRank over the undirected, weighted links (a link passes rank both ways, in proportion to
 * its weight); a node with no link shares its rank with everyone. Ranks add up to 1.
 */
export function pageRank(g: LinkGraph, options: PageRankOptions = {}): Float64Array {
  const { offsets, targets, weights } = g;
  const { damping = 0.85, tolerance = 1e-9, maxIterations = 100 } = options;
  const n = g.nodeCount;
  if (n === 0) return new Float64Array(0);
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) strength[v] = g.strength(v);
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (strength[v] === 0) dangling += rank[v]!;
    const base = (1 - damping) / n + (damping * dangling) / n;
    next.fill(base);
    for (let v = 0; v < n; v++) {
      if (strength[v] === 0) continue;
      const share = (damping * rank[v]!) / strength[v]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) next[targets[e]!]! += share * weights[e]!;
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(next[v]! - rank[v]!);
    [rank, next] = [next, rank];
    if (change < tolerance) break;
  }
  return rank;
}

export interface BetweennessOptions {
  /**
   * Measure from this many source nodes chosen at random and scale up (Brandes and Pich's
   * estimate); every node is a source when absent or not smaller than the graph.
   */
  readonly sources?: number;
  /** Seed of the sources chosen, so the same graph gives the same figures. */
  readonly seed?: string;
}

export interface Betweenness {
  /** For each node, how many shortest paths between other nodes pass through it (each pair once). */
  readonly values: Float64Array;
  /** Sources measured from: the node count when exact. */
  readonly sources: number;
  readonly exact: boolean;
}

/**
 * Betweenness centrality by Brandes' algorithm over unweighted shortest paths: the brokers that
 * connect parts of a network. Exact costs a breadth-first search from every node; with
 * `sources` it is estimated from a sample, which is what makes it usable on large graphs.
 */
export function betweenness(g: LinkGraph, options: BetweennessOptions = {}): Betweenness {
  const { offsets, targets } = g;
  const n = g.nodeCount;
  const values = new Float64Array(n);
  const exact = options.sources === undefined || options.sources >= n;
  const sources = exact ? Array.from({ length: n }, (_, v) => v) : sample(n, options.sources, options.seed ?? 'betweenness');
  const sigma = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (const s of sources) {
    // Breadth-first from s, counting shortest paths (sigma) and recording the visiting order.
    let head = 0;
    let tail = 0;
    sigma[s] = 1;
    distance[s] = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const u = targets[e]!;
        if (distance[u] === -1) {
          distance[u] = distance[v]! + 1;
          order[tail++] = u;
        }
        if (distance[u] === distance[v]! + 1) sigma[u]! += sigma[v]!;
      }
    }
    // Dependencies accumulated back from the furthest nodes; predecessors are the neighbours one hop nearer.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      for (let e = offsets[w]!; e < offsets[w + 1]!; e++) {
        const v = targets[e]!;
        if (distance[v] === distance[w]! - 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      values[w]! += delta[w]!;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      sigma[v] = 0;
      distance[v] = -1;
      delta[v] = 0;
    }
  }
  // Each unordered pair was counted from both of its ends; a sample stands for n / k of the whole.
  const scale = (exact ? 1 : n / sources.length) / 2;
  for (let v = 0; v < n; v++) values[v]! *= scale;
  return { values, sources: sources.length, exact };
}

/** k distinct node numbers below n, chosen at random (partial Fisher–Yates). */
function sample(n: number, k: number, seed: string): number[] {
  const random = new Random(seed);
  const pool = Int32Array.from({ length: n }, (_, v) => v);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random.next() * (n - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return Array.from(pool.subarray(0, k));
}
