import { z } from 'zod';
import { ACCOUNT_ACTIONS, AGENCY_KINDS } from '../vocabulary/access';
import { emailSchema, roleSchema } from './fields';
import { newPasswordSchema } from './session';

/** Accounts, agencies, named access and the audit log: what administrators and supervisors see. */
export const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  agencyId: z.string(),
  agencyName: z.string(),
  secondFactor: z.boolean(),
  locked: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.output<typeof accountSchema>;
export const accountListSchema = z.object({ users: z.array(accountSchema) });
export type AccountList = z.output<typeof accountListSchema>;

export const newAccountBody = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(1, 'Enter a name').max(120),
  role: roleSchema,
  agencyId: z.uuid('Choose an agency'),
  password: newPasswordSchema,
});
export type NewAccount = z.output<typeof newAccountBody>;
export const accountActionBody = z.object({ action: z.enum(ACCOUNT_ACTIONS) });

export const agencySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  /** An NRM First Responder Organisation. */
  firstResponder: z.boolean(),
  users: z.number(),
});
export type Agency = z.output<typeof agencySchema>;
export const agencyListSchema = z.object({ agencies: z.array(agencySchema) });
export type AgencyList = z.output<typeof agencyListSchema>;
export const newAgencyBody = z.object({
  name: z.string().trim().min(2, 'Enter a name').max(160),
  kind: z.enum(AGENCY_KINDS),
  firstResponder: z.boolean().optional(),
});
export const firstResponderBody = z.object({ firstResponder: z.boolean() });

/** The most days one grant of named access can last. */
export const MOST_GRANT_DAYS = 90;

/** A supervisor's grant of named access to a researcher. */
export const accessGrantSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  grantedBy: z.string(),
  purpose: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  inForce: z.boolean(),
});
export type AccessGrant = z.output<typeof accessGrantSchema>;
export const accessGrantListSchema = z.object({ grants: z.array(accessGrantSchema), mostDays: z.number() });
export type AccessGrantList = z.output<typeof accessGrantListSchema>;
export const newAccessGrantBody = z.object({
  userId: z.uuid('Choose a researcher'),
  purpose: z.string().trim().min(10, 'Say what the access is for').max(500),
  days: z.number().int().min(1).max(MOST_GRANT_DAYS),
});
export type NewAccessGrant = z.output<typeof newAccessGrantBody>;

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
export const auditQuery = z.object({
  actorId: z.uuid().optional(),
  action: z.string().max(80).optional(),
  subjectId: z.string().max(80).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** What an agency's administrator reads of its own staff's use of Harbour. */
export const agencyActivityQuery = z.object({
  actorId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const agencyActivitySchema = z.object({
  entries: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      actorId: z.string(),
      actorName: z.string(),
      action: z.string(),
      subjectType: z.string().nullable(),
      subjectId: z.string().nullable(),
    }),
  ),
  /** The agency's accounts, to choose whose activity to read. */
  staff: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string(), disabled: z.boolean() })),
});
export type AgencyActivity = z.output<typeof agencyActivitySchema>;
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), actions: z.array(z.string()) });
export type AuditPage = z.output<typeof auditPageSchema>;
