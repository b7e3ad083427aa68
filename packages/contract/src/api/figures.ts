import { z } from 'zod';
import { preparedSchema } from './training';
import { preventedSchema } from './prevent';
import { AGE_BANDS, EXPLOITATION_TYPES, GENDERS, REPORT_SOURCES } from '../vocabulary/domain';
import { PROTECTIVE_MARKINGS } from '../vocabulary/marking';

/** The picture in numbers: dashboards, the reports behind a figure, the map and the problem profile. */

export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const AGE_GROUPS = ['child', 'adult'] as const;
export const PROFILE_LANGUAGES = ['en', 'cy'] as const;
export type ProfileLanguage = (typeof PROFILE_LANGUAGES)[number];
export const AUDIENCES = ['internal', 'external'] as const;
export type Audience = (typeof AUDIENCES)[number];

// Years a force's records can hold: a month outside them is a typing slip (or a probe), and a
// span of centuries would be counted month by month.
/** A month in a query string, as every figures and exchange route takes it. */
export const monthSchema = z.string().regex(/^(199\d|20\d\d)-(0[1-9]|1[0-2])$/, 'Enter a month as YYYY-MM, from 1990 to 2099');
const monthsInOrder = (f: { from?: string | undefined; to?: string | undefined }) => !f.from || !f.to || f.from <= f.to;
const monthsOutOfOrder = { path: ['to'], message: 'The last month must be on or after the first' };

/** A dashboard's filter in a query string; `area=unknown` asks for reports with no area. */
export const figuresQuery = z
  .object({
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    granularity: z.enum(GRANULARITIES).optional(),
    area: z
      .string()
      .regex(/^(W\d{8}|unknown)$/, 'Choose a local authority')
      .optional()
      .transform((a) => (a === 'unknown' ? '' : a)),
    type: z.enum(EXPLOITATION_TYPES).optional(),
    age: z.enum(AGE_GROUPS).optional(),
    source: z.enum(REPORT_SOURCES).optional(),
  })
  .refine(monthsInOrder, monthsOutOfOrder);
export type FiguresQuery = z.output<typeof figuresQuery>;

export const researchExportQuery = z
  .object({
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    k: z.coerce.number().int().min(2, 'Choose a k of 2 or more').max(1000, 'Choose a k of 1,000 or less').default(11),
  })
  .refine(monthsInOrder, monthsOutOfOrder);

export const profileQuery = z.object({ audience: z.enum(AUDIENCES).default('internal'), lang: z.enum(PROFILE_LANGUAGES).default('en') }).and(figuresQuery);

export const countSchema = z.object({ key: z.string(), n: z.number() });
export type Count = z.output<typeof countSchema>;
const areaCount = countSchema.extend({ name: z.string(), nameCy: z.string() });

export const dashboardFilterSchema = z.object({
  from: z.string(),
  to: z.string(),
  granularity: z.enum(GRANULARITIES),
  /** A local authority's code, or '' for reports whose area is not known. */
  area: z.string().optional(),
  exploitationType: z.string().optional(),
  child: z.boolean().optional(),
  source: z.string().optional(),
});
export type DashboardFilter = z.output<typeof dashboardFilterSchema>;

const decisions = z.object({ positive: z.number(), negative: z.number() });
export const caseworkSchema = z.object({
  casesByStatus: z.record(z.string(), z.number()),
  peopleArrested: z.number(),
  peopleCharged: z.number(),
  chargesByOffence: z.record(z.string(), z.number()),
  peopleConvicted: z.number(),
  ordersByType: z.record(z.string(), z.number()),
  peopleReferredToNrm: z.number(),
  peopleNotified: z.number(),
  reasonableGrounds: decisions,
  conclusiveGrounds: decisions,
  peopleWithPlans: z.number(),
  /** Now, whatever the period: plans on open cases whose review date has passed, and referrals still awaiting a Reasonable Grounds decision. */
  plansReviewOverdue: z.number(),
  referralsAwaitingReasonableGrounds: z.number(),
});
export type Casework = z.output<typeof caseworkSchema>;

