import { z } from 'zod';
import { ASSERTED_RELATIONS, RECORD_KINDS, SEARCH_KINDS, type AssertedRelation } from '../vocabulary/picture';

/** The intelligence picture: search, entities with their evidence, the review queue, matching settings. */

/** A report as a source of something in the picture, with its 3x5x2 grade. */
export const reportRefSchema = z.object({ id: z.string(), reference: z.string(), source: z.string(), receivedAt: z.string(), grading: z.string().nullable() });

/**
 * A link an analyst asserted by hand: between which entities (as they now stand, after any merge),
 * what it says, from `from` to `to`, its own 3x5x2 grading, why (the note), and who said it when.
 */
export const linkAssertionSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  relation: z.enum(Object.keys(ASSERTED_RELATIONS) as [AssertedRelation, ...AssertedRelation[]]),
  grading: z.string(),
  note: z.string(),
  assertedBy: z.string(),
  assertedAt: z.string(),
});
export type LinkAssertion = z.output<typeof linkAssertionSchema>;
export type ReportRef = z.output<typeof reportRefSchema>;

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'Enter something to search for').max(200, 'Use 200 characters or fewer'),
  /** One kind's results, a page at a time; without it, the first few of every kind. */
  kind: z.enum(SEARCH_KINDS).optional(),
  page: z.coerce.number().int('Give a whole page number').min(1, 'Pages start at 1').max(1000, 'Use a page number of 1000 or less').default(1),
});
export type SearchQuery = z.input<typeof searchQuery>;

/** What tells namesakes apart: the details their records give most often, and where they were last reported. */
export const personDetailsSchema = z.object({
  dob: z.string().nullable(),
  nationality: z.string().nullable(),
  roles: z.array(z.string()),
  area: z.string().nullable(),
});
export type PersonDetails = z.output<typeof personDetailsSchema>;

const searchCount = { total: z.number(), capped: z.boolean() };
export const searchResultsSchema = z.object({
  query: z.string(),
  kind: z.enum(SEARCH_KINDS).nullable(),
  page: z.number(),
  pageSize: z.number(),
  groups: z.array(
    z.object({
      kind: z.enum(RECORD_KINDS),
      ...searchCount,
      items: z.array(z.object({ id: z.string(), label: z.string(), reports: z.number(), latest: z.string(), details: personDetailsSchema.nullable() })),
    }),
  ),
  reports: z.array(reportRefSchema.extend({ snippet: z.string() })),
  reportCount: z.object(searchCount),
});
export type SearchResults = z.output<typeof searchResultsSchema>;

export const recordViewSchema = z.object({
  id: z.string(),
  entityId: z.string().nullable(),
  role: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  resolvedBy: z.string().nullable(),
  matchProbability: z.number().nullable(),
  report: reportRefSchema.extend({ summary: z.string(), occurred: z.string().nullable() }),
});
export type RecordView = z.output<typeof recordViewSchema>;

export const ENTITY_EVENTS = ['reported', 'merge', 'split', 'undo'] as const;

export const entityViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  /** A merged entity's records now live in this one. */
  mergedInto: z.string().nullable(),
  attributes: z.array(
    z.object({ name: z.string(), value: z.string(), sources: z.array(reportRefSchema.extend({ recordId: z.string(), role: z.string().nullable() })) }),
  ),
  records: z.array(recordViewSchema),
  /** Links analysts asserted by hand from or to it (standing ones), each with the entity at its other end. */
  asserted: z.array(linkAssertionSchema.extend({ other: z.object({ id: z.string(), kind: z.string(), label: z.string() }) })),
  linked: z.array(z.object({ id: z.string(), kind: z.string(), label: z.string(), roles: z.array(z.string()), reports: z.array(reportRefSchema) })),
  timeline: z.array(
    z.object({
      at: z.string(),
      what: z.enum(ENTITY_EVENTS),
      report: reportRefSchema.optional(),
      role: z.string().nullable().optional(),
      changeId: z.string().optional(),
      actor: z.string().nullable().optional(),
    }),
  ),
  changes: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      at: z.string(),
      actor: z.string().nullable(),
      records: z.number(),
      undone: z.boolean(),
      fromReview: z.boolean(),
    }),
  ),
});
export type EntityView = z.output<typeof entityViewSchema>;

export const mergeBody = z.object({ entityId: z.uuid('Choose the entity to merge') });
export const splitBody = z.object({ recordIds: z.array(z.uuid()).min(1, 'Choose at least one record').max(1000) });
export const entityChangeSchema = z.object({ changeId: z.string(), entityId: z.string() });
export type EntityChange = z.output<typeof entityChangeSchema>;
export const undoneSchema = z.object({ changeId: z.string() });
export type Undone = z.output<typeof undoneSchema>;

export const AGREEMENTS = ['agree', 'close', 'differ', 'missing'] as const;
export type Agreement = (typeof AGREEMENTS)[number];
export const REVIEW_DECISIONS = ['accept', 'reject', 'skip'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const reviewSide = recordViewSchema.extend({ entityLabel: z.string(), entityRecords: z.number() });
export const reviewViewSchema = z.object({
  /** Open pairs, counted up to a limit (so the count is cheap): more is shown as "more than". */
  open: z.number(),
  moreThanCounted: z.boolean(),
  pair: z
    .object({
      id: z.string(),
      probability: z.number(),
      skipped: z.boolean(),
      fields: z.array(z.object({ field: z.string(), level: z.string(), weight: z.number(), agreement: z.enum(AGREEMENTS), a: z.string(), b: z.string() })),
      a: reviewSide,
      b: reviewSide,
      /** What reports of both sides mention alike (a phone, a vehicle, a business, an account…): evidence beyond the fields. */
      sharedMentions: z.array(z.object({ id: z.string(), kind: z.string(), label: z.string() })),
    })
    .nullable(),
});
export type ReviewView = z.output<typeof reviewViewSchema>;
export const reviewDecisionBody = z.object({ decision: z.enum(REVIEW_DECISIONS) });

export const matchModelSchema = z.object({
  source: z.enum(['synthetic', 'store']),
  /** How many models this store has trained and kept (the one in use is the newest). */
  version: z.number(),
  trainedAt: z.string().nullable(),
  records: z.number(),
  decisions: z.number(),
});
export type MatchModelInfo = z.output<typeof matchModelSchema>;
export const pictureSettingsSchema = z.object({
  autoMerge: z.number(),
  review: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  model: matchModelSchema,
});
export type PictureSettingsView = z.output<typeof pictureSettingsSchema>;

/** What comparing every person with every other changed. */
export const peopleComparisonSchema = z.object({
  records: z.number(),
  people: z.number(),
  moved: z.number(),
  created: z.number(),
  emptied: z.number(),
});
export type PeopleComparison = z.output<typeof peopleComparisonSchema>;

const threshold = (name: string) =>
  z
    .number({ error: `Enter the ${name} threshold as a number` })
    .min(0.05, 'Use a probability from 0.05 to 0.999')
    .max(0.999, 'Use a probability from 0.05 to 0.999');
export const pictureSettingsBody = z.object({ autoMerge: threshold('automatic merge'), review: threshold('review') });
