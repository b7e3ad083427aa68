import {
  amongBody,
  amongSchema,
  chartAnalysisSchema,
  chartEventsSchema,
  chartBody,
  chartExportedBody,
  chartPdfBody,
  chartSharingBody,
  chartListSchema,
  createdSchema,
  idParams,
  linkFilterQuery,
  neighbourhoodQuery,
  neighbourhoodSchema,
  networkAnalysisSchema,
  networkChartSchema,
  networkListSchema,
  networksQuery,
  okSchema,
  pathsQuery,
  pathsSchema,
  linkAssertedSchema,
  linkAssertionBody,
  linkEvidenceQuery,
  linkEvidenceSchema,
  savedChartSchema,
  type LinkFilter,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toGraphFilter } from '../services/graph-filter';
import type { Services } from '../services/index';
import { sendMarkedPdf } from './marked-file';

/** The filter part of a query, without absent keys (so equal filters share one cached graph). */
function filterOf(query: Partial<LinkFilter>) {
  const { from, until, evaluations, assessments, ungraded, exploitationTypes, kinds, linkTypes, relations } = query;
  const present = Object.entries({ from, until, evaluations, assessments, ungraded, exploitationTypes, kinds, linkTypes, relations }).filter(
    ([, v]) => v !== undefined,
  );
  return toGraphFilter(Object.fromEntries(present));
}

