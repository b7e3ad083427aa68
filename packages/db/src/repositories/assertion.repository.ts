import { sql, type Kysely } from 'kysely';
import type { DB, EntityKind } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';

/** A link an analyst asserted by hand, its ends as the picture now holds them (followed through merges). */
export interface AssertionRow {
  readonly id: string;
  /** Its number in the link graph's sequence. */
  readonly key: number;
  readonly from: string;
  readonly to: string;
  readonly from_kind: EntityKind;
  readonly to_kind: EntityKind;
  readonly from_label: string;
  readonly to_label: string;
  readonly relation: string;
  readonly grading: string;
  readonly note: string;
  readonly asserted_at: Date;
  /** Who asserted it, as the team knows them. */
  readonly asserted_by: string;
  /** Not withdrawn. */
  readonly live: boolean;
}

export interface NewAssertion {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly relation: string;
  readonly grading: string;
  readonly note: string;
  readonly assertedBy: string;
  readonly assertedAt: Date;
}

/** Links asserted by hand: made (with the entity they add, if any), read, and withdrawn. */
export class AssertionRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditRepository,
  ) {}

  /** Every assertion, withdrawn ones too (so link analysis can take them away): for the link graph. */
  async all(): Promise<AssertionRow[]> {
    return this.read(sql`true`);
  }

  /** The standing assertions between two entities as they now are, newest first. */
  async between(a: string, b: string): Promise<AssertionRow[]> {
    return this.read(sql`a.withdrawn_at is null and ((f.id = ${a} and t.id = ${b}) or (f.id = ${b} and t.id = ${a}))`);
  }

  /** The standing assertions from or to an entity as it now is, newest first. */
  async touching(entityId: string): Promise<AssertionRow[]> {
    return this.read(sql`a.withdrawn_at is null and (f.id = ${entityId} or t.id = ${entityId})`);
  }

  async get(id: string): Promise<AssertionRow | undefined> {
    return (await this.read(sql`a.id = ${id}`))[0];
  }

  /** The entity a phone, vehicle or other keyed thing already is in the picture, if any report names it. */
  async entityByKey(kind: EntityKind, key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('entity_records')
      .select('entity_id')
      .where('kind', '=', kind)
      .where('key', '=', key)
      .where('entity_id', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return row?.entity_id ?? undefined;
  }

  /** Stores an assertion, the entity it adds (if any) and its audit entry, all or nothing. */
  async create(assertion: NewAssertion, added: { id: string; kind: EntityKind; label: string } | null, event: AuditEvent): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      if (added) await tx.insertInto('entities').values(added).execute();
      await tx
        .insertInto('link_assertions')
        .values({
          id: assertion.id,
          from_entity: assertion.from,
          to_entity: assertion.to,
          relation: assertion.relation,
          grading: assertion.grading,
          note: assertion.note,
          added_entity: added !== null,
          asserted_by: assertion.assertedBy,
          asserted_at: assertion.assertedAt,
        })
        .execute();
      await this.audit.appendIn(tx, event);
    });
  }

  /** Withdraws a standing assertion with its audit entry; false when there is none standing by that id. */
  async withdraw(id: string, by: string, at: Date, event: AuditEvent): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const result = await tx
        .updateTable('link_assertions')
        .set({ withdrawn_by: by, withdrawn_at: at })
        .where('id', '=', id)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await this.audit.appendIn(tx, event);
      return true;
    });
  }

  private async read(where: ReturnType<typeof sql>): Promise<AssertionRow[]> {
    const rows = await sql<AssertionRow>`
      with recursive chain(start, id, merged_into, depth) as (
        select e.id, e.id, e.merged_into, 0 from entities e
        where e.id in (select from_entity from link_assertions union select to_entity from link_assertions)
        union all
        select c.start, e.id, e.merged_into, c.depth + 1 from chain c join entities e on e.id = c.merged_into where c.depth < 50
      ),
      current as (select distinct on (start) start, id from chain where merged_into is null order by start, depth desc)
      select a.id, a.seq::float8 as key, f.id as "from", t.id as "to", fe.kind as from_kind, te.kind as to_kind, fe.label as from_label, te.label as to_label, a.relation, a.grading, a.note,
             a.asserted_at, u.display_name as asserted_by, a.withdrawn_at is null as live
      from link_assertions a
        join current f on f.start = a.from_entity join current t on t.start = a.to_entity
        join entities fe on fe.id = f.id join entities te on te.id = t.id
        join users u on u.id = a.asserted_by
      where ${where}
      order by a.asserted_at desc, a.id`.execute(this.db);
    return rows.rows;
  }
}
