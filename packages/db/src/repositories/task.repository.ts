import type { TaskStatus } from '@harbour/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { auditedTransaction } from './audited-transaction';

export interface NewTask {
  readonly id: string;
  readonly caseId: string;
  readonly title: string;
  readonly details: string;
  readonly ownerUserId: string | null;
  readonly ownerAgencyId: string | null;
  readonly dueOn: string | null;
  readonly createdBy: string;
  readonly at: Date;
}

/** Tasks on cases: who owns each (an account or a partner agency), when it is due, and how it ended. */
export class TaskRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  /** Runs `work` in one transaction, with a repository bound to it and an audit append in the same transaction. */
  transaction<T>(work: (tasks: TaskRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return auditedTransaction(this.db, this.audit, (tx) => new TaskRepository(tx), work);
  }

  async create(task: NewTask): Promise<void> {
    await this.db
      .insertInto('tasks')
      .values({
        id: task.id,
        case_id: task.caseId,
        title: task.title,
        details: task.details,
        owner_user_id: task.ownerUserId,
        owner_agency_id: task.ownerAgencyId,
        due_on: task.dueOn,
        created_by: task.createdBy,
        created_at: task.at,
        updated_at: task.at,
      })
      .execute();
  }

  /** Tasks with their case and owner named, the columns every view of a task reads. */
  private named() {
    return this.db
      .selectFrom('tasks as t')
      .innerJoin('cases as c', 'c.id', 't.case_id')
      .leftJoin('users as u', 'u.id', 't.owner_user_id')
      .leftJoin('agencies as a', 'a.id', 't.owner_agency_id')
      .leftJoin('users as f', 'f.id', 't.finished_by')
      .select([
        't.id',
        't.case_id',
        'c.reference as case_reference',
        'c.agency_id as case_agency_id',
        't.title',
        't.details',
        't.owner_user_id',
        't.owner_agency_id',
        'u.display_name as owner_user_name',
        'a.name as owner_agency_name',
        't.due_on',
        't.status',
        't.outcome',
        't.created_at',
        't.finished_at',
        'f.display_name as finished_by_name',
      ]);
  }

  async get(id: string) {
    return this.named().where('t.id', '=', id).executeTakeFirst();
  }

  async ofCase(caseId: string) {
    return this.named().where('t.case_id', '=', caseId).orderBy('t.created_at').orderBy('t.id').execute();
  }

  /** Open tasks owned by the account or by its agency, soonest due first (no due date last). */
  async openFor(userId: string, agencyId: string | null) {
    return this.named()
      .where('t.status', '=', 'open')
      .where((eb) => (agencyId ? eb.or([eb('t.owner_user_id', '=', userId), eb('t.owner_agency_id', '=', agencyId)]) : eb('t.owner_user_id', '=', userId)))
      .orderBy('t.due_on', (ob) => ob.asc().nullsLast())
      .orderBy('t.created_at')
      .limit(500)
      .execute();
  }

  /** Every open task on the agency's cases, for a supervisor's view by owner. */
  async openOnCasesOf(agencyId: string) {
    return this.named()
      .where('t.status', '=', 'open')
      .where('c.agency_id', '=', agencyId)
      .orderBy('t.due_on', (ob) => ob.asc().nullsLast())
      .orderBy('t.created_at')
      .limit(2000)
      .execute();
  }

  /** Ends an open task; false when it was not open (finished meanwhile). */
  async finish(id: string, status: Exclude<TaskStatus, 'open'>, outcome: string, by: string, at: Date): Promise<boolean> {
    const done = await this.db
      .updateTable('tasks')
      .set({ status, outcome, finished_by: by, finished_at: at, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(done.numUpdatedRows) > 0;
  }
}

export type TaskRow = NonNullable<Awaited<ReturnType<TaskRepository['get']>>>;
