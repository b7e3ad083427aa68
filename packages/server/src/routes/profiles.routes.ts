import { authoredProfileSchema, idParams, profileIssueBody, profileNewBody, profileSummarySchema, profileWritingBody } from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/index';
import { sendMarkedPdf } from './marked-file';

/** Problem profiles an analyst writes around the figures: listed, started, written, issued, printed. */
export function profileRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/profiles',
      {
        config: { permission: PERMISSIONS.reportsOverview },
        schema: {
          tags: ['figures'],
          summary: 'Written problem profiles, drafts and issued, most recently changed first; audited',
          response: { 200: z.array(profileSummarySchema) },
        },
      },
      async (request) => svc.writtenProfiles.list(request.actor),
    );

    app.post(
      '/api/profiles',
      {
        config: { permission: PERMISSIONS.figuresExport },
        schema: {
          tags: ['figures'],
          summary: 'Starts a problem profile for a period, area, audience and language, as a draft with its figures and nothing yet written; audited',
          body: profileNewBody,
          response: { 201: authoredProfileSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await svc.writtenProfiles.create(request.actor, request.body)),
    );

    app.get(
      '/api/profiles/:id',
      {
        config: { permission: PERMISSIONS.reportsOverview },
        schema: {
          tags: ['figures'],
          summary: 'A written problem profile: its words and the document they make (a draft with figures counted now; an issued one as issued); audited',
          params: idParams,
          response: { 200: authoredProfileSchema },
        },
      },
      async (request) => svc.writtenProfiles.get(request.actor, request.params.id),
    );

    app.put(
      '/api/profiles/:id',
      {
        config: { permission: PERMISSIONS.figuresExport },
        schema: {
          tags: ['figures'],
          summary:
            'Rewrites a draft profile: title, key judgements, intelligence gaps and 4P recommendations; refused (409) when changed since the version given, or issued; audited',
          params: idParams,
          body: profileWritingBody,
          response: { 200: authoredProfileSchema },
        },
      },
      async (request) => svc.writtenProfiles.write(request.actor, request.params.id, request.body),
    );

    app.post(
      '/api/profiles/:id/issue',
      {
        config: { permission: PERMISSIONS.figuresExport },
        schema: {
          tags: ['figures'],
          summary: 'Issues a draft profile that has key judgements and a recommendation, freezing the document as read now; audited',
          params: idParams,
          body: profileIssueBody,
          response: { 200: authoredProfileSchema },
        },
      },
      async (request) => svc.writtenProfiles.issue(request.actor, request.params.id, request.body.version),
    );

    app.get(
      '/api/profiles/:id/pdf',
      {
        config: { permission: PERMISSIONS.reportsOverview },
        schema: { tags: ['figures'], summary: 'A written problem profile as a printable PDF (A4), its marking on every page; audited', params: idParams },
      },
      async (request, reply) => {
        return sendMarkedPdf(reply, await svc.writtenProfiles.pdf(request.actor, request.params.id));
      },
    );
  };
}
