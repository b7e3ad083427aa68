import { myWorkSchema } from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

export function myWorkRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/my-work',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'The reports assigned to me: overdue first, then by when triage falls due, then those in hand',
          response: { 200: myWorkSchema },
        },
      },
      async (request) => svc.myWork.list(request.actor),
    );
  };
}
