import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { receivedBefore, receivedFrom } from './received-in';

export interface ReportCounts {
  reports: number;
  persons: number;
  phones: number;
  vehicles: number;
  businesses: number;
  online: number;
  bankAccounts: number;
  documents: number;
  networks: number;
}

export class ReportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async counts(): Promise<ReportCounts> {
    const n = (table: keyof DB) => sql<number>`(select count(*) from ${sql.table(table)})`;
    const row = await sql<ReportCounts>`select ${n('reports')} as reports, ${n('report_persons')} as persons, ${n('report_phones')} as phones,
      ${n('report_vehicles')} as vehicles, ${n('report_businesses')} as businesses, ${n('report_online')} as online,
      ${n('report_bank_accounts')} as "bankAccounts", ${n('report_documents')} as documents, ${n('seed_networks')} as networks`.execute(this.db);
    const r = row.rows[0]!;
    return {
      reports: Number(r.reports),
      persons: Number(r.persons),
      phones: Number(r.phones),
      vehicles: Number(r.vehicles),
      businesses: Number(r.businesses),
      online: Number(r.online),
      bankAccounts: Number(r.bankAccounts),
      documents: Number(r.documents),
      networks: Number(r.networks),
    };
  }

  /** Reports received since a date, counted by local authority and by source. */
  async overview(since: Date): Promise<{ total: number; byArea: { code: string | null; count: number }[]; bySource: { source: string; count: number }[] }> {
    // Call data is evidence an analyst imported, not a report of exploitation: not counted here.
    const base = this.db.selectFrom('reports').where('received_at', '>=', since).where('source', '<>', 'call_data');
    const [byArea, bySource] = await Promise.all([
      base
        .select(['local_authority as code', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('local_authority')
        .orderBy('local_authority')
        .execute(),
      base
        .select(['source', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('source')
        .orderBy('source')
        .execute(),
    ]);
    const total = bySource.reduce((sum, r) => sum + Number(r.count), 0);
    return {
      total,
      byArea: byArea.map((r) => ({ code: r.code, count: Number(r.count) })),
      bySource: bySource.map((r) => ({ source: r.source, count: Number(r.count) })),
    };
  }

  /**
   * Reports received in a span of months (Welsh time), oldest first, each with the people it
   * names: what an HTCDS export holds. Call data is not a case.
   */
  async casesReceived(from: string, to: string, limit: number): Promise<CaseRow[]> {
    const reports = await sql<Omit<CaseRow, 'persons'>>`
      select id, reference, source, received_at, status, summary, local_authority, town, postcode, exploitation_types, involves_child
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
    const byReport = new Map<string, CaseRow['persons']>();
    for (const p of persons) byReport.set(p.report_id, [...(byReport.get(p.report_id) ?? []), p]);
    return reports.rows.map((r) => ({ ...r, persons: byReport.get(r.id) ?? [] }));
  }

  /** Sets an imported report's status (reports are written as new). */
  async setStatus(id: string, status: 'new' | 'triaged' | 'closed'): Promise<void> {
    await this.db.updateTable('reports').set({ status }).where('id', '=', id).execute();
  }
}

export interface CaseRow {
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
