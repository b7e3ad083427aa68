import { z } from 'zod';
import { CASE_ENTITY_ROLES, CASE_KINDS, CASE_STATUSES, TASK_STATUSES } from '../vocabulary/pursue';
import { RECORD_KINDS } from '../vocabulary/picture';
import { TRIAGE_BANDS, REPORT_SOURCES } from '../vocabulary/domain';
import { text } from './fields';

/** Why a case moved on, was closed or was not: kept in its history, so it must say something. */
const reasonSchema = text(2_000).min(3, 'Give the reason in a few words');

export const newCaseBody = z.object({
  kind: z.enum(CASE_KINDS),
  title: text(200).min(3, 'Give the case a title of a few words'),
  summary: text(10_000).default(''),
  /** The account in charge; the one opening it when absent. */
  officerInChargeId: z.uuid().optional(),
  /** Opened from a report: the report is linked, and its people as the picture resolved them. */
  fromReportId: z.uuid().optional(),
  /** Opened from entities (one, or a network's): each linked in its role. */
  entities: z
    .array(z.object({ entityId: z.uuid(), role: z.enum(CASE_ENTITY_ROLES) }))
    .max(200)
    .default([]),
});
export type NewCaseRequest = z.input<typeof newCaseBody>;

export const caseListQuery = z.object({
  status: z.enum([...CASE_STATUSES, 'open']).optional(),
  mine: z.stringbool().optional(),
});

export const caseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(CASE_KINDS),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  officerInCharge: z.string().nullable(),
  openedAt: z.string(),
  updatedAt: z.string(),
  closeRequested: z.boolean(),
  reports: z.number().int(),
  /** People, not reports: distinct potential victims and suspects linked to the case. */
  victims: z.number().int(),
  suspects: z.number().int(),
});
export type CaseSummary = z.output<typeof caseSummarySchema>;
export const caseListSchema = z.object({ cases: z.array(caseSummarySchema) });
export type CaseList = z.output<typeof caseListSchema>;

/** A task as its owner, the case's team or a supervisor reads it. */
export const taskSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  title: z.string(),
  details: z.string(),
  owner: z.object({ kind: z.enum(['user', 'agency']), id: z.uuid(), name: z.string() }),
  dueOn: z.string().nullable(),
  /** Open and past its due date (UK date). */
  overdue: z.boolean(),
  status: z.enum(TASK_STATUSES),
  outcome: z.string().nullable(),
  finishedBy: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TaskView = z.output<typeof taskSchema>;
export const caseSchema = caseSummarySchema.extend({
  summary: z.string(),
  officerInChargeId: z.uuid().nullable(),
  closedAt: z.string().nullable(),
  closeRequest: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
  /** Where the reader may move the case now (closing, for a non-supervisor, is a request). */
  nextStatuses: z.array(z.enum(CASE_STATUSES)),
  /** Whether the reader may change the case (link, note, move on). */
  canWork: z.boolean(),
  /** Whether the reader decides requests to close. */
  canApprove: z.boolean(),
  history: z.array(
    z.object({
      from: z.enum(CASE_STATUSES).nullable(),
      to: z.enum(CASE_STATUSES),
      reason: z.string(),
      by: z.string(),
      at: z.string(),
      requestedBy: z.string().nullable(),
    }),
  ),
  reportsLinked: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      receivedAt: z.string(),
      source: z.enum(REPORT_SOURCES),
      summary: z.string(),
      triageBand: z.enum(TRIAGE_BANDS).nullable(),
    }),
  ),
  entities: z.array(
    z.object({
      entityId: z.uuid(),
      /** The entity first linked, when it has been merged into `entityId` since. */
      linkedId: z.uuid(),
      kind: z.enum(RECORD_KINDS),
      label: z.string(),
      role: z.enum(CASE_ENTITY_ROLES),
    }),
  ),
  notes: z.array(z.object({ id: z.uuid(), body: z.string(), by: z.string(), at: z.string() })),
  tasks: z.array(taskSchema),
});
export type CaseView = z.output<typeof caseSchema>;

export const caseStatusBody = z.object({ to: z.enum(CASE_STATUSES), reason: reasonSchema });
export type CaseStatusRequest = z.input<typeof caseStatusBody>;
export const caseClosingBody = z.object({ decision: z.enum(['approve', 'decline']), reason: reasonSchema });
export type CaseClosingRequest = z.input<typeof caseClosingBody>;
export const caseNoteBody = z.object({ body: text(10_000).min(1, 'Write the note') });
export const caseReportBody = z.object({ reportId: z.uuid() });
export const caseEntityBody = z.object({ entityId: z.uuid(), role: z.enum(CASE_ENTITY_ROLES) });
export const caseOfficerBody = z.object({ userId: z.uuid() });
export const caseReportParams = z.object({ id: z.uuid(), reportId: z.uuid() });
export const caseEntityParams = z.object({ id: z.uuid(), entityId: z.uuid(), role: z.enum(CASE_ENTITY_ROLES) });

export const taskListSchema = z.object({ tasks: z.array(taskSchema), overdue: z.number().int() });
export type TaskList = z.output<typeof taskListSchema>;

export const newTaskBody = z
  .object({
    title: text(200).min(3, 'Say what is to be done in a few words'),
    details: text(5_000).default(''),
    /** One owner: an account of the team, or a partner agency. */
    ownerUserId: z.uuid().optional(),
    ownerAgencyId: z.uuid().optional(),
    dueOn: z.iso
      .date('Enter a date like 2026-12-24')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .refine((b) => (b.ownerUserId === undefined) !== (b.ownerAgencyId === undefined), { message: 'Choose who the task is for', path: ['owner'] });
export type NewTaskRequest = z.input<typeof newTaskBody>;
export const finishTaskBody = z.object({ status: z.enum(['done', 'cancelled']), outcome: text(5_000).min(3, 'Say what was done, in a few words') });
export type FinishTaskRequest = z.input<typeof finishTaskBody>;

/** Who a task can be given to: the team's accounts and the partner agencies. */
export const taskOwnersSchema = z.object({
  users: z.array(z.object({ id: z.uuid(), name: z.string() })),
  agencies: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type TaskOwners = z.output<typeof taskOwnersSchema>;
