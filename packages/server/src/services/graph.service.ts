import {
  analyseGraph,
  can,
  components,
  degrees,
  Forbidden,
  LinkGraph,
  neighbourhood,
  NotFound,
  PERMISSIONS,
  shortestPaths,
  type Actor,
  type Components,
  type UserActor,
} from '@harbour/core';
import type { NodeRow, Repositories } from '@harbour/db';

/** A link between two entities as the analyst sees it. */
export interface LinkView {
  readonly from: string;
  readonly to: string;
  readonly reports: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

export interface NodeView {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly reports: number;
}

export interface NetworkView {
  /** The network's best-connected entity (networks have no id of their own: they change as reports arrive). */
  readonly id: string;
  readonly size: number;
  readonly links: number;
  readonly keyPlayers: NodeView[];
  /** Distinct people recorded as potential victims in the reports behind it. */
  readonly victims: number;
  readonly children: boolean;
  readonly exploitationTypes: string[];
  /** Local authorities (ONS codes) of those reports. */
  readonly areas: string[];
  readonly firstSeen: string;
  readonly lastSeen: string;
}

/** The graph of the picture as last built, and when. */
interface Built {
  readonly graph: LinkGraph;
  readonly networks: Components;
  readonly degree: Int32Array;
  readonly links: Map<string, { reports: number; firstSeen: Date; lastSeen: Date }>;
  readonly version: number;
  readonly at: number;
}

/** A network's key players and communities, measured within the network. */
export interface NetworkAnalysis {
  readonly size: number;
  readonly keyPlayers: (NodeView & { degree: number; betweenness: number; pagerank: number; community: number })[];
  /** Entities in each community, largest first (numbered as `community` above). */
  readonly communities: number[];
  readonly modularity: number;
  readonly betweenness: { readonly exact: boolean; readonly sources: number };
}

/** Betweenness is exact for networks below this size; above, estimated from sampled sources (a request must answer in seconds). */
const EXACT_BETWEENNESS_BELOW = 2_000;
const BETWEENNESS_SOURCES = 200;
const KEY_PLAYERS_LISTED = 20;

/** Links as a chart draws them: a neighbourhood of more than this many entities is cut short. */
const MOST_NODES = 500;
const MOST_PATHS = 5;
const KEY_PLAYERS = 5;

/**
 * Link analysis over the picture: who is connected to whom, through which phone, address, vehicle
 * or business. The entity graph is built from the store once and kept (held as arrays: a million
 * entities fit in a few hundred megabytes); it is built again only after the picture has changed
 * (new reports resolved, merges, splits), or after `maxAgeMs` for changes made by another process.
 * Every view is audited.
 */
export class GraphService {
  private version = 0;
  private built: Built | undefined;
  private building: Promise<Built> | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly options: { maxAgeMs?: number; now?: () => number } = {},
  ) {}

  /** The picture changed: the next question rebuilds the graph. */
  changed(): void {
    this.version++;
  }

  /** Networks (connected components of two or more entities), largest first. */
  async networks(actor: Actor, limit = 50): Promise<NetworkView[]> {
    const user = this.allowed(actor);
    const built = await this.graph();
    const { graph, networks, degree } = built;
    const members = networks.sizes.map(() => [] as number[]);
    for (let v = 0; v < graph.nodeCount; v++) if (networks.sizes[networks.of[v]!]! > 1) members[networks.of[v]!]!.push(v);
    const shown = members.filter((m) => m.length > 1).slice(0, limit);
    const players = shown.map((m) => m.sort((a, b) => degree[b]! - degree[a]! || a - b).slice(0, KEY_PLAYERS));
    const [nodes, facts] = await Promise.all([
      this.nodeViews(built, players.flat()),
      this.repos.graph.networkFacts(shown.map((m, network) => ({ network, entityIds: m.map((v) => graph.ids[v]!) }))),
    ]);
    const factsOf = new Map(facts.map((f) => [f.network, f]));
    const result = shown.map((m, i) => {
      const f = factsOf.get(i)!;
      return {
        id: graph.ids[players[i]![0]!]!,
        size: m.length,
        links: m.reduce((sum, v) => sum + degree[v]!, 0) / 2,
        keyPlayers: players[i]!.map((v) => nodes.get(graph.ids[v]!)!),
        victims: f.victims,
        children: f.children,
        exploitationTypes: [...f.exploitation_types].sort(),
        areas: [...f.areas].sort(),
        firstSeen: new Date(f.first_seen).toISOString(),
        lastSeen: new Date(f.last_seen).toISOString(),
      };
    });
    await this.audit(user, 'graph.networks', null, { networks: result.map((n) => n.id) });
    return result;
  }

  /**
   * The network an entity belongs to, analysed on its own: its key players (by betweenness, the
   * brokers between its parts; with degree and PageRank) and its communities (Louvain).
   */
  async networkAnalysis(actor: Actor, entityId: string): Promise<NetworkAnalysis> {
    const user = this.allowed(actor);
    const built = await this.graph();
    const start = built.graph.indexOf(entityId);
    if (start === undefined) throw new NotFound('No such entity in the picture');
    const network = built.networks.of[start]!;
    const members: number[] = [];
    for (let v = 0; v < built.graph.nodeCount; v++) if (built.networks.of[v] === network) members.push(v);
    const analysis = analyseGraph(built.graph.induced(members), { exactBelow: EXACT_BETWEENNESS_BELOW, sample: BETWEENNESS_SOURCES, seed: entityId });
    const top = [...analysis.nodes].sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree).slice(0, KEY_PLAYERS_LISTED);
    const views = await this.nodeViews(
      built,
      top.map((n) => built.graph.indexOf(n.id)!),
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
    await this.audit(user, 'graph.network-analysis', entityId, { size: result.size, keyPlayers: result.keyPlayers.map((k) => k.id) });
    return result;
  }

