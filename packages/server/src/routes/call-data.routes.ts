import { EXPLOITATION_TYPES, PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uniqueList } from './schemas';
import type { Services } from '../services/index';

/** A file of 200,000 calls with a few columns each fits well inside this. */
const MOST_BYTES = 32 * 1024 * 1024;
const column = z.string().trim().min(1).max(200);

/** Call data: an analyst imports billing records (or any calls between numbers) into the picture. */
export function callDataRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/call-data',
      {
        config: { permission: PERMISSIONS.linksImport },
        bodyLimit: MOST_BYTES,
        schema: {
          tags: ['graph'],
          summary:
            'Import call data: a CSV with a header row, the caller and callee columns named (and the time and duration, if any). Numbers are normalised and resolved into the picture; rows that cannot be read are listed by line',
          body: z.object({
            name: z.string().trim().min(1, 'Say what this call data is, e.g. whose phone and from whom').max(200, 'Use 200 characters or fewer'),
            csv: z.string().min(1, 'Choose a file'),
            columns: z.object({ from: column, to: column, at: column.optional(), duration: column.optional() }),
            grading: z.string().regex(/^[123][A-E][PC]$/, 'Choose a grading'),
            exploitationTypes: uniqueList(z.enum(EXPLOITATION_TYPES), EXPLOITATION_TYPES.length).default([]),
          }),
          response: {
            201: z.object({
              id: z.string(),
              reference: z.string(),
              rows: z.number(),
              calls: z.number(),
              numbers: z.number(),
              pairs: z.number(),
              problems: z.array(z.object({ line: z.number(), reason: z.string() })),
              problemCount: z.number(),
            }),
          },
        },
      },
      async (request, reply) => reply.code(201).send(await svc.callData.import(request.actor, request.body)),
    );

    app.get(
      '/api/call-data/:id',
      {
        config: { permission: PERMISSIONS.linksImport },
        schema: {
          tags: ['graph'],
          summary: 'An import as the picture has taken it: each number, how many other reports mention it and the people they link to it',
          params: z.object({ id: z.uuid() }),
          response: {
            200: z.object({
              id: z.string(),
              reference: z.string(),
              summary: z.string(),
              grading: z.string().nullable(),
              receivedAt: z.string(),
              pictured: z.boolean(),
              numbers: z.array(
                z.object({
                  number: z.string(),
                  entity_id: z.string().nullable(),
                  other_reports: z.number(),
                  people: z.array(z.object({ id: z.string(), label: z.string() })),
                  calls: z.number(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => svc.callData.view(request.actor, request.params.id),
    );
  };
}
