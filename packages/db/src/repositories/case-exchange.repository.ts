import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../schema';
import { receivedBefore, receivedFrom } from './received-in';

/** Reports read as cases for exchange with other systems (HTCDS). */
export class CaseExchangeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Reports received in a span of months (Welsh time), oldest first, each with the people it
   * names: what an HTCDS export holds. Call data is not a case.
   */
  async received(from: string, to: string, limit: number): Promise<ExchangeCaseRow[]> {
    const reports = await sql<Omit<ExchangeCaseRow, 'persons'>>`
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
