import { LinkGraph, Random, betweenness, communities, components, neighbourhood, pageRank, shortestPath } from '@harbour/core';
import type { Benchmark, Figure } from './harness';
import { percentile } from './harness';

// The target network: a million entities and five million links.
const NODES = Number(process.env.HARBOUR_BENCH_GRAPH_NODES ?? 1_000_000);
const LINKS = NODES * 5;
const QUERIES = 200;
/** Queries the naive baseline answers (it is slow; a few are enough for its p95). */
const NAIVE_QUERIES = 20;
/** The chart's limit on a neighbourhood: a hub's two hops can be half the picture. */
const EXPAND_LIMIT = 2_000;
const BETWEENNESS_SOURCES = 20;

/**
 * Link analysis at force scale, on a seeded graph shaped like an intelligence picture: groups of
 * 10–200 entities linked mostly among themselves (a household, a workforce, a network), and a
 * fifth of the links across groups, drawn towards hubs (a hostel, an agency, a shared phone).
 * Harbour's array graph beside a naive baseline measured in the same run: the same graph as a
 * Map of neighbour lists keyed by identifier, searched breadth-first from one end.
 */
export const graphBench: Benchmark = async () => {
  const figures: Figure[] = [];
  const figure = (metric: string, value: number, unit: string, extra: Partial<Figure> = {}) =>
    figures.push({ bench: 'graph', metric, value, unit, store: 'none', ...extra });

  const { from, to } = seededLinks(NODES, LINKS);
  const ids = Array.from({ length: NODES }, (_, v) => `e${v}`);
  const memoryBefore = process.memoryUsage();
  let t = performance.now();
  const g = LinkGraph.from(
    (function* () {
      for (let i = 0; i < from.length; i++) yield { from: ids[from[i]!]!, to: ids[to[i]!]! };
    })(),
  );
  const buildSeconds = (performance.now() - t) / 1000;
  const arrays = g.offsets.byteLength + g.targets.byteLength + g.weights.byteLength;
  const memoryAfter = process.memoryUsage();
  process.stderr.write(`  graph: ${g.nodeCount} nodes, ${g.linkCount} distinct links built in ${buildSeconds.toFixed(1)} s\n`);

  t = performance.now();
  const naive = new Map<string, string[]>();
  for (let i = 0; i < from.length; i++) {
    const a = ids[from[i]!]!;
    const b = ids[to[i]!]!;
    if (a === b) continue;
    (naive.get(a) ?? naive.set(a, []).get(a)!).push(b);
    (naive.get(b) ?? naive.set(b, []).get(b)!).push(a);
  }
  const naiveBuild = (performance.now() - t) / 1000;
  figure(`build the graph (${g.nodeCount.toLocaleString('en-GB')} entities, ${g.linkCount.toLocaleString('en-GB')} distinct links)`, buildSeconds, 's', {
    baseline: { metric: 'Map of neighbour lists', value: naiveBuild },
  });
  figure('memory of the graph arrays', arrays / 2 ** 20, 'MiB');
  figure(
    'heap and buffers grown while building',
    (memoryAfter.heapUsed + memoryAfter.arrayBuffers - memoryBefore.heapUsed - memoryBefore.arrayBuffers) / 2 ** 20,
    'MiB',
  );

  t = performance.now();
  const network = components(g);
  const componentSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const naiveSizes = naiveComponents(naive);
  const naiveComponentSeconds = (performance.now() - t) / 1000;
  if (naiveSizes[0] !== network.sizes[0]) throw new Error(`the baseline found a largest network of ${naiveSizes[0]}, Harbour ${network.sizes[0]}`);
  figure('connected components', componentSeconds, 's', { baseline: { metric: 'breadth-first over the Map', value: naiveComponentSeconds }, target: '< 2 s' });
  figure('networks (components)', network.sizes.length, 'count');
  figure('largest network', network.sizes[0] ?? 0, 'entities');

  const random = new Random('graph-queries');
  const largest: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) if (network.of[v] === 0) largest.push(v);
  const pairs = Array.from({ length: QUERIES }, () => [random.pick(largest), random.pick(largest)] as const);

  const paths: number[] = [];
  let hops = 0;
  for (const [a, b] of pairs) {
    t = performance.now();
    const path = shortestPath(g, a, b);
    paths.push(performance.now() - t);
    hops += path ? path.length - 1 : 0;
  }
  const naivePaths: number[] = [];
  for (const [a, b] of pairs.slice(0, NAIVE_QUERIES)) {
    t = performance.now();
    naivePath(naive, ids[a]!, ids[b]!);
    naivePaths.push(performance.now() - t);
  }
  paths.sort((x, y) => x - y);
  naivePaths.sort((x, y) => x - y);
  figure('shortest path p95 (two entities of the largest network)', percentile(paths, 95), 'ms', {
    baseline: { metric: 'breadth-first from one end p95', value: percentile(naivePaths, 95) },
    target: '< 50 ms',
  });
  figure('shortest path, mean hops', hops / pairs.length, 'hops');

  const expands: number[] = [];
  let truncated = 0;
  for (const [a] of pairs) {
    t = performance.now();
    truncated += neighbourhood(g, a, 2, EXPAND_LIMIT).truncated ? 1 : 0;
    expands.push(performance.now() - t);
  }
  const naiveExpands: number[] = [];
  for (const [a] of pairs.slice(0, NAIVE_QUERIES)) {
    t = performance.now();
    naiveTwoHops(naive, ids[a]!);
    naiveExpands.push(performance.now() - t);
  }
  expands.sort((x, y) => x - y);
  naiveExpands.sort((x, y) => x - y);
  figure(`2-hop expansion p95 (at most ${EXPAND_LIMIT.toLocaleString('en-GB')} entities)`, percentile(expands, 95), 'ms', {
    baseline: { metric: 'every 2-hop neighbour from the Map p95', value: percentile(naiveExpands, 95) },
    target: '< 20 ms',
  });
  figure('2-hop expansions stopped at the limit', truncated / pairs.length, 'ratio');
  naive.clear();

  t = performance.now();
  pageRank(g);
  figure('PageRank of every entity', (performance.now() - t) / 1000, 's');
  t = performance.now();
  betweenness(g, { sources: BETWEENNESS_SOURCES });
  figure(`betweenness estimated from ${BETWEENNESS_SOURCES} sources`, (performance.now() - t) / 1000, 's');

  t = performance.now();
  const found = communities(g, largest);
  figure(`Louvain communities in the largest network (${largest.length.toLocaleString('en-GB')} entities)`, (performance.now() - t) / 1000, 's');
  figure('communities found', found.sizes.length, 'count');
  figure('modularity of the communities', found.modularity, 'ratio');
  figure('peak resident memory of the process', process.resourceUsage().maxRSS / 1024, 'MiB');
  return figures;
};

