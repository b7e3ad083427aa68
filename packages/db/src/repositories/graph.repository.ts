import { sql, type Kysely } from 'kysely';
import type { DB, EntityKind } from '../schema';

/** Two entities mentioned together, with how often and over what time. */
export interface EntityLinkRow {
  readonly a: string;
  readonly b: string;
  readonly reports: number;
  readonly first_seen: Date;
  readonly last_seen: Date;
}

/** One report joining two entities: the source of a link. */
export interface LinkSourceRow {
  readonly a: string;
  readonly b: string;
  readonly report_id: string;
  readonly reference: string;
  readonly source: string;
  readonly received_at: Date;
  readonly grading: string | null;
}

/** What the reports behind a network say: who, where, what, when. */
export interface NetworkFactsRow {
  readonly network: number;
  readonly victims: number;
  readonly children: boolean;
  readonly exploitation_types: string[];
  readonly areas: string[];
  readonly first_seen: Date;
  readonly last_seen: Date;
}

export interface NodeRow {
  readonly id: string;
  readonly kind: EntityKind;
  readonly label: string;
  readonly reports: number;
}

/** Reads the links between entities for link analysis (the graph itself is held by the server). */
export class GraphRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Every pair of entities mentioned in one report, once per pair (either order), with the number
   * of reports joining them and the first and last of those reports. Links are kept between
   * records, so they follow merges and splits without being rewritten.
   */
  async entityLinks(): Promise<EntityLinkRow[]> {
    const rows = await sql<EntityLinkRow>`
      select least(a.entity_id, b.entity_id) as a, greatest(a.entity_id, b.entity_id) as b, count(distinct l.report_id)::int as reports,
             min(p.received_at) as first_seen, max(p.received_at) as last_seen
      from record_links l join entity_records a on a.id = l.from_record join entity_records b on b.id = l.to_record
        join reports p on p.id = l.report_id
      where a.entity_id is not null and b.entity_id is not null and a.entity_id <> b.entity_id
      group by 1, 2`.execute(this.db);
    return rows.rows;
  }

  /** Entities with at least one record (merged-away entities have none), every one a node even without links. */
  async entityIds(): Promise<string[]> {
    const rows = await sql<{ id: string }>`select distinct entity_id as id from entity_records where entity_id is not null`.execute(this.db);
    return rows.rows.map((r) => r.id);
  }

  /** For each network (its number and member entities), the facts of the reports that mention its members. */
  async networkFacts(members: readonly { network: number; entityIds: readonly string[] }[]): Promise<NetworkFactsRow[]> {
    if (members.length === 0) return [];
    const rows = await sql<NetworkFactsRow>`
      select w.network,
             count(distinct x.entity_id) filter (where x.role = 'potential_victim')::int as victims,
             bool_or(p.involves_child) as children,
             coalesce(array_agg(distinct t.type) filter (where t.type is not null), '{}') as exploitation_types,
             coalesce(array_agg(distinct p.local_authority) filter (where p.local_authority is not null), '{}') as areas,
             min(p.received_at) as first_seen, max(p.received_at) as last_seen
      from unnest(${members.flatMap((m) => m.entityIds.map(() => m.network))}::int[], ${members.flatMap((m) => [...m.entityIds])}::uuid[]) as w(network, entity_id)
        join entity_records x on x.entity_id = w.entity_id
        join reports p on p.id = x.report_id
        left join lateral unnest(p.exploitation_types) as t(type) on true
      group by w.network`.execute(this.db);
    return rows.rows;
  }

  async nodes(ids: readonly string[]): Promise<NodeRow[]> {
    if (ids.length === 0) return [];
    const rows = await sql<NodeRow>`
      select e.id, e.kind, e.label, count(distinct x.report_id)::int as reports
      from entities e join entity_records x on x.entity_id = e.id
      where e.id = any(${[...ids]}::uuid[])
      group by e.id, e.kind, e.label`.execute(this.db);
    return rows.rows;
  }

  /** The reports that join each of the given pairs of entities, newest first. */
  async linkSources(pairs: readonly (readonly [string, string])[]): Promise<LinkSourceRow[]> {
    if (pairs.length === 0) return [];
    const rows = await sql<LinkSourceRow>`
      select distinct least(a.entity_id, b.entity_id) as a, greatest(a.entity_id, b.entity_id) as b, p.id as report_id, p.reference,
             p.source, p.received_at, p.grading
      from unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::uuid[]) as w(x, y)
        join entity_records a on a.entity_id = w.x
        join record_links l on l.from_record = a.id or l.to_record = a.id
        join entity_records b on b.id = case when l.from_record = a.id then l.to_record else l.from_record end and b.entity_id = w.y
        join reports p on p.id = l.report_id
      order by p.received_at desc`.execute(this.db);
    return rows.rows;
  }
}
