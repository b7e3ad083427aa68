import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/index';
import { queueItemSchema } from './schemas';

export function myWorkRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/my-work',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'The reports assigned to me: overdue first, then by when triage falls due, then those in hand',
          response: {
            200: z.object({
              reports: z.array(queueItemSchema.extend({ dueBy: z.string().nullable(), overdue: z.boolean() })),
              overdue: z.number().int(),
            }),
          },
        },
      },
      async (request) => svc.myWork.list(request.actor),
    );
  };
}
