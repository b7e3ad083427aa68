import { z } from 'zod';
import { EXPLOITATION_TYPES } from '../vocabulary/domain';
import { GRADING_PATTERN, INTELLIGENCE_ASSESSMENTS, SOURCE_EVALUATIONS } from '../vocabulary/grading';
import { ASSERTED_RELATIONS, LINK_RELATIONS, LINK_TYPES, RECORD_KINDS, SEARCH_KINDS, type AssertedRelation } from '../vocabulary/picture';
import { uniqueList } from './fields';
import { linkAssertionSchema, reportRefSchema } from './picture';

/** Link analysis: networks, neighbourhoods, paths and saved charts, and the filter they share. */

export const nodeViewSchema = z.object({ id: z.string(), kind: z.string(), label: z.string(), reports: z.number() });
export type NodeView = z.output<typeof nodeViewSchema>;
export const LINK_DIRECTIONS = ['forward', 'backward', 'both', 'none'] as const;
/**
 * A link between two entities as the analyst sees it: the reports (passing the filter) that make
 * it, what they say of it (strongest first) and which way it runs: `forward` from `from` to `to`
 * (the suspect controls the victim), `backward`, `both`, or `none` (only mentioned together).
 */
export const linkViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  reports: z.number(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  relations: z.array(z.enum(LINK_RELATIONS)),
  direction: z.enum(LINK_DIRECTIONS),
  /** Calls between the two in call data (either way); 0 when none. */
  calls: z.number(),
  /** Of `reports`, how many are an analyst's assertions, made by hand rather than read from a report. */
  asserted: z.number(),
});
export type LinkView = z.output<typeof linkViewSchema>;
/** Entities and the links among them: what a chart draws. */
export const chartDataSchema = z.object({ nodes: z.array(nodeViewSchema), links: z.array(linkViewSchema) });
export type ChartData = z.output<typeof chartDataSchema>;

const day = z.iso.date('Enter a date as YYYY-MM-DD');
const evaluation = z.enum(SOURCE_EVALUATIONS);
const assessment = z.enum(INTELLIGENCE_ASSESSMENTS);
const linkType = z.enum(LINK_TYPES as [string, ...string[]]);

/** A filter's end date is not before its start (the check for both shapes of filter below). */
const datesInOrder = (f: { from?: string | undefined; until?: string | undefined }) => !f.from || !f.until || f.from <= f.until;
const datesOutOfOrder = { path: ['until'], message: 'The end date must be on or after the start date' };

/** A link filter as JSON, as the web sends it in a body and a saved chart keeps it; `until` is the last day included. */
export const linkFilterSchema = z
  .object({
    from: day.optional(),
    until: day.optional(),
    evaluations: z.array(evaluation).max(3).optional(),
    assessments: z.array(assessment).max(5).optional(),
    ungraded: z.boolean().optional(),
    exploitationTypes: uniqueList(z.enum(EXPLOITATION_TYPES), EXPLOITATION_TYPES.length).optional(),
    kinds: uniqueList(z.enum(RECORD_KINDS), RECORD_KINDS.length).optional(),
    linkTypes: z.array(linkType).max(LINK_TYPES.length).optional(),
    relations: uniqueList(z.enum(LINK_RELATIONS), LINK_RELATIONS.length).optional(),
  })
  .refine(datesInOrder, datesOutOfOrder);
export type LinkFilter = z.output<typeof linkFilterSchema>;

/** A list in a query string: "1,2" (empty means not given). */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? [...new Set(v.split(','))] : undefined))
    .pipe(z.array(item).optional());

/** The same filter in a query string, for the GET routes: lists comma-separated (see linkFilterParams). */
export const linkFilterQuery = z
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
    linkTypes: list(linkType),
    relations: list(z.enum(LINK_RELATIONS)),
  })
  .refine(datesInOrder, datesOutOfOrder);

export const NETWORK_ORDERS = ['size', 'risk'] as const;
export type NetworkOrder = (typeof NETWORK_ORDERS)[number];
export const networksQuery = linkFilterQuery.and(
  z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), order: z.enum(NETWORK_ORDERS).default('size') }),
);

