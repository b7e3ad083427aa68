import { callDataBody, callDataResultSchema, callDataViewSchema, idParams } from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

/** A file of 200,000 calls with a few columns each fits well inside this. */
const MOST_BYTES = 32 * 1024 * 1024;

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
          body: callDataBody,
          response: { 201: callDataResultSchema },
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
          params: idParams,
          response: { 200: callDataViewSchema },
        },
      },
      async (request) => svc.callData.view(request.actor, request.params.id),
    );
  };
}
