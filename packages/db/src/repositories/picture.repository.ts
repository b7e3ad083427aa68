import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB, EntityKind } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { auditedTransaction } from './audited-transaction';

/**
 * What a link between records `a` and `b` of report `p` says, and which way it runs
 * (`from_record`, `to_record`): from the parts the report gives its people and whose phone and
 * home is whose (a person's own phone and address records are derived from theirs). Call data:
 * the caller called. A suspect controls a potential victim and drives a vehicle; a person uses
 * their phone and lives at their address; a potential victim works at a business. Turned to run
 * from the one who acts; anything else was only mentioned together, stored lower id first.
 */
const LINK_TYPING = sql`
  select r.relation, x.actor as from_record, case when x.actor = a.id then b.id else a.id end as to_record
  from (select case
    when p.source = 'call_data' then 'called'
    when a.kind = 'person' and b.id = md5(a.id::text || ':phone')::uuid then 'uses_phone'
    when b.kind = 'person' and a.id = md5(b.id::text || ':phone')::uuid then 'uses_phone'
    when a.kind = 'person' and b.id = md5(a.id::text || ':address')::uuid then 'lives_at'
    when b.kind = 'person' and a.id = md5(b.id::text || ':address')::uuid then 'lives_at'
    when a.role = 'suspect' and b.role = 'potential_victim' then 'controls'
    when b.role = 'suspect' and a.role = 'potential_victim' then 'controls'
    when a.role = 'potential_victim' and b.kind = 'business' then 'works_at'
    when b.role = 'potential_victim' and a.kind = 'business' then 'works_at'
    when a.role = 'suspect' and b.kind = 'vehicle' then 'drives'
    when b.role = 'suspect' and a.kind = 'vehicle' then 'drives'
    else 'mentioned' end as relation) r
  cross join lateral (select case
    when r.relation = 'mentioned' then least(a.id, b.id)
    when r.relation = 'called' then a.id
    when r.relation = 'controls' then (case when a.role = 'suspect' then a.id else b.id end)
    else (case when a.kind = 'person' then a.id else b.id end) end as actor) x`;

/** The advisory lock held while records are resolved (the audit and migration locks are 4_801_337-8). */
const RESOLUTION_LOCK = 4_801_339;

export interface PendingRecord {
  id: string;
  kind: EntityKind;
  report_id: string;
  attributes: Record<string, string>;
}

export interface PlaceRow {
  id: string;
  kind: EntityKind;
  entity_id: string;
  key: string | null;
  attributes: Record<string, string>;
  search_text: string;
}

export interface StoredPersonRow {
  id: string;
  entity_id: string;
  report_id: string;
  attributes: Record<string, string>;
}

export interface CandidateRecord {
  id: string;
  entity_id: string;
  report_id: string;
  attributes: Record<string, string>;
}

export interface Assignment {
  readonly recordId: string;
  readonly entityId: string;
  readonly key: string | null;
  readonly resolvedBy: 'key' | 'model' | 'new';
  readonly probability: number | null;
  /** How the search box finds the record (see core `searchEntry`). */
  readonly searchText: string;
  readonly searchCodes: readonly string[];
}

export interface NewReviewPair {
  readonly id: string;
  readonly recordA: string;
  readonly recordB: string;
  readonly probability: number;
  readonly pattern: number;
  readonly evidence: unknown;
}

export interface PictureSettings {
  readonly autoMerge: number;
  readonly review: number;
  readonly updatedAt: Date | null;
  readonly updatedBy: string | null;
}

/** The team's thresholds until it sets its own. */
export const DEFAULT_PICTURE_SETTINGS: PictureSettings = { autoMerge: 0.95, review: 0.5, updatedAt: null, updatedBy: null };

export interface StoredModel {
  readonly id: string;
  readonly model: unknown;
  readonly records: number;
  readonly decisions: number;
  readonly trainedAt: Date;
  readonly trainedBy: string | null;
}

