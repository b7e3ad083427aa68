import type { SharingCategory } from '@harbour/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { auditedTransaction } from './audited-transaction';

export interface AgreementRow {
  id: string;
  agency_id: string;
  agency_name: string;
  purpose: string;
  lawful_basis: string;
  categories: SharingCategory[];
  starts_on: string;
  ends_on: string;
  created_by_name: string;
  created_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
}

export interface ShareRow {
  case_id: string;
  agency_id: string;
  agency_name: string;
  reason: string;
  shared_by_name: string;
  shared_at: Date;
  revoked_at: Date | null;
}

/** Information-sharing agreements with partner agencies, and the cases shared under them. */
export class SharingRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  /** Runs `work` in one transaction, with a repository bound to it and an audit append in the same transaction. */
  transaction<T>(work: (sharing: SharingRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return auditedTransaction(this.db, this.audit, (tx) => new SharingRepository(tx), work);
  }

  async addAgreement(a: {
    id: string;
    agencyId: string;
    purpose: string;
    lawfulBasis: string;
    categories: readonly SharingCategory[];
    startsOn: string;
    endsOn: string;
    by: string;
    at: Date;
  }): Promise<void> {
    await this.db
      .insertInto('sharing_agreements')
      .values({
        id: a.id,
        agency_id: a.agencyId,
        purpose: a.purpose,
        lawful_basis: a.lawfulBasis,
        categories: [...a.categories],
        starts_on: a.startsOn,
        ends_on: a.endsOn,
        created_by: a.by,
        created_at: a.at,
        ended_by: null,
        ended_at: null,
        end_reason: null,
      })
      .execute();
  }

  /** Ends an agreement early; false when there is none or it has ended already. */
  async endAgreement(id: string, by: string, reason: string, at: Date): Promise<boolean> {
    const ended = await this.db
      .updateTable('sharing_agreements')
      .set({ ended_by: by, ended_at: at, end_reason: reason })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return Number(ended.numUpdatedRows) > 0;
  }

  /** Every agreement (an agency's, when given), newest first. */
  async agreements(agencyId?: string): Promise<AgreementRow[]> {
    let query = this.db
      .selectFrom('sharing_agreements as s')
      .innerJoin('agencies as a', 'a.id', 's.agency_id')
      .innerJoin('users as u', 'u.id', 's.created_by')
      .select([
        's.id',
        's.agency_id',
        'a.name as agency_name',
        's.purpose',
        's.lawful_basis',
        's.categories',
        's.starts_on',
        's.ends_on',
        'u.display_name as created_by_name',
        's.created_at',
        's.ended_at',
        's.end_reason',
      ]);
    if (agencyId) query = query.where('s.agency_id', '=', agencyId);
    return (await query.orderBy('s.created_at', 'desc').orderBy('s.id').execute()) as AgreementRow[];
  }

  /** Shares a case with an agency, or shares it again after it was withdrawn; false when it is shared already. */
  async share(s: { caseId: string; agencyId: string; reason: string; by: string; at: Date }): Promise<boolean> {
    const row = await this.db
      .insertInto('case_shares')
      .values({ case_id: s.caseId, agency_id: s.agencyId, reason: s.reason, shared_by: s.by, shared_at: s.at, revoked_by: null, revoked_at: null })
      .onConflict((oc) =>
        oc
          .columns(['case_id', 'agency_id'])
          .doUpdateSet({ reason: s.reason, shared_by: s.by, shared_at: s.at, revoked_by: null, revoked_at: null })
          .where('case_shares.revoked_at', 'is not', null),
      )
      .returning('case_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async unshare(caseId: string, agencyId: string, by: string, at: Date): Promise<boolean> {
    const done = await this.db
      .updateTable('case_shares')
      .set({ revoked_by: by, revoked_at: at })
      .where('case_id', '=', caseId)
      .where('agency_id', '=', agencyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) > 0;
  }

  async sharesOf(caseId: string): Promise<ShareRow[]> {
    return this.shares().where('s.case_id', '=', caseId).orderBy('s.shared_at').execute();
  }

  async shareOf(caseId: string, agencyId: string): Promise<ShareRow | undefined> {
    return this.shares().where('s.case_id', '=', caseId).where('s.agency_id', '=', agencyId).executeTakeFirst();
  }

  /** The cases shared with an agency now (not withdrawn). */
  async sharedWith(agencyId: string): Promise<{ case_id: string; shared_at: Date }[]> {
    return this.db
      .selectFrom('case_shares')
      .select(['case_id', 'shared_at'])
      .where('agency_id', '=', agencyId)
      .where('revoked_at', 'is', null)
      .orderBy('shared_at', 'desc')
      .execute();
  }

  /** Shares a report with an agency, or again after it was withdrawn; false when it is shared already. */
  async shareReport(s: { reportId: string; agencyId: string; reason: string; by: string; at: Date }): Promise<boolean> {
    const row = await this.db
      .insertInto('report_shares')
      .values({ report_id: s.reportId, agency_id: s.agencyId, reason: s.reason, shared_by: s.by, shared_at: s.at, revoked_by: null, revoked_at: null })
      .onConflict((oc) =>
        oc
          .columns(['report_id', 'agency_id'])
          .doUpdateSet({ reason: s.reason, shared_by: s.by, shared_at: s.at, revoked_by: null, revoked_at: null })
          .where('report_shares.revoked_at', 'is not', null),
      )
      .returning('report_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async unshareReport(reportId: string, agencyId: string, by: string, at: Date): Promise<boolean> {
    const done = await this.db
      .updateTable('report_shares')
      .set({ revoked_by: by, revoked_at: at })
      .where('report_id', '=', reportId)
      .where('agency_id', '=', agencyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) > 0;
  }

  /** Who a report is shared with; `holder_agency_id` is the sharing account's agency, which holds it. */
  async reportSharesOf(reportId: string): Promise<(Omit<ShareRow, 'case_id'> & { report_id: string; holder_agency_id: string })[]> {
    return this.db
      .selectFrom('report_shares as s')
      .innerJoin('agencies as a', 'a.id', 's.agency_id')
      .innerJoin('users as u', 'u.id', 's.shared_by')
      .select([
        's.report_id',
        's.agency_id',
        'a.name as agency_name',
        's.reason',
        'u.display_name as shared_by_name',
        'u.agency_id as holder_agency_id',
        's.shared_at',
        's.revoked_at',
      ])
      .where('s.report_id', '=', reportId)
      .orderBy('s.shared_at')
      .execute();
  }

  /** The reports shared with an agency now (not withdrawn), with what their list shows. */
  async reportsSharedWith(agencyId: string): Promise<{ report_id: string; shared_at: Date; received_at: Date; grading: string | null }[]> {
    return this.db
      .selectFrom('report_shares as s')
      .innerJoin('reports as r', 'r.id', 's.report_id')
      .select(['s.report_id', 's.shared_at', 'r.received_at', 'r.grading'])
      .where('s.agency_id', '=', agencyId)
      .where('s.revoked_at', 'is', null)
      .orderBy('s.shared_at', 'desc')
      .execute();
  }

  private shares() {
    return this.db
      .selectFrom('case_shares as s')
      .innerJoin('agencies as a', 'a.id', 's.agency_id')
      .innerJoin('users as u', 'u.id', 's.shared_by')
      .select(['s.case_id', 's.agency_id', 'a.name as agency_name', 's.reason', 'u.display_name as shared_by_name', 's.shared_at', 's.revoked_at']);
  }
}
