import { deleteRecordBody, okSchema, retainBody, retentionParams, retentionSchema } from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

/** Records management: the review list under the retention schedule, keeping and deleting. */
export function retentionRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const config = { permission: PERMISSIONS.recordsReview };
    const tags = ['records'];

    app.get(
      '/api/retention',
      {
        config,
        schema: {
          tags,
          summary: 'Reports and closed cases due for review, the schedule, and what has been deleted under it',
          response: { 200: retentionSchema },
        },
      },
      async (request) => svc.retention.due(request.actor),
    );

    app.post(
      '/api/retention/:kind/:id/retain',
      {
        config,
        schema: {
          tags,
          summary: 'Keep a record, with why it is still needed and its next review',
          params: retentionParams,
          body: retainBody,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await svc.retention.retain(request.actor, request.params.kind, request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/retention/:kind/:id/delete',
      {
        config,
        schema: {
          tags,
          summary: 'Delete a record due for review, whole: it leaves the store, the picture and the figures',
          params: retentionParams,
          body: deleteRecordBody,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await svc.retention.delete(request.actor, request.params.kind, request.params.id, request.body.reason);
        return { ok: true as const };
      },
    );
  };
}
