import { z } from 'zod';
import { CASE_ENTITY_ROLES, CASE_KINDS, CASE_STATUSES } from '../vocabulary/pursue';
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