export const networkViewSchema = z.object({
  /** The network's best-connected entity (networks have no id of their own: they change as reports arrive). */
  id: z.string(),
  size: z.number(),
  links: z.number(),
  keyPlayers: z.array(nodeViewSchema),
  /** Members recorded as a potential victim. */
  victims: z.number(),
  children: z.boolean(),
  exploitationTypes: z.array(z.string()),
  /** Local authorities (ONS codes) of its reports. */
  areas: z.array(z.string()),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** When this user last opened it and how big it was then (null if never); grown: bigger now. */
  seen: z.object({ size: z.number(), at: z.string() }).nullable(),
  grown: z.boolean(),
});
export type NetworkView = z.output<typeof networkViewSchema>;
export const networkListSchema = z.object({ networks: z.array(networkViewSchema) });
export type NetworkList = z.output<typeof networkListSchema>;

export const networkChartSchema = chartDataSchema.extend({ size: z.number(), truncated: z.boolean() });
export type NetworkChart = z.output<typeof networkChartSchema>;

/** A network's key players and communities, measured within the network. */
export const networkAnalysisSchema = z.object({
  size: z.number(),
  keyPlayers: z.array(nodeViewSchema.extend({ degree: z.number(), betweenness: z.number(), pagerank: z.number(), community: z.number() })),
  /** Entities in each community, largest first (numbered as `community` above). */
  communities: z.array(z.number()),
  modularity: z.number(),
  betweenness: z.object({ exact: z.boolean(), sources: z.number() }),
});
export type NetworkAnalysis = z.output<typeof networkAnalysisSchema>;

export const neighbourhoodQuery = linkFilterQuery.and(z.object({ hops: z.coerce.number().int().min(1).max(3).default(1) }));
export const neighbourhoodSchema = z.object({
  nodes: z.array(nodeViewSchema.extend({ hops: z.number() })),
  links: z.array(linkViewSchema),
  truncated: z.boolean(),
});
export type Neighbourhood = z.output<typeof neighbourhoodSchema>;

export const amongBody = z.object({ ids: z.array(z.uuid()).min(1).max(2_000), filter: linkFilterSchema.default({}) });
export const amongSchema = chartDataSchema.extend({ missing: z.array(z.string()) });
export type Among = z.output<typeof amongSchema>;

/**
 * The analysis of what a chart shows, to draw on it: each entity's degree, betweenness (the
 * brokers between its parts), PageRank and community (Louvain), measured on the chart's own
 * entities and the links among them, and its key players, most between first.
 */
export const chartAnalysisSchema = z.object({
  entities: z.array(z.object({ id: z.string(), degree: z.number(), betweenness: z.number(), pagerank: z.number(), community: z.number() })),
  /** Entities in each community, largest first (numbered as `community` above). */
  communities: z.array(z.number()),
  modularity: z.number(),
  keyPlayers: z.array(z.string()),
});
export type ChartAnalysis = z.output<typeof chartAnalysisSchema>;

/** Reports on a chart at most, drawn as events: the newest, when more make its links. */
export const MOST_CHART_EVENTS = 300;
/**
 * The reports that make a chart's links, each as an event the chart can draw in place of the
 * links it makes (a report naming five entities is one node and five lines, not ten links): which
 * of the chart's entities it names, newest first, at most MOST_CHART_EVENTS.
 */
export const chartEventsSchema = z.object({
  events: z.array(reportRefSchema.extend({ entities: z.array(z.string()) })),
  truncated: z.boolean(),
});
export type ChartEvents = z.output<typeof chartEventsSchema>;
export type ChartEvent = ChartEvents['events'][number];

export const pathsQuery = linkFilterQuery.and(z.object({ a: z.uuid(), b: z.uuid() }));
export const pathsSchema = z.object({
  paths: z.array(z.object({ nodes: z.array(nodeViewSchema), links: z.array(linkViewSchema.extend({ sources: z.array(reportRefSchema) })) })),
});
export type Paths = z.output<typeof pathsSchema>;

