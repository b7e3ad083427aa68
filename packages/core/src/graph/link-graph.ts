/** One link as it arrives: two identifiers (entity ids, phone numbers…) and how strong it is. */
export interface LinkInput {
  readonly from: string;
  readonly to: string;
  /** How many times, or how strongly, the two are linked; 1 when not given. */
  readonly weight?: number;
}

/** What building the graph did with its input, for the person who gave it. */
export interface BuildStats {
  /** Links read, before merging. */
  readonly read: number;
  /** Links from a node to itself: they connect nothing, so they are left out. */
  readonly selfLinks: number;
  /** Repeats of a pair already linked, merged into it with their weights added. */
  readonly duplicates: number;
}

/**
 * An undirected link graph held as arrays (compressed sparse rows), so that a million entities
 * and five million links fit in a few hundred megabytes and a walk from node to node touches
 * nothing but typed arrays. Nodes are numbered 0…n-1 in the order first seen; `ids` and `indexOf`
 * translate. Each pair is linked once (repeats merged, weights added) and stored in both directions.
 * Immutable: a graph with more links is a new graph.
 */
export class LinkGraph {
  private constructor(
    readonly ids: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    /** Node v's neighbours are targets[offsets[v]] … targets[offsets[v + 1] - 1]. */
    readonly offsets: Int32Array,
    readonly targets: Int32Array,
    readonly weights: Float64Array,
    readonly stats: BuildStats,
    /** For each slot of `targets`, the position in the input of the (first) link it holds. */
    readonly origins: Int32Array,
  ) {}

  get nodeCount(): number {
    return this.ids.length;
  }

  /** Distinct linked pairs. */
  get linkCount(): number {
    return this.targets.length / 2;
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /** How many distinct nodes v is linked to. */
  degree(v: number): number {
    return this.offsets[v + 1]! - this.offsets[v]!;
  }

  /** The total weight of v's links. */
  strength(v: number): number {
    let sum = 0;
    for (let e = this.offsets[v]!; e < this.offsets[v + 1]!; e++) sum += this.weights[e]!;
    return sum;
  }

  neighbours(v: number): Int32Array {
    return this.targets.subarray(this.offsets[v], this.offsets[v + 1]);
  }

  /** The weight of the link between a and b, or 0 when they are not linked. */
  weight(a: number, b: number): number {
    const [from, other] = this.degree(a) <= this.degree(b) ? [a, b] : [b, a];
    for (let e = this.offsets[from]!; e < this.offsets[from + 1]!; e++) if (this.targets[e] === other) return this.weights[e]!;
    return 0;
  }

  /** The graph of the given nodes and the links among them (weights kept), e.g. one network on its own. */
  induced(nodes: Iterable<number>): LinkGraph {
    const inside = new Uint8Array(this.nodeCount);
    const list = [...nodes];
    for (const v of list) inside[v] = 1;
    const links: LinkInput[] = [];
    for (const v of list)
      for (let e = this.offsets[v]!; e < this.offsets[v + 1]!; e++) {
        const u = this.targets[e]!;
        if (u > v && inside[u]) links.push({ from: this.ids[v]!, to: this.ids[u]!, weight: this.weights[e]! });
      }
    return LinkGraph.from(
      links,
      list.map((v) => this.ids[v]!),
    );
  }

  /**
   * Builds the graph from links; `nodes` adds identifiers that may have no link (they still
   * count, each as a network of one). A weight that is not a positive number is refused.
   */
  static from(links: Iterable<LinkInput>, nodes: Iterable<string> = []): LinkGraph {
    const index = new Map<string, number>();
    const ids: string[] = [];
    const node = (id: string): number => {
      let v = index.get(id);
      if (v === undefined) {
        v = ids.length;
        index.set(id, v);
        ids.push(id);
      }
      return v;
    };
    for (const id of nodes) node(id);

    let from = new Int32Array(1024);
    let to = new Int32Array(1024);
    let weight = new Float64Array(1024);
    let count = 0;
    let read = 0;
    let selfLinks = 0;
    for (const link of links) {
      read++;
      const w = link.weight ?? 1;
      if (!(w > 0 && Number.isFinite(w))) throw new RangeError(`link ${read} (${link.from}, ${link.to}): the weight must be a positive number`);
      const a = node(link.from);
      const b = node(link.to);
      if (a === b) {
        selfLinks++;
        continue;
      }
      if (count === from.length) {
        from = grow(from);
        to = grow(to);
        weight = grow(weight);
      }
      from[count] = a;
      to[count] = b;
      weight[count] = w;
      count++;
    }
    return LinkGraph.fromArrays(ids, index, from.subarray(0, count), to.subarray(0, count), weight.subarray(0, count), { read, selfLinks });
  }

  /**
   * Builds over nodes already numbered (`ids[v]` is node v, `index` its inverse, both shared, not
   * copied) from parallel arrays of node numbers: the way to make many graphs of one node set,
   * e.g. the picture seen through different filters. Self-links must already be left out.
   */
  static fromNumbered(ids: readonly string[], index: ReadonlyMap<string, number>, from: Int32Array, to: Int32Array, weight: Float64Array): LinkGraph {
    return LinkGraph.fromArrays(ids, index, from, to, weight, { read: from.length, selfLinks: 0 });
  }

  /** Builds from parallel arrays of node numbers (self-links already left out), merging repeats. */
  private static fromArrays(
    ids: readonly string[],
    index: ReadonlyMap<string, number>,
    from: Int32Array,
    to: Int32Array,
    weight: Float64Array,
    counted: { read: number; selfLinks: number },
  ): LinkGraph {
    const n = ids.length;
    // Counting sort of both directions of every link into rows…
    const start = new Int32Array(n + 1);
    for (let i = 0; i < from.length; i++) {
      start[from[i]! + 1]!++;
      start[to[i]! + 1]!++;
    }
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    const fill = start.slice(0, n);
    const rawTargets = new Int32Array(from.length * 2);
    const rawWeights = new Float64Array(from.length * 2);
    const rawOrigins = new Int32Array(from.length * 2);
    for (let i = 0; i < from.length; i++) {
      const a = from[i]!;
      const b = to[i]!;
      rawTargets[fill[a]!] = b;
      rawOrigins[fill[a]!] = i;
      rawWeights[fill[a]!++] = weight[i]!;
      rawTargets[fill[b]!] = a;
      rawOrigins[fill[b]!] = i;
      rawWeights[fill[b]!++] = weight[i]!;
    }
    // …then each row's repeats merged in one pass, remembering where each neighbour was put.
    const offsets = new Int32Array(n + 1);
    const placed = new Int32Array(n).fill(-1);
    let out = 0;
    for (let v = 0; v < n; v++) {
      offsets[v] = out;
      for (let e = start[v]!; e < start[v + 1]!; e++) {
        const u = rawTargets[e]!;
        const at = placed[u]!;
        if (at >= offsets[v]!) rawWeights[at]! += rawWeights[e]!;
        else {
          placed[u] = out;
          rawTargets[out] = u;
          rawOrigins[out] = rawOrigins[e]!;
          rawWeights[out++] = rawWeights[e]!;
        }
      }
    }
    offsets[n] = out;
    const duplicates = from.length - out / 2;
    return new LinkGraph(ids, index, offsets, rawTargets.slice(0, out), rawWeights.slice(0, out), { ...counted, duplicates }, rawOrigins.slice(0, out));
  }
}

function grow<T extends Int32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
