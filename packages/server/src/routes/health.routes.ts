import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/index';
import { VERSION } from '../version';

export function healthRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { permission: PERMISSIONS.public },
        schema: {
          tags: ['system'],
          summary: 'Is Harbour up, and on which store',
          response: { 200: z.object({ status: z.literal('ok'), store: z.enum(['pglite', 'postgres']), version: z.string() }) },
        },
      },
      async () => ({ status: 'ok' as const, store: svc.store, version: VERSION }),
    );
  };
}
