import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB, EntityKind } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { auditedTransaction } from './audited-transaction';
import { reportsByReference } from './report-reference';

/** The search as the store runs it (built by core `searchQuery`). */
export interface EntitySearch {
  readonly text: string;
  readonly codeSets: readonly (readonly string[])[];
  readonly compact: string;
  /** One kind only (a page of its results); otherwise every kind. */
  readonly kind?: EntityKind | undefined;
  /** Per kind: the hits after the first `offset`, at most `limit` of them. */
  readonly offset: number;
  readonly limit: number;
  /** Matching entities counted up to this many. */
  readonly mostCounted: number;
}

export interface EntityHit {
  id: string;
  kind: EntityKind;
  label: string;
  score: number;
  reports: number;
  latest: Date;
}

export interface EntitySearchResult {
  readonly hits: EntityHit[];
  /** Matching entities of each kind found, up to `mostCounted` in all. */
  readonly counts: ReadonlyMap<EntityKind, number>;
  /** More matched than were counted. */
  readonly capped: boolean;
}

/** Of a person, what tells them from their namesakes: the commonest details of their records, roles, latest area. */
export interface PersonDetailsRow {
  entity_id: string;
  dob: string | null;
  nationality: string | null;
  roles: string[] | null;
  area: string | null;
}

export interface ReportHit {
  id: string;
  reference: string;
  received_at: Date;
  source: string;
  grading: string | null;
  snippet: string;
}

/** A record of an entity with the report it came from: its provenance and grading. */
export interface SourceRecord {
  id: string;
  kind: EntityKind;
  role: string | null;
  attributes: Record<string, string>;
  resolved_by: string | null;
  match_probability: number | null;
  report_id: string;
  reference: string;
  source: string;
  received_at: Date;
  occurred: string | null;
  grading: string | null;
  summary: string;
  created_by: string | null;
}

export interface LinkedEntity {
  id: string;
  kind: EntityKind;
  label: string;
  roles: string[];
  reports: { id: string; reference: string; received_at: Date; grading: string | null }[];
}

export interface ChangeRow {
  id: string;
  action: 'merge' | 'split' | 'undo';
  actor_id: string | null;
  actor_name: string | null;
  review_pair_id: string | null;
  undoes: string | null;
  undone_by: string | null;
  created_at: Date;
  moves: { record_id: string; from_entity: string; to_entity: string }[];
}

export interface ReviewPairRow {
  id: string;
  record_a: string;
  record_b: string;
  probability: number;
  pattern: number;
  evidence: unknown;
  status: 'open' | 'accepted' | 'rejected';
  skipped_at: Date | null;
}

export interface Move {
  readonly recordId: string;
  readonly from: string;
  readonly to: string;
}

/** Distinct names and numbers taken from the dictionary per search, best first. */
const TERMS = 40;
/**
 * How alike (trigram similarity) a term must be to be looked at. pg_trgm's default, 0.3, let a
 * common name ("aled wood") bring 25,000 terms out of the index to be checked one by one; at 0.5 a
 * name with a letter or two wrong still qualifies (and sounds-alike codes find the rest), and
 * search over a million people takes a third of the time (bench `picture`).
 */
const SIMILAR = 0.5;
/** Of a query's words found within a term (word similarity): all of them, give or take a letter. */
const SIMILAR_WORDS = 0.8;
/** Queries shorter than this are not looked for within longer terms (too many would match). */
const WORDS_FROM = 4;
const RECORDS_PER_TERM = 300;

