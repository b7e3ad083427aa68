import type { LinkGraph } from './link-graph';

/** The networks of a graph: sets of nodes reachable from one another. */
export interface Components {
  /** Each node's network, numbered from 0 by size, largest first (ties: first seen first). */
  readonly of: Int32Array;
  /** Nodes in each network, largest first. */
  readonly sizes: readonly number[];
}

/** Connected components, by breadth-first search over the arrays. */
export function components(g: LinkGraph): Components {
  const { offsets, targets } = g;
  const n = g.nodeCount;
  const found = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (found[s] !== -1) continue;
    const c = sizes.length;
    found[s] = c;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const u = targets[e]!;
        if (found[u] === -1) {
          found[u] = c;
          queue[tail++] = u;
        }
      }
    }
    sizes.push(tail);
  }
  // Renumber largest first, so network 0 is always the biggest.
  const order = sizes.map((_, c) => c).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const rank = new Int32Array(sizes.length);
  order.forEach((c, r) => (rank[c] = r));
  for (let v = 0; v < n; v++) found[v] = rank[found[v]!]!;
  return { of: found, sizes: order.map((c) => sizes[c]!) };
}

/** The nodes within some hops of a start, nearest first. */
export interface Neighbourhood {
  /** Nodes reached, the start first, each with its distance in hops. */
  readonly nodes: readonly { readonly node: number; readonly hops: number }[];
  /** True when the limit stopped the walk before every node within reach was taken. */
  readonly truncated: boolean;
}

/**
 * Everything within `hops` links of the start, nearest first, at most `limit` nodes: a hub's
 * neighbourhood (a hostel, a shared phone) can be the whole picture, and a chart of more than a
 * few thousand nodes helps no one.
 */
export function neighbourhood(g: LinkGraph, start: number, hops: number, limit = Infinity): Neighbourhood {
  const { offsets, targets } = g;
  const distance = new Map<number, number>([[start, 0]]);
  const nodes = [{ node: start, hops: 0 }];
  let frontier = [start];
  for (let h = 1; h <= hops && frontier.length > 0; h++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const u = targets[e]!;
        if (distance.has(u)) continue;
        if (nodes.length >= limit) return { nodes, truncated: true };
        distance.set(u, h);
        nodes.push({ node: u, hops: h });
        next.push(u);
      }
    }
    frontier = next;
  }
  return { nodes, truncated: false };
}

/**
 * A shortest path (fewest links) from a to b, both ends included, or null when they are not
 * connected or further apart than `maxHops`. Searches from both ends at once, always widening
 * the smaller side, so a path across a million-node network visits a few thousand nodes.
 */
export function shortestPath(g: LinkGraph, a: number, b: number, maxHops = Infinity): number[] | null {
  const { offsets, targets } = g;
  if (a === b) return [a];
  // parent maps double as "seen from this side"; the start points at itself.
  const fromA = new Map<number, number>([[a, a]]);
  const fromB = new Map<number, number>([[b, b]]);
  let frontierA = [a];
  let frontierB = [b];
  for (let depth = 0; depth < maxHops && frontierA.length > 0 && frontierB.length > 0; depth++) {
    const widenA = frontierA.length <= frontierB.length;
    const [frontier, seen, other] = widenA ? [frontierA, fromA, fromB] : [frontierB, fromB, fromA];
    const next: number[] = [];
    let meet = -1;
    for (const v of frontier) {
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const u = targets[e]!;
        if (seen.has(u)) continue;
        seen.set(u, v);
        if (other.has(u)) {
          meet = u;
          break;
        }
        next.push(u);
      }
      if (meet !== -1) break;
    }
    if (meet !== -1) return join(meet, fromA, fromB);
    if (widenA) frontierA = next;
    else frontierB = next;
  }
  return null;
}

function join(meet: number, fromA: Map<number, number>, fromB: Map<number, number>): number[] {
  const path: number[] = [];
  for (let v = meet; ; v = fromA.get(v)!) {
    path.push(v);
    if (fromA.get(v) === v) break;
  }
  path.reverse();
  for (let v = meet; fromB.get(v) !== v;) {
    v = fromB.get(v)!;
    path.push(v);
  }
  return path;
}

/** Hops from `start` to every node (-1: not reachable), stopping after `maxHops`. */
export function distancesFrom(g: LinkGraph, start: number, maxHops = Infinity): Int32Array {
  const { offsets, targets } = g;
  const distance = new Int32Array(g.nodeCount).fill(-1);
  const queue = new Int32Array(g.nodeCount);
  distance[start] = 0;
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  while (head < tail) {
    const v = queue[head++]!;
    if (distance[v]! >= maxHops) continue;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const u = targets[e]!;
      if (distance[u] === -1) {
        distance[u] = distance[v]! + 1;
        queue[tail++] = u;
      }
    }
  }
  return distance;
}

/**
 * Every shortest path from a to b, at most `limit` of them (two suspects can be joined by
 * hundreds of equally short routes through a busy address; the first few show how).
 */
export function shortestPaths(g: LinkGraph, a: number, b: number, limit: number, maxHops = Infinity): number[][] {
  const { offsets, targets } = g;
  const first = shortestPath(g, a, b, maxHops);
  if (!first) return [];
  const length = first.length - 1;
  const toB = distancesFrom(g, b, length);
  const paths: number[][] = [];
  const path = [a];
  // Depth-first from a, stepping only to a node exactly one hop nearer b than the step before:
  // such a walk is as long as the shortest path, so every one it finds is shortest.
  const walk = (v: number, hops: number): void => {
    if (paths.length >= limit) return;
    if (v === b) {
      paths.push([...path]);
      return;
    }
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const u = targets[e]!;
      if (toB[u] === length - hops - 1) {
        path.push(u);
        walk(u, hops + 1);
        path.pop();
      }
    }
  };
  walk(a, 0);
  return paths;
}
