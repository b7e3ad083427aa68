import { sql, type Kysely } from 'kysely';
import type { DB, EntityKind } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';

export interface PendingRecord {
  id: string;
  kind: EntityKind;
  report_id: string;
  attributes: Record<string, string>;
}

export interface CandidateRecord {
  id: string;
  entity_id: string;
  attributes: Record<string, string>;
}

export interface Assignment {
  readonly recordId: string;
  readonly entityId: string;
  readonly key: string | null;
  readonly resolvedBy: 'key' | 'model' | 'new';
  readonly probability: number | null;
}

/** Stores the picture: records taken from reports, the entities they resolve to, and their links. */
export class PictureRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  /** Runs `work` in one transaction, with a repository bound to it and an audit append in the same transaction. */
  transaction<T>(work: (picture: PictureRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    const audit = this.audit;
    if (!audit) throw new Error('this repository cannot audit');
    return this.db.transaction().execute((tx) =>
      work(new PictureRepository(tx), async (event) => {
        await audit.appendIn(tx, event);
      }),
    );
  }

  /**
   * Takes every person, phone, vehicle, business and address of the given reports (all reports when
   * null) as unresolved records, and links the records of each report together. Idempotent.
   */
  async extract(reportIds: readonly string[] | null): Promise<void> {
    const which = (column: string) => (reportIds === null ? sql`true` : sql`${sql.ref(column)} = any(${[...reportIds]}::uuid[])`);
    await sql`
      insert into entity_records (id, kind, report_id, role, attributes)
      select id, 'person', report_id, role, jsonb_strip_nulls(jsonb_build_object(
        'givenName', given_name, 'familyName', family_name, 'dob', dob::text, 'gender', gender, 'nationality', nationality,
        'phone', phone, 'address', address, 'postcode', postcode, 'town', town))
      from report_persons where ${which('report_id')}
      union all
      select id, 'phone', report_id, null, jsonb_build_object('number', number) from report_phones where ${which('report_id')}
      union all
      select id, 'vehicle', report_id, null, jsonb_strip_nulls(jsonb_build_object('registration', registration, 'make', make, 'model', model, 'colour', colour))
      from report_vehicles where ${which('report_id')}
      union all
      select id, 'business', report_id, null, jsonb_strip_nulls(jsonb_build_object('name', name, 'kind', kind, 'address', address, 'postcode', postcode, 'town', town))
      from report_businesses where ${which('report_id')}
      union all
      select id, 'address', report_id, null, jsonb_strip_nulls(jsonb_build_object('address', address, 'postcode', postcode, 'town', town, 'description', description))
      from report_addresses where ${which('report_id')}
      on conflict (id) do nothing`.execute(this.db);
    await sql`
      insert into record_links (from_record, to_record, report_id)
      select a.id, b.id, a.report_id from entity_records a join entity_records b on b.report_id = a.report_id and a.id < b.id
      where ${which('a.report_id')}
      on conflict do nothing`.execute(this.db);
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
      select key, id, entity_id, attributes from (
        select k.key, r.id, r.entity_id, r.attributes,
               row_number() over (partition by k.key, r.entity_id order by r.created_at desc, r.id) as n
        from person_block_keys k join entity_records r on r.id = k.record_id
        where k.key = any(${[...new Set(keys)]}::float8[]) and r.entity_id is not null
      ) c where n <= ${perEntity}`.execute(this.db);
    return rows.rows.map((r) => ({ ...r, key: Number(r.key) }));
  }

  async createEntities(entities: readonly { id: string; kind: EntityKind; label: string }[]): Promise<void> {
    if (entities.length > 0)
      await this.db
        .insertInto('entities')
        .values([...entities])
        .execute();
  }

  async assign(assignments: readonly Assignment[]): Promise<void> {
    if (assignments.length === 0) return;
    await sql`
      update entity_records r set entity_id = a.entity_id, key = a.key, resolved_by = a.resolved_by, match_probability = a.probability
      from unnest(${assignments.map((a) => a.recordId)}::uuid[], ${assignments.map((a) => a.entityId)}::uuid[], ${assignments.map((a) => a.key)}::text[],
                  ${assignments.map((a) => a.resolvedBy)}::text[], ${assignments.map((a) => a.probability)}::float8[])
        as a(record_id, entity_id, key, resolved_by, probability)
      where r.id = a.record_id`.execute(this.db);
  }

  async addBlockKeys(rows: readonly { key: number; recordId: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      insert into person_block_keys (key, record_id)
      select * from unnest(${rows.map((r) => r.key)}::float8[], ${rows.map((r) => r.recordId)}::uuid[]) on conflict do nothing`.execute(this.db);
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
