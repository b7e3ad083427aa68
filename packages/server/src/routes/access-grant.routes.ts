import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MOST_GRANT_DAYS } from '../services/access-grant.service';
import type { Services } from '../services/index';

const grantSchema = z.object({
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

/** A supervisor's grants of named access to researchers (DESIGN §1). */
export function accessGrantRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/access-grants',
      {
        config: { permission: PERMISSIONS.accessGrant },
        schema: {
          tags: ['admin'],
          summary: 'Grants of named access in force, and those ended in the last 90 days',
          response: { 200: z.object({ grants: z.array(grantSchema), mostDays: z.number() }) },
        },
      },
      async (request) => ({ grants: await svc.accessGrants.list(request.actor), mostDays: MOST_GRANT_DAYS }),
    );

    app.post(
      '/api/access-grants',
      {
        config: { permission: PERMISSIONS.accessGrant },
        schema: {
          tags: ['admin'],
          summary: 'Grant a researcher named access (reports and the picture, read only) for a purpose and a number of days; audited',
          body: z.object({
            userId: z.uuid('Choose a researcher'),
            purpose: z.string().trim().min(10, 'Say what the access is for').max(500),
            days: z.number().int().min(1).max(MOST_GRANT_DAYS),
          }),
          response: { 201: grantSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.accessGrants.grant(request.actor, request.body)),
    );

    app.post(
      '/api/access-grants/:id/revoke',
      {
        config: { permission: PERMISSIONS.accessGrant },
        schema: { tags: ['admin'], summary: 'End a grant of named access now; audited', params: z.object({ id: z.uuid() }), response: { 200: grantSchema } },
      },
      async (request) => svc.accessGrants.revoke(request.actor, request.params.id),
    );
  };
}
