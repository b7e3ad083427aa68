import { z } from 'zod';
import {
  CASE_ENTITY_ROLES,
  CASE_KINDS,
  CASE_STATUSES,
  COURT_RESULTS,
  NRM_CONSENTS,
  NRM_DECISIONS,
  NRM_ROUTES,
  OFFENCES,
  ORDER_TYPES,
  OUTCOME_KINDS,
  S45_ASSESSMENTS,
  SUPPORT_STATUSES,
  TASK_STATUSES,
  DOCUMENT_KINDS,
  DELETION_REASONS,
  RETENTION_RECORD_TYPES,
} from '../vocabulary/pursue';
import { EXPLOITATION_TYPES } from '../vocabulary/domain';
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
  /**
   * Opened from a network: the network this entity belongs to, its people linked in the parts
   * their reports give them (suspect, potential victim, or both), the rest associated; the most
   * connected first, 200 at most.
   */
  fromNetworkOf: z.uuid().optional(),
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
/** A document of a case as listed; its bytes are fetched on their own, always as a download. */
export const caseDocumentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  sizeBytes: z.number().int(),
  description: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  /** Taken off the case: who, when and why; the file itself is gone. */
  removed: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
});
export type CaseDocument = z.output<typeof caseDocumentSchema>;

const caseBaseSchema = caseSummarySchema.extend({
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
  /** `agency` names a partner agency whose user wrote the note (null for the holding team's own). */
  notes: z.array(z.object({ id: z.uuid(), body: z.string(), by: z.string(), at: z.string(), agency: z.string().nullable() })),
  tasks: z.array(taskSchema),
  documents: z.array(caseDocumentSchema),
});

/** Headers of an upload: the body is the file itself. The name is URI-encoded so any script survives a header. */
export const documentUploadHeaders = z.object({
  'x-file-name': z
    .string()
    .min(1, 'Name the file')
    .max(1_000)
    .transform((v, ctx) => {
      try {
        return decodeURIComponent(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not a URI-encoded file name' });
        return z.NEVER;
      }
    }),
  'x-description': z
    .string()
    .max(3_000)
    .optional()
    .transform((v, ctx) => {
      try {
        return decodeURIComponent(v ?? '').trim();
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not URI-encoded' });
        return z.NEVER;
      }
    })
    .pipe(z.string().max(500, 'Describe the document in at most 500 characters')),
});
export const documentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
export const removeDocumentBody = z.object({ reason: reasonSchema });

const isoDate = (message = 'Enter a date like 2026-12-24') => z.iso.date(message);
const optionalDate = isoDate()
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));

/** Something recorded against a suspect: an arrest, a charge, a court result, an order or the s45 question. */
export const newOutcomeBody = z.object({
  entityId: z.uuid(),
  kind: z.enum(OUTCOME_KINDS),
  occurredOn: isoDate(),
  offence: z.enum(OFFENCES).nullable().optional(),
  offenceCode: text(80).nullable().optional(),
  result: z
    .enum([...COURT_RESULTS, ...S45_ASSESSMENTS])
    .nullable()
    .optional(),
  orderType: z.enum(ORDER_TYPES).nullable().optional(),
  endsOn: optionalDate,
  untilFurtherOrder: z.boolean().optional(),
  details: text(2_000).default(''),
});
export type NewOutcomeRequest = z.input<typeof newOutcomeBody>;
export const outcomeSchema = z.object({
  id: z.uuid(),
  entityId: z.uuid(),
  kind: z.enum(OUTCOME_KINDS),
  occurredOn: z.string(),
  offence: z.enum(OFFENCES).nullable(),
  offenceCode: z.string().nullable(),
  result: z.enum([...COURT_RESULTS, ...S45_ASSESSMENTS]).nullable(),
  orderType: z.enum(ORDER_TYPES).nullable(),
  endsOn: z.string().nullable(),
  untilFurtherOrder: z.boolean(),
  /** An order in force today. */
  inForce: z.boolean(),
  details: z.string(),
  by: z.string(),
});
export type OutcomeView = z.output<typeof outcomeSchema>;
export const outcomeParams = z.object({ id: z.uuid(), outcomeId: z.uuid() });
export const withdrawOutcomeBody = z.object({ reason: reasonSchema });

