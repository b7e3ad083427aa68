/** Union–find over record indices: pairs judged the same person join one cluster, transitively. */
export class Clusters {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;

  constructor(readonly size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
    this.rank = new Uint8Array(size);
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
    const smallest = new Int32Array(this.size).fill(-1);
    const labels = new Int32Array(this.size);
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
 */
export function constrainedClusters(
  size: number,
  matches: { left: ArrayLike<number>; right: ArrayLike<number>; weight: ArrayLike<number>; count: number },
  cannotLink: { left: ArrayLike<number>; right: ArrayLike<number>; count: number },
): { labels: Int32Array; refused: number } {
  const clusters = new Clusters(size);
  const conflicts = new Map<number, number[]>();
  const note = (i: number, j: number) => {
    const list = conflicts.get(i);
    if (list) list.push(j);
    else conflicts.set(i, [j]);
  };
  for (let c = 0; c < cannotLink.count; c++) {
    note(cannotLink.left[c]!, cannotLink.right[c]!);
    note(cannotLink.right[c]!, cannotLink.left[c]!);
  }
  const order = strongestFirst(matches.weight, matches.count);
  let refused = 0;
  for (const k of order) {
    const ra = clusters.find(matches.left[k]!);
    const rb = clusters.find(matches.right[k]!);
    if (ra === rb) continue;
    const ca = conflicts.get(ra);
    const cb = conflicts.get(rb);
    if (!ca && !cb) {
      clusters.union(ra, rb);
      continue;
    }
    // Check the shorter list of conflicts against the other cluster.
    const aShorter = (ca?.length ?? 0) <= (cb?.length ?? 0);
    const small = aShorter ? ca : cb;
    const other = aShorter ? rb : ra;
    if (small?.some((x) => clusters.find(x) === other)) {
      refused++;
      continue;
    }
    clusters.union(ra, rb);
    const root = clusters.find(ra);
    conflicts.delete(ra);
    conflicts.delete(rb);
    conflicts.set(root, !ca ? cb! : !cb ? ca : ca.length >= cb.length ? ca.concat(cb) : cb.concat(ca));
  }
  return { labels: clusters.labels(), refused };
}

/**
 * Edge indices by weight, strongest first, ties in index order. A million edges sort as numbers
 * packing the weight (to 2^-16) above the index, natively, rather than through a comparator.
 */
export function strongestFirst(weight: ArrayLike<number>, count: number): Int32Array {
  const order = new Int32Array(count);
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
  const keys = new Float64Array(count);
  for (let k = 0; k < count; k++) keys[k] = Math.round((high - weight[k]!) * 2 ** 16) * places + k;
  keys.sort();
  for (let k = 0; k < count; k++) order[k] = keys[k]! % places;
  return order;
}
