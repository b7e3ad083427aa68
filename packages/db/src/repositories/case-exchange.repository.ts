import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { insertReports, type NewReport } from './intake.repository';
import { receivedBefore, receivedFrom } from './received-in';

/** Reports read as cases for exchange with other systems (HTCDS). */
export class CaseExchangeRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Stores an imported case as a report with its status, whole or not at all, unless the agency's
   * ledger knows its key: then the report it already is.
   */
  async importCase(
    agencyId: string,
    key: string,
    item: { report: NewReport; status: string; auditEvent: AuditEvent },
  ): Promise<{ reference: string; already: boolean }> {
    return this.db.transaction().execute(async (tx) => {
      const existing = async () =>
        sql<{ reference: string }>`
          select r.reference from htcds_imported l join reports r on r.id = l.report_id
          where l.agency_id = ${agencyId} and l.case_key = ${key}`.execute(tx);
      const known = (await existing()).rows[0];
      if (known) return { reference: known.reference, already: true };
      // The ledger's key decides, even against an import of the same file running alongside.
      const taken = await tx
        .insertInto('htcds_imported')
        .values({ agency_id: agencyId, case_key: key, report_id: item.report.id })
        .onConflict((oc) => oc.columns(['agency_id', 'case_key']).doNothing())
        .returning('case_key')
        .execute();
      if (taken.length === 0) return { reference: (await existing()).rows[0]!.reference, already: true };
      const [stored] = await insertReports(tx, this.audit, [item]);
      if (item.status !== 'new') await tx.updateTable('reports').set({ status: item.status }).where('id', '=', item.report.id).execute();
      return { reference: stored!.reference, already: false };
    });
  }

  /** How many reports are shared with each agency now: on their own or in a case, not withdrawn. */
  async sharedCounts(): Promise<Map<string, number>> {
    const rows = await sql<{ agency_id: string; n: number }>`
      select agency_id, count(distinct report_id)::int as n from (${SHARED_NOW}) s group by agency_id`.execute(this.db);
    return new Map(rows.rows.map((r) => [r.agency_id, r.n]));
  }

  /**
   * Reports received in a span of months (Welsh time), oldest first, each with the people it
   * names and the addresses it records: what an HTCDS export holds; with `sharedWith`, only those
   * shared with that agency now. Call data is not a case.
   */
  async received(from: string, to: string, limit: number, sharedWith?: string): Promise<ExchangeCaseRow[]> {
    const shared = sharedWith ? sql`and id in (select report_id from (${SHARED_NOW}) s where s.agency_id = ${sharedWith})` : sql``;
    const reports = await sql<Omit<ExchangeCaseRow, 'persons' | 'addresses'>>`
      select id, reference, source, received_at, status, summary, local_authority, town, postcode, exploitation_types, involves_child, grading, handling_conditions
      from reports
      where source <> 'call_data'
        and ${receivedFrom('received_at', from)} and ${receivedBefore('received_at', to)} ${shared}
      order by received_at, id limit ${limit}`.execute(this.db);
    const ids = reports.rows.map((r) => r.id);
    // Every address it records (its own, and its businesses'), to take out of its words for a partner not shared addresses.
    const places =
      ids.length === 0
        ? []
        : (
            await sql<{ report_id: string; address: string; postcode: string | null }>`
              select report_id, address, postcode from report_addresses where report_id = any(${ids}::uuid[])
              union all select report_id, address, postcode from report_businesses where report_id = any(${ids}::uuid[]) and address is not null`.execute(
              this.db,
            )
          ).rows;
    const persons =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('report_persons')
            .select(['report_id', 'role', 'given_name', 'family_name', 'dob', 'gender', 'nationality', 'nationality_code', 'phone', 'address'])
            .where('report_id', 'in', ids)
            .orderBy('report_id')
            .orderBy('role')
            .orderBy('id')
            .execute();
    const byReport = new Map<string, ExchangeCaseRow['persons']>();
    for (const p of persons) byReport.set(p.report_id, [...(byReport.get(p.report_id) ?? []), p]);
    const addressesOf = new Map<string, ExchangeCaseRow['addresses']>();
    for (const a of places) addressesOf.set(a.report_id, [...(addressesOf.get(a.report_id) ?? []), { address: a.address, postcode: a.postcode }]);
    return reports.rows.map((r) => ({ ...r, persons: byReport.get(r.id) ?? [], addresses: addressesOf.get(r.id) ?? [] }));
  }
}

/** Each agency and a report shared with it now: on its own, or in a case shared with it; not withdrawn. */
const SHARED_NOW = sql`
  select agency_id, report_id from report_shares where revoked_at is null
  union all select cs.agency_id, cr.report_id from case_shares cs join case_reports cr on cr.case_id = cs.case_id where cs.revoked_at is null`;

export interface ExchangeCaseRow {
  id: string;
  reference: string;
  source: string;
  received_at: Date;
  status: string;
  summary: string;
  local_authority: string | null;
  town: string | null;
  postcode: string | null;
  exploitation_types: string[];
  involves_child: boolean;
  /** Its 3x5x2 grade, null before triage: the last letter says whether conditions apply to passing it on. */
  grading: string | null;
  /** What a C handling code asks of anyone passing it on. */
  handling_conditions: string | null;
  addresses: { address: string; postcode: string | null }[];
  persons: {
    report_id: string;
    role: string;
    given_name: string | null;
    family_name: string | null;
    dob: string | null;
    gender: string | null;
    nationality: string | null;
    nationality_code: string | null;
    phone: string | null;
    address: string | null;
  }[];
}
