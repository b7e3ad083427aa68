import type { ChartData, LinkView, NetworkAnalysis, NetworkOrder, NetworkView, NodeView, ReportRef } from '@harbour/contract';
import {
  analyseGraph,
  degrees,
  LinkLedger,
  neighbourhood,
  NotFound,
  PERMISSIONS,
  permittedUser,
  shortestPaths,
  type LinkEvidence,
  type Actor,
  type FilteredLinks,
  type GraphFilter,
  type NetworkFacts,
  type UserActor,
} from '@harbour/core';
import type { GraphChanges, NodeRow, Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';

/** The evidence of the picture as it stands, and the filtered graphs made from it since. */
interface Built {
  readonly evidence: LinkEvidence;
  readonly views: Map<string, View>;
}

/** The ledger of the picture's links, and how far it has caught up with the store. */
interface Caught {
  readonly ledger: LinkLedger;
  /** The highest change number read. */
  readonly upTo: number;
  /** The in-process change count it has seen. */
  readonly version: number;
  readonly at: number;
  /** When it was last read whole. */
  readonly wholeAt: number;
}

/** The graph through one filter, with what is worked out from it once. */
interface View extends FilteredLinks {
  readonly degree: Int32Array;
  facts?: NetworkFacts[];
}

/** Betweenness is exact for networks below this size; above, estimated from sampled sources (a request must answer in seconds). */
const EXACT_BETWEENNESS_BELOW = 2_000;
const BETWEENNESS_SOURCES = 200;
const KEY_PLAYERS_LISTED = 20;

/** A chart is cut short at this many entities: beyond it no one can read it. */
const MOST_NODES = 500;
const MOST_PATHS = 5;
const KEY_PLAYERS = 5;
/** Filtered graphs kept: an analyst moving between a few filters should not wait each time. */
const VIEWS_KEPT = 4;
/**
 * Change numbers read again at each catch-up: a transaction that took its numbers before another
 * but committed after it is still seen (rows read twice change nothing).
 */
const OVERLAP = 10_000;

/**
 * Link analysis over the picture: who is connected to whom, through which phone, address, vehicle
 * or business. The evidence (which reports mention which pairs of entities) is read from the store
 * once into a ledger of arrays, then kept up to date by reading only what changed since: links
 * added, records resolved, merged or split, reports graded. It catches up when this process
 * changed the picture, and at most `catchUpMs` after another did; it is read whole again every
 * `rebuildMs` (deletions, and anything a catch-up could miss). Each filter makes its own graph from
 * the evidence in one pass. Every view is audited.
 */
export class GraphService {
  private version = 0;
  private caught: Caught | undefined;
  private catching: Promise<void> | undefined;
  private built: Built | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly options: { catchUpMs?: number; rebuildMs?: number; now?: () => number } = {},
  ) {}

  /** The picture changed: the next question catches up first. */
  changed(): void {
    this.version++;
  }

  /** Networks (connected components of two or more entities), ranked, each marked if it grew since this user last opened it. */
  async networks(actor: Actor, options: { filter?: GraphFilter; limit?: number; order?: NetworkOrder } = {}): Promise<NetworkView[]> {
    const user = this.allowed(actor);
    const built = await this.graph();
    const view = this.view(built, options.filter);
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
    const built = await this.graph();
    const view = this.view(built, filter);
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
    const built = await this.graph();
    const view = this.view(built, filter);
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
    const built = await this.graph();
    const view = this.view(built, filter);
    const network = view.networks.of[this.nodeOf(built, entityId)]!;
    const members = [...this.membersOf(view, [network]).get(network)!];
    const analysis = analyseGraph(view.graph.induced(members), { exactBelow: EXACT_BETWEENNESS_BELOW, sample: BETWEENNESS_SOURCES, seed: entityId });
    const top = [...analysis.nodes].sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree).slice(0, KEY_PLAYERS_LISTED);
    const views = await this.nodeViews(
      built,
      top.map((n) => built.evidence.indexOf(n.id)!),
    );
    const sizes = new Map<number, number>();
    for (const n of analysis.nodes) sizes.set(n.community, (sizes.get(n.community) ?? 0) + 1);
    const result = {
      size: members.length,
      keyPlayers: top.map((n) => ({ ...views.get(n.id)!, degree: n.degree, betweenness: n.betweenness, pagerank: n.pagerank, community: n.community })),
      communities: [...sizes.keys()].sort((a, b) => a - b).map((c) => sizes.get(c)!),
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
    const built = await this.graph();
    const view = this.view(built, filter);
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
    const built = await this.graph();
    const view = this.view(built, filter);
    const found = entityIds.map((id) => built.evidence.indexOf(id));
    const chart = await this.chartOf(
      built,
      view,
      found.filter((v) => v !== undefined),
    );
    return { ...chart, missing: entityIds.filter((_, i) => found[i] === undefined) };
  }

  /** The shortest paths (fewest links) between two entities, each link with the reports (passing the filter) that make it. */
  async paths(
    actor: Actor,
    fromId: string,
    toId: string,
    filter: GraphFilter = {},
  ): Promise<{ paths: { nodes: NodeView[]; links: (LinkView & { sources: ReportRef[] })[] }[] }> {
    const user = this.allowed(actor);
    const built = await this.graph();
    const view = this.view(built, filter);
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
      list.push({ id: row.report_id, reference: row.reference, source: row.source, receivedAt: new Date(row.received_at).toISOString(), grading: row.grading });
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

  /** The evidence as it stands, caught up first when due (one catch-up shared by concurrent questions). */
  private async graph(): Promise<Built> {
    const now = this.options.now?.() ?? Date.now();
    const c = this.caught;
    const due = !c || c.version !== this.version || now - c.at >= (this.options.catchUpMs ?? 5_000);
    if (due) {
      this.catching ??= this.catchUp(now).finally(() => (this.catching = undefined));
      await this.catching;
    }
    const evidence = this.caught!.ledger.evidence();
    if (this.built?.evidence !== evidence) this.built = { evidence, views: new Map() };
    return this.built;
  }

  /** Reads what changed since the ledger last looked (everything, the first time and every `rebuildMs`). */
  private async catchUp(now: number): Promise<void> {
    const version = this.version;
    const previous = this.caught;
    const whole = !previous || now - previous.wholeAt >= (this.options.rebuildMs ?? 15 * 60_000);
    const ledger = whole ? new LinkLedger() : previous.ledger;
    const changes = await this.repos.graph.changesSince(whole ? 0 : Math.max(1, previous.upTo - OVERLAP));
    // A link's report may have been read (without links) before: its facts are needed now.
    const unread = [...new Set(changes.links.map((l) => l.report).filter((r) => !ledger.knowsReport(r)))];
    takeChanges(ledger, { ...changes, reports: [...changes.reports, ...(await this.repos.graph.linkReportsById(unread))] });
    this.caught = { ledger, upTo: Math.max(changes.upTo, whole ? 0 : previous.upTo), version, at: now, wholeAt: whole ? now : previous.wholeAt };
  }

  /** The graph through a filter, made once and kept while the evidence lasts (the few most recent filters). */
  private view(built: Built, filter: GraphFilter = {}): View {
    const key = JSON.stringify(filter, Object.keys(filter).sort());
    let view = built.views.get(key);
    if (view) {
      built.views.delete(key);
    } else {
      const links = built.evidence.filtered(filter);
      view = { ...links, degree: degrees(links.graph) };
      if (built.views.size >= VIEWS_KEPT) built.views.delete(built.views.keys().next().value!);
    }
    built.views.set(key, view);
    return view;
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
    const links: LinkView[] = [];
    for (const v of inside) for (const u of view.graph.neighbours(v)) if (u > v && inside.has(u)) links.push(linkView(view, built.evidence.ids, v, u));
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

/** Puts what changed in the store into a ledger: entities and reports first, so the links find them. */
export function takeChanges(ledger: LinkLedger, changes: GraphChanges): void {
  for (const e of changes.entities) ledger.entity(e.id, e.kind, e.victim, false);
  for (const r of changes.reports)
    ledger.report(r.id, {
      receivedAt: new Date(r.received_at),
      grading: r.grading,
      exploitationTypes: r.exploitation_types,
      involvesChild: r.involves_child,
      area: r.local_authority,
    });
  for (const l of changes.links) ledger.link(l.key, { a: l.a ?? '', b: l.b ?? '', report: l.report, first: l.first, last: l.last });
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
  };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