/** A potential victim's NRM referral or Duty to Notify, and later its decisions and support. */
export const nrmBody = z.object({
  entityId: z.uuid(),
  route: z.enum(NRM_ROUTES),
  child: z.boolean(),
  consent: z.enum(NRM_CONSENTS),
  referredOn: isoDate(),
  firstResponder: text(200).min(2, 'Name the First Responder organisation'),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).max(EXPLOITATION_TYPES.length).default([]),
  homeOfficeReference: text(60).nullable().optional(),
  rgDecision: z.enum(NRM_DECISIONS).nullable().default(null),
  rgDecidedOn: optionalDate,
  cgDecision: z.enum(NRM_DECISIONS).nullable().default(null),
  cgDecidedOn: optionalDate,
  supportStatus: z.enum(SUPPORT_STATUSES).default('not_yet'),
  notes: text(5_000).default(''),
});
export type NrmRequest = z.input<typeof nrmBody>;
export const nrmSchema = z.object({
  id: z.uuid(),
  entityId: z.uuid(),
  route: z.enum(NRM_ROUTES),
  child: z.boolean(),
  consent: z.enum(NRM_CONSENTS),
  referredOn: z.string(),
  firstResponder: z.string(),
  exploitationTypes: z.array(z.string()),
  homeOfficeReference: z.string().nullable(),
  rgDecision: z.enum(NRM_DECISIONS).nullable(),
  rgDecidedOn: z.string().nullable(),
  cgDecision: z.enum(NRM_DECISIONS).nullable(),
  cgDecidedOn: z.string().nullable(),
  supportStatus: z.enum(SUPPORT_STATUSES),
  notes: z.string(),
  /** When the Reasonable Grounds decision is aimed at, and whether that has passed. */
  rgDueBy: z.string().nullable(),
  rgOverdue: z.boolean(),
  /** The first day a Conclusive Grounds decision may come, and whether it is now awaited. */
  cgFrom: z.string().nullable(),
  cgAwaited: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type NrmView = z.output<typeof nrmSchema>;
export const nrmParams = z.object({ id: z.uuid(), nrmId: z.uuid() });

/** A potential victim's safeguarding plan. */
export const planBody = z.object({
  entityId: z.uuid(),
  immediateRisks: text(5_000).min(3, 'Say what the immediate risks are, or that none are known'),
  accommodation: text(2_000).default(''),
  supportProvider: text(200).default(''),
  interpreterNeeded: z.boolean().default(false),
  language: text(80).nullable().optional(),
  leadAgencyId: z.uuid().nullable().optional(),
  nextReviewOn: isoDate(),
});
export type PlanRequest = z.input<typeof planBody>;
export const planSchema = z.object({
  id: z.uuid(),
  entityId: z.uuid(),
  immediateRisks: z.string(),
  accommodation: z.string(),
  supportProvider: z.string(),
  interpreterNeeded: z.boolean(),
  language: z.string().nullable(),
  leadAgencyId: z.uuid().nullable(),
  leadAgency: z.string().nullable(),
  nextReviewOn: z.string(),
  reviewOverdue: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  reviews: z.array(z.object({ id: z.uuid(), reviewedOn: z.string(), note: z.string(), by: z.string() })),
});
export type PlanView = z.output<typeof planSchema>;
export const planParams = z.object({ id: z.uuid(), planId: z.uuid() });
export const planReviewBody = z.object({
  reviewedOn: isoDate(),
  note: text(5_000).min(3, 'Say what the review found'),
  nextReviewOn: isoDate(),
});
export type PlanReviewRequest = z.input<typeof planReviewBody>;

/** What intake's guidance says of a potential victim, to prefill their NRM step and plan. */
export const protectPrefillSchema = z.object({
  entityId: z.uuid(),
  route: z.enum(NRM_ROUTES).nullable(),
  child: z.boolean().nullable(),
  consent: z.enum(NRM_CONSENTS).nullable(),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)),
  interpreterNeeded: z.boolean(),
  language: z.string().nullable(),
  /** The report the guidance came from. */
  fromReport: z.string(),
});
export type ProtectPrefill = z.output<typeof protectPrefillSchema>;

/** What a case records against its suspects and for its potential victims. */
export const caseRecordsSchema = z.object({
  outcomes: z.array(outcomeSchema),
  nrm: z.array(nrmSchema),
  plans: z.array(planSchema),
  prefill: z.array(protectPrefillSchema),
  /** Suspects who are also potential victims with the s45 question not yet answered. */
  s45Open: z.array(z.uuid()),
  /** The agencies a plan can name as its lead. */
  agencies: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The reader's own agency, the First Responder a referral is prefilled with. */
  firstResponder: z.string(),
});
export type CaseRecords = z.output<typeof caseRecordsSchema>;

/** Who the case is shared with (for its holding team), and who it could be shared with now. */
export const caseSharingSchema = z.object({
  canShare: z.boolean(),
  shares: z.array(
    z.object({
      agencyId: z.uuid(),
      agency: z.string(),
      reason: z.string(),
      sharedBy: z.string(),
      sharedAt: z.string(),
      revokedAt: z.string().nullable(),
      /** The agency reads the case now: shared, not withdrawn, and an agreement in force. */
      reading: z.boolean(),
    }),
  ),
  /** Agencies with an information-sharing agreement in force. */
  shareable: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const caseSchema = caseBaseSchema.extend({ records: caseRecordsSchema, sharing: caseSharingSchema });
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

/** Records due for review under the retention schedule, the schedule itself, and what has been deleted under it. */
export const retentionSchema = z.object({
  schedule: z.object({ report: z.number().int(), case: z.number().int(), case_convicted: z.number().int() }),
  due: z.array(
    z.object({
      recordType: z.enum(RETENTION_RECORD_TYPES),
      id: z.uuid(),
      reference: z.string(),
      startedOn: z.string(),
      dueOn: z.string(),
      lastReview: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
    }),
  ),
  deleted: z.object({ reports: z.number().int(), cases: z.number().int(), potentialVictims: z.number().int(), entities: z.number().int() }),
});
export type RetentionView = z.output<typeof retentionSchema>;
export const retentionParams = z.object({ kind: z.enum(['report', 'case']), id: z.uuid() });
export const retainBody = z.object({ reason: text(2_000), nextReviewOn: z.iso.date('Enter a date like 2027-12-24') });
export const deleteRecordBody = z.object({ reason: z.enum(DELETION_REASONS) });
