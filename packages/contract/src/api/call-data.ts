import { z } from 'zod';
import { EXPLOITATION_TYPES } from '../vocabulary/domain';
import { GRADING_PATTERN } from '../vocabulary/grading';
import { uniqueList } from './fields';

/** Call data: an analyst imports billing records (or any calls between numbers) into the picture. */
const column = z.string().trim().min(1).max(200);

export const callDataBody = z.object({
  name: z.string().trim().min(1, 'Say what this call data is, e.g. whose phone and from whom').max(200, 'Use 200 characters or fewer'),
  csv: z.string().min(1, 'Choose a file'),
  columns: z.object({ from: column, to: column, at: column.optional(), duration: column.optional() }),
  /** 3x5x2 grading of the material (call data from a provider is usually 1AP). */
  grading: z.string().regex(GRADING_PATTERN, 'Choose a grading'),
  exploitationTypes: uniqueList(z.enum(EXPLOITATION_TYPES), EXPLOITATION_TYPES.length).default([]),
});
export type CallDataInput = z.output<typeof callDataBody>;

export const callDataResultSchema = z.object({
  id: z.string(),
  reference: z.string(),
  rows: z.number(),
  calls: z.number(),
  numbers: z.number(),
  pairs: z.number(),
  /** Rows not taken, by line (the first 200; `problemCount` says how many in all). */
  problems: z.array(z.object({ line: z.number(), reason: z.string() })),
  problemCount: z.number(),
});
export type CallDataResult = z.output<typeof callDataResultSchema>;

export const callDataViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  summary: z.string(),
  grading: z.string().nullable(),
  receivedAt: z.string(),
  pictured: z.boolean(),
  numbers: z.array(
    z.object({
      number: z.string(),
      entity_id: z.string().nullable(),
      other_reports: z.number(),
      people: z.array(z.object({ id: z.string(), label: z.string() })),
      calls: z.number(),
    }),
  ),
});
export type CallDataView = z.output<typeof callDataViewSchema>;

const named = z.object({ id: z.string(), label: z.string() });

/**
 * A number's calls across every import of call data: made and received, how long in all, first
 * and last, the UK hours they began in, who uses it, and its contacts, each a person (or people
 * sharing phones) with every number of theirs, most calls first.
 */
export const numberCallsSchema = z.object({
  id: z.string(),
  label: z.string(),
  callsOut: z.number(),
  callsIn: z.number(),
  seconds: z.number(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  /** Calls by the hour of the day (0–23) they began in; `timed` says how many calls had a time. */
  hours: z.array(z.number()).length(24),
  timed: z.number(),
  users: z.array(named),
  contacts: z.array(
    z.object({
      people: z.array(named),
      numbers: z.array(named),
      callsOut: z.number(),
      callsIn: z.number(),
      seconds: z.number(),
      first: z.string().nullable(),
      last: z.string().nullable(),
    }),
  ),
  /** Contacts in all; `contacts` holds the first `NUMBER_CONTACTS_SHOWN`. */
  contactCount: z.number(),
});
export type NumberCallsView = z.output<typeof numberCallsSchema>;
export const NUMBER_CONTACTS_SHOWN = 25;
