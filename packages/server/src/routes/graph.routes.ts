import { EXPLOITATION_TYPES, LINK_TYPES, PERMISSIONS, RECORD_KINDS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uniqueList } from './schemas';
import { toGraphFilter } from '../services/graph-filter';
import type { Services } from '../services/index';

const nodeView = z.object({ id: z.string(), kind: z.string(), label: z.string(), reports: z.number() });
const linkView = z.object({ from: z.string(), to: z.string(), reports: z.number(), firstSeen: z.string(), lastSeen: z.string() });
const reportRef = z.object({ id: z.string(), reference: z.string(), source: z.string(), receivedAt: z.string(), grading: z.string().nullable() });

const day = z.iso.date('Enter a date as YYYY-MM-DD');
const evaluation = z.enum(['1', '2', '3']);
const assessment = z.enum(['A', 'B', 'C', 'D', 'E']);

/** A filter's end date is not before its start (the check for both shapes of filter below). */
const datesInOrder = (f: { from?: string; until?: string }) => !f.from || !f.until || f.from <= f.until;
const datesOutOfOrder = { path: ['until'], message: 'The end date must be on or after the start date' };

/** A link filter as JSON (a saved chart keeps it so). */
const filterBody = z
  .object({
    from: day.optional(),
    until: day.optional(),
    evaluations: z.array(evaluation).max(3).optional(),
    assessments: z.array(assessment).max(5).optional(),
    ungraded: z.boolean().optional(),
    exploitationTypes: uniqueList(z.enum(EXPLOITATION_TYPES), EXPLOITATION_TYPES.length).optional(),
    kinds: uniqueList(z.enum(RECORD_KINDS), RECORD_KINDS.length).optional(),
    linkTypes: z
      .array(z.enum(LINK_TYPES as [string, ...string[]]))
      .max(LINK_TYPES.length)
      .optional(),
  })
  .refine(datesInOrder, datesOutOfOrder);

/** A list in a query string: "1,2" (empty means not given). */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? [...new Set(v.split(','))] : undefined))
    .pipe(z.array(item).optional());

/** The same filter in a query string: lists comma-separated. */
const filterQuery = z
  .object({
    from: day.optional(),
    until: day.optional(),
    evaluations: list(evaluation),
    assessments: list(assessment),
    ungraded: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === 'true')),
    exploitationTypes: list(z.enum(EXPLOITATION_TYPES)),
    kinds: list(z.enum(RECORD_KINDS)),
    linkTypes: list(z.enum(LINK_TYPES as [string, ...string[]])),
  })
  .refine(datesInOrder, datesOutOfOrder);

type FilterQuery = z.infer<typeof filterQuery>;

/** The filter part of a query, without absent keys (so equal filters share one cached graph). */
function filterOf(query: Partial<FilterQuery>) {
  const { from, until, evaluations, assessments, ungraded, exploitationTypes, kinds, linkTypes } = query;
  const present = Object.entries({ from, until, evaluations, assessments, ungraded, exploitationTypes, kinds, linkTypes }).filter(([, v]) => v !== undefined);
  return toGraphFilter(Object.fromEntries(present));
}

const chartContent = z.object({
  entities: z
    .array(z.object({ id: z.uuid(), x: z.number().finite(), y: z.number().finite(), pinned: z.boolean(), hidden: z.boolean() }))
    .min(1, 'A chart needs at least one entity')
    .max(2_000, 'A chart can hold at most 2,000 entities'),
  filter: filterBody,
  layout: z.enum(['cose', 'concentric', 'breadthfirst', 'circle', 'grid', 'preset']),
});
const chartName = z.string().trim().min(1, 'Enter a name for the chart').max(120, 'Use 120 characters or fewer');
const chartData = z.object({ nodes: z.array(nodeView), links: z.array(linkView) });

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
          querystring: filterQuery.and(
            z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), order: z.enum(['size', 'risk']).default('size') }),
          ),
          response: {
            200: z.object({
              networks: z.array(
                z.object({
                  id: z.string(),
                  size: z.number(),
                  links: z.number(),
                  keyPlayers: z.array(nodeView),
                  victims: z.number(),
                  children: z.boolean(),
                  exploitationTypes: z.array(z.string()),
                  areas: z.array(z.string()),
                  firstSeen: z.string(),
                  lastSeen: z.string(),
                  seen: z.object({ size: z.number(), at: z.string() }).nullable(),
                  grown: z.boolean(),
                }),
              ),
            }),
          },
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
          params: z.object({ id: z.uuid() }),
          querystring: filterQuery,
          response: { 200: chartData.extend({ size: z.number(), truncated: z.boolean() }) },
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
          params: z.object({ id: z.uuid() }),
          querystring: filterQuery,
          response: {
            200: z.object({
              size: z.number(),
              keyPlayers: z.array(nodeView.extend({ degree: z.number(), betweenness: z.number(), pagerank: z.number(), community: z.number() })),
              communities: z.array(z.number()),
              modularity: z.number(),
              betweenness: z.object({ exact: z.boolean(), sources: z.number() }),
            }),
          },
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
          params: z.object({ id: z.uuid() }),
          querystring: filterQuery.and(z.object({ hops: z.coerce.number().int().min(1).max(3).default(1) })),
          response: {
            200: z.object({ nodes: z.array(nodeView.extend({ hops: z.number() })), links: z.array(linkView), truncated: z.boolean() }),
          },
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
          body: z.object({ ids: z.array(z.uuid()).min(1).max(2_000), filter: filterBody.default({}) }),
          response: { 200: chartData.extend({ missing: z.array(z.string()) }) },
        },
      },
      async (request) => svc.graph.among(request.actor, request.body.ids, toGraphFilter(request.body.filter)),
    );

    app.get(
      '/api/graph/paths',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'The shortest paths between two entities a and b (up to five), each link with the reports that make it',
          querystring: filterQuery.and(z.object({ a: z.uuid(), b: z.uuid() })),
          response: {
            200: z.object({ paths: z.array(z.object({ nodes: z.array(nodeView), links: z.array(linkView.extend({ sources: z.array(reportRef) })) })) }),
          },
        },
      },
      async (request) => svc.graph.paths(request.actor, request.query.a, request.query.b, filterOf(request.query)),
    );

    app.get(
      '/api/graph/charts',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Your saved charts, most recently saved first',
          response: { 200: z.object({ charts: z.array(z.object({ id: z.string(), name: z.string(), entities: z.number(), updatedAt: z.string() })) }) },
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
          body: z.object({ name: chartName, chart: chartContent }),
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (request, reply) => reply.code(201).send(await svc.charts.create(request.actor, request.body.name, request.body.chart)),
    );

    app.get(
      '/api/graph/charts/:id',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['graph'],
          summary: 'Reopen a saved chart: as saved, with its entities and links as the picture has them now',
          params: z.object({ id: z.uuid() }),
          response: {
            200: z.object({
              id: z.string(),
              name: z.string(),
              updatedAt: z.string(),
              chart: chartContent,
              data: chartData.extend({ missing: z.array(z.string()) }),
            }),
          },
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
          params: z.object({ id: z.uuid() }),
          body: z.object({ name: chartName, chart: chartContent }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => {
        await svc.charts.update(request.actor, request.params.id, request.body.name, request.body.chart);
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
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => {
        await svc.charts.remove(request.actor, request.params.id);
        return { ok: true as const };
      },
    );
  };
}
