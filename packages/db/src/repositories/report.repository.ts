import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';

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

  /** Sets an imported report's status (reports are written as new). */
  async setStatus(id: string, status: 'new' | 'triaged' | 'closed'): Promise<void> {
    await this.db.updateTable('reports').set({ status }).where('id', '=', id).execute();
  }
}