/** Seeded links: 80 % inside groups of 10–200 consecutive entities, 20 % across, drawn towards hubs. */
function seededLinks(nodes: number, links: number): { from: Int32Array; to: Int32Array } {
  const random = new Random('graph-bench');
  const groupStart = new Int32Array(nodes);
  const groupSize = new Int32Array(nodes);
  for (let start = 0; start < nodes;) {
    const size = Math.min(random.int(10, 200), nodes - start);
    for (let v = start; v < start + size; v++) {
      groupStart[v] = start;
      groupSize[v] = size;
    }
    start += size;
  }
  const from = new Int32Array(links);
  const to = new Int32Array(links);
  for (let i = 0; i < links; i++) {
    const a = Math.floor(random.next() * nodes);
    from[i] = a;
    // A hub-heavy choice: the cube of a uniform number favours the low-numbered entities.
    to[i] = random.chance(0.8) ? groupStart[a]! + Math.floor(random.next() * groupSize[a]!) : Math.floor(random.next() ** 3 * nodes);
  }
  return { from, to };
}

function naiveComponents(adjacency: Map<string, string[]>): number[] {
  const seen = new Set<string>();
  const sizes: number[] = [];
  for (const start of adjacency.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const queue = [start];
    for (let head = 0; head < queue.length; head++)
      for (const u of adjacency.get(queue[head]!) ?? [])
        if (!seen.has(u)) {
          seen.add(u);
          queue.push(u);
        }
    sizes.push(queue.length);
  }
  return sizes.sort((a, b) => b - a);
}

function naivePath(adjacency: Map<string, string[]>, a: string, b: string): number {
  const distance = new Map([[a, 0]]);
  const queue = [a];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    if (v === b) return distance.get(v)!;
    for (const u of adjacency.get(v) ?? [])
      if (!distance.has(u)) {
        distance.set(u, distance.get(v)! + 1);
        queue.push(u);
      }
  }
  return -1;
}

function naiveTwoHops(adjacency: Map<string, string[]>, a: string): number {
  const seen = new Set([a]);
  for (const u of adjacency.get(a) ?? []) {
    seen.add(u);
    for (const w of adjacency.get(u) ?? []) seen.add(w);
  }
  return seen.size;
}
