import { sql, type Kysely } from 'kysely';
import type { DB, EntityKind } from '../schema';

/** One report joining two entities: the source of a link, and what it says of them. */
export interface LinkSourceRow {
  readonly a: string;
  readonly b: string;
  /** What the report says (contract LINK_RELATIONS), and who acts: `a`, `b`, or neither (mentioned). */
  readonly relation: string;
  readonly actor: string | null;
  readonly report_id: string;
  readonly reference: string;
  readonly source: string;
  readonly received_at: Date;
  readonly grading: string | null;
}

/** A link as it now stands, under its own change number. */
export interface ChangedLink {
  readonly key: number;
  /** The ends, the link running from `a` to `b`. */
  readonly a: string | null;
  readonly b: string | null;
  readonly report: string;
  /** What the link says (contract LINK_RELATIONS). */
  readonly relation: string;
  readonly first: Date | null;
  readonly last: Date | null;
  /** Calls from `a` to `b` the link stands for (call data), else null. */
  readonly calls: number | null;
  readonly stamp: number;
}

export interface GraphChanges {
  readonly upTo: number;
  readonly entities: readonly { id: string; kind: EntityKind; victim: boolean }[];
  readonly reports: readonly LinkReportRow[];
  readonly links: readonly ChangedLink[];
}

/** The facts of a report that a link filter asks about. */
export interface LinkReportRow {
  readonly id: string;
  readonly received_at: Date;
  readonly grading: string | null;
  readonly exploitation_types: string[];
  readonly involves_child: boolean;
  readonly local_authority: string | null;
}

