import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, RetentionDeletionsTable } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { auditedTransaction } from './audited-transaction';

/** A record whose review is due: what it is, when it started, when it fell due, and its last review. */
export interface DueRow {
  readonly record_type: 'report' | 'case' | 'case_convicted';
  readonly id: string;
  readonly reference: string;
  readonly started_on: string;
  readonly due_on: string;
  readonly last_reason: string | null;
  readonly last_by: string | null;
  readonly last_at: Date | null;
}

/** What a deletion took away, as counts: the audit and the figures' explanation keep only these. */
export interface Deleted {
  readonly reports: number;
  readonly potentialVictims: number;
  readonly entities: number;
  readonly firstMonth: string | null;
  readonly lastMonth: string | null;
  /** Documents of a deleted case kept in a folder, whose files the caller removes once committed. */
  readonly folderDocuments: readonly string[];
}

export interface RetentionYears {
  readonly report: number;
  readonly case: number;
  readonly case_convicted: number;
}

/**
 * Records management: which reports (on no case) and closed cases are due for review under the
 * schedule, the decisions to keep them, and deletion that takes a record out of the store and the
 * picture whole — its reports, their records, and every entity left with nothing behind it.
 */
export class RetentionRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  transaction<T>(work: (records: RetentionRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return auditedTransaction(this.db, this.audit, (tx) => new RetentionRepository(tx), work);
  }

  /** Records due for review on or before `today`, the longest overdue first. */
  async due(years: RetentionYears, today: string, limit: number): Promise<DueRow[]> {
    return this.reviewable(years, today, limit);
  }

  /** One report (on no case) or closed case as the due list would show it, due or not; undefined when it is neither. */
  async one(years: RetentionYears, kind: 'report' | 'case', id: string): Promise<DueRow | undefined> {
    const [row] = await this.reviewable(years, '9999-12-31', 1, id);
    return row && (kind === 'report') === (row.record_type === 'report') ? row : undefined;
  }

  private async reviewable(years: RetentionYears, today: string, limit: number, id?: string): Promise<DueRow[]> {
    const result = await sql<DueRow>`
      with last_review as (
        select distinct on (record_type, record_id) record_type, record_id, reason, next_review_on, decided_by, decided_at
        from retention_reviews order by record_type, record_id, decided_at desc
      ),
      candidates as (
        select 'report' as record_type, r.id, r.reference, (r.received_at at time zone 'UTC')::date as started_on, ${years.report}::int as years
        from reports r
        where not exists (select 1 from case_reports cr where cr.report_id = r.id)
        union all
        select case when exists (
                 select 1 from case_outcomes o where o.case_id = c.id and o.kind = 'court_result' and o.result = 'convicted'
               ) then 'case_convicted' else 'case' end,
               c.id, c.reference, (c.closed_at at time zone 'UTC')::date,
               case when exists (
                 select 1 from case_outcomes o where o.case_id = c.id and o.kind = 'court_result' and o.result = 'convicted'
               ) then ${years.case_convicted}::int else ${years.case}::int end
        from cases c
        where c.status = 'closed' and c.closed_at is not null
      )
      select k.record_type, k.id, k.reference, to_char(k.started_on, 'YYYY-MM-DD') as started_on,
             to_char(coalesce(v.next_review_on, (k.started_on + make_interval(years => k.years))::date), 'YYYY-MM-DD') as due_on,
             v.reason as last_reason, u.display_name as last_by, v.decided_at as last_at
      from candidates k
      left join last_review v on v.record_id = k.id and v.record_type = (case when k.record_type = 'report' then 'report' else 'case' end)
      left join users u on u.id = v.decided_by
      where coalesce(v.next_review_on, (k.started_on + make_interval(years => k.years))::date) <= ${today}::date
        ${id ? sql`and k.id = ${id}::uuid` : sql``}
      order by due_on, k.reference
      limit ${limit}
    `.execute(this.db);
    return result.rows.map((r) => ({ ...r, last_at: r.last_at ? new Date(r.last_at) : null }));
  }

  async retain(review: {
    id: string;
    recordType: 'report' | 'case';
    recordId: string;
    reason: string;
    nextReviewOn: string;
    by: string;
    at: Date;
  }): Promise<void> {
    await this.db
      .insertInto('retention_reviews')
      .values({
        id: review.id,
        record_type: review.recordType,
        record_id: review.recordId,
        reason: review.reason,
        next_review_on: review.nextReviewOn,
        decided_by: review.by,
        decided_at: review.at,
      })
      .execute();
  }

  async recordDeletion(row: Insertable<RetentionDeletionsTable>): Promise<void> {
    await this.db.insertInto('retention_deletions').values(row).execute();
  }

  /** Reports and potential victims deleted whose reports were received in the months `from` to `to` (YYYY-MM). */
  async deletedWithin(from: string, to: string): Promise<{ reports: number; potentialVictims: number }> {
    const row = await this.db
      .selectFrom('retention_deletions')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('reports'), sql<number>`0`).as('reports'),
        eb.fn.coalesce(eb.fn.sum<number>('potential_victims'), sql<number>`0`).as('potential_victims'),
      ])
      .where('first_month', '<=', to)
      .where('last_month', '>=', from)
      .executeTakeFirstOrThrow();
    return { reports: Number(row.reports), potentialVictims: Number(row.potential_victims) };
  }

  /** Everything deleted so far under the schedule, as counts. */
  async deletions(): Promise<{ reports: number; potentialVictims: number; entities: number; cases: number }> {
    const row = await this.db
      .selectFrom('retention_deletions')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('reports'), sql<number>`0`).as('reports'),
        eb.fn.coalesce(eb.fn.sum<number>('potential_victims'), sql<number>`0`).as('potential_victims'),
        eb.fn.coalesce(eb.fn.sum<number>('entities'), sql<number>`0`).as('entities'),
        sql<number>`count(*) filter (where record_type <> 'report')`.as('cases'),
      ])
      .executeTakeFirstOrThrow();
    return { reports: Number(row.reports), potentialVictims: Number(row.potential_victims), entities: Number(row.entities), cases: Number(row.cases) };
  }

  /** Deletes a report on no case, and whatever of the picture stood on it alone. Call inside `transaction`. */
  async deleteReport(id: string): Promise<Deleted> {
    return this.deleteReports([id], [], []);
  }

  /**
   * Deletes a closed case whole: its notes, tasks, outcomes, NRM and safeguarding records, shares
   * and documents; the reports on no other case; and what of the picture stood on them alone.
   * Call inside `transaction`.
   */
  async deleteCase(id: string): Promise<Deleted> {
    const reports = await this.db
      .selectFrom('case_reports as cr')
      .select('cr.report_id')
      .where('cr.case_id', '=', id)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('case_reports as o').select('o.report_id').whereRef('o.report_id', '=', 'cr.report_id').where('o.case_id', '<>', id))),
      )
      .execute();
    const people = await this.db.selectFrom('case_entities').select('entity_id').where('case_id', '=', id).execute();
    const folder = await this.db.selectFrom('case_documents').select('id').where('case_id', '=', id).where('in_folder', '=', true).execute();
    await this.db.deleteFrom('retention_reviews').where('record_type', '=', 'case').where('record_id', '=', id).execute();
    await this.db.deleteFrom('cases').where('id', '=', id).execute();
    return this.deleteReports(
      reports.map((r) => r.report_id),
      people.map((p) => p.entity_id),
      folder.map((d) => d.id),
    );
  }

  private async deleteReports(ids: readonly string[], alsoTouched: readonly string[], folderDocuments: readonly string[]): Promise<Deleted> {
    const db = this.db;
    let months: { first: string | null; last: string | null } = { first: null, last: null };
    let potentialVictims = 0;
    let touched: string[] = [...alsoTouched];
    let texts: string[] = [];
    if (ids.length > 0) {
      const m = await db
        .selectFrom('reports')
        .select([sql<string | null>`to_char(min(received_at), 'YYYY-MM')`.as('first'), sql<string | null>`to_char(max(received_at), 'YYYY-MM')`.as('last')])
        .where('id', 'in', [...ids])
        .executeTakeFirstOrThrow();
      months = { first: m.first, last: m.last };
      const victims = await db
        .selectFrom('entity_records')
        .select(sql<number>`count(distinct coalesce(entity_id, id))`.as('n'))
        .where('report_id', 'in', [...ids])
        .where('role', '=', 'potential_victim')
        .executeTakeFirstOrThrow();
      potentialVictims = Number(victims.n);
      const records = await db
        .selectFrom('entity_records')
        .select(['entity_id', 'search_text'])
        .where('report_id', 'in', [...ids])
        .execute();
      touched = [...new Set([...touched, ...records.flatMap((r) => (r.entity_id ? [r.entity_id] : []))])];
      texts = [...new Set(records.map((r) => r.search_text).filter((t): t is string => !!t))];
      await db
        .deleteFrom('retention_reviews')
        .where('record_type', '=', 'report')
        .where('record_id', 'in', [...ids])
        .execute();
      // A merge or split decided on a pair of these records keeps its history, without the pair.
      const gonePairs = db
        .selectFrom('review_pairs as p')
        .innerJoin('entity_records as r', (join) => join.on((eb) => eb.or([eb('r.id', '=', eb.ref('p.record_a')), eb('r.id', '=', eb.ref('p.record_b'))])))
        .select('p.id')
        .where('r.report_id', 'in', [...ids]);
      await db.updateTable('entity_changes').set({ review_pair_id: null }).where('review_pair_id', 'in', gonePairs).execute();
      await db
        .deleteFrom('reports')
        .where('id', 'in', [...ids])
        .execute();
    }
    const entities = await this.removeOrphans(touched);
    if (texts.length > 0)
      await db
        .deleteFrom('search_terms')
        .where('text', 'in', texts)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('entity_records as r').select('r.id').whereRef('r.search_text', '=', 'search_terms.text'))))
        .execute();
    return { reports: ids.length, potentialVictims, entities, firstMonth: months.first, lastMonth: months.last, folderDocuments };
  }

  /**
   * Removes entities left with no record behind them and named by no case, with the aliases merged
   * into them; returns how many went. An entity a case still names stays (the case reads it).
   */
  private async removeOrphans(touched: readonly string[]): Promise<number> {
    if (touched.length === 0) return 0;
    const db = this.db;
    const dead = new Set<string>();
    let frontier = [...new Set(touched)];
    while (frontier.length > 0) {
      const rows = await sql<{ id: string }>`
        select e.id from entities e
        where e.id = any(${frontier}::uuid[])
          and not exists (select 1 from entity_records r where r.entity_id = e.id)
          and not exists (select 1 from case_entities x where x.entity_id = e.id)
          and not exists (select 1 from case_outcomes x where x.entity_id = e.id)
          and not exists (select 1 from nrm_records x where x.entity_id = e.id)
          and not exists (select 1 from safeguarding_plans x where x.entity_id = e.id)
      `.execute(db);
      const found = rows.rows.map((r) => r.id).filter((id) => !dead.has(id));
      for (const id of found) dead.add(id);
      if (found.length === 0) break;
      // Aliases merged into what goes, go with it.
      const aliases = await db.selectFrom('entities').select('id').where('merged_into', 'in', found).execute();
      frontier = aliases.map((a) => a.id).filter((id) => !dead.has(id));
    }
    // An alias that stays (a case names it) keeps what it was merged into, and so on down its chain.
    for (;;) {
      if (dead.size === 0) break;
      const into = await db
        .selectFrom('entities')
        .select(['id', 'merged_into'])
        .where('merged_into', 'in', [...dead])
        .execute();
      const rescued = into.filter((a) => !dead.has(a.id)).map((a) => a.merged_into!);
      if (rescued.length === 0) break;
      for (const id of rescued) dead.delete(id);
    }
    const gone = [...dead];
    if (gone.length === 0) return 0;
    await db
      .deleteFrom('entity_moves')
      .where((eb) => eb.or([eb('from_entity', 'in', gone), eb('to_entity', 'in', gone)]))
      .execute();
    await db.deleteFrom('network_views').where('entity_id', 'in', gone).execute();
    await db.deleteFrom('entities').where('id', 'in', gone).execute();
    return gone.length;
  }
}
