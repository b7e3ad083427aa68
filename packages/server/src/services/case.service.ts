import type { CaseList, CaseSummary, CaseView } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import {
  Invalid,
  NotFound,
  PERMISSIONS,
  can,
  decideClosing,
  decideStatusChange,
  mayReach,
  nextStatuses,
  permissionsOf,
  permittedUser,
  type Actor,
  type CaseEntityRole,
  type CaseKind,
  type CaseStatus,
  type OutcomeInput,
  type UserActor,
} from '@harbour/core';
import type { CaseListRow, CaseRow, Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';
import type { TaskService } from './task.service';
import type { CasePerson, CaseRecordsService, NrmInput, PlanInput } from './case-records.service';
import type { SharingService } from './sharing.service';
import type { CaseDocumentsService, DocumentFile } from './case-documents.service';

/** Cases listed at most; the list is of the team's working cases, not an archive search. */
const MOST_LISTED = 500;

/** A report's people by their part in it, as a case links them. */
/** A network of more than this is a picture, not a case: its most connected are linked. */
const MOST_FROM_NETWORK = 200;

const ROLE_IN_CASE: Record<string, CaseEntityRole> = { potential_victim: 'potential_victim', suspect: 'suspect' };

export interface NewCaseInput {
  readonly kind: CaseKind;
  readonly title: string;
  readonly summary: string;
  readonly officerInChargeId?: string | undefined;
  readonly fromReportId?: string | undefined;
  readonly fromNetworkOf?: string | undefined;
  readonly entities: readonly { entityId: string; role: CaseEntityRole }[];
}

/**
 * The force's cases (Pursue): opened from a report or from the picture, moved through their
 * statuses with a reason each time (closing approved by a supervisor), with the reports and
 * people of the picture linked and notes kept. Every read and change is audited. A case belongs
 * to the agency of the account that opened it and is read only within it (sharing with partner
 * agencies will widen this through `mayReach`).
 */
export class CaseService {
  constructor(
    private readonly repos: Repositories,
    private readonly tasks: TaskService,
    private readonly records: CaseRecordsService,
    private readonly sharing: SharingService,
    private readonly documents: CaseDocumentsService,
    /** The entities of the network an entity belongs to, most connected first (from the picture). */
    private readonly networkMembers: (entityId: string, most: number) => Promise<string[]>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, filter: { status?: CaseStatus | 'open' | undefined; mine?: boolean | undefined }): Promise<CaseList> {
    const user = permittedUser(actor, PERMISSIONS.casesRead, 'Your role does not read cases');
    const rows = (await this.repos.cases.list({ status: filter.status, officer: filter.mine ? user.userId : undefined }, MOST_LISTED + 1)).slice(
      0,
      MOST_LISTED,
    );
    await this.repos.audit.append(auditEntry(user, 'cases.listed', null, { count: rows.length, status: filter.status ?? null, mine: !!filter.mine }));
    return { cases: rows.map(summaryOf) };
  }

  async open(actor: Actor, input: NewCaseInput): Promise<CaseView> {
    const user = this.worker(actor);
    const at = this.now();
    const officer = input.officerInChargeId ?? user.userId;
    await this.checkOfficer(officer, 'officerInChargeId');
    if (input.fromReportId && !(await this.repos.intake.reportExists(input.fromReportId)))
      throw new Invalid('No such report', [{ path: 'fromReportId', message: 'The report to open the case from was not found' }]);
    await this.checkEntities(input.entities.map((e) => e.entityId));
    const fromNetwork = input.fromNetworkOf ? await this.networkLinks(input.fromNetworkOf) : [];
    const id = randomUUID();
    await this.repos.cases.transaction(async (cases, audit) => {
      const reference = await cases.create({
        id,
        kind: input.kind,
        title: input.title,
        summary: input.summary,
        agencyId: user.agencyId,
        officerInCharge: officer,
        openedBy: user.userId,
        at,
      });
      await cases.addStatusChange({ id: randomUUID(), caseId: id, from: null, to: 'new', reason: 'Opened', by: user.userId, at });
      const links = [...input.entities, ...fromNetwork];
      if (input.fromReportId) {
        await cases.addReports(id, [input.fromReportId], user.userId, at);
        for (const person of await cases.reportPeople(input.fromReportId)) {
          const role = ROLE_IN_CASE[person.role ?? ''];
          if (role) links.push({ entityId: person.entity_id, role });
        }
      }
      const linked = await cases.addEntities(id, links, user.userId, at);
      await audit(
        auditEntry(
          user,
          'case.opened',
          { type: 'case', id },
          { reference, kind: input.kind, fromReport: input.fromReportId ?? null, fromNetworkOf: input.fromNetworkOf ?? null, entities: linked },
        ),
      );
    });
    return this.view(user, id);
  }

  async get(actor: Actor, id: string): Promise<CaseView> {
    const user = permittedUser(actor, PERMISSIONS.casesRead, 'Your role does not read cases');
    await this.reachable(user, id);
    await this.repos.audit.append(auditEntry(user, 'case.viewed', { type: 'case', id }));
    return this.view(user, id);
  }

  async changeStatus(actor: Actor, id: string, to: CaseStatus, reason: string): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    const at = this.now();
    await this.repos.cases.transaction(async (cases, audit) => {
      const row = (await cases.lock(id))!;
      const decision = decideStatusChange(stateOf(row), to, user.role);
      if (decision.kind === 'ask-to-close') {
        await cases.requestClose(id, user.userId, reason, at);
        await audit(auditEntry(user, 'case.closing-requested', { type: 'case', id }, { from: row.status }));
        return;
      }
      await cases.setStatus(id, decision.to, at);
      await cases.addStatusChange({ id: randomUUID(), caseId: id, from: row.status, to: decision.to, reason, by: user.userId, at });
      await audit(auditEntry(user, 'case.status-changed', { type: 'case', id }, { from: row.status, to: decision.to }));
    });
    return this.view(user, id);
  }

  /** A supervisor approves a request to close (the case closes, the request's reason kept) or declines it. */
  async decideClosing(actor: Actor, id: string, decision: 'approve' | 'decline', reason: string): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    const at = this.now();
    await this.repos.cases.transaction(async (cases, audit) => {
      const row = (await cases.lock(id))!;
      decideClosing(stateOf(row), user.role);
      if (decision === 'decline') {
        await cases.clearCloseRequest(id, at);
        await audit(auditEntry(user, 'case.closing-declined', { type: 'case', id }, { reason: reason.length }));
        return;
      }
      await cases.setStatus(id, 'closed', at);
      const asked = row.close_reason ? `${row.close_reason}\n\n${reason}` : reason;
      await cases.addStatusChange({
        id: randomUUID(),
        caseId: id,
        from: row.status,
        to: 'closed',
        reason: asked,
        by: user.userId,
        at,
        requestedBy: row.close_requested_by,
      });
      await audit(auditEntry(user, 'case.closing-approved', { type: 'case', id }, { from: row.status }));
    });
    return this.view(user, id);
  }

  async addNote(actor: Actor, id: string, body: string): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    const at = this.now();
    await this.repos.cases.transaction(async (cases, audit) => {
      const noteId = randomUUID();
      await cases.addNote({ id: noteId, caseId: id, body, authorId: user.userId, at });
      await cases.touch(id, at);
      await audit(auditEntry(user, 'case.note-added', { type: 'case', id }, { note: noteId }));
    });
    return this.view(user, id);
  }

  async linkReport(actor: Actor, id: string, reportId: string): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    if (!(await this.repos.intake.reportExists(reportId))) throw new Invalid('No such report', [{ path: 'reportId', message: 'No report has this id' }]);
    const at = this.now();
    await this.repos.cases.transaction(async (cases, audit) => {
      if ((await cases.addReports(id, [reportId], user.userId, at)) === 0) return;
      await cases.touch(id, at);
      await audit(auditEntry(user, 'case.report-linked', { type: 'case', id }, { report: reportId }));
    });
    return this.view(user, id);
  }

  async unlinkReport(actor: Actor, id: string, reportId: string): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    const at = this.now();
    await this.repos.cases.transaction(async (cases, audit) => {
      if (!(await cases.removeReport(id, reportId))) throw new NotFound('The report is not linked to this case');
      await cases.touch(id, at);
      await audit(auditEntry(user, 'case.report-unlinked', { type: 'case', id }, { report: reportId }));
    });
    return this.view(user, id);
  }

  async linkEntity(actor: Actor, id: string, entityId: string, role: CaseEntityRole): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.checkEntities([entityId]);
    const at = this.now();
    await this.repos.cases.transaction(async (cases, audit) => {
      if ((await cases.addEntities(id, [{ entityId, role }], user.userId, at)) === 0) return;
      await cases.touch(id, at);
      await audit(auditEntry(user, 'case.entity-linked', { type: 'case', id }, { entity: entityId, role }));
    });
    return this.view(user, id);
  }

  async unlinkEntity(actor: Actor, id: string, entityId: string, role: CaseEntityRole): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    const at = this.now();
    await this.repos.cases.transaction(async (cases, audit) => {
      if (!(await cases.removeEntity(id, entityId, role))) throw new NotFound('The entity is not linked to this case in that role');
      await cases.touch(id, at);
      await audit(auditEntry(user, 'case.entity-unlinked', { type: 'case', id }, { entity: entityId, role }));
    });
    return this.view(user, id);
  }

  async assignOfficer(actor: Actor, id: string, userId: string): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.checkOfficer(userId, 'userId');
    const at = this.now();
    await this.repos.cases.transaction(async (cases, audit) => {
      await cases.setOfficer(id, userId, at);
      await audit(auditEntry(user, 'case.officer-assigned', { type: 'case', id }, { officer: userId }));
    });
    return this.view(user, id);
  }

  /** Records an arrest, charge, court result, order or the s45 question against a suspect of the case. */
  async recordOutcome(actor: Actor, id: string, input: OutcomeInput & { entityId: string }): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.records.recordOutcome(user, id, await this.people(id), input);
    return this.view(user, id);
  }

  async withdrawOutcome(actor: Actor, id: string, outcomeId: string, reason: string): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.records.withdrawOutcome(user, id, outcomeId, reason);
    return this.view(user, id);
  }

  /** Records a potential victim's NRM referral or Duty to Notify. */
  async recordNrm(actor: Actor, id: string, input: NrmInput): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.records.recordNrm(user, id, await this.people(id), input);
    return this.view(user, id);
  }

  /** Records decisions, support and corrections on a referral. */
  async updateNrm(actor: Actor, id: string, nrmId: string, input: Omit<NrmInput, 'entityId'>): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.records.updateNrm(user, id, nrmId, input);
    return this.view(user, id);
  }

  async recordPlan(actor: Actor, id: string, input: PlanInput): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.records.recordPlan(user, id, await this.people(id), input);
    return this.view(user, id);
  }

  async updatePlan(actor: Actor, id: string, planId: string, input: Omit<PlanInput, 'entityId'>): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.records.updatePlan(user, id, planId, input);
    return this.view(user, id);
  }

  async reviewPlan(actor: Actor, id: string, planId: string, input: { reviewedOn: string; note: string; nextReviewOn: string }): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.records.reviewPlan(user, id, planId, input);
    return this.view(user, id);
  }

  /** Keeps a document on the case, if its bytes are an allowed kind whose name agrees. */
  async addDocument(actor: Actor, id: string, upload: { fileName: string; description: string; bytes: Buffer }): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.documents.add(user, id, upload);
    return this.view(user, id);
  }

  /** A document's file, for download. */
  async document(actor: Actor, id: string, documentId: string): Promise<DocumentFile> {
    const user = permittedUser(actor, PERMISSIONS.casesRead, 'Your role does not read cases');
    await this.reachable(user, id);
    return this.documents.file(user, id, documentId);
  }

  async removeDocument(actor: Actor, id: string, documentId: string, reason: string): Promise<CaseView> {
    const user = this.worker(actor);
    await this.reachable(user, id);
    await this.documents.remove(user, id, documentId, reason);
    return this.view(user, id);
  }

  /** The case's people, as the picture holds them now, in each role. */
  private async people(id: string): Promise<CasePerson[]> {
    return peopleOf(await this.repos.cases.entities(id));
  }

  private worker(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.casesWork, 'Your role does not work cases');
  }

  /** The case, if this account may reach it; otherwise not found (a case of another agency is not admitted to exist). */
  private async reachable(user: UserActor, id: string): Promise<CaseRow> {
    const row = await this.repos.cases.get(id);
    if (!row || !mayReach(user, { agencyId: row.agency_id })) throw new NotFound('No such case');
    return row;
  }

  private async checkOfficer(userId: string, path: string): Promise<void> {
    const officer = await this.repos.users.get(userId);
    if (!officer || officer.disabled_at || !permissionsOf(officer.role).includes(PERMISSIONS.casesWork))
      throw new Invalid('Choose someone who works cases', [
        { path, message: 'The officer in charge must be a supervisor or investigator whose account is in use' },
      ]);
  }

  /** A network's people in the parts their reports give them (both, for a victim made to offend), its things associated. */
  private async networkLinks(entityId: string): Promise<{ entityId: string; role: CaseEntityRole }[]> {
    if (!(await this.repos.entities.entity(entityId))) throw new Invalid('No such entity', [{ path: 'fromNetworkOf', message: 'No entity has this id' }]);
    let members: string[];
    try {
      members = await this.networkMembers(entityId, MOST_FROM_NETWORK);
    } catch (error) {
      if (error instanceof NotFound)
        throw new Invalid('Not in the picture yet', [{ path: 'fromNetworkOf', message: 'This entity is in no network of the picture yet' }]);
      throw error;
    }
    return (await this.repos.cases.partsInReports(members)).flatMap((e): { entityId: string; role: CaseEntityRole }[] => {
      const roles: CaseEntityRole[] =
        e.kind !== 'person' ? ['associated'] : [...(e.suspect ? ['suspect' as const] : []), ...(e.victim ? ['potential_victim' as const] : [])];
      return (roles.length ? roles : ['associated' as const]).map((role) => ({ entityId: e.id, role }));
    });
  }

  private async checkEntities(ids: readonly string[]): Promise<void> {
    for (const [k, entityId] of ids.entries()) {
      if (!(await this.repos.entities.entity(entityId)))
        throw new Invalid('No such entity', [{ path: `entities.${k}.entityId`, message: 'No entity has this id' }]);
    }
  }

  private async view(user: UserActor, id: string): Promise<CaseView> {
    const row = await this.repos.cases.get(id);
    if (!row) throw new NotFound('No such case');
    const [history, reports, entities, notes, summary, tasks, documents] = await Promise.all([
      this.repos.cases.history(id),
      this.repos.cases.reports(id),
      this.repos.cases.entities(id),
      this.repos.cases.notes(id),
      this.repos.cases.list({ id }, 1).then((rows) => rows[0]!),
      this.tasks.ofCase(id),
      this.documents.of(id),
    ]);
    const canWork = can(user, PERMISSIONS.casesWork);
    const records = await this.records.of(user, id, peopleOf(entities));
    const sharing = await this.sharing.ofCase(user, id);
    return {
      ...summaryOf(summary),
      summary: row.summary,
      officerInChargeId: row.officer_in_charge,
      closedAt: row.closed_at?.toISOString() ?? null,
      closeRequest:
        row.close_requested_at && row.close_requested_by_name
          ? { by: row.close_requested_by_name, at: row.close_requested_at.toISOString(), reason: row.close_reason ?? '' }
          : null,
      nextStatuses: canWork ? nextStatuses(stateOf(row), user.role) : [],
      canWork,
      canApprove: canWork && user.role === 'supervisor',
      history: history.map((h) => ({
        from: h.from_status,
        to: h.to_status,
        reason: h.reason,
        by: h.changed_by_name,
        at: h.changed_at.toISOString(),
        requestedBy: h.requested_by_name,
      })),
      reportsLinked: reports.map((r) => ({
        id: r.id,
        reference: r.reference,
        receivedAt: r.received_at.toISOString(),
        source: r.source as CaseView['reportsLinked'][number]['source'],
        summary: r.summary,
        triageBand: r.triage_band as CaseView['reportsLinked'][number]['triageBand'],
      })),
      entities: entities.map((e) => ({ entityId: e.entity_id, linkedId: e.linked_id, kind: e.kind, label: e.label, role: e.role })),
      notes: notes.map((n) => ({
        id: n.id,
        body: n.body,
        by: n.author_name,
        at: n.written_at.toISOString(),
        agency: n.author_agency_id === row.agency_id ? null : n.author_agency,
      })),
      tasks,
      documents,
      records,
      sharing,
    };
  }
}

function peopleOf(entities: readonly { entity_id: string; linked_id: string; kind: string; role: CaseEntityRole }[]): CasePerson[] {
  return entities.filter((e) => e.kind === 'person').map((e) => ({ entityId: e.entity_id, linkedId: e.linked_id, role: e.role }));
}

function stateOf(row: CaseRow): { status: CaseStatus; closeRequested: boolean } {
  return { status: row.status, closeRequested: row.close_requested_at !== null };
}

function summaryOf(row: CaseListRow): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    title: row.title,
    status: row.status,
    officerInCharge: row.officer_name,
    openedAt: row.opened_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closeRequested: row.close_requested,
    reports: row.reports,
    victims: row.victims,
    suspects: row.suspects,
  };
}