/** Link analysis: networks, neighbourhoods, paths, and saved charts. */
export function graphRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/graph/networks',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary:
            'Networks: entities connected through shared reports, ranked by size or risk (children, potential victims, recency), each with its best-connected entities, exploitation types, areas, date span, and whether it grew since you last opened it',
          querystring: networksQuery,
          response: { 200: networkListSchema },
        },
      },
      async (request) => ({
        networks: await svc.graph.networks(request.actor, { filter: filterOf(request.query), limit: request.query.limit, order: request.query.order }),
      }),
    );

    app.get(
      '/api/graph/networks/:id',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'The network an entity belongs to, to chart: its best-connected entities (up to 500) and the links among them',
          params: idParams,
          querystring: linkFilterQuery,
          response: { 200: networkChartSchema },
        },
      },
      async (request) => svc.graph.network(request.actor, request.params.id, filterOf(request.query)),
    );

    app.get(
      '/api/graph/networks/:id/analysis',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary:
            'The network an entity belongs to, analysed on its own: key players by betweenness (exact below 2,000 entities, estimated above) with degree and PageRank, and its Louvain communities',
          params: idParams,
          querystring: linkFilterQuery,
          response: { 200: networkAnalysisSchema },
        },
      },
      async (request) => svc.graph.networkAnalysis(request.actor, request.params.id, filterOf(request.query)),
    );

    app.get(
      '/api/graph/entities/:id',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: "An entity's neighbourhood: everything within 1–3 links of it (at most 500 entities), with the links among them",
          params: idParams,
          querystring: neighbourhoodQuery,
          response: { 200: neighbourhoodSchema },
        },
      },
      async (request) => svc.graph.neighbourhood(request.actor, request.params.id, request.query.hops, filterOf(request.query)),
    );

    app.post(
      '/api/graph/entities',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Given entities and the links among them (those no longer in the picture, e.g. merged away, listed as missing)',
          body: amongBody,
          response: { 200: amongSchema },
        },
      },
      async (request) => svc.graph.among(request.actor, request.body.ids, toGraphFilter(request.body.filter)),
    );

    app.post(
      '/api/graph/entities/analysis',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Analyse given entities and the links among them: degree, betweenness, PageRank, community (Louvain) and key players, to draw on a chart',
          body: amongBody,
          response: { 200: chartAnalysisSchema },
        },
      },
      async (request) => svc.graph.chartAnalysis(request.actor, request.body.ids, toGraphFilter(request.body.filter)),
    );

    app.post(
      '/api/graph/entities/events',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary:
            'The reports that make the links among given entities (under the filter), newest first, each with the entities it names among them: to draw reports as events rather than links; audited',
          body: amongBody,
          response: { 200: chartEventsSchema },
        },
      },
      async (request) => svc.graph.chartEvents(request.actor, request.body.ids, toGraphFilter(request.body.filter)),
    );

    app.get(
      '/api/graph/paths',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'The shortest paths between two entities a and b (up to five), each link with the reports that make it',
          querystring: pathsQuery,
          response: { 200: pathsSchema },
        },
      },
      async (request) => svc.graph.paths(request.actor, request.query.a, request.query.b, filterOf(request.query)),
    );

    app.get(
      '/api/graph/links',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'The evidence of the link between entities a and b: each report behind it (passing the filter), what it says and who acts',
          querystring: linkEvidenceQuery,
          response: { 200: linkEvidenceSchema },
        },
      },
      async (request) => svc.graph.linkEvidence(request.actor, request.query.a, request.query.b, filterOf(request.query)),
    );

    app.get(
      '/api/graph/charts',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Your saved charts, most recently saved first',
          response: { 200: chartListSchema },
        },
      },
      async (request) => ({ charts: await svc.charts.list(request.actor) }),
    );

    app.post(
      '/api/graph/charts',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Save a chart under a name of your own',
          body: chartBody,
          response: { 201: createdSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await svc.charts.create(request.actor, request.body.name, request.body.chart)),
    );

    app.post(
      '/api/graph/charts/pdf',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        // A chart of 2,000 entities and 20,000 links, as drawn.
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags: ['graph'],
          summary:
            'A chart as drawn (entities where they stand, links, the words of its key) made into a one-page PDF with its title, the date, your name and its protective marking on the page; audited',
          body: chartPdfBody,
        },
      },
      async (request, reply) => {
        return sendMarkedPdf(reply, await svc.charts.pdf(request.actor, request.body));
      },
    );

    app.post(
      '/api/graph/assertions',
      {
        config: { permission: PERMISSIONS.linksImport },
        schema: {
          tags: ['graph'],
          summary: 'Assert a link by hand, to an entity in the picture or to one added with it: what it says, its 3x5x2 grading and what it rests on; audited',
          body: linkAssertionBody,
          response: { 200: linkAssertedSchema },
        },
      },
      async (request) => svc.assertions.assert(request.actor, request.body),
    );

    app.post(
      '/api/graph/assertions/:id/withdraw',
      {
        config: { permission: PERMISSIONS.linksImport },
        schema: {
          tags: ['graph'],
          summary: 'Withdraw a link asserted by hand: kept on record, it links nothing; audited',
          params: idParams,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await svc.assertions.withdraw(request.actor, request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/graph/charts/exported',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Record a chart exported as an image the browser draws (PNG or SVG), before the file is offered: audited',
          body: chartExportedBody,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await svc.charts.exported(request.actor, request.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/graph/charts/:id',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Reopen a saved chart: as saved, with its entities and links as the picture has them now',
          params: idParams,
          response: { 200: savedChartSchema },
        },
      },
      async (request) => svc.charts.open(request.actor, request.params.id),
    );

    app.put(
      '/api/graph/charts/:id',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Save over a chart of yours',
          params: idParams,
          body: chartBody,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await svc.charts.update(request.actor, request.params.id, request.body.name, request.body.chart);
        return { ok: true as const };
      },
    );

    app.put(
      '/api/graph/charts/:id/sharing',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Share a chart of yours with your team (they may open it and save a copy), or stop sharing it',
          params: idParams,
          body: chartSharingBody,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await svc.charts.share(request.actor, request.params.id, request.body.shared);
        return { ok: true as const };
      },
    );

    app.delete(
      '/api/graph/charts/:id',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Delete a chart of yours',
          params: idParams,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await svc.charts.remove(request.actor, request.params.id);
        return { ok: true as const };
      },
    );
  };
}
