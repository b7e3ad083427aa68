import { z } from 'zod';
import { emailSchema, roleSchema, securityCodeSchema } from './fields';

/** Passwords: long enough to resist guessing, short enough to hash without a denial of service. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const newPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH);

export const SESSION_STAGES = ['second-factor', 'enrol-second-factor', 'complete'] as const;

export const sessionSchema = z.object({
  stage: z.enum(SESSION_STAGES),
  csrfToken: z.string(),
  user: z.object({
    id: z.string(),
    displayName: z.string(),
    email: z.string(),
    role: roleSchema,
    agencyId: z.string(),
    agencyName: z.string(),
    /** The account's agency is an NRM First Responder Organisation. */
    agencyFirstResponder: z.boolean(),
  }),
  permissions: z.array(z.string()),
  /** A researcher's grant of named access in force. */
  grant: z.object({ purpose: z.string(), grantedBy: z.string(), expiresAt: z.string() }).nullable(),
  expiresAt: z.string(),
});
export type Session = z.output<typeof sessionSchema>;

export const signInBody = z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH) });
export const secondFactorBody = z.object({ code: z.string().trim().min(6, 'Enter the code').max(20) });
export const enrolmentSchema = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export type Enrolment = z.output<typeof enrolmentSchema>;
export const enrolmentConfirmBody = z.object({ code: securityCodeSchema });
export const enrolmentConfirmedSchema = z.object({ session: sessionSchema, recoveryCodes: z.array(z.string()) });
export type EnrolmentConfirmed = z.output<typeof enrolmentConfirmedSchema>;
export const accountActivitySchema = z.object({ events: z.array(z.object({ at: z.string(), action: z.string() })) });
export type AccountActivity = z.output<typeof accountActivitySchema>;
export const passwordChangeBody = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: newPasswordSchema });
