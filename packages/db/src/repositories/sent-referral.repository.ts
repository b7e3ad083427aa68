import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';

/** Whose referrals one follows: a partner agency's (all its staff's), or one's own. */
export type SenderScope = { readonly agencyId: string } | { readonly userId: string };

export interface SentReferralRow {
  readonly id: string;
  readonly reference: string;
  readonly received_at: Date;
  readonly summary: string;
  readonly sent_by: string;
  readonly status: string;
  readonly on_cases: number;
  readonly questions: number;
}

/** Referrals as their senders follow them: their own words, where they stand, the team's questions. */
export class SentReferralRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(scope: SenderScope, limit: number, id?: string): Promise<SentReferralRow[]> {
    let q = this.db
      .selectFrom('reports as r')
      .innerJoin('users as u', 'u.id', 'r.created_by')
      .select([
        'r.id',
        'r.reference',
        'r.received_at',
        'r.summary',
        'r.status',
        'u.display_name as sent_by',
        sql<number>`(select count(*) from case_reports cr where cr.report_id = r.id)`.as('on_cases'),
        sql<number>`(select count(*) from report_messages m where m.report_id = r.id and m.author = 'team')`.as('questions'),
      ])
      .where('r.source', 'in', ['officer', 'partner']);
    q = 'agencyId' in scope ? q.where('r.agency_id', '=', scope.agencyId) : q.where('r.created_by', '=', scope.userId);
    if (id) q = q.where('r.id', '=', id);
    const rows = await q.orderBy('r.received_at', 'desc').orderBy('r.id').limit(limit).execute();
    return rows.map((r) => ({ ...r, on_cases: Number(r.on_cases), questions: Number(r.questions) }));
  }

  /** The cases a report is on, with whether each is shared (not withdrawn) with an agency. */
  async casesOf(reportId: string, agencyId: string): Promise<{ case_id: string; status: string; shared: boolean }[]> {
    return this.db
      .selectFrom('case_reports as cr')
      .innerJoin('cases as c', 'c.id', 'cr.case_id')
      .select([
        'c.id as case_id',
        'c.status',
        sql<boolean>`exists (select 1 from case_shares s where s.case_id = c.id and s.agency_id = ${agencyId} and s.revoked_at is null)`.as('shared'),
      ])
      .where('cr.report_id', '=', reportId)
      .orderBy('c.opened_at')
      .execute();
  }
}
