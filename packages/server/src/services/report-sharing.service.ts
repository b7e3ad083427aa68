import type { ExploitationType, ReportSharing, SharedReportList, SharedReportView } from '@harbour/contract';
import {
  Conflict,
  NotFound,
  PERMISSIONS,
  can,
  checkSharing,
  localDate,
  permittedUser,
  recordAccess,
  sharedIntelligence,
  sharedParties,
  sharingTerms,
  type Actor,
  type AgreementTerms,
  type SharedIntelligence,
  type SharingCategory,
  type UserActor,
} from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';
import { agreementTerms, asIntelligence, shareView } from './sharing-terms';

type IntelligenceRow = Awaited<ReturnType<Repositories['cases']['reportsIntelligence']>>[number];

/**
 * One report (a referral) shared with a partner agency without a case: for a council to safeguard
 * the person it names, say. Only a graded report is passed on (the 3x5x2 grade goes with
 * intelligence); one graded C only to an agency whose agreement allows it. The agency reads it as
 * the one access decision and core's redaction allow, never its reference or its source; the
 * agency that sent the referral follows it already (sent referrals) and is not shared it.
 */
export class ReportSharingService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Who a report is shared with, and with whom it could be, for the team's report page. */
  async ofReport(actor: Actor, reportId: string): Promise<ReportSharing> {
    const user = permittedUser(actor, PERMISSIONS.reportsRead, 'Only the team and its analysts read reports');
    const report = await this.report(reportId);
    const [shares, terms, agencies] = await Promise.all([this.repos.sharing.reportSharesOf(reportId), this.terms(), this.repos.agencies.list()]);
    const today = this.today();
    return {
      canShare: can(user, PERMISSIONS.casesShare),
      shares: shares.map((s) => shareView(s, this.readable(report, sharingTerms(terms, s.agency_id, today)) !== null)),
      shareable: agencies
        .filter((a) => a.id !== user.agencyId && a.id !== report.agency_id && sharingTerms(terms, a.id, today) !== null)
        .map((a) => ({ id: a.id, name: a.name })),
    };
  }

  async share(actor: Actor, reportId: string, agencyId: string, reason: string): Promise<ReportSharing> {
    const user = permittedUser(actor, PERMISSIONS.casesShare, 'Only a supervisor shares reports');
    const report = await this.report(reportId);
    if (agencyId === report.agency_id) throw new Conflict('The agency sent this referral: it follows it already', [], 'share_own_record');
    const categories = checkSharing(await this.terms(), agencyId, user.agencyId, this.today());
    if (!report.grading || (report.grading.endsWith('C') && !report.handling_conditions))
      throw new Conflict('Grade the report (with handling conditions for C) before it is shared', [], 'report_not_graded');
    if (this.readable(report, categories) === null)
      throw new Conflict('The report is graded C and the agency’s agreement does not allow intelligence graded C', [], 'handling_c_not_agreed');
    await this.repos.sharing.transaction(async (sharing, audit) => {
      if (!(await sharing.shareReport({ reportId, agencyId, reason, by: user.userId, at: this.now() }))) return;
      await audit(auditEntry(user, 'report.shared', { type: 'report', id: reportId }, { agency: agencyId }));
    });
    return this.ofReport(actor, reportId);
  }

  async unshare(actor: Actor, reportId: string, agencyId: string): Promise<ReportSharing> {
    const user = permittedUser(actor, PERMISSIONS.casesShare, 'Only a supervisor shares reports');
    await this.report(reportId);
    await this.repos.sharing.transaction(async (sharing, audit) => {
      if (!(await sharing.unshareReport(reportId, agencyId, user.userId, this.now()))) throw new NotFound('The report is not shared with this agency');
      await audit(auditEntry(user, 'report.unshared', { type: 'report', id: reportId }, { agency: agencyId }));
    });
    return this.ofReport(actor, reportId);
  }

  /** The reports shared with the reader's agency that it may read today. */
  async sharedReports(actor: Actor): Promise<SharedReportList> {
    const user = this.partner(actor);
    const shared = await this.repos.sharing.reportsSharedWith(user.agencyId);
    const reports: SharedReportList['reports'] = [];
    // The agreements are read once for the list, not once a report.
    const terms = await this.terms();
    for (const s of shared) {
      const reached = await this.reach(user, s.report_id, terms).catch((error: unknown) => {
        if (error instanceof NotFound) return null;
        throw error;
      });
      if (reached) reports.push({ id: s.report_id, sharedAt: s.shared_at.toISOString(), receivedOn: reached.item.receivedOn, grading: reached.item.grading });
    }
    await this.repos.audit.append(auditEntry(user, 'shared-reports.listed', null, { count: reports.length }));
    return { reports };
  }

  async sharedReport(actor: Actor, id: string): Promise<SharedReportView> {
    const user = this.partner(actor);
    const { item, categories, sharedAt, persons } = await this.reach(user, id);
    await this.repos.audit.append(auditEntry(user, 'report.viewed', { type: 'report', id }, { shared: true, categories }));
    return {
      id,
      sharedAt: sharedAt.toISOString(),
      categories: [...categories],
      parties: sharedParties(persons, categories),
      intelligence: { ...item, exploitationTypes: item.exploitationTypes as ExploitationType[] },
    };
  }

  /** The report as the reader's agency may read it today; not found when it may read nothing. */
  private async reach(user: UserActor, id: string, terms?: readonly AgreementTerms[]) {
    const [share] = (await this.repos.sharing.reportSharesOf(id)).filter((s) => s.agency_id === user.agencyId);
    const [row] = share ? await this.repos.cases.reportsIntelligence([id]) : [];
    if (!share || !row) throw new NotFound('No such report');
    const access = recordAccess(user, share.holder_agency_id, { revokedAt: share.revoked_at }, terms ?? (await this.terms()), this.today());
    const item = access.kind === 'shared' ? this.readable(row, access.categories) : null;
    if (access.kind !== 'shared' || item === null) throw new NotFound('No such report');
    const persons = row.persons.map((p) => ({
      entityId: p.id,
      kind: 'person' as const,
      label: [p.given_name, p.family_name].filter(Boolean).join(' '),
      role: partOf(p.role),
    }));
    const places = row.addresses.map((a, i) => ({ entityId: `address-${i}`, kind: 'address' as const, label: a.address, role: 'associated' as const }));
    return { item, categories: access.categories, sharedAt: share.shared_at, persons: [...persons, ...places] };
  }

  /** What an agency with these terms reads of the report: null when nothing (no terms, ungraded, or C outside them). */
  private readable(row: IntelligenceRow, categories: readonly SharingCategory[] | null): SharedIntelligence | null {
    return categories === null ? null : (sharedIntelligence([asIntelligence(row)], categories)[0] ?? null);
  }

  private async report(id: string) {
    const [row] = await this.repos.cases.reportsIntelligence([id]);
    if (!row) throw new NotFound('No such report');
    return row;
  }

  private partner(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.casesShared, 'Your role does not read what is shared with your agency');
  }

  private terms(): Promise<AgreementTerms[]> {
    return agreementTerms(this.repos);
  }

  private today(): string {
    return localDate(this.now());
  }
}

/** A person's part in a report, as a shared view names parts (a witness or reporter is the source, and never shown). */
function partOf(role: string): 'potential_victim' | 'suspect' | 'associated' {
  return role === 'potential_victim' || role === 'suspect' ? role : 'associated';
}
