import { assignmentBody, assignmentSchema, coverageQuery, coverageSchema, establishmentChangeSchema, trainingUnitListSchema } from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendError } from '../http/error-handler';
import type { Services } from '../services/index';

/** A force's establishment, tens of thousands of rows at most, fits well inside this. */
const MOST_BYTES = 8 * 1024 * 1024;
const CSV_TYPES = ['text/csv', 'application/vnd.ms-excel', 'text/plain', 'application/octet-stream'];

/** Who in the force is trained: units, the establishment, courses set for units, coverage (issue 22). */
export function trainingCoverageRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    // Files arrive as their bytes, so their encoding can be found rather than guessed by the browser.
    app.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: MOST_BYTES }, (_request, body, done) => done(null, body));
    const manage = { config: { permission: PERMISSIONS.trainingManage } };
    const tags = ['training'];

    app.get(
      '/api/training/units',
      { ...manage, schema: { tags, summary: 'The force’s units, each with its headcount now', response: { 200: trainingUnitListSchema } } },
      async (request) => svc.trainingCoverage.units(request.actor),
    );

    app.post(
      '/api/training/units',
      {
        ...manage,
        bodyLimit: MOST_BYTES,
        schema: {
          tags,
          summary: 'A units file (CSV: code, name, local authority): each unit added or renamed by code; refused whole, every problem named',
          response: { 200: establishmentChangeSchema },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) return sendError(reply, 415, 'unsupported_media_type', 'Send the file as text/csv');
        return svc.trainingCoverage.importUnits(request.actor, request.body);
      },
    );

    app.post(
      '/api/training/establishment',
      {
        ...manage,
        bodyLimit: MOST_BYTES,
        schema: {
          tags,
          summary:
            'The establishment file of the whole force (CSV: staff number, name, email, unit code): colleagues added, changed, and those not named marked as left; refused whole, every problem named',
          response: { 200: establishmentChangeSchema },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) return sendError(reply, 415, 'unsupported_media_type', 'Send the file as text/csv');
        return svc.trainingCoverage.importEstablishment(request.actor, request.body);
      },
    );

    app.get(
      '/api/training/coverage',
      {
        ...manage,
        schema: {
          tags,
          summary: 'A course’s coverage today: by unit and area, each unit’s latest assignment, and the colleagues not up to date; audited',
          querystring: coverageQuery,
          response: { 200: coverageSchema },
        },
      },
      async (request) => svc.trainingCoverage.coverage(request.actor, request.query.course),
    );

    app.post(
      '/api/training/assignments',
      {
        ...manage,
        schema: { tags, summary: 'Set a course for a unit to complete by a day', body: assignmentBody, response: { 201: assignmentSchema } },
      },
      async (request, reply) => reply.status(201).send(await svc.trainingCoverage.assign(request.actor, request.body)),
    );
  };
}
