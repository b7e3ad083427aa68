import { EXPLOITATION_TYPES, PERMISSIONS, REPORT_SOURCES } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { spreadsheetCsv } from '../http/csv';
import type { Services } from '../services/index';

/** A month in a query string, as every figures and exchange route takes it. */
// Years a force's records can hold: a month outside them is a typing slip (or a probe), and a
// span of centuries would be counted month by month.
export const month = z.string().regex(/^(199\d|20\d\d)-(0[1-9]|1[0-2])$/, 'Enter a month as YYYY-MM, from 1990 to 2099');
const PAGE = 50;
const count = z.object({ key: z.string(), n: z.number() });

/** A dashboard's filter in a query string; `area=unknown` asks for reports with no area. */
export const figuresQuery = z
  .object({
    from: month.optional(),
    to: month.optional(),
    granularity: z.enum(['month', 'quarter', 'year']).optional(),
    area: z
      .string()
      .regex(/^(W\d{8}|unknown)$/, 'Choose a local authority')
      .optional()
      .transform((a) => (a === 'unknown' ? '' : a)),
    type: z.enum(EXPLOITATION_TYPES).optional(),
    age: z.enum(['child', 'adult']).optional(),
    source: z.enum(REPORT_SOURCES).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'The last month must be on or after the first' });

/** The picture in numbers: counts only, for the team's dashboards. */
const toFilter = (q: z.infer<typeof figuresQuery>) => ({
  from: q.from,
  to: q.to,
  granularity: q.granularity,
  area: q.area,
  exploitationType: q.type,
  child: q.age === undefined ? undefined : q.age === 'child',
  source: q.source,
});

const profileQuery = z.object({ audience: z.enum(['internal', 'external']).default('internal'), lang: z.enum(['en', 'cy']).default('en') }).and(figuresQuery);

const profileTable = z.object({
  id: z.string(),
  caption: z.string(),
  headings: z.array(z.string()),
  rows: z.array(z.object({ label: z.string(), cells: z.array(z.string()) })),
  chart: z.object({ labels: z.array(z.string()), values: z.array(z.number().nullable()) }).optional(),
  note: z.string().optional(),
});

