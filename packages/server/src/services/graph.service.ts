import { MOST_CHART_EVENTS } from '@harbour/contract';
import type {
  ChartAnalysis,
  ChartData,
  ChartEvents,
  LinkEvidence,
  LinkRelation,
  LinkView,
  NetworkAnalysis,
  NetworkOrder,
  NetworkView,
  NodeView,
  ReportRef,
} from '@harbour/contract';
import {
  analyseGraph,
  neighbourhood,
  NotFound,
  PERMISSIONS,
  permittedUser,
  shortestPaths,
  type Actor,
  type GraphFilter,
  type NetworkFacts,
  type UserActor,
} from '@harbour/core';
import type { LinkSourceRow, NodeRow, Repositories } from '@harbour/db';
import { assertionView } from './assertion.service';
import { auditEntry } from './audit.service';
import { LinkGraphCache, type Built, type LinkGraphCacheOptions, type View } from './link-graph-cache';

/** Betweenness is exact for networks below this size; above, estimated from sampled sources (a request must answer in seconds). */
const EXACT_BETWEENNESS_BELOW = 2_000;
const BETWEENNESS_SOURCES = 200;
const KEY_PLAYERS_LISTED = 20;

/** A chart is cut short at this many entities: beyond it no one can read it. */
const MOST_NODES = 500;
const MOST_PATHS = 5;
const KEY_PLAYERS = 5;
/**
 * Link analysis over the picture: who is connected to whom, through which phone, address, vehicle
 * or business; networks, neighbourhoods, paths and key players, for an account allowed to search
 * the picture. The graphs come from the link graph cache; every view is audited.
 */
export class GraphService {
  private readonly cache: LinkGraphCache;

  constructor(
    private readonly repos: Repositories,
    options: LinkGraphCacheOptions = {},
  ) {
    this.cache = new LinkGraphCache(repos, options);
  }

  /** The picture changed: the next question catches up first. */
  changed(): void {
    this.cache.changed();
  }

  /** Networks (connected components of two or more entities), ranked, each marked if it grew since this user last opened it. */
  async networks(actor: Actor, options: { filter?: GraphFilter; limit?: number; order?: NetworkOrder } = {}): Promise<NetworkView[]> {
    const user = this.allowed(actor);
    const built = await this.cache.graph();
    const view = this.cache.view(built, options.filter);
    const facts = (view.facts ??= view.networkFacts());
    const ranked = facts
      .map((f, network) => ({ f, network }))
      .filter(({ f }) => f.size > 1)
      .sort(options.order === 'risk' ? byRisk : (x, y) => y.f.size - x.f.size || x.network - y.network)
      .slice(0, options.limit ?? 50);
    const members = this.membersOf(
      view,
      ranked.map((r) => r.network),
    );
    const players = ranked.map((r) => [...members.get(r.network)!].sort((a, b) => view.degree[b]! - view.degree[a]! || a - b).slice(0, KEY_PLAYERS));
    const [nodes, seenBy] = await Promise.all([this.nodeViews(built, players.flat()), this.repos.graph.networkViews(user.userId)]);
    const result = ranked.map(({ f, network }, i) => {
      let seen: { size: number; at: Date } | null = null;
      for (const v of members.get(network)!) {
        const s = seenBy.get(built.evidence.ids[v]!);
        if (s && (!seen || s.viewedAt > seen.at)) seen = { size: s.size, at: s.viewedAt };
      }
      return {
        id: built.evidence.ids[players[i]![0]!]!,
        size: f.size,
        links: f.links,
        keyPlayers: players[i]!.map((v) => nodes.get(built.evidence.ids[v]!)!),
        victims: f.victims,
        children: f.children,
        exploitationTypes: [...f.exploitationTypes],
        areas: [...f.areas],
        firstSeen: new Date(f.firstSeen).toISOString(),
        lastSeen: new Date(f.lastSeen).toISOString(),
        seen: seen && { size: seen.size, at: seen.at.toISOString() },
        grown: seen !== null && f.size > seen.size,
      };
    });
    await this.repos.audit.append(
      auditEntry(user, 'graph.networks-listed', { type: 'entity', id: null }, { networks: result.map((n) => n.id), filter: options.filter ?? {} }),
    );
    return result;
  }

