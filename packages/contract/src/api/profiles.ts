import { z } from 'zod';
import { PROFILE_STATUSES, PROFILE_TEXT_LIMIT } from '../vocabulary/profiles';
import { AUDIENCES, PROFILE_LANGUAGES, monthSchema, problemProfileSchema } from './figures';

/**
 * Problem profiles as an analyst's product: the generated figures for a period and area inside
 * the analyst's own words (key judgements, intelligence gaps, recommendations under the 4P), kept
 * as a draft while written and frozen when issued.
 */

/** A version as stored (a 4-byte integer), with room for the next. */
const version = z.number().int().min(1).max(2_147_483_646);
const authoredText = z.string().trim().max(PROFILE_TEXT_LIMIT, `Use at most ${PROFILE_TEXT_LIMIT} characters`);
const title = z.string().trim().min(3, 'Give the profile a title of at least 3 characters').max(200, 'Use at most 200 characters');

export const profileNewBody = z
  .object({
    title,
    from: monthSchema,
    to: monthSchema,
    /** A local authority's code; absent for the whole force. */
    area: z
      .string()
      .regex(/^W\d{8}$/, 'Choose a local authority')
      .optional(),
    audience: z.enum(AUDIENCES),
    language: z.enum(PROFILE_LANGUAGES),
  })
  .refine((b) => b.from <= b.to, { path: ['to'], message: 'The last month must be on or after the first' });
export type ProfileNew = z.input<typeof profileNewBody>;

export const recommendationsSchema = z.object({ pursue: authoredText, prevent: authoredText, protect: authoredText, prepare: authoredText });
export type Recommendations = z.output<typeof recommendationsSchema>;

/** The analyst's words; `version` is the one the writer started from, so two writers never overwrite each other unseen. */
export const profileWritingBody = z.object({
  version,
  title,
  keyJudgements: authoredText,
  intelligenceGaps: authoredText,
  recommendations: recommendationsSchema,
});
export type ProfileWriting = z.input<typeof profileWritingBody>;

export const profileIssueBody = z.object({ version });

export const profileSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  area: z.string().nullable(),
  audience: z.enum(AUDIENCES),
  language: z.enum(PROFILE_LANGUAGES),
  status: z.enum(PROFILE_STATUSES),
  author: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  issuedAt: z.string().nullable(),
});
export type ProfileSummary = z.output<typeof profileSummarySchema>;

/** A profile as its writer works on it: the words, and the document they make with the figures (frozen once issued). */
export const authoredProfileSchema = profileSummarySchema.extend({
  version: z.number(),
  keyJudgements: z.string(),
  intelligenceGaps: z.string(),
  recommendations: recommendationsSchema,
  document: problemProfileSchema,
});
export type AuthoredProfile = z.output<typeof authoredProfileSchema>;
