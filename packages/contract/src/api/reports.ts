import { z } from 'zod';
import { EXPLOITATION_TYPES, REPORT_SOURCES } from '../vocabulary/domain';
import { text } from './fields';
import { triageSchema } from './intake';

/** Reports as the team reads them: the queue, one's own work, one report whole and its thread. */

/** Reports received in the last 12 months, by local authority and source (counts only). */
export const overviewSchema = z.object({
  since: z.string(),
  total: z.number(),
  byArea: z.array(z.object({ code: z.string(), name: z.string(), nameCy: z.string(), count: z.number() })),
  bySource: z.array(z.object({ source: z.string(), count: z.number() })),
});
export type Overview = z.output<typeof overviewSchema>;

export const REPORT_STATUSES = ['new', 'triaged', 'closed'] as const;

/** A report as one line of a list: the triage queue and a person's work. */
export const queueItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.string(),
  receivedAt: z.string(),
  localAuthority: z.string().nullable(),
  town: z.string().nullable(),
  exploitationTypes: z.array(z.string()),
  involvesChild: z.boolean(),
  triageScore: z.number().nullable(),
  triageBand: z.string().nullable(),
  status: z.string(),
  language: z.string().nullable(),
  summary: z.string(),
});
export type QueueItem = z.output<typeof queueItemSchema>;

/** The triage queue's filters; `area` is checked against the force's configured areas. */
export const triageQuery = (areaCodes: readonly [string, ...string[]]) =>
  z.object({
    status: z.enum(REPORT_STATUSES).default('new'),
    area: z.enum(areaCodes).optional(),
    source: z.enum(REPORT_SOURCES).optional(),
    child: z.enum(['yes', 'no']).optional(),
    type: z.enum(EXPLOITATION_TYPES).optional(),
    reference: z.string().trim().min(1).max(40).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  });
export const triageListSchema = z.object({ items: z.array(queueItemSchema) });
export type TriageList = z.output<typeof triageListSchema>;

export const workReportSchema = queueItemSchema.extend({
  /** When triage falls due; null once the report is triaged and in hand. */
  dueBy: z.string().nullable(),
  overdue: z.boolean(),
});
export type WorkReport = z.output<typeof workReportSchema>;
/** GET /api/my-work: the reports assigned to me, in the order to work them. */
export const myWorkSchema = z.object({ reports: z.array(workReportSchema), overdue: z.number().int() });
export type MyWork = z.output<typeof myWorkSchema>;

/** The entity a mention became in the picture; null until the picture has taken the report in. */
const entityId = z.string().nullable();

export const reportViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  language: z.string().nullable(),
  /** The awareness campaign whose QR code a public report came by. */
  campaign: z.string().nullable(),
  /** The kind of place a self-check was made at (car wash, nail bar…). */
  setting: z.string().nullable(),
  relation: z.string().nullable(),
  summary: z.string(),
  occurred: z.string().nullable(),
  localAuthority: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  locationDescription: z.string().nullable(),
  exploitationTypes: z.array(z.string()),
  involvesChild: z.boolean(),
  triageScore: z.number().nullable(),
  triageBand: z.string().nullable(),
  /** Triage as it was scored when the report arrived (every producer scores it the same way). */
  triage: triageSchema.nullable(),
  /** What a referral said of the victim beyond the people it names (each producer adds its own facts). */
  victim: z.looseObject({ ageYears: z.number().optional(), consentToNrm: z.string().optional() }).nullable(),
  indicatorIds: z.array(z.string()),
  catalogueVersion: z.string().nullable(),
  grading: z.string().nullable(),
  /** The conditions intelligence graded C is passed on under. */
  handlingConditions: z.string().nullable(),
  assignedTo: z.string().nullable(),
  triagedAt: z.string().nullable(),
  hasFollowUp: z.boolean(),
  /** The code the reporter was given, to find the report by when they ring or write. */
  referenceCode: z.string().nullable(),
  dangerNow: z.boolean(),
  persons: z.array(
    z.object({
      role: z.string(),
      givenName: z.string().nullable(),
      familyName: z.string().nullable(),
      nationality: z.string().nullable(),
      gender: z.string().nullable(),
      dob: z.string().nullable(),
      phone: z.string().nullable(),
      description: z.string().nullable(),
      entityId,
    }),
  ),
  phones: z.array(z.object({ number: z.string(), entityId })),
  vehicles: z.array(z.object({ registration: z.string(), description: z.string().nullable(), entityId })),
  businesses: z.array(z.object({ name: z.string(), address: z.string().nullable(), entityId })),
  addresses: z.array(z.object({ address: z.string(), postcode: z.string().nullable(), town: z.string().nullable(), entityId })),
  online: z.array(z.object({ identifier: z.string(), platform: z.string().nullable(), description: z.string().nullable(), entityId })),
  bankAccounts: z.array(
    z.object({
      bank: z.string().nullable(),
      sortCode: z.string().nullable(),
      accountNumber: z.string().nullable(),
      iban: z.string().nullable(),
      holder: z.string().nullable(),
      entityId,
    }),
  ),
  documents: z.array(
    z.object({
      type: z.string(),
      number: z.string(),
      country: z.string().nullable(),
      holder: z.string().nullable(),
      description: z.string().nullable(),
      entityId,
    }),
  ),
});
export type ReportView = z.output<typeof reportViewSchema>;

export const triageDecisionBody = z.object({
  assignTo: z.uuid().nullable().optional(),
  grading: z.string().max(3).optional(),
  /** Required with a grading whose handling code is C; cleared by one graded P. */
  handlingConditions: text(2000).optional(),
  markTriaged: z.boolean().optional(),
});
export type TriageDecision = z.output<typeof triageDecisionBody>;

export const assigneesSchema = z.object({ assignees: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) });
export type Assignees = z.output<typeof assigneesSchema>;

export const reportPhotosSchema = z.object({ photos: z.array(z.object({ id: z.string(), contentType: z.string(), width: z.number(), height: z.number() })) });
export type ReportPhotos = z.output<typeof reportPhotosSchema>;
export const photoParams = z.object({ id: z.uuid(), photoId: z.uuid() });

/** A message between reporter and team, either way. */
export const messageText = text(5000).min(1, 'Write your message');
export const messageSchema = z.object({ id: z.string(), from: z.enum(['reporter', 'team']), body: z.string(), at: z.string() });
export type Message = z.output<typeof messageSchema>;
export const messagesSchema = z.array(messageSchema);
export const threadSchema = z.object({ messages: messagesSchema });
export type Thread = z.output<typeof threadSchema>;
export const messageBody = z.object({ body: messageText });