/** One report behind a link: what it says of the two, and who acts (the entity the link runs from; none for a mention). */
export const linkSourceSchema = reportRefSchema.extend({ relation: z.enum(LINK_RELATIONS), actor: z.string().nullable() });
export type LinkSource = z.output<typeof linkSourceSchema>;

export const linkEvidenceQuery = pathsQuery;
/**
 * A link opened: its two ends, the link as drawn under the filter, every report behind it that
 * passes (newest first), and the analysts' assertions of it that pass, each shown as such.
 */
export const linkEvidenceSchema = z.object({
  from: nodeViewSchema,
  to: nodeViewSchema,
  link: linkViewSchema.nullable(),
  sources: z.array(linkSourceSchema),
  assertions: z.array(linkAssertionSchema),
});
export type LinkEvidence = z.output<typeof linkEvidenceSchema>;

const anObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;
/** An entity no report names, added by hand at the far end of an asserted link: its kind, and what it is (a number, a name…). */
const entityByHand = z.object({
  kind: z.enum(RECORD_KINDS),
  label: z.string().trim().min(1, 'Enter what it is: a number, a name, an address').max(200, 'Use 200 characters or fewer'),
});
/**
 * A link asserted by hand, from one entity to another already in the picture (`to`) or to one
 * added with it (`newEntity`): what it says, graded as intelligence (3x5x2), and why.
 */
export const linkAssertionBody = z
  .object({
    from: z.uuid(),
    to: z.uuid().optional(),
    newEntity: entityByHand.optional(),
    relation: z.enum(Object.keys(ASSERTED_RELATIONS) as [AssertedRelation, ...AssertedRelation[]], 'Choose what the link says'),
    grading: z.string().regex(GRADING_PATTERN, 'Choose the grading: source, intelligence and handling, such as 2BP'),
    note: z.string().trim().min(1, 'Say what this rests on').max(1_000, 'Use 1,000 characters or fewer'),
  })
  // Said beside any other field's problem, so the form shows every problem at once.
  .refine((b) => (b.to === undefined) !== (b.newEntity === undefined), { path: ['to'], message: 'Choose the other entity, or add a new one', when: anObject })
  .refine((b) => b.to === undefined || b.to !== b.from, { path: ['to'], message: 'Choose a different entity from the first', when: anObject });
export type LinkAssertionRequest = z.output<typeof linkAssertionBody>;
/** An assertion made: its id, and the entity at its far end (the one added, when it was new). */
export const linkAssertedSchema = z.object({ id: z.string(), to: z.string(), added: z.boolean() });
export type LinkAsserted = z.output<typeof linkAssertedSchema>;

/** What an analyst writes on a chart: a note beside an entity, the name of the group it is drawn in. */
const chartNote = z.string().trim().max(500, 'Keep a note to 500 characters or fewer');
const chartGroup = z.string().trim().max(80, 'Keep a group name to 80 characters or fewer');

/** A place on the chart's canvas, in its own units. */
const canvasPoint = z.object({ x: z.number().min(-1e6).max(1e6), y: z.number().min(-1e6).max(1e6) });
const drawnWords = (most: number) => z.string().trim().max(most);
/**
 * A chart as the analyst sees it, sent to be made into a marked PDF: what the SVG export draws
 * (each entity shown where it stands, each link between two places) and the words of its key, in
 * the analyst's language. The server adds the protective marking, the date and the author.
 */