  /**
   * How many networks of three or more entities there are under a filter (in an area, if given),
   * how many involve a child, and the size of the largest: counts only, for figures, so open to
   * whoever may see figures (the caller checks) and not audited as a read of the picture.
   */
  async networkCounts(filter: GraphFilter = {}, area?: string): Promise<{ count: number; withChildren: number; largest: number }> {
    const built = await this.cache.graph();
    const view = this.cache.view(built, filter);
    const facts = (view.facts ??= view.networkFacts());
    let count = 0;
    let withChildren = 0;
    let largest = 0;
    for (const f of facts) {
      if (f.size < 3 || (area !== undefined && !f.areas.includes(area))) continue;
      count += 1;
      if (f.children) withChildren += 1;
      largest = Math.max(largest, f.size);
    }
    return { count, withChildren, largest };
  }

  /**
   * The network an entity belongs to, to draw: its best-connected members (all of them up to 500)
   * and the links among them. Opening it is remembered, so that growth since is marked.
   */
  async network(actor: Actor, entityId: string, filter: GraphFilter = {}): Promise<ChartData & { size: number; truncated: boolean }> {
    const user = this.allowed(actor);
    const built = await this.cache.graph();
    const view = this.cache.view(built, filter);
    const start = this.nodeOf(built, entityId);
    const network = view.networks.of[start]!;
    const members = [...this.membersOf(view, [network]).get(network)!];
    const shown = members.sort((a, b) => view.degree[b]! - view.degree[a]! || a - b).slice(0, MOST_NODES);
    if (!shown.includes(start)) shown[shown.length - 1] = start;
    const result = { ...(await this.chartOf(built, view, shown)), size: members.length, truncated: members.length > shown.length };
    gone(result.nodes, entityId);
    await this.repos.graph.recordNetworkView(
      user.userId,
      [...new Set([entityId, ...shown.slice(0, KEY_PLAYERS).map((v) => built.evidence.ids[v]!)])],
      members.length,
    );
    await this.repos.audit.append(
      auditEntry(user, 'graph.network-viewed', { type: 'entity', id: entityId }, { size: members.length, entities: result.nodes.map((n) => n.id), filter }),
    );
    return result;
  }

