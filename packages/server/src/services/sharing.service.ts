import type { AgreementList, AgreementView, ExploitationType, SharedCaseList, SharedCaseView } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import {
  Invalid,
  NotFound,
  PERMISSIONS,
  agreementInForce,
  can,
  recordAccess,
  checkSharing,
  localDate,
  permittedUser,
  sharedParties,
  sharedIntelligence,
  sharingTerms,
  type Actor,
  type AgreementTerms,
  type SharingCategory,
  type UserActor,
} from '@harbour/core';
import type { AgreementRow, CaseRow, Repositories } from '@harbour/db';
import type { CaseView } from '@harbour/contract';
import { auditEntry } from './audit.service';
import type { TaskService } from './task.service';
import { agreementTerms, asIntelligence, shareView } from './sharing-terms';

/**
 * Sharing with partner agencies: the information-sharing agreements an administrator records,
 * the cases a supervisor shares under them, and what a partner agency's users read of a shared
 * case — decided for every read by core's `recordAccess`, so an agreement's end or a withdrawn
 * share takes effect on the next request. Every read and change is audited.
 */
export class SharingService {
  constructor(
    private readonly repos: Repositories,
    private readonly tasks: TaskService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async agreements(actor: Actor): Promise<AgreementList> {
    const user = permittedUser(actor, PERMISSIONS.sharingManage, 'Only an administrator manages sharing agreements');
    const [rows, agencies] = await Promise.all([this.repos.sharing.agreements(), this.repos.agencies.list()]);
    await this.repos.audit.append(auditEntry(user, 'agreements.listed', null, { count: rows.length }));
    return {
      agreements: rows.map((r) => this.view(r)),
      agencies: agencies.filter((a) => a.id !== user.agencyId && a.kind !== 'police').map((a) => ({ id: a.id, name: a.name })),
    };
  }

  async createAgreement(
    actor: Actor,
    input: { agencyId: string; purpose: string; lawfulBasis: string; categories: readonly SharingCategory[]; startsOn: string; endsOn: string },
  ): Promise<AgreementView> {
    const user = permittedUser(actor, PERMISSIONS.sharingManage, 'Only an administrator manages sharing agreements');
    const agency = await this.repos.agencies.get(input.agencyId);
    if (!agency || agency.id === user.agencyId)
      throw new Invalid('Choose a partner agency', [{ path: 'agencyId', message: 'Choose one of the partner agencies' }]);
    const id = randomUUID();
    await this.repos.sharing.transaction(async (sharing, audit) => {
      await sharing.addAgreement({ id, ...input, categories: [...new Set(input.categories)], by: user.userId, at: this.now() });
      await audit(
        auditEntry(user, 'agreement.created', { type: 'agreement', id }, { agency: input.agencyId, categories: input.categories, endsOn: input.endsOn }),
      );
    });
    return this.view((await this.repos.sharing.agreements()).find((a) => a.id === id)!);
  }

  /** Ends an agreement early: sharing under it stops at once. */
  async endAgreement(actor: Actor, id: string, reason: string): Promise<AgreementView> {
    const user = permittedUser(actor, PERMISSIONS.sharingManage, 'Only an administrator manages sharing agreements');
    await this.repos.sharing.transaction(async (sharing, audit) => {
      if (!(await sharing.endAgreement(id, user.userId, reason, this.now()))) throw new NotFound('No such agreement in force');
      await audit(auditEntry(user, 'agreement.ended', { type: 'agreement', id }, { reason: reason.length }));
    });
    return this.view((await this.repos.sharing.agreements()).find((a) => a.id === id)!);
  }

  /** Shares a case the supervisor's agency holds with a partner agency, inside an agreement in force. */
  async share(actor: Actor, caseId: string, agencyId: string, reason: string): Promise<void> {
    const user = permittedUser(actor, PERMISSIONS.casesShare, 'Only a supervisor shares cases');
    const held = await this.heldBy(user, caseId);
    checkSharing(await this.terms(), agencyId, held.agency_id, this.today());
    await this.repos.sharing.transaction(async (sharing, audit) => {
      if (!(await sharing.share({ caseId, agencyId, reason, by: user.userId, at: this.now() }))) return;
      await audit(auditEntry(user, 'case.shared', { type: 'case', id: caseId }, { agency: agencyId }));
    });
  }

  async unshare(actor: Actor, caseId: string, agencyId: string): Promise<void> {
    const user = permittedUser(actor, PERMISSIONS.casesShare, 'Only a supervisor shares cases');
    await this.heldBy(user, caseId);
    await this.repos.sharing.transaction(async (sharing, audit) => {
      if (!(await sharing.unshare(caseId, agencyId, user.userId, this.now()))) throw new NotFound('The case is not shared with this agency');
      await audit(auditEntry(user, 'case.unshared', { type: 'case', id: caseId }, { agency: agencyId }));
    });
  }

  /** Who a case is shared with, and with whom it could be, for its holding team's page. */
  async ofCase(user: UserActor, caseId: string): Promise<CaseView['sharing']> {
    const [shares, terms, agencies] = await Promise.all([this.repos.sharing.sharesOf(caseId), this.terms(), this.repos.agencies.list()]);
    const today = this.today();
    return {
      canShare: can(user, PERMISSIONS.casesShare),
      shares: shares.map((s) => shareView(s, sharingTerms(terms, s.agency_id, today) !== null)),
      shareable: agencies.filter((a) => a.id !== user.agencyId && sharingTerms(terms, a.id, today) !== null).map((a) => ({ id: a.id, name: a.name })),
    };
  }

  /** The cases shared with the reader's agency that it may read today. */
  async sharedCases(actor: Actor): Promise<SharedCaseList> {
    const user = permittedUser(actor, PERMISSIONS.casesShared, 'Your role does not read shared cases');
    const inForce = sharingTerms(await this.terms(), user.agencyId, this.today()) !== null;
    const shared = inForce ? await this.repos.sharing.sharedWith(user.agencyId) : [];
    const cases = [];
    for (const s of shared) {
      const c = await this.repos.cases.get(s.case_id);
      if (c) cases.push({ id: c.id, reference: c.reference, title: c.title, status: c.status, sharedAt: s.shared_at.toISOString() });
    }
    await this.repos.audit.append(auditEntry(user, 'shared-cases.listed', null, { count: cases.length }));
    return { cases };
  }

  /** A shared case as the reader's agency may read it; a case not shared with it (now) is not found. */
  async sharedCase(actor: Actor, id: string): Promise<SharedCaseView> {
    const user = permittedUser(actor, PERMISSIONS.casesShared, 'Your role does not read shared cases');
    const reached = await this.reach(user, id);
    await this.repos.audit.append(auditEntry(user, 'case.viewed', { type: 'case', id }, { shared: true, categories: reached.categories }));
    return this.sharedView(user, reached);
  }

  /** A partner's note on a case shared with its agency. */
  async addNote(actor: Actor, id: string, body: string): Promise<SharedCaseView> {
    const user = permittedUser(actor, PERMISSIONS.casesShared, 'Your role does not read shared cases');
    const reached = await this.reach(user, id);
    const at = this.now();
    await this.repos.cases.transaction(async (cases, audit) => {
      const noteId = randomUUID();
      await cases.addNote({ id: noteId, caseId: id, body, authorId: user.userId, at });
      await cases.touch(id, at);
      await audit(auditEntry(user, 'case.note-added', { type: 'case', id }, { note: noteId, shared: true }));
    });
    return this.sharedView(user, reached);
  }

  /** A case the supervisor's own agency holds; any other is not found. */
  private async heldBy(user: UserActor, caseId: string): Promise<CaseRow> {
    const held = await this.repos.cases.get(caseId);
    if (!held || held.agency_id !== user.agencyId) throw new NotFound('No such case');
    return held;
  }

  /** The shared case, and what the reader's agency may read of it; not found when it may read nothing. */
  private async reach(user: UserActor, id: string): Promise<{ held: CaseRow; categories: readonly SharingCategory[]; sharedAt: Date }> {
    const held = await this.repos.cases.get(id);
    const share = held ? await this.repos.sharing.shareOf(id, user.agencyId) : undefined;
    if (!held || !share) throw new NotFound('No such case');
    const access = recordAccess(user, held.agency_id, { revokedAt: share.revoked_at }, await this.terms(), this.today());
    if (access.kind !== 'shared') throw new NotFound('No such case');
    return { held, categories: access.categories, sharedAt: share.shared_at };
  }

  private async sharedView(
    user: UserActor,
    { held, categories, sharedAt }: { held: CaseRow; categories: readonly SharingCategory[]; sharedAt: Date },
  ): Promise<SharedCaseView> {
    const id = held.id;
    const [entities, notes, tasks, reports] = await Promise.all([
      this.repos.cases.entities(id),
      this.repos.cases.notes(id),
      this.tasks.ofCase(id),
      this.repos.cases.intelligence(id),
    ]);
    return {
      id,
      reference: held.reference,
      kind: held.kind,
      title: held.title,
      status: held.status,
      officerInCharge: held.officer_name,
      sharedAt: sharedAt.toISOString(),
      categories: [...categories],
      parties: sharedParties(
        entities.map((e) => ({ entityId: e.entity_id, kind: e.kind, label: e.label, role: e.role })),
        categories,
      ),
      intelligence: sharedIntelligence(reports.map(asIntelligence), categories).map((i) => ({
        ...i,
        exploitationTypes: i.exploitationTypes as ExploitationType[],
      })),
      // The agency's own work on the case, and its own notes: never the team's or another agency's.
      tasks: tasks.filter((t) => t.owner.kind === 'agency' && t.owner.id === user.agencyId),
      notes: notes
        .filter((n) => n.author_agency_id === user.agencyId)
        .map((n) => ({ id: n.id, body: n.body, by: n.author_name, at: n.written_at.toISOString() })),
    };
  }

  private terms(): Promise<AgreementTerms[]> {
    return agreementTerms(this.repos);
  }

  private today(): string {
    return localDate(this.now());
  }

  private view(r: AgreementRow): AgreementView {
    return {
      id: r.id,
      agencyId: r.agency_id,
      agency: r.agency_name,
      purpose: r.purpose,
      lawfulBasis: r.lawful_basis,
      categories: r.categories,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      inForce: agreementInForce(
        { agencyId: r.agency_id, categories: r.categories, startsOn: r.starts_on, endsOn: r.ends_on, endedAt: r.ended_at },
        this.today(),
      ),
      createdBy: r.created_by_name,
      endedAt: r.ended_at?.toISOString() ?? null,
      endReason: r.end_reason,
    };
  }
}