export const chartPdfBody = z.object({
  title: drawnWords(120).min(1, 'Enter a title for the chart'),
  language: z.enum(['en', 'cy']),
  keyTitle: drawnWords(80),
  kinds: z.array(z.object({ kind: z.enum(SEARCH_KINDS), label: drawnWords(80) })).max(SEARCH_KINDS.length),
  relations: z.array(z.object({ relation: z.enum(LINK_RELATIONS), label: drawnWords(80) })).max(LINK_RELATIONS.length),
  nodes: z
    .array(
      canvasPoint.extend({
        kind: z.enum(SEARCH_KINDS),
        label: drawnWords(300),
        onPath: z.boolean(),
        size: z.number().min(8).max(200).optional(),
        ring: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'A ring is a colour such as #4477aa')
          .optional(),
      }),
    )
    .min(1, 'A chart needs at least one entity')
    .max(2_000, 'A chart can hold at most 2,000 entities'),
  links: z
    .array(
      z.object({
        from: canvasPoint,
        to: canvasPoint,
        caption: drawnWords(300),
        reports: z.number().int().min(0).max(1e7),
        relation: z.enum(LINK_RELATIONS),
        direction: z.enum(LINK_DIRECTIONS),
        onPath: z.boolean(),
        /** Only analysts' assertions make it. */
        asserted: z.boolean().default(false),
      }),
    )
    .max(20_000, 'A chart can show at most 20,000 links'),
  /** The key's words for a link asserted by hand, when the chart shows one. */
  assertedLabel: drawnWords(80).optional(),
  /** The analyst's groups, each a box round its entities, and notes, each where it stands on the chart. */
  groups: z
    .array(z.object({ label: chartGroup, left: canvasPoint.shape.x, top: canvasPoint.shape.y, right: canvasPoint.shape.x, bottom: canvasPoint.shape.y }))
    .max(2_000)
    .default([]),
  notes: z
    .array(canvasPoint.extend({ text: chartNote }))
    .max(2_000)
    .default([]),
  /** The saved chart it is, if any (for the audit). */
  chart: z.uuid().optional(),
});
export type ChartPdfRequest = z.output<typeof chartPdfBody>;

/** An image of a chart made in the browser (PNG or SVG), recorded before it is downloaded: what it shows, for the audit. */
export const chartExportedBody = z.object({
  format: z.enum(['png', 'svg']),
  entities: z.number().int().min(0).max(10_000),
  links: z.number().int().min(0).max(100_000),
  chart: z.uuid().optional(),
});
export type ChartExported = z.output<typeof chartExportedBody>;

export const CHART_LAYOUTS = ['cose', 'concentric', 'breadthfirst', 'circle', 'grid', 'preset'] as const;
export type ChartLayout = (typeof CHART_LAYOUTS)[number];

/**
 * What a saved chart keeps: its entities as placed (each with the analyst's note and group, if
 * any: entities of one group name are drawn inside one box), the filter it was drawn with, and the layout.
 */
export const chartContentSchema = z.object({
  entities: z
    .array(
      z.object({
        id: z.uuid(),
        x: z.number().finite(),
        y: z.number().finite(),
        pinned: z.boolean(),
        hidden: z.boolean(),
        note: chartNote.optional(),
        group: chartGroup.optional(),
      }),
    )
    .min(1, 'A chart needs at least one entity')
    .max(2_000, 'A chart can hold at most 2,000 entities'),
  filter: linkFilterSchema,
  layout: z.enum(CHART_LAYOUTS),
});
export type ChartContent = z.output<typeof chartContentSchema>;
export type ChartEntity = ChartContent['entities'][number];

const chartName = z.string().trim().min(1, 'Enter a name for the chart').max(120, 'Use 120 characters or fewer');
export const chartBody = z.object({ name: chartName, chart: chartContentSchema });
/** Whose a saved chart is: the user's own (`mine`), or shared with the team by `owner`. */
const chartOwnership = { owner: z.string(), mine: z.boolean(), shared: z.boolean() };
export const chartSummarySchema = z.object({ id: z.string(), name: z.string(), entities: z.number(), updatedAt: z.string(), ...chartOwnership });
export type ChartSummary = z.output<typeof chartSummarySchema>;
export const chartListSchema = z.object({ charts: z.array(chartSummarySchema) });
export type ChartList = z.output<typeof chartListSchema>;
export const createdSchema = z.object({ id: z.string() });
export type Created = z.output<typeof createdSchema>;
export const savedChartSchema = z.object({
  id: z.string(),
  name: z.string(),
  updatedAt: z.string(),
  ...chartOwnership,
  chart: chartContentSchema,
  data: amongSchema,
});
/** Sharing a chart of yours with your team, or no longer. */
export const chartSharingBody = z.object({ shared: z.boolean() });
export type SavedChart = z.output<typeof savedChartSchema>;
