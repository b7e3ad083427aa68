import {
  areaBoundariesSchema,
  dashboardSchema,
  figuresMapSchema,
  figuresQuery,
  peopleBehindQuery,
  peopleBehindSchema,
  problemProfileSchema,
  profileQuery,
  reportsBehindQuery,
  reportsBehindSchema,
  researchExportQuery,
  type FiguresQuery,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';
import { sendMarkedPdf } from './marked-file';

const PAGE = 50;

/** The picture in numbers: counts only, for the team's dashboards. */
const toFilter = (q: FiguresQuery) => ({
  from: q.from,
  to: q.to,
  granularity: q.granularity,
  area: q.area,
  exploitationType: q.type,
  child: q.age === undefined ? undefined : q.age === 'child',
  source: q.source,
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
            'De-identified case-level rows for research (the first line is the file’s protective marking, OFFICIAL-SENSITIVE), one per potential victim (year, age band, gender, nationality region, local authority, exploitation flags, source), k-anonymous over the quasi-identifiers (k defaults to 11, as the Counter Trafficking Data Collaborative uses); the k-anonymity summary is in the X-Harbour-Anonymity header; audited',
          querystring: researchExportQuery,
        },
      },
      async (request, reply) => {
        const exported = await svc.research.csv(request.actor, request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="harbour-research-${exported.from}-to-${exported.to}-k${exported.k}.csv"`)
          .header('x-protective-marking', exported.marking)
          .header(
            'x-harbour-anonymity',
            `k=${exported.k}; rows=${exported.rows.length}; left-out=${exported.left}; classes=${exported.classes}; smallest-class=${exported.smallestClass}`,
          )
          .send(exported.csv);
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
          response: { 200: problemProfileSchema },
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
        return sendMarkedPdf(reply, await svc.profile.pdf(request.actor, { ...toFilter(q), audience, language: lang }));
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
          response: { 200: figuresMapSchema },
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
          response: { 200: areaBoundariesSchema },
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
          querystring: reportsBehindQuery,
          response: { 200: reportsBehindSchema },
        },
      },
      async (request) => {
        const { page, ...q } = request.query;
        const found = await svc.figures.reportsBehind(request.actor, toFilter(q), { limit: PAGE, offset: (page - 1) * PAGE });
        return { total: found.total, page, pageSize: PAGE, reports: found.reports };
      },
    );

    app.get(
      '/api/figures/people',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['figures'],
          summary: 'The people a figure of people counts (potential victims by gender, nationality or age band), each once, 50 a page; audited',
          querystring: peopleBehindQuery,
          response: { 200: peopleBehindSchema },
        },
      },
      async (request) => {
        const { page, role, gender, nationality, ageBand, ...q } = request.query;
        const person = { role, ...(gender ? { gender } : {}), ...(nationality !== undefined ? { nationality } : {}), ...(ageBand ? { ageBand } : {}) };
        const found = await svc.figures.peopleBehind(request.actor, toFilter(q), person, { limit: PAGE, offset: (page - 1) * PAGE });
        return { ...found, page, pageSize: PAGE };
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
          response: { 200: dashboardSchema },
        },
      },
      async (request) => svc.figures.dashboard(request.actor, toFilter(request.query)),
    );
  };
}
