import { z } from 'zod';
import { monthSchema } from './figures';
import { JOB_NAMES } from '../vocabulary/jobs';
import { SHARING_CATEGORIES } from '../vocabulary/sharing';

/**
 * The HTCDS exchange: a span of months out (for the force's own use whole, or `for` a partner
 * agency: only what is shared with it, as its agreement allows), a file's references in.
 */
export const htcdsExportQuery = z.object({ from: monthSchema.optional(), to: monthSchema.optional(), for: z.uuid().optional() });
/** The partner agencies a file of cases can be made for now: each with an agreement in force, and what it allows. */
export const htcdsPartnersSchema = z.object({
  partners: z.array(z.object({ id: z.string(), name: z.string(), categories: z.array(z.enum(SHARING_CATEGORIES)), shared: z.number() })),
});
export type HtcdsPartners = z.output<typeof htcdsPartnersSchema>;
export const htcdsImportedSchema = z.object({
  /** The reports the file's new cases became, in the file's order. */
  references: z.array(z.string()),
  /** Cases imported before (the same file again), or Harbour's own: the reports they already are. */
  already: z.array(z.string()),
});
export type HtcdsImported = z.output<typeof htcdsImportedSchema>;

export const STORE_KINDS = ['pglite', 'postgres'] as const;
export const healthSchema = z.object({ status: z.literal('ok'), store: z.enum(STORE_KINDS), version: z.string() });
export type Health = z.output<typeof healthSchema>;

/** A background job as the administrator sees it: how often it runs, when it last ran, how it went. */
export const jobRunSchema = z.object({
  name: z.enum(JOB_NAMES),
  everySeconds: z.number().int(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  lastSucceededAt: z.string().nullable(),
  lastFailedAt: z.string().nullable(),
  /** The store's or the code's reason, never a record's content. */
  lastFailure: z.string().nullable(),
  /** What the last successful run did, as counts. */
  lastSummary: z.record(z.string(), z.number()),
  runs: z.number().int(),
  failures: z.number().int(),
  /** Failed runs since the last success: 0 when the job is well. */
  failingRuns: z.number().int(),
  /** Runs waiting (asked for, or to be tried again after a failure) and running now, in any process. */
  waiting: z.number().int(),
  running: z.number().int(),
});
export type JobRunView = z.output<typeof jobRunSchema>;
export const jobRunsSchema = z.object({ jobs: z.array(jobRunSchema) });
export type JobRuns = z.output<typeof jobRunsSchema>;