  /**
   * The network an entity belongs to, analysed on its own: its key players (by betweenness, the
   * brokers between its parts; with degree and PageRank) and its communities (Louvain).
   */
  async networkAnalysis(actor: Actor, entityId: string, filter: GraphFilter = {}): Promise<NetworkAnalysis> {
    const user = this.allowed(actor);
    const built = await this.cache.graph();
    const view = this.cache.view(built, filter);
    const network = view.networks.of[this.nodeOf(built, entityId)]!;
    const members = [...this.membersOf(view, [network]).get(network)!];
    const analysis = analyseGraph(view.graph.induced(members), { exactBelow: EXACT_BETWEENNESS_BELOW, sample: BETWEENNESS_SOURCES, seed: entityId });
    const top = [...analysis.nodes].sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree).slice(0, KEY_PLAYERS_LISTED);
    const views = await this.nodeViews(
      built,
      top.map((n) => built.evidence.indexOf(n.id)!),
    );
    const result = {
      size: members.length,
      keyPlayers: top.map((n) => ({ ...views.get(n.id)!, degree: n.degree, betweenness: n.betweenness, pagerank: n.pagerank, community: n.community })),
      communities: communitySizes(analysis.nodes),
      modularity: analysis.modularity,
      betweenness: analysis.betweenness,
    };
    await this.repos.audit.append(
      auditEntry(
        user,
        'graph.network-analysed',
        { type: 'entity', id: entityId },
        { size: result.size, keyPlayers: result.keyPlayers.map((k) => k.id), filter },
      ),
    );
    return result;
  }

  /** Everything within `hops` links of an entity (at most a few hundred entities), with the links among them. */
  async neighbourhood(
    actor: Actor,
    entityId: string,
    hops: number,
    filter: GraphFilter = {},
  ): Promise<{ nodes: (NodeView & { hops: number })[]; links: LinkView[]; truncated: boolean }> {
    const user = this.allowed(actor);
    const built = await this.cache.graph();
    const view = this.cache.view(built, filter);
    const found = neighbourhood(view.graph, this.nodeOf(built, entityId), hops, MOST_NODES);
    const chart = await this.chartOf(
      built,
      view,
      found.nodes.map((n) => n.node),
    );
    gone(chart.nodes, entityId);
    const hopsOf = new Map(found.nodes.map((n) => [built.evidence.ids[n.node]!, n.hops]));
    const result = { nodes: chart.nodes.map((n) => ({ ...n, hops: hopsOf.get(n.id)! })), links: chart.links, truncated: found.truncated };
    await this.repos.audit.append(
      auditEntry(user, 'graph.neighbourhood-viewed', { type: 'entity', id: entityId }, { hops, entities: result.nodes.map((n) => n.id), filter }),
    );
    return result;
  }

  /** Given entities and the links among them: a saved chart reopened against the picture as it is now. */
  async among(actor: Actor, entityIds: readonly string[], filter: GraphFilter = {}): Promise<ChartData & { missing: string[] }> {
    const user = this.allowed(actor);
    const result = await this.amongUnaudited(entityIds, filter);
    await this.repos.audit.append(auditEntry(user, 'graph.entities-viewed', { type: 'entity', id: null }, { entities: result.nodes.map((n) => n.id), filter }));
    return result;
  }

  /** `among` for a caller that audits the view itself. */
  async amongUnaudited(entityIds: readonly string[], filter: GraphFilter = {}): Promise<ChartData & { missing: string[] }> {
    const built = await this.cache.graph();
    const view = this.cache.view(built, filter);
    const found = entityIds.map((id) => built.evidence.indexOf(id));
    const chart = await this.chartOf(
      built,
      view,
      found.filter((v) => v !== undefined),
    );
    return { ...chart, missing: entityIds.filter((_, i) => found[i] === undefined) };
  }

  /**
   * What a chart shows, analysed on its own (its entities and the links among them under the
   * filter, not the whole network): to size, colour and label it by. Audited as a view of them.
   */
  async chartAnalysis(actor: Actor, entityIds: readonly string[], filter: GraphFilter = {}): Promise<ChartAnalysis> {
    const user = this.allowed(actor);
    const built = await this.cache.graph();
    const view = this.cache.view(built, filter);
    const found = entityIds.map((id) => built.evidence.indexOf(id)).filter((v) => v !== undefined);
    const analysis = analyseGraph(view.graph.induced([...new Set(found)]), { exactBelow: EXACT_BETWEENNESS_BELOW, sample: BETWEENNESS_SOURCES, seed: 'chart' });
    const keyPlayers = [...analysis.nodes]
      .filter((n) => n.betweenness > 0)
      .sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || a.id.localeCompare(b.id))
      .slice(0, KEY_PLAYERS)
      .map((n) => n.id);
    const result = {
      entities: analysis.nodes.map(({ id, degree, betweenness, pagerank, community }) => ({ id, degree, betweenness, pagerank, community })),
      communities: communitySizes(analysis.nodes),
      modularity: analysis.modularity,
      keyPlayers,
    };
    await this.repos.audit.append(
      auditEntry(user, 'graph.chart-analysed', { type: 'entity', id: null }, { entities: result.entities.map((e) => e.id), keyPlayers, filter }),
    );
    return result;
  }

  /**
   * The reports that make the links among given entities (under the filter), each with the
   * entities it names among them: the chart's links drawn as events. Audited as a view of them.
   */
  async chartEvents(actor: Actor, entityIds: readonly string[], filter: GraphFilter = {}): Promise<ChartEvents> {
    const user = this.allowed(actor);
    const built = await this.cache.graph();
    const view = this.cache.view(built, filter);
    const ids = built.evidence.ids;
    const inside = new Set(entityIds.map((id) => built.evidence.indexOf(id)).filter((v) => v !== undefined));
    const pairs = linkedPairs(view, inside).map(([v, u]) => [ids[v]!, ids[u]!] as const);
    const passes = built.evidence.reportFilter(filter);
    const events = new Map<string, ReportRef & { entities: Set<string> }>();
    // Newest first, as the store gives them.
    for (const row of await this.repos.graph.linkSources(pairs)) {
      if (!passes(row.report_id)) continue;
      const event = events.get(row.report_id) ?? { ...sourceRef(row), entities: new Set<string>() };
      event.entities.add(row.a).add(row.b);
      events.set(row.report_id, event);
    }
    const shown = [...events.values()].slice(0, MOST_CHART_EVENTS).map((e) => ({ ...e, entities: [...e.entities].sort() }));
    await this.repos.audit.append(
      auditEntry(
        user,
        'graph.chart-events-viewed',
        { type: 'entity', id: null },
        { entities: [...inside].map((v) => ids[v]!), reports: shown.map((e) => e.id), filter },
      ),
    );
    return { events: shown, truncated: events.size > shown.length };
  }

  /** The shortest paths (fewest links) between two entities, each link with the reports (passing the filter) that make it. */
  async paths(
    actor: Actor,
    fromId: string,
    toId: string,
    filter: GraphFilter = {},
  ): Promise<{ paths: { nodes: NodeView[]; links: (LinkView & { sources: ReportRef[] })[] }[] }> {
    const user = this.allowed(actor);
    const built = await this.cache.graph();
    const view = this.cache.view(built, filter);
    const found = shortestPaths(view.graph, this.nodeOf(built, fromId), this.nodeOf(built, toId), MOST_PATHS);
    const ids = built.evidence.ids;
    const views = await this.nodeViews(built, found.flat());
    const pairs = new Map<string, [string, string]>();
    for (const path of found)
      for (let i = 1; i < path.length; i++) {
        const [x, y] = [ids[path[i - 1]!]!, ids[path[i]!]!];
        pairs.set(pairKey(x, y), x < y ? [x, y] : [y, x]);
      }
    const passes = built.evidence.reportFilter(filter);
    const sources = new Map<string, ReportRef[]>();
    for (const row of await this.repos.graph.linkSources([...pairs.values()])) {
      if (!passes(row.report_id)) continue;
      const list = sources.get(pairKey(row.a, row.b)) ?? [];
      // A report saying two things of the pair is one source.
      if (list.some((r) => r.id === row.report_id)) continue;
      list.push(sourceRef(row));
      sources.set(pairKey(row.a, row.b), list);
    }
    const result = {
      paths: found.map((path) => ({
        nodes: path.map((v) => views.get(ids[v]!)!),
        links: path.slice(1).map((v, i) => ({ ...linkView(view, ids, path[i]!, v), sources: sources.get(pairKey(ids[path[i]!]!, ids[v]!)) ?? [] })),
      })),
    };
    await this.repos.audit.append(auditEntry(user, 'graph.paths-found', { type: 'entity', id: fromId }, { to: toId, paths: result.paths.length, filter }));
    return result;
  }

  /** A link opened: every report behind it passing the filter, with what each says and who acts. */
  async linkEvidence(actor: Actor, aId: string, bId: string, filter: GraphFilter = {}): Promise<LinkEvidence> {
    const user = this.allowed(actor);
    const built = await this.cache.graph();
    const view = this.cache.view(built, filter);
    const [a, b] = [this.nodeOf(built, aId), this.nodeOf(built, bId)];
    const views = await this.nodeViews(built, [a, b]);
    if (!views.has(aId) || !views.has(bId)) throw new NotFound('No such entity in the picture');
    const passes = built.evidence.reportFilter(filter);
    // One row per report and what it says (the store's rows are distinct), newest first.
    const sources = (await this.repos.graph.linkSources([[aId, bId]]))
      .filter((row) => passes(row.report_id))
      .map((row) => ({ ...sourceRef(row), relation: row.relation as LinkRelation, actor: row.actor }));
    const assertions = (await this.repos.assertions.between(aId, bId)).filter((row) => passes(row.id)).map(assertionView);
    const link = view.link(a, b) ? linkView(view, built.evidence.ids, a, b) : null;
    await this.repos.audit.append(
      auditEntry(
        user,
        'graph.link-evidence-viewed',
        { type: 'entity', id: aId },
        { to: bId, reports: sources.map((s) => s.id), assertions: assertions.map((x) => x.id), filter },
      ),
    );
    return { from: views.get(aId)!, to: views.get(bId)!, link, sources, assertions };
  }

  /**
   * The entities of the network an entity belongs to, the most connected first (at most `most`):
   * what a case opened from the network links. The caller holds the permission and audits.
   */
  async networkMembers(entityId: string, most: number): Promise<string[]> {
    const built = await this.cache.graph();
    const view = this.cache.view(built, {});
    const network = view.networks.of[this.nodeOf(built, entityId)]!;
    const members = [...this.membersOf(view, [network]).get(network)!];
    return members
      .sort((a, b) => view.degree[b]! - view.degree[a]! || a - b)
      .slice(0, most)
      .map((v) => built.evidence.ids[v]!);
  }

  private nodeOf(built: Built, entityId: string): number {
    const v = built.evidence.indexOf(entityId);
    if (v === undefined) throw new NotFound('No such entity in the picture');
    return v;
  }

  private membersOf(view: View, networks: readonly number[]): Map<number, number[]> {
    const members = new Map(networks.map((n) => [n, [] as number[]]));
    for (let v = 0; v < view.graph.nodeCount; v++) members.get(view.networks.of[v]!)?.push(v);
    return members;
  }

  private async chartOf(built: Built, view: View, nodes: readonly number[]): Promise<ChartData> {
    const inside = new Set(nodes);
    const links = linkedPairs(view, inside).map(([v, u]) => linkView(view, built.evidence.ids, v, u));
    const views = await this.nodeViews(built, [...inside]);
    return { nodes: [...inside].map((v) => views.get(built.evidence.ids[v]!)!).filter((n) => n !== undefined), links };
  }

  private async nodeViews(built: Built, nodes: readonly number[]): Promise<Map<string, NodeView>> {
    const rows: NodeRow[] = await this.repos.graph.nodes([...new Set(nodes)].map((v) => built.evidence.ids[v]!));
    return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, label: r.label, reports: r.reports }]));
  }

  private allowed(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.pictureSearch);
  }
}