export const dashboardSchema = z.object({
  filter: dashboardFilterSchema,
  /**
   * When the period runs into this month, the day (YYYY-MM-DD, Welsh time) its last month is
   * counted to: that month is partial, and the figures say so. Null for a period of whole months.
   */
  partialThrough: z.string().nullable(),
  /** The first and last months with any report. */
  span: z.object({ first: z.string(), last: z.string() }).nullable(),
  reports: z.number(),
  /** Against the period of the same length just before (to the same day, `through`, when this one is partial). */
  previous: z.object({
    from: z.string(),
    to: z.string(),
    through: z.string().nullable(),
    change: z.object({ before: z.number(), after: z.number(), count: z.number(), percent: z.number().nullable() }),
  }),
  trend: z.array(z.object({ period: z.string(), from: z.string(), to: z.string(), n: z.number() })),
  byArea: z.array(areaCount),
  byType: z.array(countSchema),
  byAge: z.array(countSchema),
  bySource: z.array(countSchema),
  /**
   * Potential victims as people: each person once however many reports name them (a resolved
   * person of the picture; a record not yet resolved counts as one), by gender and nationality
   * under what their records say most often.
   */
  victims: z.number(),
  victimsByGender: z.array(countSchema),
  /** ISO alpha-2 codes ('' when not known), most first. */
  victimsByNationality: z.array(countSchema.extend({ name: z.string() })),
  /** Potential victims by their age band on the day of their latest report in the period (`AGE_BANDS` order). */
  victimsByAge: z.array(countSchema),
  /** Potential victims as the reports name them: one per report naming a person (a separate measure from people). */
  victimMentions: z.number(),
  /** Suspects as people, each once. */
  suspects: z.number(),
  /**
   * Recent changes to people (an import, a merge) are still being counted in the background (the
   * figures job, every few seconds): the figures of people take them in once counted. False when
   * every change is counted.
   */
  peopleCounting: z.boolean(),
  /**
   * The team's casework in the period (cases, arrests, charges, orders, NRM and Duty to Notify,
   * safeguarding), people counted once each. Casework is dated by what happened, not by report,
   * so the report filters (area, type, age, source) do not narrow it.
   */
  casework: caseworkSchema,
  /**
   * Colleagues trained, today (training is not dated by the period): those of the establishment
   * in date with every published course. Null until the force's establishment is recorded.
   */
  prepared: preparedSchema,
  /**
   * Awareness work in the period: events held, people reached, materials handed out, and public
   * reports that came by a campaign's QR code. Narrowed by area; reports by campaign are public.
   */
  prevented: preventedSchema,
  /**
   * Deleted under the retention schedule, so no longer counted: deletions that took reports
   * received within the period (a deletion spanning its edge counts whole).
   */
  deleted: z.object({ reports: z.number().int(), potentialVictims: z.number().int() }),
});
export type Dashboard = z.output<typeof dashboardSchema>;

export const PEOPLE_ROLES = ['potential_victim', 'suspect'] as const;
/** The people a figure of people counts: the dashboard's filter, one part of people, and one of their gender, nationality or age band. */
export const peopleBehindQuery = z
  .object({
    role: z.enum(PEOPLE_ROLES).default('potential_victim'),
    gender: z.enum(GENDERS).optional(),
    nationality: z
      .string()
      .regex(/^([A-Z]{2}|unknown)$/, 'Choose a country')
      .optional()
      .transform((n) => (n === 'unknown' ? '' : n)),
    ageBand: z.enum(AGE_BANDS).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .and(figuresQuery);
export const personBehindSchema = z.object({
  /** The person in the picture; null for a record the picture has not resolved yet. */
  id: z.string().nullable(),
  label: z.string(),
  gender: z.enum(GENDERS),
  /** ISO alpha-2 ('' when not known). */
  nationality: z.string(),
  ageBand: z.enum(AGE_BANDS),
  /** Reports under the filter naming them in this part, and the latest of them. */
  reports: z.number(),
  latest: z.string(),
});
export const peopleBehindSchema = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), people: z.array(personBehindSchema) });
export type PeopleBehind = z.output<typeof peopleBehindSchema>;

export const reportsBehindQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).and(figuresQuery);
export const reportBehindSchema = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.string(),
  receivedAt: z.string(),
  area: z.string().nullable(),
  exploitationTypes: z.array(z.string()),
  child: z.boolean(),
  status: z.string(),
});
export type ReportBehind = z.output<typeof reportBehindSchema>;
export const reportsBehindSchema = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), reports: z.array(reportBehindSchema) });
export type ReportsBehind = z.output<typeof reportsBehindSchema>;

export const figuresMapSchema = z.object({
  areas: z.array(areaCount),
  /** Towns (or postcode districts) with the reports placed there. */
  places: z.array(z.object({ key: z.string(), name: z.string(), nameCy: z.string(), area: z.string(), lat: z.number(), lon: z.number(), n: z.number() })),
  /** Reports with no town or postcode the area knows: counted in their area, not placed. */
  unplaced: z.number(),
  hotspots: z.array(z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number(), density: z.number() })),
});
export type FiguresMap = z.output<typeof figuresMapSchema>;

export const areaBoundariesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string(), nameCy: z.string() }),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
    }),
  ),
  /** What the boundaries' licence asks to be shown beside them, or null without boundaries. */
  attribution: z.string().nullable(),
});
export type AreaBoundaries = z.output<typeof areaBoundariesSchema>;

export const profileTableSchema = z.object({
  id: z.string(),
  caption: z.string(),
  headings: z.array(z.string()),
  /** Each row: its label and its cells, already written as they are to be shown. */
  rows: z.array(z.object({ label: z.string(), cells: z.array(z.string()) })),
  /** The chart of the table's first column, where it has one: null for a value not shown. */
  chart: z.object({ labels: z.array(z.string()), values: z.array(z.number().nullable()) }).optional(),
  note: z.string().optional(),
});
export type ProfileTable = z.output<typeof profileTableSchema>;
export const profileSectionSchema = z.object({ id: z.string(), title: z.string(), paragraphs: z.array(z.string()), tables: z.array(profileTableSchema) });
export type ProfileSection = z.output<typeof profileSectionSchema>;
/** A problem profile: words and tables, ready to show. */
export const problemProfileSchema = z.object({
  language: z.enum(PROFILE_LANGUAGES),
  audience: z.enum(AUDIENCES),
  /** OFFICIAL for the public's profile (small counts suppressed), OFFICIAL-SENSITIVE for the team's. */
  marking: z.enum(PROTECTIVE_MARKINGS),
  title: z.string(),
  subtitle: z.string(),
  generated: z.string(),
  audienceNote: z.string(),
  sections: z.array(profileSectionSchema),
});
export type ProblemProfile = z.output<typeof problemProfileSchema>;
