import { randomUUID } from 'node:crypto';
import { GWENT, LinkLedger, LinkGraph, Random, betweenness, communities, components, neighbourhood, pageRank, shortestPath } from '@harbour/core';
import { repositories, seedDatabase, type DB, type Repositories } from '@harbour/db';
import { buildPictureInBulk, newSecretKey, SecretBox, services, takeChanges } from '@harbour/server';
import { sql, type Kysely } from 'kysely';
import { signedInActors } from '../../test/picture-helpers';
import { newReport } from '../../test/reports';
import type { BenchContext, Benchmark, Figure } from './harness';
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
export const graphBench: Benchmark = async (ctx) => {
  const figures: Figure[] = await pictureGraph(ctx);
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

// Reports seeded for the picture's own graph (the planted networks' recovery and the service's times).
const PICTURE_REPORTS = Number(process.env.HARBOUR_BENCH_GRAPH_REPORTS ?? 20_000);
const until = new Date('2026-11-01T00:00:00Z');
/** New reports arriving after the picture is built, each followed by a question. */
const NEW_REPORTS = 10;

/**
 * The graph of a seeded picture, on each store: how long the link analysis service takes to
 * gather it from the store, to list the networks, and to answer again once a report arrives; and
 * whether `harbour seed`'s planted networks are recovered: the share of their members found in
 * the one network (connected component) holding most of them, and in the one Louvain community
 * holding most of them (the stricter test: networks joined through a hub stay apart).
 */
async function pictureGraph(ctx: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const kind of ctx.stores) {
    const figure = (metric: string, value: number, unit: string, extra: Partial<Figure> = {}) =>
      figures.push({ bench: 'graph', metric, value, unit, store: kind, ...extra });
    const { store } = await ctx.store(kind);
    const repos = repositories(store.db);
    const svc = services(repos, { store: kind, session: { idleMinutes: 30, maxHours: 12 }, secrets: new SecretBox(newSecretKey()) });
    await seedDatabase(repos, { reports: PICTURE_REPORTS, seed: 'graph-bench', area: GWENT, until }, undefined, 5000);
    const built = await buildPictureInBulk(repos);
    process.stderr.write(`  ${kind}: ${PICTURE_REPORTS} reports seeded and pictured (${built.records} records)\n`);
    const { analyst } = await signedInActors({ repos }, ['analyst']);

    let t = performance.now();
    const networks = await svc.graph.networks(analyst, { limit: 100 });
    const whole = (performance.now() - t) / 1000;
    figure(`gather the picture's links and list its networks (${PICTURE_REPORTS.toLocaleString('en-GB')} reports)`, whole, 's');

    // Reports keep arriving: each new one is taken into the picture, then the networks asked for again.
    const known = networks[0]!.keyPlayers.find((p) => p.kind === 'phone')?.label ?? '07700 900461';
    const after: number[] = [];
    for (let i = 0; i < NEW_REPORTS; i++) {
      const report = newReport({
        receivedAt: new Date(until.getTime() + (i + 1) * 60_000),
        persons: [{ id: randomUUID(), role: 'suspect', givenName: 'Bench', familyName: `Newcomer${i}`, gender: null, nationality: null }],
        phones: [{ id: randomUUID(), number: known }],
      });
      await repos.intake.createReport(report, { actorId: null, actorRole: null, action: 'referral.submitted' as const, subjectType: 'report' });
      await svc.resolution.drain();
      t = performance.now();
      await svc.graph.networks(analyst, { limit: 100 });
      after.push(performance.now() - t);
    }
    after.sort((a, b) => a - b);
    figure('list the networks just after a new report (catching up) p50', percentile(after, 50) / 1000, 's', {
      baseline: { metric: 'reading the picture whole', value: whole },
    });
    t = performance.now();
    await svc.graph.networks(analyst, { limit: 100, order: 'risk' });
    figure('list the networks again, by risk', performance.now() - t, 'ms');
    t = performance.now();
    await svc.graph.network(analyst, networks[0]!.id);
    figure('chart the largest network', performance.now() - t, 'ms');

    const recovered = await plantedRecovery(repos, store.db);
    figure('planted network members found in one network (component)', recovered.component, 'ratio', { target: '≥ 0.95' });
    figure('planted network members found in one community (Louvain)', recovered.community, 'ratio');
    figure('planted networks', recovered.networks, 'count');
    // When one network holds most of the picture, the component figure says little: the community one counts.
    figure("share of the picture's entities in its largest network", recovered.largest, 'ratio');
  }
  return figures;
}

/** For each planted network, the most of its entities in one component and in one community of that component. */
async function plantedRecovery(repos: Repositories, db: Kysely<DB>) {
  const changes = await repos.graph.changesSince(0);
  const ledger = new LinkLedger();
  takeChanges(ledger, changes);
  const evidence = ledger.evidence();
  const { graph, networks } = evidence.filtered();
  const community = new Int32Array(graph.nodeCount).fill(-1);
  const sizes = networks.sizes;
  const membersOf = sizes.map(() => [] as number[]);
  for (let v = 0; v < graph.nodeCount; v++) if (sizes[networks.of[v]!]! > 2) membersOf[networks.of[v]!]!.push(v);
  // Louvain within every network of three or more: a pair is its own community.
  for (let c = 0, offset = 0; c < sizes.length && sizes[c]! > 2; c++) {
    const members = membersOf[c]!;
    const found = communities(graph, members, `bench-${c}`);
    for (const v of members) community[v] = offset + found.of[v]!;
    offset += found.sizes.length;
  }
  const truth = (
    await sql<{ network_id: string; entity_id: string }>`
      select distinct t.network_id, r.entity_id from seed_truth t join entity_records r on r.id = t.record_id
      where t.network_id is not null and r.entity_id is not null`.execute(db)
  ).rows;
  const planted = new Map<string, number[]>();
  for (const r of truth) {
    const v = evidence.indexOf(r.entity_id);
    if (v !== undefined) planted.set(r.network_id, [...(planted.get(r.network_id) ?? []), v]);
  }
  const most = (values: number[]) => {
    const counts = new Map<number, number>();
    for (const x of values) if (x >= 0) counts.set(x, (counts.get(x) ?? 0) + 1);
    return Math.max(0, ...counts.values());
  };
  let total = 0;
  let inComponent = 0;
  let inCommunity = 0;
  for (const members of planted.values()) {
    total += members.length;
    inComponent += most(members.map((v) => networks.of[v]!));
    inCommunity += most(members.map((v) => community[v]!));
  }
  return { component: inComponent / total, community: inCommunity / total, networks: planted.size, largest: sizes[0]! / graph.nodeCount };
}

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
