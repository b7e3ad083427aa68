import { ROLES } from '@harbour/core';
import { z } from 'zod';

/** Shapes shared by several routes. */
export const roleSchema = z.enum(ROLES);

export const sessionSchema = z.object({
  stage: z.enum(['second-factor', 'enrol-second-factor', 'complete']),
  csrfToken: z.string(),
  user: z.object({ id: z.string(), displayName: z.string(), email: z.string(), role: roleSchema, agencyId: z.string(), agencyName: z.string() }),
  permissions: z.array(z.string()),
  expiresAt: z.string(),
});

export const emailSchema = z.string().trim().min(3).max(254).email('Enter an email address like name@example.org');
export const okSchema = z.object({ ok: z.literal(true) });