/** An entity merged away since the ledger last caught up is still a node, without records: not one to chart. */
function gone(nodes: readonly NodeView[], entityId: string): void {
  if (!nodes.some((n) => n.id === entityId)) throw new NotFound('No such entity in the picture');
}

/** Children first, then more potential victims, then the most recently active, then the biggest. */
function byRisk(x: { f: NetworkFacts; network: number }, y: { f: NetworkFacts; network: number }): number {
  return (
    Number(y.f.children) - Number(x.f.children) || y.f.victims - x.f.victims || y.f.lastSeen - x.f.lastSeen || y.f.size - x.f.size || x.network - y.network
  );
}

function linkView(view: View, ids: readonly string[], v: number, u: number): LinkView {
  const link = view.link(v, u)!;
  return {
    from: ids[v]!,
    to: ids[u]!,
    reports: link.reports,
    firstSeen: new Date(link.firstSeen).toISOString(),
    lastSeen: new Date(link.lastSeen).toISOString(),
    relations: [...link.relations],
    direction: link.direction,
    calls: link.calls,
    asserted: link.asserted,
  };
}

/** A report behind a link, as the analyst is shown it. */
function sourceRef(row: LinkSourceRow): ReportRef {
  return { id: row.report_id, reference: row.reference, source: row.source, receivedAt: new Date(row.received_at).toISOString(), grading: row.grading };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Each pair of the given entities that the filtered graph links, once (the lower node first). */
function linkedPairs(view: View, inside: ReadonlySet<number>): [number, number][] {
  const pairs: [number, number][] = [];
  for (const v of inside) for (const u of view.graph.neighbours(v)) if (u > v && inside.has(u)) pairs.push([v, u]);
  return pairs;
}

/** How many entities are in each community, by community number (Louvain numbers them largest first). */
function communitySizes(nodes: readonly { community: number }[]): number[] {
  const sizes = new Map<number, number>();
  for (const n of nodes) sizes.set(n.community, (sizes.get(n.community) ?? 0) + 1);
  return [...sizes.keys()].sort((a, b) => a - b).map((c) => sizes.get(c)!);
}