export function figuresRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/figures/research-export.csv',
      {
        config: { permission: PERMISSIONS.figuresExport },
        schema: {
          tags: ['figures'],
          summary:
            'De-identified case-level rows for research, one per potential victim (year, age band, gender, nationality region, local authority, exploitation flags, source), k-anonymous over the quasi-identifiers (k defaults to 11, as the Counter Trafficking Data Collaborative uses); the k-anonymity summary is in the X-Harbour-Anonymity header; audited',
          querystring: z
            .object({
              from: month.optional(),
              to: month.optional(),
              k: z.coerce.number().int().min(2, 'Choose a k of 2 or more').max(1000, 'Choose a k of 1,000 or less').default(11),
            })
            .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'The last month must be on or after the first' }),
        },
      },
      async (request, reply) => {
        const exported = await svc.research.export(request.actor, request.query);
        const csv = spreadsheetCsv(exported.rows, { header: true, columns: [...exported.columns] });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="harbour-research-${exported.from}-to-${exported.to}-k${exported.k}.csv"`)
          .header(
            'x-harbour-anonymity',
            `k=${exported.k}; rows=${exported.rows.length}; left-out=${exported.left}; classes=${exported.classes}; smallest-class=${exported.smallestClass}`,
          )
          .send(csv);
      },
    );

    app.get(
      '/api/figures/profile',
      {
        config: { permission: PERMISSIONS.reportsOverview },
        schema: {
          tags: ['figures'],
          summary:
            'A problem profile for a period and area, in English or Welsh: for the team in full, or for the public with counts of 1 to 4 shown as <5 and others withheld where they would give one away; audited',
          querystring: profileQuery,
          response: {
            200: z.object({
              language: z.enum(['en', 'cy']),
              audience: z.enum(['internal', 'external']),
              title: z.string(),
              subtitle: z.string(),
              generated: z.string(),
              audienceNote: z.string(),
              sections: z.array(z.object({ id: z.string(), title: z.string(), paragraphs: z.array(z.string()), tables: z.array(profileTable) })),
            }),
          },
        },
      },
      async (request) => {
        const { audience, lang, ...q } = request.query;
        return svc.profile.profile(request.actor, { ...toFilter(q), audience, language: lang });
      },
    );

    app.get(
      '/api/figures/profile.pdf',
      {
        config: { permission: PERMISSIONS.reportsOverview },
        schema: {
          tags: ['figures'],
          summary: 'The same problem profile as a printable PDF (A4), to download; audited',
          querystring: profileQuery,
        },
      },
      async (request, reply) => {
        const { audience, lang, ...q } = request.query;
        const { fileName, pdf } = await svc.profile.pdf(request.actor, { ...toFilter(q), audience, language: lang });
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
      },
    );

    app.get(
      '/api/figures/map',
      {
        config: { permission: PERMISSIONS.reportsOverview },
        schema: {
          tags: ['figures'],
          summary:
            'Reports for the map under the dashboard filter: by local authority, placed at their towns (Harbour holds towns and postcodes, not exact positions) and as a hotspot surface of reports per square kilometre',
          querystring: figuresQuery,
          response: {
            200: z.object({
              areas: z.array(count.extend({ name: z.string(), nameCy: z.string() })),
              places: z.array(
                z.object({ key: z.string(), name: z.string(), nameCy: z.string(), area: z.string(), lat: z.number(), lon: z.number(), n: z.number() }),
              ),
              unplaced: z.number(),
              hotspots: z.array(z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number(), density: z.number() })),
            }),
          },
        },
      },
      async (request) => svc.figures.map(request.actor, toFilter(request.query)),
    );

    app.get(
      '/api/figures/boundaries',
      {
        config: { permission: PERMISSIONS.reportsOverview },
        schema: {
          tags: ['figures'],
          summary: "The force's local-authority boundaries as GeoJSON, with the attribution their licence asks for (no features when none are configured)",
          response: {
            200: z.object({
              type: z.literal('FeatureCollection'),
              features: z.array(
                z.object({
                  type: z.literal('Feature'),
                  properties: z.object({ code: z.string(), name: z.string(), nameCy: z.string() }),
                  geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
                }),
              ),
              attribution: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => svc.figures.areaBoundaries(request.actor),
    );

    app.get(
      '/api/figures/reports',
      {
        config: { permission: PERMISSIONS.reportsRead },
        schema: {
          tags: ['figures'],
          summary: 'The reports a dashboard figure counts, newest first, 50 a page (the same filter as the dashboard); audited',
          querystring: z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).and(figuresQuery),
          response: {
            200: z.object({
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
              reports: z.array(
                z.object({
                  id: z.string(),
                  reference: z.string(),
                  source: z.string(),
                  receivedAt: z.string(),
                  area: z.string().nullable(),
                  exploitationTypes: z.array(z.string()),
                  child: z.boolean(),
                  status: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const { page, ...q } = request.query;
        const found = await svc.figures.reportsBehind(request.actor, toFilter(q), { limit: PAGE, offset: (page - 1) * PAGE });
        return { total: found.total, page, pageSize: PAGE, reports: found.reports };
      },
    );

    app.get(
      '/api/figures/dashboard',
      {
        config: { permission: PERMISSIONS.reportsOverview },
        schema: {
          tags: ['figures'],
          summary:
            'Reports and potential victims counted by period, area, exploitation type, age group, source, gender and nationality, with the change since the period before; call data is never counted',
          querystring: figuresQuery,
          response: {
            200: z.object({
              filter: z.object({
                from: z.string(),
                to: z.string(),
                granularity: z.enum(['month', 'quarter', 'year']),
                area: z.string().optional(),
                exploitationType: z.string().optional(),
                child: z.boolean().optional(),
                source: z.string().optional(),
              }),
              span: z.object({ first: z.string(), last: z.string() }).nullable(),
              reports: z.number(),
              previous: z.object({
                from: z.string(),
                to: z.string(),
                change: z.object({ before: z.number(), after: z.number(), count: z.number(), percent: z.number().nullable() }),
              }),
              trend: z.array(z.object({ period: z.string(), from: z.string(), to: z.string(), n: z.number() })),
              byArea: z.array(count.extend({ name: z.string(), nameCy: z.string() })),
              byType: z.array(count),
              byAge: z.array(count),
              bySource: z.array(count),
              victims: z.number(),
              victimsByGender: z.array(count),
              victimsByNationality: z.array(count.extend({ name: z.string() })),
            }),
          },
        },
      },
      async (request) => svc.figures.dashboard(request.actor, toFilter(request.query)),
    );
  };
}
