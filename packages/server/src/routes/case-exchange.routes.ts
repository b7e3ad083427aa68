import { htcdsExportQuery, htcdsImportedSchema, htcdsPartnersSchema } from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';
import { htcdsDocument } from './htcds-schema';

/** An HTCDS file of a year's cases fits well inside this. */
const MOST_BYTES = 32 * 1024 * 1024;

/** Cases exchanged with other systems in the Human Trafficking Case Data Standard (HTCDS) v2.0. */
export function caseExchangeRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/cases/htcds/partners',
      {
        config: { permission: PERMISSIONS.casesExchange },
        schema: {
          tags: ['cases'],
          summary:
            'The partner agencies a file of cases can be made for now (an agreement in force), with what it allows and how many reports are shared with each',
          response: { 200: htcdsPartnersSchema },
        },
      },
      async (request) => ({ partners: await svc.caseExchange.partners(request.actor) }),
    );

    app.get(
      '/api/cases/htcds',
      {
        config: { permission: PERMISSIONS.casesExchange },
        schema: {
          tags: ['cases'],
          summary:
            'Reports received in a span of months as an HTCDS v2.0 file (cases, with the people they name), marked OFFICIAL-SENSITIVE in its protectiveMarking field; reports graded with handling code C (conditions apply) are left out, counted in `withheld` and the X-Harbour-Withheld header. With `for` (a partner agency): only the reports shared with it, as its agreement in force allows (no references, sources, phone numbers; names, dates of birth, addresses and C-graded reports only as agreed); audited',
          querystring: htcdsExportQuery,
        },
      },
      async (request, reply) => {
        const { from, to, document } = await svc.caseExchange.export(request.actor, request.query);
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="harbour-htcds-${from}-to-${to}${request.query.for ? '-shared' : ''}.json"`)
          .header('x-protective-marking', document.protectiveMarking ?? 'OFFICIAL-SENSITIVE')
          .header('x-harbour-withheld', String(document.withheld ?? 0))
          .send(JSON.stringify(document, null, 2));
      },
    );

    app.post(
      '/api/cases/htcds',
      {
        config: { permission: PERMISSIONS.casesExchange },
        bodyLimit: MOST_BYTES,
        schema: {
          tags: ['cases'],
          summary:
            'Import an HTCDS v2.0 file: every case is checked against the standard (a field it refuses is named, and nothing is stored); each is then stored whole as a report and joins the picture',
          body: htcdsDocument,
          response: { 201: htcdsImportedSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await svc.caseExchange.import(request.actor, request.body.cases)),
    );
  };
}
