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

  /**
   * Reports received in a span of months (Welsh time), oldest first, each with the people it
   * names: what an HTCDS export holds. Call data is not a case.
   */
  async received(from: string, to: string, limit: number): Promise<ExchangeCaseRow[]> {
    const reports = await sql<Omit<ExchangeCaseRow, 'persons'>>`
      select id, reference, source, received_at, status, summary, local_authority, town, postcode, exploitation_types, involves_child, grading
      from reports
      where source <> 'call_data'
        and ${receivedFrom('received_at', from)} and ${receivedBefore('received_at', to)}
      order by received_at, id limit ${limit}`.execute(this.db);
    const ids = reports.rows.map((r) => r.id);
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
    return reports.rows.map((r) => ({ ...r, persons: byReport.get(r.id) ?? [] }));
  }
}

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
