import type { TaskList, TaskOwners, TaskView } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import {
  Conflict,
  Invalid,
  NotFound,
  PERMISSIONS,
  can,
  isPartnerRole,
  localDate,
  mayReach,
  permissionsOf,
  permittedUser,
  sharingTerms,
  type Actor,
  type UserActor,
} from '@harbour/core';
import { agreementTerms } from './sharing-terms';
import type { Repositories, TaskRow } from '@harbour/db';
import { auditEntry } from './audit.service';

export interface NewTaskInput {
  readonly title: string;
  readonly details: string;
  readonly ownerUserId?: string | undefined;
  readonly ownerAgencyId?: string | undefined;
  readonly dueOn?: string | undefined;
}

/**
 * Tasks on cases. The case's team gives a task to one of its accounts or to a partner agency; the
 * owner (or any user of the owning agency) sees it among their tasks, overdue first, and records
 * what was done. A partner reads the task and its case's reference, not the case. A supervisor
 * sees every open task on the agency's cases. Audited.
 */
export class TaskService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Who a task may be given to: the accounts that work cases, and the partner agencies. */
  async owners(actor: Actor): Promise<TaskOwners> {
    permittedUser(actor, PERMISSIONS.casesWork, 'Your role does not give tasks');
    const [users, agencies, terms] = await Promise.all([this.repos.intake.teamMembers(), this.repos.agencies.list(), agreementTerms(this.repos)]);
    const today = localDate(this.now());
    return {
      users: users.map((u) => ({ id: u.id, name: u.display_name })),
      // Only agencies with an information-sharing agreement in force can be given work.
      agencies: agencies.filter((a) => a.kind !== 'police' && sharingTerms(terms, a.id, today) !== null).map((a) => ({ id: a.id, name: a.name })),
    };
  }

  /** Gives a task on a case; the case must be the giver's to reach. */
  async create(actor: Actor, caseId: string, input: NewTaskInput): Promise<TaskView> {
    const user = permittedUser(actor, PERMISSIONS.casesWork, 'Your role does not give tasks');
    const owning = await this.repos.cases.get(caseId);
    if (!owning || !mayReach(user, { agencyId: owning.agency_id })) throw new NotFound('No such case');
    if (owning.status === 'closed') throw new Conflict('The case is closed: reopen it to give a task');
    if (input.ownerUserId) {
      const owner = await this.repos.users.get(input.ownerUserId);
      if (!owner || owner.disabled_at || !permissionsOf(owner.role).includes(PERMISSIONS.tasksWork))
        throw new Invalid('Choose someone who works tasks', [{ path: 'ownerUserId', message: 'Choose an account of the team that is in use' }]);
    }
    if (input.ownerAgencyId && !(await this.repos.agencies.get(input.ownerAgencyId)))
      throw new Invalid('No such agency', [{ path: 'ownerAgencyId', message: 'Choose one of the partner agencies' }]);
    // A task given to an agency shares it: only inside an information-sharing agreement in force.
    if (input.ownerAgencyId && input.ownerAgencyId !== user.agencyId && !(await this.agreementInForce(input.ownerAgencyId)))
      throw new Invalid('No agreement in force', [
        { path: 'ownerAgencyId', message: 'There is no information-sharing agreement in force with this agency: an administrator records one first' },
      ]);
    const id = randomUUID();
    const at = this.now();
    await this.repos.tasks.transaction(async (tasks, audit) => {
      await tasks.create({
        id,
        caseId,
        title: input.title,
        details: input.details,
        ownerUserId: input.ownerUserId ?? null,
        ownerAgencyId: input.ownerAgencyId ?? null,
        dueOn: input.dueOn ?? null,
        createdBy: user.userId,
        at,
      });
      await audit(
        auditEntry(user, 'task.created', { type: 'task', id }, { case: caseId, owner: input.ownerUserId ? 'user' : 'agency', dueOn: input.dueOn ?? null }),
      );
    });
    return this.view((await this.repos.tasks.get(id))!);
  }

  /** The case's tasks, for the case's page (the case already reached by the reader). */
  async ofCase(caseId: string): Promise<TaskView[]> {
    return (await this.repos.tasks.ofCase(caseId)).map((t) => this.view(t));
  }

  /** My open tasks, and my agency's when I work for a partner: overdue first, then soonest due. */
  async mine(actor: Actor): Promise<TaskList> {
    const user = permittedUser(actor, PERMISSIONS.tasksWork, 'Your role does not work tasks');
    // A partner agency's tasks are its to see only while an agreement with it is in force.
    const agency = isPartnerRole(user.role) && (await this.agreementInForce(user.agencyId)) ? user.agencyId : null;
    const rows = await this.repos.tasks.openFor(user.userId, agency);
    await this.repos.audit.append(auditEntry(user, 'tasks.listed', null, { count: rows.length, whose: 'mine' }));
    return this.listOf(rows);
  }

  /** Every open task on the agency's cases, for a supervisor to see who has what. */
  async open(actor: Actor): Promise<TaskList> {
    const user = permittedUser(actor, PERMISSIONS.tasksOversee, 'Only a supervisor sees every task');
    const rows = await this.repos.tasks.openOnCasesOf(user.agencyId);
    await this.repos.audit.append(auditEntry(user, 'tasks.listed', null, { count: rows.length, whose: 'all' }));
    return this.listOf(rows);
  }

  /** The owner (or a user of the owning agency, or the case's team) records what was done, or why it was cancelled. */
  async finish(actor: Actor, id: string, status: 'done' | 'cancelled', outcome: string): Promise<TaskView> {
    const user = permittedUser(actor, PERMISSIONS.tasksWork, 'Your role does not work tasks');
    const task = await this.repos.tasks.get(id);
    if (!task || !(await this.mayWork(user, task))) throw new NotFound('No such task');
    const at = this.now();
    await this.repos.tasks.transaction(async (tasks, audit) => {
      if (!(await tasks.finish(id, status, outcome, user.userId, at))) throw new Conflict('This task has been finished already');
      await audit(auditEntry(user, status === 'done' ? 'task.done' : 'task.cancelled', { type: 'task', id }, { case: task.case_id }));
    });
    return this.view((await this.repos.tasks.get(id))!);
  }

  private async agreementInForce(agencyId: string): Promise<boolean> {
    return sharingTerms(await agreementTerms(this.repos), agencyId, localDate(this.now())) !== null;
  }

  /** Its owner, a user of the owning agency (while an agreement with it is in force), or the case's team (who work its cases). */
  private async mayWork(user: UserActor, task: TaskRow): Promise<boolean> {
    if (task.owner_user_id === user.userId) return true;
    if (task.owner_agency_id !== null && task.owner_agency_id === user.agencyId && task.owner_agency_id !== task.case_agency_id)
      return this.agreementInForce(user.agencyId);
    return can(user, PERMISSIONS.casesWork) && mayReach(user, { agencyId: task.case_agency_id });
  }

  private listOf(rows: TaskRow[]): TaskList {
    const tasks = rows.map((t) => this.view(t));
    // Overdue first (oldest due first), then the rest as the store ordered them (soonest due).
    const ordered = [...tasks.filter((t) => t.overdue), ...tasks.filter((t) => !t.overdue)];
    return { tasks: ordered, overdue: tasks.filter((t) => t.overdue).length };
  }

  private view(t: TaskRow): TaskView {
    const today = localDate(this.now());
    return {
      id: t.id,
      caseId: t.case_id,
      caseReference: t.case_reference,
      title: t.title,
      details: t.details,
      owner:
        t.owner_user_id !== null
          ? { kind: 'user', id: t.owner_user_id, name: t.owner_user_name ?? '' }
          : { kind: 'agency', id: t.owner_agency_id!, name: t.owner_agency_name ?? '' },
      dueOn: t.due_on,
      overdue: t.status === 'open' && t.due_on !== null && t.due_on < today,
      status: t.status,
      outcome: t.outcome,
      finishedBy: t.finished_by_name,
      finishedAt: t.finished_at?.toISOString() ?? null,
    };
  }
}