export interface SavedChartRow {
  readonly id: string;
  readonly owner_id: string;
  readonly name: string;
  readonly chart: unknown;
  readonly created_at: Date;
  readonly updated_at: Date;
  readonly shared_at: Date | null;
  /** Who saved it, as the team knows them. */
  readonly owner_name: string;
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
   * What changed in the picture since a change number (0: everything): the links added or whose
   * records moved (keyed by the link's own number, so a moved link replaces itself), the entities
   * those moves touched, and the reports whose facts changed; `upTo` is the highest change seen.
   */
  async changesSince(since: number): Promise<GraphChanges> {
    const all = since <= 0;
    const [entities, reports, links] = await Promise.all([
      sql<{ id: string; kind: EntityKind; victim: boolean; stamp: number }>`
        select entity_id as id, min(kind) as kind, bool_or(role = 'potential_victim') as victim, max(entity_seq)::float8 as stamp
        from entity_records
        where entity_id is not null ${all ? sql`` : sql`and entity_id in (select entity_id from entity_records where entity_seq > ${since})`}
        group by entity_id`.execute(this.db),
      sql<LinkReportRow & { stamp: number }>`
        select p.id, p.received_at, p.grading, p.exploitation_types, p.involves_child, p.local_authority, p.facts_seq::float8 as stamp from reports p
        where ${all ? sql`exists (select 1 from record_links l where l.report_id = p.id)` : sql`p.facts_seq > ${since}`}`.execute(this.db),
      sql<ChangedLink>`
        ${
          all
            ? sql`with changed as (select * from record_links)`
            : // Three lookups each on its own index (a link's number; its records, from either end), not one scan.
              sql`with moved as (select id from entity_records where entity_seq > ${since}),
                changed as (
                  select l.* from record_links l where l.seq > ${since}
                  union select l.* from record_links l join moved m on l.from_record = m.id
                  union select l.* from record_links l join moved m on l.to_record = m.id)`
        }
        select l.seq::float8 as key, a.entity_id as a, b.entity_id as b, l.report_id as report, l.relation, c.first_at as first, c.last_at as last, c.calls,
               greatest(l.seq, a.entity_seq, b.entity_seq)::float8 as stamp
        from changed l join entity_records a on a.id = l.from_record join entity_records b on b.id = l.to_record
          left join report_calls c on c.from_phone = l.from_record and c.to_phone = l.to_record
        order by l.seq`.execute(this.db),
    ]);
    const upTo = Math.max(since, ...[entities.rows, reports.rows, links.rows].map((rows) => rows.reduce((m, r) => Math.max(m, r.stamp), 0)));
    return { upTo, entities: entities.rows, reports: reports.rows, links: links.rows };
  }

  /** Reports' facts by id (for links whose report the caller has not seen). */
  async linkReportsById(ids: readonly string[]): Promise<LinkReportRow[]> {
    if (ids.length === 0) return [];
    const rows = await sql<LinkReportRow>`
      select p.id, p.received_at, p.grading, p.exploitation_types, p.involves_child, p.local_authority from reports p
      where p.id = any(${[...ids]}::uuid[])`.execute(this.db);
    return rows.rows;
  }

  async nodes(ids: readonly string[]): Promise<NodeRow[]> {
    if (ids.length === 0) return [];
    const rows = await sql<NodeRow>`
      select e.id, e.kind, e.label, count(distinct x.report_id)::int as reports
      from entities e left join entity_records x on x.entity_id = e.id
      where e.id = any(${[...ids]}::uuid[])
      group by e.id, e.kind, e.label
      -- An entity without records is one merged away, or one an analyst added by hand.
      having count(x.id) > 0 or (e.merged_into is null and exists (select 1 from link_assertions a where a.to_entity = e.id and a.added_entity))`.execute(
      this.db,
    );
    return rows.rows;
  }

  /** The reports that join each of the given pairs of entities, newest first. */
  async linkSources(pairs: readonly (readonly [string, string])[]): Promise<LinkSourceRow[]> {
    if (pairs.length === 0) return [];
    const rows = await sql<LinkSourceRow>`
      select distinct least(a.entity_id, b.entity_id) as a, greatest(a.entity_id, b.entity_id) as b, l.relation,
             case when l.relation = 'mentioned' then null
                  else (select f.entity_id from entity_records f where f.id = l.from_record) end as actor,
             p.id as report_id, p.reference, p.source, p.received_at, p.grading
      from unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::uuid[]) as w(x, y)
        join entity_records a on a.entity_id = w.x
        join record_links l on l.from_record = a.id or l.to_record = a.id
        join entity_records b on b.id = case when l.from_record = a.id then l.to_record else l.from_record end and b.entity_id = w.y
        join reports p on p.id = l.report_id
      order by p.received_at desc`.execute(this.db);
    return rows.rows;
  }

  /** Saves a new chart; false when the owner already has one of that name. */
  async createChart(chart: { id: string; ownerId: string; name: string; chart: unknown }): Promise<boolean> {
    const row = await this.db
      .insertInto('saved_charts')
      .values({ id: chart.id, owner_id: chart.ownerId, name: chart.name, chart: JSON.stringify(chart.chart) })
      .onConflict((c) => c.columns(['owner_id', 'name']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Replaces a chart's content (and name); false when it is not the owner's, or the name is taken. */
  async updateChart(chart: { id: string; ownerId: string; name: string; chart: unknown }): Promise<'updated' | 'missing' | 'name-taken'> {
    // Another's chart (shared or not) is missing to this owner, whatever its name.
    const own = await this.db.selectFrom('saved_charts').select('id').where('id', '=', chart.id).where('owner_id', '=', chart.ownerId).executeTakeFirst();
    if (!own) return 'missing';
    const clash = await this.db
      .selectFrom('saved_charts')
      .select('id')
      .where('owner_id', '=', chart.ownerId)
      .where('name', '=', chart.name)
      .where('id', '<>', chart.id)
      .executeTakeFirst();
    if (clash) return 'name-taken';
    const result = await this.db
      .updateTable('saved_charts')
      .set({ name: chart.name, chart: JSON.stringify(chart.chart), updated_at: new Date() })
      .where('id', '=', chart.id)
      .where('owner_id', '=', chart.ownerId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? 'updated' : 'missing';
  }

  /** Charts a user may open: their own, and those shared by others of their agency. */
  private openable(userId: string, agencyId: string) {
    return this.db
      .selectFrom('saved_charts as c')
      .innerJoin('users as o', 'o.id', 'c.owner_id')
      .selectAll('c')
      .select('o.display_name as owner_name')
      .where((eb) => eb.or([eb('c.owner_id', '=', userId), eb.and([eb('c.shared_at', 'is not', null), eb('o.agency_id', '=', agencyId)])]));
  }

  async chart(id: string, userId: string, agencyId: string): Promise<SavedChartRow | undefined> {
    return this.openable(userId, agencyId).where('c.id', '=', id).executeTakeFirst();
  }

  /** A user's charts and those their team shared, most recently saved first. */
  async charts(userId: string, agencyId: string): Promise<SavedChartRow[]> {
    return this.openable(userId, agencyId).orderBy('c.updated_at', 'desc').orderBy('c.name').orderBy('c.id').execute();
  }

  /** Shares a chart with its owner's team, or stops; false when it is not the owner's. */
  async shareChart(id: string, ownerId: string, shared: boolean, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('saved_charts')
      .set({ shared_at: shared ? at : null })
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async deleteChart(id: string, ownerId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('saved_charts').where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** The networks a user has opened: entity opened through, and the network's size then. */
  async networkViews(userId: string): Promise<Map<string, { size: number; viewedAt: Date }>> {
    const rows = await this.db.selectFrom('network_views').select(['entity_id', 'size', 'viewed_at']).where('user_id', '=', userId).execute();
    return new Map(rows.map((r) => [r.entity_id, { size: r.size, viewedAt: r.viewed_at }]));
  }

  /** Records that a user opened a network (through these of its entities) at this size. */
  async recordNetworkView(userId: string, entityIds: readonly string[], size: number): Promise<void> {
    if (entityIds.length === 0) return;
    await this.db
      .insertInto('network_views')
      .values(entityIds.map((entity_id) => ({ user_id: userId, entity_id, size, viewed_at: new Date() })))
      .onConflict((c) => c.columns(['user_id', 'entity_id']).doUpdateSet((eb) => ({ size: eb.ref('excluded.size'), viewed_at: eb.ref('excluded.viewed_at') })))
      .execute();
  }
}
