import { EXPLOITATION_TYPES, HTCDS_PICKLISTS, PERMISSIONS, REPORT_SOURCES } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/index';

/** An HTCDS file of a year's cases fits well inside this. */
const MOST_BYTES = 32 * 1024 * 1024;
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter a month as YYYY-MM');
const text = (max: number) => z.string().max(max, `Use ${max} characters or fewer`);
const day = z.iso.date('Enter a date as YYYY-MM-DD');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `Use one of ${values.join(', ')}` });

/** The schema an imported file is checked against: HTCDS v2.0 fields, picklists as the standard gives them. */
const htcdsPerson = z.object({
  prs_FirstName: text(100).optional(),
  prs_SecondName: text(100).optional(),
  prs_Birthdate: day.optional(),
  prs_Gender: oneOf(HTCDS_PICKLISTS.prs_Gender).optional(),
  prs_Citizenship: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'Use two-letter ISO 3166 country codes'))
    .max(5)
    .optional(),
  prs_MobilePhone: text(40).optional(),
  prs_MailingStreet: text(300).optional(),
  vic_TraffickingStatus: oneOf(HTCDS_PICKLISTS.vic_TraffickingStatus).optional(),
  vic_TypeOfExploitation: z.array(oneOf(HTCDS_PICKLISTS.vic_TypeOfExploitation)).max(11).optional(),
  harbour: z.object({ role: z.enum(['victim', 'perpetrator', 'witness', 'reporter']), nationality: text(80).optional() }).optional(),
});

const htcdsCase = z.object({
  cas_Status: oneOf(HTCDS_PICKLISTS.cas_Status).default('Active'),
  cas_IncomingReferralDate: day,
  cas_IncomingReferralDetails: text(20_000).default(''),
  hte: z
    .array(
      z.object({
        hte_Type: oneOf(HTCDS_PICKLISTS.hte_Type),
        hte_City: text(100).optional(),
        hte_PostalCode: text(20).optional(),
        hte_State: text(100).optional(),
        hte_Country: text(60).default('GB'),
      }),
    )
    .max(20)
    .default([]),
  persons: z.array(htcdsPerson).max(500),
  harbour: z
    .object({
      reference: text(40),
      source: z.enum(REPORT_SOURCES),
      localAuthority: z
        .string()
        .regex(/^W\d{8}$/, 'Use an ONS local authority code')
        .nullable(),
      exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).max(EXPLOITATION_TYPES.length),
      involvesChild: z.boolean(),
    })
    .optional(),
});

/** Cases exchanged with other systems in the Human Trafficking Case Data Standard (HTCDS) v2.0. */
export function caseExchangeRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/cases/htcds',
      {
        config: { permission: PERMISSIONS.casesExchange },
        schema: {
          tags: ['cases'],
          summary: 'Reports received in a span of months as an HTCDS v2.0 file (cases, with the people they name); audited',
          querystring: z.object({ from: month.optional(), to: month.optional() }),
        },
      },
      async (request, reply) => {
        const { from, to, document } = await svc.cases.export(request.actor, request.query);
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="harbour-htcds-${from}-to-${to}.json"`)
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
          body: z.object({
            standard: z.literal('HTCDS', 'This is not an HTCDS file'),
            version: z.literal('2.0', 'Harbour reads HTCDS version 2.0'),
            cases: z.array(htcdsCase).min(1, 'The file has no cases').max(20_000),
          }),
          response: { 201: z.object({ references: z.array(z.string()) }) },
        },
      },
      async (request, reply) => reply.code(201).send(await svc.cases.import(request.actor, request.body.cases)),
    );
  };
}