  /** Everything within `hops` links of an entity (at most a few hundred entities), with the links among them. */
  async neighbourhood(
    actor: Actor,
    entityId: string,
    hops: number,
  ): Promise<{ nodes: (NodeView & { hops: number })[]; links: LinkView[]; truncated: boolean }> {
    const user = this.allowed(actor);
    const built = await this.graph();
    const start = built.graph.indexOf(entityId);
    if (start === undefined) throw new NotFound('No such entity in the picture');
    const found = neighbourhood(built.graph, start, hops, MOST_NODES);
    const views = await this.nodeViews(
      built,
      found.nodes.map((n) => n.node),
    );
    const nodes = found.nodes.map((n) => ({ ...views.get(built.graph.ids[n.node]!)!, hops: n.hops }));
    const result = {
      nodes,
      links: this.linksAmong(
        built,
        found.nodes.map((n) => n.node),
      ),
      truncated: found.truncated,
    };
    await this.audit(user, 'graph.neighbourhood', entityId, { hops, entities: nodes.map((n) => n.id) });
    return result;
  }

  /** The shortest paths (fewest links) between two entities, each link with the reports that make it. */
  async paths(
    actor: Actor,
    fromId: string,
    toId: string,
  ): Promise<{
    paths: {
      nodes: NodeView[];
      links: (LinkView & { sources: { id: string; reference: string; source: string; receivedAt: string; grading: string | null }[] })[];
    }[];
  }> {
    const user = this.allowed(actor);
    const built = await this.graph();
    const [a, b] = [built.graph.indexOf(fromId), built.graph.indexOf(toId)];
    if (a === undefined || b === undefined) throw new NotFound('No such entity in the picture');
    const found = shortestPaths(built.graph, a, b, MOST_PATHS);
    const views = await this.nodeViews(built, found.flat());
    const pairs = new Map<string, [string, string]>();
    for (const path of found)
      for (let i = 1; i < path.length; i++) {
        const [x, y] = [built.graph.ids[path[i - 1]!]!, built.graph.ids[path[i]!]!];
        pairs.set(pairKey(x, y), x < y ? [x, y] : [y, x]);
      }
    const sources = new Map<string, { id: string; reference: string; source: string; receivedAt: string; grading: string | null }[]>();
    for (const row of await this.repos.graph.linkSources([...pairs.values()])) {
      const list = sources.get(pairKey(row.a, row.b)) ?? [];
      list.push({ id: row.report_id, reference: row.reference, source: row.source, receivedAt: new Date(row.received_at).toISOString(), grading: row.grading });
      sources.set(pairKey(row.a, row.b), list);
    }
    const result = {
      paths: found.map((path) => ({
        nodes: path.map((v) => views.get(built.graph.ids[v]!)!),
        links: path.slice(1).map((v, i) => {
          const [x, y] = [built.graph.ids[path[i]!]!, built.graph.ids[v]!];
          return { ...this.linkView(built, x, y), sources: sources.get(pairKey(x, y)) ?? [] };
        }),
      })),
    };
    await this.audit(user, 'graph.paths', fromId, { to: toId, paths: result.paths.length });
    return result;
  }

  /** The graph as it stands: built now if the picture changed (one build shared by concurrent questions). */
  private async graph(): Promise<Built> {
    const now = this.options.now?.() ?? Date.now();
    const fresh = this.built && this.built.version === this.version && now - this.built.at < (this.options.maxAgeMs ?? 60_000);
    if (fresh) return this.built!;
    this.building ??= this.build(this.version, now).finally(() => (this.building = undefined));
    return (this.built = await this.building);
  }

  private async build(version: number, at: number): Promise<Built> {
    const [rows, ids] = await Promise.all([this.repos.graph.entityLinks(), this.repos.graph.entityIds()]);
    const graph = LinkGraph.from(
      rows.map((r) => ({ from: r.a, to: r.b, weight: r.reports })),
      ids,
    );
    const links = new Map(rows.map((r) => [pairKey(r.a, r.b), { reports: r.reports, firstSeen: r.first_seen, lastSeen: r.last_seen }]));
    return { graph, networks: components(graph), degree: degrees(graph), links, version, at };
  }

  private linksAmong(built: Built, nodes: readonly number[]): LinkView[] {
    const inside = new Set(nodes);
    const out: LinkView[] = [];
    for (const v of nodes)
      for (const u of built.graph.neighbours(v)) if (u > v && inside.has(u)) out.push(this.linkView(built, built.graph.ids[v]!, built.graph.ids[u]!));
    return out;
  }

  private linkView(built: Built, from: string, to: string): LinkView {
    const link = built.links.get(pairKey(from, to))!;
    return { from, to, reports: link.reports, firstSeen: new Date(link.firstSeen).toISOString(), lastSeen: new Date(link.lastSeen).toISOString() };
  }

  private async nodeViews(built: Built, nodes: readonly number[]): Promise<Map<string, NodeView>> {
    const rows: NodeRow[] = await this.repos.graph.nodes([...new Set(nodes)].map((v) => built.graph.ids[v]!));
    return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, label: r.label, reports: r.reports }]));
  }

  private allowed(actor: Actor): UserActor {
    if (!can(actor, PERMISSIONS.pictureSearch) || actor.kind !== 'user') throw new Forbidden('Your role does not allow this');
    return actor;
  }

  private async audit(user: UserActor, action: string, subjectId: string | null, details: Record<string, unknown>): Promise<void> {
    await this.repos.audit.append({ actorId: user.userId, actorRole: user.role, action, subjectType: 'entity', subjectId, details });
  }
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
