import { forceAreaSchema, healthSchema } from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';
import { VERSION } from '../version';

/** What any client may ask of Harbour itself: is it up, and which force it serves. */
export function systemRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { permission: PERMISSIONS.public },
        schema: {
          tags: ['system'],
          summary: 'Is Harbour up, and on which store',
          response: { 200: healthSchema },
        },
      },
      async () => ({ status: 'ok' as const, store: svc.store, version: VERSION }),
    );

    // The force's areas are configuration: every page (the public form too) names them from here.
    app.get(
      '/api/force',
      {
        config: { permission: PERMISSIONS.public },
        schema: {
          tags: ['system'],
          summary: 'The force Harbour serves and its local authorities (ONS code, English and Welsh names)',
          response: { 200: forceAreaSchema },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=3600');
        return {
          force: svc.area.force,
          forceCy: svc.area.forceCy,
          areas: svc.area.localAuthorities.map((l) => ({ code: l.code, name: l.name, nameCy: l.nameCy })),
        };
      },
    );
  };
}
