import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';

/** An import of call data as stored: one report, its numbers, and the calls between them. */
export interface NewCallData {
  readonly id: string;
  readonly receivedAt: Date;
  readonly summary: string;
  readonly grading: string;
  readonly exploitationTypes: readonly string[];
  readonly createdBy: string;
  readonly agencyId: string;
  /** Each number once, with the id of its phone record. */
  readonly numbers: readonly { id: string; number: string }[];
  readonly calls: readonly { from: string; to: string; calls: number; seconds: number; first: Date | null; last: Date | null; hours: readonly number[] }[];
}

/** A number of an import as the picture has resolved it. */
export interface ImportedNumberRow {
  readonly number: string;
  readonly entity_id: string | null;
  /** Other reports that mention the same phone. */
  readonly other_reports: number;
  /** People those other reports link to the phone. */
  readonly people: { id: string; label: string }[];
  readonly calls: number;
}

/** One number's calls with another number (one way, one import), as stored. */
export interface NumberCallRow {
  readonly way: 'in' | 'out';
  readonly other: string;
  readonly other_label: string;
  readonly calls: number;
  readonly seconds: number;
  readonly first_at: Date | null;
  readonly last_at: Date | null;
  readonly hours: number[] | null;
}

/** A person the picture says uses a phone (the phone of a person's own record). */
export interface PhoneUserRow {
  readonly phone: string;
  readonly person: string;
  readonly label: string;
}

/** Stores call data imports, each whole or not at all; reads a number's calls back. */
export class CallDataRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditRepository,
  ) {}

  /** Stores an import and its audit record in one transaction; returns the report's reference. */
  async create(data: NewCallData, auditEvent: (reference: string) => AuditEvent): Promise<{ reference: string }> {
    return this.db.transaction().execute(async (tx) => {
      const n = await sql<{ n: string }>`select nextval('report_number_seq')::text as n`.execute(tx);
      const reference = `HBR-${data.receivedAt.getUTCFullYear()}-${n.rows[0]!.n}`;
      await tx
        .insertInto('reports')
        .values({
          id: data.id,
          reference,
          source: 'call_data',
          received_at: data.receivedAt,
          summary: data.summary,
          exploitation_types: [...data.exploitationTypes],
          involves_child: false,
          status: 'closed',
          grading: data.grading,
          created_by: data.createdBy,
          agency_id: data.agencyId,
        })
        .execute();
      // Thousands of rows: inserted in slices so no statement outgrows the parameter limit.
      for (let i = 0; i < data.numbers.length; i += 5_000)
        await tx
          .insertInto('report_phones')
          .values(data.numbers.slice(i, i + 5_000).map((p) => ({ id: p.id, report_id: data.id, number: p.number })))
          .execute();
      for (let i = 0; i < data.calls.length; i += 5_000)
        await tx
          .insertInto('report_calls')
          .values(
            data.calls.slice(i, i + 5_000).map((c) => ({
              report_id: data.id,
              from_phone: c.from,
              to_phone: c.to,
              calls: c.calls,
              seconds: c.seconds,
              first_at: c.first,
              last_at: c.last,
              hours: [...c.hours],
            })),
          )
          .execute();
      await this.audit.appendIn(tx, auditEvent(reference));
      return { reference };
    });
  }

  /** An import's report: its reference, summary, grading, and whether the picture has taken it yet. */
  async report(
    id: string,
  ): Promise<{ id: string; reference: string; summary: string; grading: string | null; received_at: Date; pictured: boolean } | undefined> {
    const row = await this.db
      .selectFrom('reports')
      .select(['id', 'reference', 'summary', 'grading', 'received_at', 'pictured_at'])
      .where('id', '=', id)
      .where('source', '=', 'call_data')
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        reference: row.reference,
        summary: row.summary,
        grading: row.grading,
        received_at: row.received_at,
        pictured: row.pictured_at !== null,
      }
    );
  }

  /**
   * Each number of an import as the picture resolved it: the phone entity, how many other reports
   * mention it, and the people those reports link to it; numbers already known come first.
   */
  async numbers(reportId: string): Promise<ImportedNumberRow[]> {
    const rows = await sql<ImportedNumberRow>`
      with mine as (
        select x.id, x.entity_id, x.attributes->>'number' as number from entity_records x where x.report_id = ${reportId} and x.kind = 'phone'
      ), others as (
        select m.id as mine, y.id as other, y.report_id from mine m join entity_records y on y.entity_id = m.entity_id and y.report_id <> ${reportId}
      )
      select m.number, m.entity_id,
        (select count(distinct o.report_id) from others o where o.mine = m.id)::int as other_reports,
        coalesce((
          select jsonb_agg(distinct jsonb_build_object('id', pe.id, 'label', pe.label))
          from others o join record_links l on l.from_record = o.other or l.to_record = o.other
            join entity_records z on z.id = case when l.from_record = o.other then l.to_record else l.from_record end
            join entities pe on pe.id = z.entity_id and pe.kind = 'person'
          where o.mine = m.id), '[]'::jsonb) as people,
        (select coalesce(sum(c.calls), 0) from report_calls c where c.from_phone = m.id or c.to_phone = m.id)::int as calls
      from mine m
      order by 3 desc, 5 desc, m.number`.execute(this.db);
    return rows.rows;
  }

  /** Every call a phone entity's numbers made or received, in every import, with the other number's entity. */
  async numberCalls(phone: string): Promise<NumberCallRow[]> {
    const rows = await sql<NumberCallRow>`
      with mine as (select id from entity_records where entity_id = ${phone} and kind = 'phone'),
      calls as (
        select 'out' as way, c.to_phone as other_record, c.calls, c.seconds, c.first_at, c.last_at, c.hours
        from report_calls c join mine m on m.id = c.from_phone
        union all
        select 'in', c.from_phone, c.calls, c.seconds, c.first_at, c.last_at, c.hours
        from report_calls c join mine m on m.id = c.to_phone
      )
      select c.way, e.id as other, e.label as other_label, c.calls, c.seconds::float8 as seconds, c.first_at, c.last_at, c.hours
      from calls c join entity_records o on o.id = c.other_record join entities e on e.id = o.entity_id`.execute(this.db);
    return rows.rows;
  }

  /** The people the picture says use these phones (their own phone on some report). */
  async phoneUsers(phones: readonly string[]): Promise<PhoneUserRow[]> {
    if (phones.length === 0) return [];
    const rows = await sql<PhoneUserRow>`
      select distinct p.entity_id as phone, e.id as person, e.label
      from entity_records p
        join record_links l on l.to_record = p.id and l.relation = 'uses_phone'
        join entity_records q on q.id = l.from_record
        join entities e on e.id = q.entity_id
      where p.entity_id = any(${[...phones]}::uuid[]) and p.kind = 'phone'`.execute(this.db);
    return rows.rows;
  }
}
