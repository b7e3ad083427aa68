import { z } from 'zod';
import { CASE_ENTITY_ROLES, CASE_KINDS, CASE_STATUSES } from '../vocabulary/pursue';
import { RECORD_KINDS } from '../vocabulary/picture';
import { EXPLOITATION_TYPES } from '../vocabulary/domain';
import { SHARING_CATEGORIES } from '../vocabulary/sharing';
import { text } from './fields';
import { caseSharingSchema, taskSchema } from './cases';

/** An information-sharing agreement with a partner agency. */
export const agreementSchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agency: z.string(),
  purpose: z.string(),
  lawfulBasis: z.string(),
  categories: z.array(z.enum(SHARING_CATEGORIES)),
  startsOn: z.string(),
  endsOn: z.string(),
  /** In force today: started, not past its end, not ended early. */
  inForce: z.boolean(),
  createdBy: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type AgreementView = z.output<typeof agreementSchema>;
export const agreementListSchema = z.object({ agreements: z.array(agreementSchema), agencies: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export type AgreementList = z.output<typeof agreementListSchema>;

export const newAgreementBody = z
  .object({
    agencyId: z.uuid(),
    purpose: text(2_000).min(3, 'Say what the sharing is for'),
    lawfulBasis: text(500).min(3, 'Give the lawful basis for the sharing'),
    categories: z.array(z.enum(SHARING_CATEGORIES)).max(SHARING_CATEGORIES.length).default([]),
    startsOn: z.iso.date('Enter a date like 2026-12-24'),
    endsOn: z.iso.date('Enter a date like 2026-12-24'),
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: 'The agreement cannot end before it starts', path: ['endsOn'] });
export type NewAgreementRequest = z.input<typeof newAgreementBody>;
export const endAgreementBody = z.object({ reason: text(2_000).min(3, 'Say why the agreement ends early') });

/** Sharing a case with an agency (and who it is shared with, for the holding team). */
export const shareCaseBody = z.object({ agencyId: z.uuid(), reason: text(2_000).min(3, 'Say why the case is shared with this agency') });
export const caseShareParams = z.object({ id: z.uuid(), agencyId: z.uuid() });

/** One graded report as a partner agency reads it (see core's sharedIntelligence). */
const sharedIntelligenceSchema = z.object({
  n: z.number().int(),
  receivedOn: z.string(),
  grading: z.string(),
  handlingConditions: z.string().nullable(),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)),
  town: z.string().nullable(),
  summary: z.string(),
});

const sharedPartySchema = z.object({ role: z.enum(CASE_ENTITY_ROLES), kind: z.enum(RECORD_KINDS), label: z.string().nullable(), n: z.number().int() });

/** A case as a partner agency reads it: what its agreement allows, and its own tasks and notes. */
export const sharedCaseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(CASE_KINDS),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  officerInCharge: z.string().nullable(),
  sharedAt: z.string(),
  /** What the agency's agreement allows it to be shared. */
  categories: z.array(z.enum(SHARING_CATEGORIES)),
  parties: z.array(sharedPartySchema),
  /**
   * The case's graded reports as the agreement allows: names, places and numbers it does not
   * allow taken out of the summary, the source never named; C only with its handling conditions.
   */
  intelligence: z.array(sharedIntelligenceSchema),
  tasks: z.array(taskSchema),
  notes: z.array(z.object({ id: z.uuid(), body: z.string(), by: z.string(), at: z.string() })),
});
export type SharedCaseView = z.output<typeof sharedCaseSchema>;
export const sharedCaseListSchema = z.object({
  cases: z.array(z.object({ id: z.uuid(), reference: z.string(), title: z.string(), status: z.enum(CASE_STATUSES), sharedAt: z.string() })),
});
export type SharedCaseList = z.output<typeof sharedCaseListSchema>;

/** Sharing one graded report (a referral) with an agency, as a case is shared. */
export const shareReportBody = shareCaseBody;
export const reportShareParams = z.object({ id: z.uuid(), agencyId: z.uuid() });
export const reportSharingSchema = caseSharingSchema;
export type ReportSharing = z.output<typeof reportSharingSchema>;

/** A report shared with the reader's agency, as its agreement allows: never its reference or its source. */
export const sharedReportSchema = z.object({
  id: z.uuid(),
  sharedAt: z.string(),
  categories: z.array(z.enum(SHARING_CATEGORIES)),
  parties: z.array(sharedPartySchema),
  intelligence: sharedIntelligenceSchema,
});
export type SharedReportView = z.output<typeof sharedReportSchema>;
export const sharedReportListSchema = z.object({
  reports: z.array(z.object({ id: z.uuid(), sharedAt: z.string(), receivedOn: z.string(), grading: z.string() })),
});
export type SharedReportList = z.output<typeof sharedReportListSchema>;
