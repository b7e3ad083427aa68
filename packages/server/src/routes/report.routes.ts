import {
  assigneesSchema,
  idParams,
  messageBody,
  photoParams,
  reportPhotosSchema,
  reportViewSchema,
  threadSchema,
  triageDecisionBody,
  triageListSchema,
  triageQuery,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

/** The team's routes over stored reports: the triage queue, a report whole, its photos and the thread with its reporter. */
export function reportRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/triage',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'The triage queue: the most urgent first, with filters; a reference (HBR-… or the reporter’s code) finds a report whatever its status',
          querystring: triageQuery(svc.areaCodes),
          response: { 200: triageListSchema },
        },
      },
      async (request) => {
        const q = request.query;
        return {
          items: await svc.triageQueue.list(request.actor, {
            status: q.status,
            localAuthority: q.area,
            source: q.source,
            child: q.child === undefined ? undefined : q.child === 'yes',
            exploitationType: q.type,
            reference: q.reference,
            limit: q.limit,
            offset: q.offset,
          }),
        };
      },
    );

    app.get(
      '/api/reports/assignees',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'Team members a report can be assigned to',
          response: { 200: assigneesSchema },
        },
      },
      async (request) => ({ assignees: await svc.reportTriage.assignees(request.actor) }),
    );

    app.get(
      '/api/reports/:id',
      {
        config: { permission: PERMISSIONS.reportsRead },
        schema: { tags: ['reports'], summary: 'One report with all it mentions', params: idParams, response: { 200: reportViewSchema } },
      },
      async (request) => svc.reportTriage.detail(request.actor, request.params.id),
    );

    app.post(
      '/api/reports/:id/triage',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'Assign, grade (3x5x2) and mark a report triaged',
          params: idParams,
          body: triageDecisionBody,
          response: { 200: reportViewSchema },
        },
      },
      async (request) => svc.reportTriage.decide(request.actor, request.params.id, request.body),
    );

    app.get(
      '/api/reports/:id/photos',
      {
        config: { permission: PERMISSIONS.reportsRead },
        schema: {
          tags: ['reports'],
          summary: 'Photos the reporter added',
          params: idParams,
          response: { 200: reportPhotosSchema },
        },
      },
      async (request) => ({ photos: await svc.reportTriage.photos(request.actor, request.params.id) }),
    );

    app.get(
      '/api/reports/:id/photos/:photoId',
      {
        config: { permission: PERMISSIONS.reportsRead },
        schema: { tags: ['reports'], summary: 'One photo (audited)', params: photoParams },
      },
      async (request, reply) => {
        const photo = await svc.reportTriage.photo(request.actor, request.params.id, request.params.photoId);
        return reply.header('cache-control', 'no-store').type(photo.contentType).send(photo.bytes);
      },
    );

    app.get(
      '/api/reports/:id/messages',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'Messages with the reporter',
          params: idParams,
          response: { 200: threadSchema },
        },
      },
      async (request) => ({ messages: await svc.publicReports.teamMessages(request.actor, request.params.id) }),
    );

    app.post(
      '/api/reports/:id/messages',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'Ask the reporter a question (they read it with their reference and passphrase)',
          params: idParams,
          body: messageBody,
          response: { 201: threadSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ messages: await svc.publicReports.addTeamMessage(request.actor, request.params.id, request.body.body) }),
    );
  };
}