/** Reads and corrects the picture: search, entity pages, the review queue, merges and splits. */
export class EntityRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  /** Runs `work` in one transaction, with a repository bound to it and an audit append in the same transaction. */
  transaction<T>(work: (entities: EntityRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return auditedTransaction(this.db, this.audit, (tx) => new EntityRepository(tx), work);
  }

  /**
   * Entities whose records match the query: the dictionary of distinct terms is searched by trigram
   * similarity, by a partial number or plate, or (people) by every word sounding alike; the best
   * terms' records are then found by equality. Per kind, best first, a page of them with how many
   * reports mention each and the latest, and how many of each kind match.
   */
  async search(query: EntitySearch): Promise<EntitySearchResult> {
    const none = { hits: [], counts: new Map(), capped: false };
    const conditions: RawBuilder<unknown>[] = [];
    if (query.text.length >= 2) conditions.push(sql`t.text % ${query.text}::text`);
    // Words within a longer term: "Usk Vale Meats" or "meats" in "usk vale meats newport np10 8xg".
    if (query.text.length >= WORDS_FROM) conditions.push(sql`${query.text}::text <% t.text`);
    if (query.compact) conditions.push(sql`t.text like ${`%${escapeLike(query.compact)}%`}`);
    for (const set of query.codeSets) if (set.length > 0) conditions.push(sql`t.codes @> ${[...set]}::text[]`);
    if (conditions.length === 0) return none;
    const ofKind = query.kind ? sql`and x.kind = ${query.kind}` : sql``;
    // Every condition is indexed; the embedded store's planner nevertheless prices a scan of the
    // whole dictionary lower (seen: 600 ms a search at 100k people), so scans are ruled out here.
    const rows = await this.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      await sql.raw(`set local pg_trgm.similarity_threshold = ${SIMILAR}`).execute(tx);
      await sql.raw(`set local pg_trgm.word_similarity_threshold = ${SIMILAR_WORDS}`).execute(tx);
      return sql<EntityHit & { total: number }>`
      with terms as (
        select t.text, case when ${query.compact}::text <> '' and t.text like ${`%${escapeLike(query.compact)}%`} then 1
                            else greatest(similarity(t.text, ${query.text}::text), 0.9 * word_similarity(${query.text}::text, t.text),
                                          0.5 * (t.codes && ${codesOf(query)}::text[])::int) end as score
        from search_terms t
        where ${sql.join(conditions, sql` or `)}
        order by score desc, t.text
        limit ${TERMS}
      ),
      hits as (
        -- Each term's records looked up by the index, at most a few hundred per term whatever
        -- the statistics say (a common name must never turn into a scan of every record).
        select r.entity_id, r.kind, max(terms.score) as score
        from terms cross join lateral (
          select x.entity_id, x.kind from entity_records x
          where x.search_text = terms.text and x.entity_id is not null ${ofKind} limit ${RECORDS_PER_TERM}
        ) r
        group by r.entity_id, r.kind
        order by score desc, r.entity_id
        limit ${query.mostCounted + 1}
      ),
      ranked as (
        select h.*, row_number() over (partition by h.kind order by h.score desc, h.entity_id) as n,
               count(*) over (partition by h.kind) as total
        from hits h
      )
      select e.id, e.kind, e.label, h.score, h.total::int as total, count(distinct x.report_id)::int as reports, max(p.received_at) as latest
      from ranked h join entities e on e.id = h.entity_id
        join entity_records x on x.entity_id = e.id join reports p on p.id = x.report_id
      where h.n > ${query.offset} and h.n <= ${query.offset + query.limit}
      group by e.id, e.kind, e.label, h.score, h.total, h.n
      order by e.kind, h.n`.execute(tx);
    });
    const counts = new Map<EntityKind, number>();
    for (const r of rows.rows) counts.set(r.kind, r.total);
    const counted = [...counts.values()].reduce((a, b) => a + b, 0);
    return {
      hits: rows.rows.map(({ total: _, ...r }) => ({ ...r, score: Number(r.score) })),
      counts,
      capped: counted > query.mostCounted,
    };
  }

  /** For each person, what tells them from namesakes: the commonest date of birth and nationality their records give, their roles, the area of their latest report. */
  async personDetails(ids: readonly string[]): Promise<PersonDetailsRow[]> {
    if (ids.length === 0) return [];
    const rows = await sql<PersonDetailsRow>`
      select x.entity_id,
             mode() within group (order by x.attributes->>'dob') filter (where coalesce(x.attributes->>'dob', '') <> '') as dob,
             mode() within group (order by x.attributes->>'nationality') filter (where coalesce(x.attributes->>'nationality', '') <> '') as nationality,
             array_agg(distinct x.role) filter (where x.role is not null) as roles,
             (array_agg(p.local_authority order by p.received_at desc) filter (where p.local_authority is not null))[1] as area
      from entity_records x join reports p on p.id = x.report_id
      where x.entity_id = any(${[...ids]}::uuid[]) and x.kind = 'person'
      group by x.entity_id`.execute(this.db);
    return rows.rows;
  }

  /**
   * Reports whose words match, best first, a page at a time, with how many match (up to
   * `mostCounted`); a report's reference or its reporter's code, however typed, finds that report
   * at the top.
   */
  async searchReports(text: string, page: { offset: number; limit: number; mostCounted: number }): Promise<{ hits: ReportHit[]; total: number }> {
    if (!text.trim()) return { hits: [], total: 0 };
    const matching = sql`
      from (select p.*, websearch_to_tsquery('simple', ${text}) as qs, websearch_to_tsquery('english', ${text}) as qe from reports p) p
      where summary_words @@ qs or (numnode(qe) > 0 and summary_stems @@ qe)`;
    const [byReference, words, counted] = await Promise.all([
      sql<ReportHit>`
      select id, reference, received_at, source, grading, left(summary, 240) as snippet
      from reports where id in (${reportsByReference(text)})
      order by received_at desc limit ${page.offset + page.limit}`.execute(this.db),
      // Every word as written (any language) or, in English, by its stem: "passports" finds
      // "passport", "nail bars" finds "nail bar"; a quoted phrase, the words in that order.
      sql<ReportHit>`
      select id, reference, received_at, source, grading,
             ts_headline('english', summary, qe, 'MaxWords=30, MinWords=10, StartSel=«, StopSel=»') as snippet
      ${matching}
      order by greatest(ts_rank(summary_words, qs), ts_rank(summary_stems, qe)) desc, received_at desc, id
      limit ${page.offset + page.limit}`.execute(this.db),
      sql<{ n: number }>`select count(*)::int as n from (select 1 ${matching} limit ${page.mostCounted + 1}) m`.execute(this.db),
    ]);
    const found = new Set(byReference.rows.map((r) => r.id));
    const all = [...byReference.rows, ...words.rows.filter((r) => !found.has(r.id))];
    const alsoByWords = words.rows.filter((r) => found.has(r.id)).length;
    return { hits: all.slice(page.offset, page.offset + page.limit), total: counted.rows[0]!.n + byReference.rows.length - alsoByWords };
  }

  /**
   * Things (phones, vehicles, businesses, accounts…) mentioned both in a report of one side and in
   * a report of the other, each side being a person (all their reports) or, unresolved, one record.
   */
  async sharedMentions(
    a: { recordId: string; entityId: string | null },
    b: { recordId: string; entityId: string | null },
    limit = 20,
  ): Promise<{ id: string; kind: EntityKind; label: string }[]> {
    const reportsOf = (side: { recordId: string; entityId: string | null }) =>
      side.entityId
        ? sql`select report_id from entity_records where entity_id = ${side.entityId}::uuid`
        : sql`select report_id from entity_records where id = ${side.recordId}::uuid`;
    const mentioned = (side: { recordId: string; entityId: string | null }) =>
      sql`select entity_id from entity_records where report_id in (${reportsOf(side)}) and kind <> 'person' and entity_id is not null`;
    const rows = await sql<{ id: string; kind: EntityKind; label: string }>`
      select e.id, e.kind, e.label from entities e
      where e.id in (${mentioned(a)} intersect ${mentioned(b)})
      order by e.kind, e.label limit ${limit}`.execute(this.db);
    return rows.rows;
  }

  async entity(id: string): Promise<{ id: string; kind: EntityKind; label: string; merged_into: string | null; created_at: Date } | undefined> {
    return this.db.selectFrom('entities').select(['id', 'kind', 'label', 'merged_into', 'created_at']).where('id', '=', id).executeTakeFirst();
  }

  async lockEntities(ids: readonly string[]): Promise<void> {
    await sql`select id from entities where id = any(${[...ids]}::uuid[]) order by id for update`.execute(this.db);
  }

  /** Every record of an entity with its report: where each fact came from, when, and how it is graded. */
  async sources(entityId: string): Promise<SourceRecord[]> {
    return this.recordsWithReports(sql`r.entity_id = ${entityId}`);
  }

  /** Records of the given ids with their reports (for the review queue). */
  async records(ids: readonly string[]): Promise<(SourceRecord & { entity_id: string | null })[]> {
    return this.recordsWithReports(sql`r.id = any(${[...ids]}::uuid[])`);
  }

  private async recordsWithReports(where: RawBuilder<unknown>): Promise<(SourceRecord & { entity_id: string | null })[]> {
    const rows = await sql<SourceRecord & { entity_id: string | null }>`
      select r.id, r.kind, r.role, r.attributes, r.resolved_by, r.match_probability, r.entity_id,
             p.id as report_id, p.reference, p.source, p.received_at, p.occurred, p.grading, p.summary, p.created_by
      from entity_records r join reports p on p.id = r.report_id
      where ${where}
      order by p.received_at, r.id`.execute(this.db);
    return rows.rows;
  }

  /** Entities mentioned in the same reports as this one, with those reports (the links and their provenance). */
  async linked(entityId: string, limit = 200): Promise<LinkedEntity[]> {
    const rows = await sql<LinkedEntity>`
      with mine as (select id from entity_records where entity_id = ${entityId}),
      pairs as (
        select l.to_record as other, l.report_id from record_links l join mine on mine.id = l.from_record
        union
        select l.from_record, l.report_id from record_links l join mine on mine.id = l.to_record
      )
      select e.id, e.kind, e.label,
             coalesce(array_agg(distinct o.role) filter (where o.role is not null), '{}') as roles,
             jsonb_agg(distinct jsonb_build_object('id', p.id, 'reference', p.reference, 'received_at', p.received_at, 'grading', p.grading)) as reports
      from pairs join entity_records o on o.id = pairs.other
        join entities e on e.id = o.entity_id join reports p on p.id = pairs.report_id
      where e.id <> ${entityId}
      group by e.id, e.kind, e.label
      order by count(distinct p.id) desc, e.label
      limit ${limit}`.execute(this.db);
    return rows.rows.map((r) => ({ ...r, reports: r.reports.map((x) => ({ ...x, received_at: new Date(x.received_at) })) }));
  }

  /** Merges and splits that moved records into or out of this entity, newest first. */
  async changes(entityId: string): Promise<ChangeRow[]> {
    const rows = await sql<ChangeRow>`
      select c.id, c.action, c.actor_id, u.display_name as actor_name, c.review_pair_id, c.undoes, c.undone_by, c.created_at,
             (select jsonb_agg(jsonb_build_object('record_id', m.record_id, 'from_entity', m.from_entity, 'to_entity', m.to_entity))
                from entity_moves m where m.change_id = c.id) as moves
      from entity_changes c left join users u on u.id = c.actor_id
      where c.id in (select change_id from entity_moves where from_entity = ${entityId} or to_entity = ${entityId})
      order by c.created_at desc, c.id`.execute(this.db);
    return rows.rows;
  }

  async change(id: string): Promise<ChangeRow | undefined> {
    const rows = await sql<ChangeRow>`
      select c.id, c.action, c.actor_id, null as actor_name, c.review_pair_id, c.undoes, c.undone_by, c.created_at,
             coalesce((select jsonb_agg(jsonb_build_object('record_id', m.record_id, 'from_entity', m.from_entity, 'to_entity', m.to_entity))
                from entity_moves m where m.change_id = c.id), '[]') as moves
      from entity_changes c where c.id = ${id} for update of c`.execute(this.db);
    return rows.rows[0];
  }

  /** Records a change and moves its records, all or nothing (the caller's transaction). */
  async applyChange(change: {
    id: string;
    action: 'merge' | 'split' | 'undo';
    actorId: string | null;
    reviewPairId?: string | null;
    undoes?: string | null;
    moves: readonly Move[];
  }): Promise<void> {
    await this.db
      .insertInto('entity_changes')
      .values({ id: change.id, action: change.action, actor_id: change.actorId, review_pair_id: change.reviewPairId ?? null, undoes: change.undoes ?? null })
      .execute();
    if (change.undoes) await this.db.updateTable('entity_changes').set({ undone_by: change.id }).where('id', '=', change.undoes).execute();
    if (change.moves.length === 0) return;
    const moves = change.moves;
    await sql`
      insert into entity_moves (change_id, record_id, from_entity, to_entity)
      select ${change.id}, * from unnest(${moves.map((m) => m.recordId)}::uuid[], ${moves.map((m) => m.from)}::uuid[], ${moves.map((m) => m.to)}::uuid[])`.execute(
      this.db,
    );
    await sql`
      update entity_records r set entity_id = m.to_entity, resolved_by = 'analyst'
      from unnest(${moves.map((m) => m.recordId)}::uuid[], ${moves.map((m) => m.from)}::uuid[], ${moves.map((m) => m.to)}::uuid[]) as m(record_id, from_entity, to_entity)
      where r.id = m.record_id and r.entity_id = m.from_entity`.execute(this.db);
  }

  async recordIds(entityId: string): Promise<{ id: string; entity_id: string }[]> {
    return this.db.selectFrom('entity_records').select(['id', 'entity_id as entity_id']).where('entity_id', '=', entityId).orderBy('id').execute() as Promise<
      { id: string; entity_id: string }[]
    >;
  }

  async currentEntities(recordIds: readonly string[]): Promise<Map<string, string | null>> {
    if (recordIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('entity_records')
      .select(['id', 'entity_id'])
      .where('id', 'in', [...recordIds])
      .execute();
    return new Map(rows.map((r) => [r.id, r.entity_id]));
  }

  async createEntity(entity: { id: string; kind: EntityKind; label: string }): Promise<void> {
    await this.db.insertInto('entities').values(entity).execute();
  }

  async setLabel(id: string, label: string): Promise<void> {
    await this.db.updateTable('entities').set({ label }).where('id', '=', id).execute();
  }

  async setMergedInto(ids: readonly string[], into: string | null): Promise<void> {
    if (ids.length > 0)
      await this.db
        .updateTable('entities')
        .set({ merged_into: into })
        .where('id', 'in', [...ids])
        .execute();
  }

  /** Where an entity went, following merges to the entity that holds its records now. */
  async mergedTarget(id: string): Promise<string | null> {
    const rows = await sql<{ id: string }>`
      with recursive chain(id, merged_into, depth) as (
        select id, merged_into, 0 from entities where id = ${id}
        union all
        select e.id, e.merged_into, c.depth + 1 from entities e join chain c on e.id = c.merged_into where c.depth < 50
      )
      select id from chain where merged_into is null order by depth desc limit 1`.execute(this.db);
    return rows.rows[0]?.id ?? null;
  }

  /**
   * The next open review pair: skipped pairs last, then the surest first; pairs whose records have
   * meanwhile come together (or whose records were removed) are passed over.
   */
  async nextReviewPair(): Promise<ReviewPairRow | undefined> {
    const rows = await sql<ReviewPairRow>`
      select q.id, q.record_a, q.record_b, q.probability, q.pattern, q.evidence, q.status, q.skipped_at
      from review_pairs q join entity_records a on a.id = q.record_a join entity_records b on b.id = q.record_b
      where q.status = 'open' and a.entity_id is distinct from b.entity_id
      order by q.skipped_at nulls first, q.probability desc, q.id
      limit 1`.execute(this.db);
    return rows.rows[0];
  }

  /**
   * Open pairs whose records are still apart, counted up to `upTo` and no further: a picture of a
   * million people can hold a quarter of a million open pairs, and counting them all took four
   * seconds on every look at the queue.
   */
  async openReviewCount(upTo: number): Promise<number> {
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from (
        select 1 from review_pairs q join entity_records a on a.id = q.record_a join entity_records b on b.id = q.record_b
        where q.status = 'open' and a.entity_id is distinct from b.entity_id limit ${upTo}
      ) open`.execute(this.db);
    return rows.rows[0]?.n ?? 0;
  }

  async reviewPair(id: string): Promise<ReviewPairRow | undefined> {
    const rows = await sql<ReviewPairRow>`
      select id, record_a, record_b, probability, pattern, evidence, status, skipped_at from review_pairs where id = ${id} for update`.execute(this.db);
    return rows.rows[0];
  }

  async decideReviewPair(id: string, status: 'accepted' | 'rejected', by: string | null): Promise<void> {
    await this.db.updateTable('review_pairs').set({ status, decided_by: by, decided_at: new Date() }).where('id', '=', id).execute();
  }

  async skipReviewPair(id: string): Promise<void> {
    await this.db.updateTable('review_pairs').set({ skipped_at: new Date() }).where('id', '=', id).execute();
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function codesOf(query: EntitySearch): string[] {
  return [...new Set(query.codeSets.flat())];
}