/** Stores the picture: records taken from reports, the entities they resolve to, and their links. */
export class PictureRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  /** Runs `work` in one transaction, with a repository bound to it and an audit append in the same transaction. */
  transaction<T>(work: (picture: PictureRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return auditedTransaction(this.db, this.audit, (tx) => new PictureRepository(tx), work);
  }

  /**
   * Takes every person, phone, vehicle, business, address, online account, bank account and
   * document of the given reports (all reports when null) as unresolved records, and links the
   * records of each report together (call data: the numbers that called each other). Idempotent.
   */
  async extract(reportIds: readonly string[] | null | 'unpictured'): Promise<void> {
    const which = (column: string) =>
      reportIds === null
        ? sql`true`
        : reportIds === 'unpictured'
          ? sql`${sql.ref(column)} in (select id from reports where pictured_at is null)`
          : sql`${sql.ref(column)} = any(${[...reportIds]}::uuid[])`;
    await sql`
      insert into entity_records (id, kind, report_id, role, attributes)
      -- A person without a town of their own is placed where the report places them.
      select p.id, 'person', p.report_id, p.role, jsonb_strip_nulls(jsonb_build_object(
        'givenName', p.given_name, 'familyName', p.family_name, 'dob', p.dob::text, 'gender', p.gender, 'nationality', p.nationality,
        'phone', p.phone, 'address', p.address, 'postcode', p.postcode, 'town', coalesce(p.town, r.town)))
      from report_persons p join reports r on r.id = p.report_id where ${which('p.report_id')}
      union all
      -- A person's own phone and address are entities too, linked to them through the report
      -- (ids derived from the person's, so extracting twice adds nothing).
      select md5(p.id::text || ':phone')::uuid, 'phone', p.report_id, null, jsonb_build_object('number', p.phone)
      from report_persons p where p.phone is not null and ${which('p.report_id')}
      union all
      select md5(p.id::text || ':address')::uuid, 'address', p.report_id, null,
             jsonb_strip_nulls(jsonb_build_object('address', p.address, 'postcode', p.postcode, 'town', p.town))
      from report_persons p where p.address is not null and ${which('p.report_id')}
      union all
      select id, 'phone', report_id, null, jsonb_build_object('number', number) from report_phones where ${which('report_id')}
      union all
      select id, 'vehicle', report_id, null, jsonb_strip_nulls(jsonb_build_object('registration', registration, 'make', make, 'model', model, 'colour', colour))
      from report_vehicles where ${which('report_id')}
      union all
      -- A business without a place of its own is looked for in the report's town (see core \`businessIdentity\`).
      select b.id, 'business', b.report_id, null, jsonb_strip_nulls(jsonb_build_object(
        'name', b.name, 'kind', b.kind, 'address', b.address, 'postcode', b.postcode, 'town', b.town, 'reportTown', r.town))
      from report_businesses b join reports r on r.id = b.report_id where ${which('b.report_id')}
      union all
      select id, 'address', report_id, null, jsonb_strip_nulls(jsonb_build_object('address', address, 'postcode', postcode, 'town', town, 'description', description))
      from report_addresses where ${which('report_id')}
      union all
      select id, 'online', report_id, null, jsonb_strip_nulls(jsonb_build_object('identifier', identifier, 'platform', platform, 'description', description))
      from report_online where ${which('report_id')}
      union all
      select id, 'bank_account', report_id, null, jsonb_strip_nulls(jsonb_build_object(
        'bank', bank, 'sortCode', sort_code, 'accountNumber', account_number, 'iban', iban, 'holder', holder))
      from report_bank_accounts where ${which('report_id')}
      union all
      select id, 'document', report_id, null, jsonb_strip_nulls(jsonb_build_object(
        'type', type, 'number', number, 'country', country, 'holder', holder, 'description', description))
      from report_documents where ${which('report_id')}
      on conflict (id) do nothing`.execute(this.db);
    // Each pair of a report's records, saying what the report makes of them (see LINK_TYPING).
    await sql`
      insert into record_links (from_record, to_record, report_id, relation)
      select t.from_record, t.to_record, a.report_id, t.relation
      from entity_records a join entity_records b on b.report_id = a.report_id and a.id < b.id
        join reports p on p.id = a.report_id
        cross join lateral (${LINK_TYPING}) t
      where ${which('a.report_id')} and p.source <> 'call_data'
      on conflict do nothing`.execute(this.db);
    // Call data links only the numbers that called each other.
    await sql`
      insert into record_links (from_record, to_record, report_id, relation)
      select c.from_phone, c.to_phone, c.report_id, 'called' from report_calls c where ${which('c.report_id')}
      on conflict do nothing`.execute(this.db);
  }

  /**
   * Says again what each stored link of the chosen reports (a condition on `a.report_id`) is, by
   * today's rule (LINK_TYPING): for links stored before links had types. Returns how many changed.
   */
  async typeLinks(reports: RawBuilder<unknown> = sql`true`): Promise<number> {
    const result = await sql`
      with typed as (
        select l.from_record as was_from, l.to_record as was_to, t.*
        from record_links l
          join entity_records a on a.id = l.from_record
          join entity_records b on b.id = l.to_record
          join reports p on p.id = l.report_id
          cross join lateral (${LINK_TYPING}) t
        where ${reports}
      )
      update record_links l
      set relation = t.relation, from_record = t.from_record, to_record = t.to_record
      from typed t
      where l.from_record = t.was_from and l.to_record = t.was_to
        and (l.relation <> t.relation or l.from_record <> t.from_record)`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** Whether any report waits to be taken into the picture, or any record to be resolved (two index probes). */
  async hasPending(): Promise<boolean> {
    const found = await sql<{ pending: boolean }>`
      select exists (select 1 from reports where pictured_at is null)
        or exists (select 1 from entity_records where entity_id is null) as pending`.execute(this.db);
    return found.rows[0]?.pending === true;
  }

  /**
   * Takes up to `limit` reports not yet in the picture (oldest first, locked so two workers never
   * take the same ones), extracts their records and marks them. Returns how many it took.
   */
  async extractPending(limit: number): Promise<number> {
    const taken = await sql<{ id: string }>`
      select id from reports where pictured_at is null order by received_at, id limit ${limit} for update skip locked`.execute(this.db);
    const ids = taken.rows.map((r) => r.id);
    if (ids.length === 0) return 0;
    await this.extract(ids);
    await sql`update reports set pictured_at = now() where id = any(${ids}::uuid[])`.execute(this.db);
    return ids.length;
  }

  /** Takes every report not yet in the picture at once (bulk building); returns how many. */
  async extractAllPending(): Promise<number> {
    await this.extract('unpictured');
    const marked = await sql`update reports set pictured_at = now() where pictured_at is null`.execute(this.db);
    return Number(marked.numAffectedRows ?? 0);
  }

  /** Whether any person is resolved yet (bulk building is for a picture with no people in it). */
  async hasResolvedPeople(): Promise<boolean> {
    const row = await sql<{ one: number }>`select 1 as one from entity_records where kind = 'person' and entity_id is not null limit 1`.execute(this.db);
    return row.rows.length > 0;
  }

  /** A page of unresolved records after `after` (by id), for bulk building. */
  async pendingPage(after: string | null, limit: number): Promise<PendingRecord[]> {
    const rows = await sql<PendingRecord>`
      select id, kind, report_id, attributes from entity_records
      where entity_id is null and id > ${after ?? '00000000-0000-0000-0000-000000000000'}::uuid
      order by id limit ${limit}`.execute(this.db);
    return rows.rows;
  }

  /**
   * Makes resolution one worker at a time, until this transaction ends. Two workers resolving at
   * once cannot see each other's uncommitted entities: both would make a new person, or a new
   * phone, for the same number.
   */
  async lockResolution(): Promise<void> {
    await sql`select pg_advisory_xact_lock(${RESOLUTION_LOCK})`.execute(this.db);
  }

  /** Unresolved records, oldest first; locked so that two workers never take the same ones. */
  async pending(limit: number): Promise<PendingRecord[]> {
    const result = await sql<PendingRecord>`
      select id, kind, report_id, attributes from entity_records where entity_id is null
      order by created_at, id limit ${limit} for update skip locked`.execute(this.db);
    return result.rows;
  }

  /** The entity already holding each (kind, key), if any. */
  async entitiesByKey(keys: readonly { kind: EntityKind; key: string }[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows = await sql<{ kind: string; key: string; entity_id: string }>`
      select distinct on (kind, key) kind, key, entity_id from entity_records
      where entity_id is not null and (kind, key) in (select * from unnest(${keys.map((k) => k.kind)}::text[], ${keys.map((k) => k.key)}::text[]))
      order by kind, key, created_at`.execute(this.db);
    return new Map(rows.rows.map((r) => [`${r.kind}|${r.key}`, r.entity_id]));
  }

  /**
   * Resolved person records sharing a blocking key with any of the given keys, with the keys they
   * share: at most `perEntity` recent records of each known person per key, so a person reported
   * a thousand times costs a few comparisons, not a thousand.
   */
  async personCandidates(keys: readonly number[], perEntity = 3): Promise<(CandidateRecord & { key: number })[]> {
    if (keys.length === 0) return [];
    const rows = await sql<CandidateRecord & { key: number }>`
      select key, id, entity_id, report_id, attributes from (
        select k.key, r.id, r.entity_id, r.report_id, r.attributes,
               row_number() over (partition by k.key, r.entity_id order by r.created_at desc, r.id) as n
        from person_block_keys k join entity_records r on r.id = k.record_id
        where k.key = any(${[...new Set(keys)]}::float8[]) and r.entity_id is not null
      ) c where n <= ${perEntity}`.execute(this.db);
    return rows.rows.map((r) => ({ ...r, key: Number(r.key) }));
  }

  /** What each report mentions besides people, as `kind|identity`, among records already resolved. */
  async reportMentions(reportIds: readonly string[]): Promise<Map<string, string[]>> {
    if (reportIds.length === 0) return new Map();
    const rows = await sql<{ report_id: string; mentions: string[] }>`
      select report_id, array_agg(distinct kind || '|' || key) as mentions from entity_records
      where report_id = any(${[...reportIds]}::uuid[]) and kind <> 'person' and key is not null and entity_id is not null
      group by report_id`.execute(this.db);
    return new Map(rows.rows.map((r) => [r.report_id, r.mentions]));
  }

  /** Which of these entities appear in a report that also mentions any of these things (`kind|identity`). */
  async entitiesMentionedWith(entityIds: readonly string[], mentions: readonly string[]): Promise<Set<string>> {
    if (entityIds.length === 0 || mentions.length === 0) return new Set();
    const rows = await sql<{ entity_id: string }>`
      select distinct p.entity_id from entity_records p
      join entity_records o on o.report_id = p.report_id and o.kind <> 'person' and o.key is not null
      where p.entity_id = any(${[...entityIds]}::uuid[]) and (o.kind || '|' || o.key) = any(${[...mentions]}::text[])`.execute(this.db);
    return new Set(rows.rows.map((r) => r.entity_id));
  }

  /** How many records each of these entities has. */
  async entitySizes(entityIds: readonly string[]): Promise<Map<string, number>> {
    if (entityIds.length === 0) return new Map();
    const rows = await sql<{ entity_id: string; records: number }>`
      select entity_id, count(*)::int as records from entity_records where entity_id = any(${[...entityIds]}::uuid[]) group by entity_id`.execute(this.db);
    return new Map(rows.rows.map((r) => [r.entity_id, r.records]));
  }

  /** The attributes of every record of these entities, by entity (to name a person from all of them). */
  async recordAttributesOf(entityIds: readonly string[]): Promise<Map<string, Record<string, string>[]>> {
    const found = new Map<string, Record<string, string>[]>();
    if (entityIds.length === 0) return found;
    const rows = await sql<{ entity_id: string; attributes: Record<string, string> }>`
      select entity_id, attributes from entity_records where entity_id = any(${[...entityIds]}::uuid[])`.execute(this.db);
    for (const row of rows.rows) found.set(row.entity_id, [...(found.get(row.entity_id) ?? []), row.attributes]);
    return found;
  }

  async setLabels(labels: readonly { id: string; label: string }[]): Promise<void> {
    if (labels.length === 0) return;
    await sql`
      update entities e set label = x.label
      from unnest(${labels.map((l) => l.id)}::uuid[], ${labels.map((l) => l.label)}::text[]) as x(id, label)
      where e.id = x.id and e.label <> x.label`.execute(this.db);
  }

  async createEntities(entities: readonly { id: string; kind: EntityKind; label: string }[]): Promise<void> {
    if (entities.length > 0)
      await this.db
        .insertInto('entities')
        .values([...entities])
        .execute();
  }

  async assign(chosen: readonly Assignment[]): Promise<void> {
    if (chosen.length === 0) return;
    const forwarded = await this.lockTargets([...new Set(chosen.map((a) => a.entityId))]);
    const assignments = chosen.map((a) => (forwarded.has(a.entityId) ? { ...a, entityId: forwarded.get(a.entityId)! } : a));
    await sql`
      update entity_records r set entity_id = a.entity_id, key = a.key, resolved_by = a.resolved_by, match_probability = a.probability,
        search_text = a.search_text, search_codes = string_to_array(a.search_codes, ' ')
      from unnest(${assignments.map((a) => a.recordId)}::uuid[], ${assignments.map((a) => a.entityId)}::uuid[], ${assignments.map((a) => a.key)}::text[],
                  ${assignments.map((a) => a.resolvedBy)}::text[], ${assignments.map((a) => a.probability)}::float8[],
                  ${assignments.map((a) => a.searchText)}::text[], ${assignments.map((a) => a.searchCodes.join(' '))}::text[])
        as a(record_id, entity_id, key, resolved_by, probability, search_text, search_codes)
      where r.id = a.record_id`.execute(this.db);
    await sql`
      insert into search_terms (text, codes)
      select distinct on (t) t, string_to_array(c, ' ') from unnest(${assignments.map((a) => a.searchText)}::text[], ${assignments.map((a) =>
        a.searchCodes.join(' '),
      )}::text[]) as x(t, c)
      where t <> '' order by t
      on conflict (text) do nothing`.execute(this.db);
  }

  /**
   * The entities records are about to join were chosen from an earlier read, and an analyst's merge
   * may have committed since: a record given to a merged-away entity would be stranded there. Locks
   * them (a merge waits for this transaction, then moves these records along with the rest) and
   * returns, for each one already merged away, the entity it now lives on as.
   */
  private async lockTargets(ids: readonly string[]): Promise<Map<string, string>> {
    const forwarded = new Map<string, string>();
    let looking = [...ids];
    for (let depth = 0; looking.length > 0 && depth < 50; depth++) {
      const rows = await sql<{ id: string; merged_into: string | null }>`
        select id, merged_into from entities where id = any(${looking}::uuid[]) order by id for share`.execute(this.db);
      const mergedAway = rows.rows.filter((r) => r.merged_into !== null);
      for (const { id, merged_into } of mergedAway) {
        for (const [from, to] of forwarded) if (to === id) forwarded.set(from, merged_into!);
        if (ids.includes(id)) forwarded.set(id, merged_into!);
      }
      looking = [...new Set(mergedAway.map((r) => r.merged_into!))];
    }
    return forwarded;
  }

  /**
   * A page of people (entity ids after `after`, in id order), each with their records oldest first,
   * and the last id looked at (a merged-away entity has no records, but the next page starts after it).
   */
  async personPage(
    after: string | null,
    limit: number,
  ): Promise<{ last: string | null; people: { entityId: string; records: { id: string; attributes: Record<string, string> }[] }[] }> {
    const ids = await sql<{ id: string }>`
      select id from entities where kind = 'person' and id > ${after ?? '00000000-0000-0000-0000-000000000000'}::uuid order by id limit ${limit}`.execute(
      this.db,
    );
    if (ids.rows.length === 0) return { last: null, people: [] };
    const rows = await sql<{ entity_id: string; id: string; attributes: Record<string, string> }>`
      select entity_id, id, attributes from entity_records where entity_id = any(${ids.rows.map((r) => r.id)}::uuid[])
      order by entity_id, created_at, id`.execute(this.db);
    const people: { entityId: string; records: { id: string; attributes: Record<string, string> }[] }[] = [];
    for (const row of rows.rows) {
      const current = people[people.length - 1];
      if (current?.entityId === row.entity_id) current.records.push({ id: row.id, attributes: row.attributes });
      else people.push({ entityId: row.entity_id, records: [{ id: row.id, attributes: row.attributes }] });
    }
    return { last: ids.rows[ids.rows.length - 1]!.id, people };
  }

  async addBlockKeys(rows: readonly { key: number; recordId: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      insert into person_block_keys (key, record_id)
      select * from unnest(${rows.map((r) => r.key)}::float8[], ${rows.map((r) => r.recordId)}::uuid[]) on conflict do nothing`.execute(this.db);
  }

  async addReviewPairs(pairs: readonly NewReviewPair[]): Promise<void> {
    if (pairs.length === 0) return;
    await sql`
      insert into review_pairs (id, record_a, record_b, probability, pattern, evidence)
      select id, a, b, p, pattern, evidence from unnest(${pairs.map((p) => p.id)}::uuid[], ${pairs.map((p) => p.recordA)}::uuid[],
        ${pairs.map((p) => p.recordB)}::uuid[], ${pairs.map((p) => p.probability)}::float8[], ${pairs.map((p) => p.pattern)}::float8[],
        ${pairs.map((p) => JSON.stringify(p.evidence))}::jsonb[]) as x(id, a, b, p, pattern, evidence)
      on conflict (record_a, record_b) do nothing`.execute(this.db);
  }

  async settings(): Promise<PictureSettings> {
    const row = await this.db.selectFrom('picture_settings').selectAll().executeTakeFirst();
    return row ? { autoMerge: row.auto_merge, review: row.review, updatedAt: row.updated_at, updatedBy: row.updated_by } : DEFAULT_PICTURE_SETTINGS;
  }

  async saveSettings(autoMerge: number, review: number, by: string | null): Promise<void> {
    await sql`
      insert into picture_settings (id, auto_merge, review, updated_by, updated_at) values (true, ${autoMerge}, ${review}, ${by}, now())
      on conflict (id) do update set auto_merge = excluded.auto_merge, review = excluded.review, updated_by = excluded.updated_by, updated_at = now()`.execute(
      this.db,
    );
  }

  /** The newest stored match model, if any has been trained. */
  async latestModel(): Promise<StoredModel | undefined> {
    const row = await this.db.selectFrom('match_models').selectAll().orderBy('trained_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
    return row && { id: row.id, model: row.model, records: row.records, decisions: row.decisions, trainedAt: row.trained_at, trainedBy: row.trained_by };
  }

  /** The id of the newest model only: cheap enough to ask before every batch. */
  async latestModelId(): Promise<string | undefined> {
    const row = await this.db.selectFrom('match_models').select('id').orderBy('trained_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
    return row?.id;
  }

  /** How many person records there are to learn from, and how many review pairs analysts have decided. */
  async trainingCounts(): Promise<{ records: number; decisions: number }> {
    const row = await sql<{ records: number; decisions: number }>`
      select (select count(*)::int from entity_records where kind = 'person') as records,
             (select count(*)::int from review_pairs where status <> 'open') as decisions`.execute(this.db);
    return row.rows[0]!;
  }

  /** How many models have been stored: the version of the newest. */
  async modelCount(): Promise<number> {
    const row = await sql<{ n: number }>`select count(*)::int as n from match_models`.execute(this.db);
    return row.rows[0]!.n;
  }

  async saveModel(model: { id: string; model: unknown; records: number; decisions: number; trainedBy: string | null }): Promise<void> {
    await this.db
      .insertInto('match_models')
      .values({ id: model.id, model: JSON.stringify(model.model), records: model.records, decisions: model.decisions, trained_by: model.trainedBy })
      .execute();
  }

  /** Every person record's attributes, for training. */
  async personAttributes(): Promise<{ id: string; attributes: Record<string, string> }[]> {
    const rows = await sql<{ id: string; attributes: Record<string, string> }>`select id, attributes from entity_records where kind = 'person'`.execute(
      this.db,
    );
    return rows.rows;
  }

  /**
   * Resolved person records with their entity and report: those of the given entities, or a page of
   * all of them (by id, after `after`), for comparing people with people.
   */
  async personRecordsOf(scope: { entityIds: readonly string[] } | { after: string | null; limit: number }): Promise<StoredPersonRow[]> {
    const rows =
      'entityIds' in scope
        ? await sql<StoredPersonRow>`
            select id, entity_id, report_id, attributes from entity_records
            where kind = 'person' and entity_id = any(${[...scope.entityIds]}::uuid[]) order by id`.execute(this.db)
        : await sql<StoredPersonRow>`
            select id, entity_id, report_id, attributes from entity_records
            where kind = 'person' and entity_id is not null and id > ${scope.after ?? '00000000-0000-0000-0000-000000000000'}::uuid
            order by id limit ${scope.limit}`.execute(this.db);
    return rows.rows;
  }

  /**
   * Entities (people unless `kinds` says otherwise) an analyst has shaped, all or of those given:
   * merged, split or undone by hand, or holding a record of a pair an analyst decided. The model
   * never breaks them up.
   */
  async shapedEntities(entityIds: readonly string[] | null, kinds: readonly EntityKind[] = ['person']): Promise<Set<string>> {
    const among = entityIds ? sql`and r.entity_id = any(${[...entityIds]}::uuid[])` : sql``;
    const rows = await sql<{ entity_id: string }>`
      select distinct r.entity_id from entity_records r
      where r.kind = any(${[...kinds]}::text[]) and r.entity_id is not null ${among} and (
        r.resolved_by = 'analyst'
        or exists (select 1 from review_pairs p where p.status <> 'open' and (p.record_a = r.id or p.record_b = r.id))
        or exists (select 1 from entity_moves m join entity_changes c on c.id = m.change_id
                   where c.actor_id is not null and c.undone_by is null and (m.from_entity = r.entity_id or m.to_entity = r.entity_id)))`.execute(this.db);
    return new Set(rows.rows.map((r) => r.entity_id));
  }

  /**
   * Pairs of person records an analyst kept apart: pairs judged "not the same", and each record an
   * analyst split off (or took back out of a merge, by undoing it) with one record left behind (of
   * those given, or all).
   */
  async keptApart(recordIds: readonly string[] | null): Promise<[string, string][]> {
    const rows = await sql<{ a: string; b: string }>`
      select record_a as a, record_b as b from review_pairs where status = 'rejected'
      union
      select m.record_id as a, (select r.id from entity_records r where r.entity_id = m.from_entity order by r.id limit 1) as b
      from entity_moves m join entity_changes c on c.id = m.change_id
      where c.actor_id is not null and c.undone_by is null
        and (c.action = 'split' or (c.action = 'undo' and exists (select 1 from entity_changes u where u.id = c.undoes and u.action = 'merge')))`.execute(
      this.db,
    );
    const wanted = recordIds && new Set(recordIds);
    return rows.rows.filter((r) => r.b !== null && (!wanted || (wanted.has(r.a) && wanted.has(r.b)))).map((r) => [r.a, r.b]);
  }

  /**
   * The people whose records share any of these blocking keys: the neighbourhood a changed person
   * is compared with. A key held by more than `mostPerKey` records (a common name) is passed over,
   * as the batch resolver passes over a block too large to compare all against all.
   */
  async peopleSharingKeys(keys: readonly number[], mostPerKey: number): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await sql<{ entity_id: string }>`
      with wanted as (
        select key from person_block_keys where key = any(${[...new Set(keys)]}::float8[]) group by key having count(*) <= ${mostPerKey}
      )
      select distinct r.entity_id from person_block_keys k join entity_records r on r.id = k.record_id
      where k.key in (select key from wanted) and r.entity_id is not null`.execute(this.db);
    return rows.rows.map((r) => r.entity_id);
  }

  /** What each report mentions besides people (all reports when null), as `kind|identity`. */
  async allReportMentions(): Promise<Map<string, string[]>> {
    const rows = await sql<{ report_id: string; mentions: string[] }>`
      select report_id, array_agg(distinct kind || '|' || key) as mentions from entity_records
      where kind <> 'person' and key is not null and entity_id is not null group by report_id`.execute(this.db);
    return new Map(rows.rows.map((r) => [r.report_id, r.mentions]));
  }

  /**
   * Moves person records between entities as the model decided, each destination one change (no
   * actor, so an analyst can see and undo it), creating the new entities first; an entity left
   * empty points to where most of its records went. A record that has moved meanwhile stays put.
   */
  async moveByModel(
    created: readonly { id: string; label: string; kind?: EntityKind }[],
    moves: readonly { recordId: string; from: string; to: string }[],
  ): Promise<void> {
    await this.createEntities(created.map((e) => ({ ...e, kind: e.kind ?? 'person' })));
    const byTarget = new Map<string, { recordId: string; from: string; to: string }[]>();
    for (const m of moves) byTarget.set(m.to, [...(byTarget.get(m.to) ?? []), m]);
    const fresh = new Set(created.map((e) => e.id));
    const changes = [...byTarget].map(([to, list]) => ({ id: randomUUID(), action: fresh.has(to) ? 'split' : 'merge', list }));
    if (changes.length === 0) return;
    await sql`
      insert into entity_changes (id, action, actor_id)
      select * from unnest(${changes.map((c) => c.id)}::uuid[], ${changes.map((c) => c.action)}::text[], ${changes.map(() => null)}::uuid[])`.execute(this.db);
    const flat = changes.flatMap((c) => c.list.map((m) => ({ ...m, change: c.id })));
    await sql`
      insert into entity_moves (change_id, record_id, from_entity, to_entity)
      select * from unnest(${flat.map((m) => m.change)}::uuid[], ${flat.map((m) => m.recordId)}::uuid[], ${flat.map((m) => m.from)}::uuid[], ${flat.map((m) => m.to)}::uuid[])`.execute(
      this.db,
    );
    await sql`
      update entity_records r set entity_id = m.to_entity, resolved_by = 'model'
      from unnest(${flat.map((m) => m.recordId)}::uuid[], ${flat.map((m) => m.from)}::uuid[], ${flat.map((m) => m.to)}::uuid[]) as m(record_id, from_entity, to_entity)
      where r.id = m.record_id and r.entity_id = m.from_entity`.execute(this.db);
    // Emptied entities point where their records went; those given records point nowhere.
    await sql`
      update entities e set merged_into = t.to_entity
      from (select distinct on (from_entity) from_entity, to_entity from entity_moves where change_id = any(${changes.map((c) => c.id)}::uuid[])
            group by from_entity, to_entity order by from_entity, count(*) desc, to_entity) t
      where e.id = t.from_entity and not exists (select 1 from entity_records r where r.entity_id = e.id)`.execute(this.db);
    await sql`update entities set merged_into = null where id = any(${[...byTarget.keys()]}::uuid[]) and merged_into is not null`.execute(this.db);
  }

  /** Every resolved address and business record, with its entity and stored key. */
  async placeRecords(): Promise<PlaceRow[]> {
    const rows = await sql<PlaceRow>`
      select id, kind, entity_id, key, attributes, search_text from entity_records
      where kind in ('address', 'business') and entity_id is not null order by id`.execute(this.db);
    return rows.rows;
  }

  /** Stores how the search box finds records, as worked out again, with their terms in the dictionary. */
  async setSearchText(rows: readonly { recordId: string; text: string }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 10_000) {
      const slice = rows.slice(i, i + 10_000);
      await sql`
        update entity_records r set search_text = x.text
        from unnest(${slice.map((k) => k.recordId)}::uuid[], ${slice.map((k) => k.text)}::text[]) as x(id, text) where r.id = x.id`.execute(this.db);
      await sql`
        insert into search_terms (text) select distinct t from unnest(${slice.map((k) => k.text)}::text[]) as x(t) where t <> ''
        on conflict (text) do nothing`.execute(this.db);
    }
  }

  /** Stores records' keys as worked out again. */
  async setKeys(keys: readonly { recordId: string; key: string | null }[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 10_000) {
      const slice = keys.slice(i, i + 10_000);
      await sql`
        update entity_records r set key = x.key
        from unnest(${slice.map((k) => k.recordId)}::uuid[], ${slice.map((k) => k.key)}::text[]) as x(id, key) where r.id = x.id`.execute(this.db);
    }
  }

  /** Whether an upkeep task has been done on this store (see migration 0040). */
  async upkeepDone(task: string): Promise<boolean> {
    return (await sql<{ n: number }>`select count(*)::int as n from picture_upkeep where task = ${task}`.execute(this.db)).rows[0]!.n > 0;
  }

  async markUpkeepDone(task: string): Promise<void> {
    await sql`insert into picture_upkeep (task) values (${task}) on conflict do nothing`.execute(this.db);
  }

  /** People to compare with their neighbours soon (see ResolutionService `compareChanged`). */
  async queueComparison(entityIds: readonly string[]): Promise<void> {
    if (entityIds.length === 0) return;
    await sql`insert into people_to_compare (entity_id) select * from unnest(${[...entityIds]}::uuid[]) on conflict do nothing`.execute(this.db);
  }

  /** Takes up to `limit` people queued for comparison, oldest first. */
  async takeComparisons(limit: number): Promise<string[]> {
    const rows = await sql<{ entity_id: string }>`
      delete from people_to_compare where entity_id in (
        select entity_id from people_to_compare order by queued_at, entity_id limit ${limit} for update skip locked)
      returning entity_id`.execute(this.db);
    return rows.rows.map((r) => r.entity_id);
  }

  async hasQueuedComparisons(): Promise<boolean> {
    return (await sql<{ any: boolean }>`select exists (select 1 from people_to_compare) as any`.execute(this.db)).rows[0]!.any;
  }

  /** How many people hold each name and town (see core `countNames`), replacing what was counted before. */
  async saveNameCounts(counts: readonly { column: string; value: string; people: number }[]): Promise<void> {
    await sql`delete from name_counts`.execute(this.db);
    const totals = new Map<string, number>();
    for (const c of counts) totals.set(c.column, (totals.get(c.column) ?? 0) + c.people);
    const rows = [...counts, ...[...totals].map(([column, people]) => ({ column, value: '', people }))];
    for (let i = 0; i < rows.length; i += 50_000) {
      const slice = rows.slice(i, i + 50_000);
      await sql`
        insert into name_counts (column_name, value, people)
        select * from unnest(${slice.map((r) => r.column)}::text[], ${slice.map((r) => r.value)}::text[], ${slice.map((r) => r.people)}::int[])`.execute(
        this.db,
      );
    }
  }

  /** The counts of these values (`column|value`), with every column's total under `column|`. */
  async nameCounts(values: readonly { column: string; value: string }[]): Promise<Map<string, number>> {
    const rows = await sql<{ column_name: string; value: string; people: number }>`
      select column_name, value, people from name_counts
      where value = '' or (column_name, value) in (select * from unnest(${values.map((v) => v.column)}::text[], ${values.map((v) => v.value)}::text[]))`.execute(
      this.db,
    );
    return new Map(rows.rows.map((r) => [`${r.column_name}|${r.value}`, r.people]));
  }

  /**
   * Tidies up after a bulk build (or, on the embedded store, many records resolved one batch at a
   * time): clears the old versions of every record rewritten and refreshes the planner's
   * statistics. The embedded store has no autovacuum, and without this the index of unresolved
   * records still listed every record, each new report's resolution walking them all (160 ms a
   * report at a million people; bench `picture`).
   */
  async vacuumAndAnalyse(): Promise<void> {
    for (const table of ['reports', 'entity_records', 'entities', 'search_terms', 'person_block_keys', 'record_links', 'review_pairs'])
      await sql`vacuum (analyze) ${sql.table(table)}`.execute(this.db);
  }

  /** Analysts' decided review pairs, as training labels. */
  async decisions(): Promise<{ pattern: number; same: boolean }[]> {
    const rows = await sql<{ pattern: number; status: string }>`select pattern, status from review_pairs where status <> 'open'`.execute(this.db);
    return rows.rows.map((r) => ({ pattern: Number(r.pattern), same: r.status === 'accepted' }));
  }

  /** An entity with every record it came from, each with its report. */
  async entity(id: string) {
    const entity = await this.db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
    if (!entity) return undefined;
    const records = await this.db
      .selectFrom('entity_records as r')
      .innerJoin('reports as p', 'p.id', 'r.report_id')
      .select(['r.id', 'r.kind', 'r.role', 'r.attributes', 'r.resolved_by', 'r.match_probability', 'p.id as report_id', 'p.reference', 'p.received_at'])
      .where('r.entity_id', '=', id)
      .orderBy('p.received_at')
      .execute();
    return { entity, records };
  }

  async counts(): Promise<{ kind: string; entities: number; records: number }[]> {
    const rows = await sql<{ kind: string; entities: string; records: string }>`
      select r.kind, count(distinct r.entity_id) as entities, count(*) as records from entity_records r group by r.kind order by r.kind`.execute(this.db);
    return rows.rows.map((r) => ({ kind: r.kind, entities: Number(r.entities), records: Number(r.records) }));
  }
}
