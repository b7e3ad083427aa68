import { MOST_GRANT_DAYS, accessGrantListSchema, accessGrantSchema, idParams, newAccessGrantBody } from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

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
          response: { 200: accessGrantListSchema },
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
          body: newAccessGrantBody,
          response: { 201: accessGrantSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.accessGrants.grant(request.actor, request.body)),
    );

    app.post(
      '/api/access-grants/:id/revoke',
      {
        config: { permission: PERMISSIONS.accessGrant },
        schema: { tags: ['admin'], summary: 'End a grant of named access now; audited', params: idParams, response: { 200: accessGrantSchema } },
      },
      async (request) => svc.accessGrants.revoke(request.actor, request.params.id),
    );
  };
}
