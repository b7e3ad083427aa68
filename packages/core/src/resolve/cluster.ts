import { NO_ARENA, type Arena } from './arena';

/** Union–find over record indices: pairs judged the same person join one cluster, transitively. */
export class Clusters {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;

  constructor(
    readonly size: number,
    private readonly arena: Arena = NO_ARENA,
  ) {
    this.parent = arena.int32(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
    this.rank = arena.uint8(size);
  }

  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression: later finds are near constant time.
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (this.rank[ra]! < this.rank[rb]!) this.parent[ra] = rb;
    else if (this.rank[ra]! > this.rank[rb]!) this.parent[rb] = ra;
    else {
      this.parent[rb] = ra;
      this.rank[ra]! += 1;
    }
  }

  /** Each record's cluster as the smallest record index in it, so labels are stable and readable. */
  labels(): Int32Array {
    const smallest = this.arena.int32(this.size).fill(-1);
    const labels = this.arena.int32(this.size);
    for (let i = 0; i < this.size; i++) {
      const root = this.find(i);
      if (smallest[root] === -1) smallest[root] = i;
      labels[i] = smallest[root]!;
    }
    return labels;
  }
}

/**
 * Clusters match edges strongest first, refusing any merge that would put two records the model
 * judged very likely different people ("cannot link") into one cluster. Plain transitive closure
 * lets one weak link chain two people's records together; this keeps each cluster consistent.
 * Each record's cannot-links are held as flat arrays, and each cluster's records as a ring, so a
 * merge checks the side with fewer cannot-links and allocates nothing.
 */
export function constrainedClusters(
  size: number,
  matches: { left: ArrayLike<number>; right: ArrayLike<number>; weight: ArrayLike<number>; count: number },
  cannotLink: { left: ArrayLike<number>; right: ArrayLike<number>; count: number },
  arena: Arena = NO_ARENA,
): { labels: Int32Array; refused: number } {
  const clusters = new Clusters(size, arena);
  // Cannot-links of record r: others[start[r] … start[r + 1] - 1].
  const start = arena.int32(size + 1);
  for (let c = 0; c < cannotLink.count; c++) {
    start[cannotLink.left[c]! + 1]!++;
    start[cannotLink.right[c]! + 1]!++;
  }
  for (let r = 0; r < size; r++) start[r + 1]! += start[r]!;
  const others = arena.int32(start[size]!);
  const fill = arena.int32(size);
  fill.set(start.subarray(0, size));
  for (let c = 0; c < cannotLink.count; c++) {
    others[fill[cannotLink.left[c]!]!++] = cannotLink.right[c]!;
    others[fill[cannotLink.right[c]!]!++] = cannotLink.left[c]!;
  }
  // Each cluster's records that have cannot-links, as a ring (next) entered at head[root]; and the
  // cluster's number of cannot-links, kept at its root.
  const next = arena.int32(size);
  const head = arena.int32(size);
  const conflicts = arena.int32(size);
  for (let r = 0; r < size; r++) {
    next[r] = r;
    conflicts[r] = start[r + 1]! - start[r]!;
    head[r] = conflicts[r]! > 0 ? r : -1;
  }
  const clashes = (root: number, other: number) => {
    const first = head[root]!;
    let r = first;
    do {
      for (let k = start[r]!; k < start[r + 1]!; k++) if (clusters.find(others[k]!) === other) return true;
      r = next[r]!;
    } while (r !== first);
    return false;
  };
  let refused = 0;
  for (const k of strongestFirst(matches.weight, matches.count, arena)) {
    const ra = clusters.find(matches.left[k]!);
    const rb = clusters.find(matches.right[k]!);
    if (ra === rb) continue;
    const [ca, cb] = [conflicts[ra]!, conflicts[rb]!];
    // Cannot-links go both ways: a clash needs cannot-links on both sides.
    if (ca > 0 && cb > 0 && (ca <= cb ? clashes(ra, rb) : clashes(rb, ra))) {
      refused++;
      continue;
    }
    clusters.union(ra, rb);
    const root = clusters.find(ra);
    conflicts[root] = ca + cb;
    const [ha, hb] = [head[ra]!, head[rb]!];
    if (ha >= 0 && hb >= 0) {
      // Splice the two rings into one.
      const after = next[ha]!;
      next[ha] = next[hb]!;
      next[hb] = after;
    }
    head[root] = ha >= 0 ? ha : hb;
  }
  return { labels: clusters.labels(), refused };
}

/**
 * Edge indices by weight, strongest first, ties in index order. A million edges sort as numbers
 * packing the weight (to 2^-16) above the index, natively, rather than through a comparator.
 */
export function strongestFirst(weight: ArrayLike<number>, count: number, arena: Arena = NO_ARENA): Int32Array {
  const order = arena.int32(count);
  let low = Infinity;
  let high = -Infinity;
  for (let k = 0; k < count; k++) {
    low = Math.min(low, weight[k]!);
    high = Math.max(high, weight[k]!);
  }
  const places = 2 ** Math.ceil(Math.log2(count + 1));
  const steps = Math.ceil((high - low) * 2 ** 16) + 1;
  if (count === 0 || !Number.isFinite(steps) || steps * places > Number.MAX_SAFE_INTEGER) {
    for (let k = 0; k < count; k++) order[k] = k;
    return order.sort((a, b) => weight[b]! - weight[a]! || a - b);
  }
  const keys = arena.float64(count);
  for (let k = 0; k < count; k++) keys[k] = Math.round((high - weight[k]!) * 2 ** 16) * places + k;
  keys.sort();
  for (let k = 0; k < count; k++) order[k] = keys[k]! % places;
  return order;
}
