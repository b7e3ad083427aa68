import { z } from 'zod';
import { monthSchema } from './figures';

/** The HTCDS exchange: a span of months out, a file's references in. */
export const htcdsExportQuery = z.object({ from: monthSchema.optional(), to: monthSchema.optional() });
export const htcdsImportedSchema = z.object({ references: z.array(z.string()) });
export type HtcdsImported = z.output<typeof htcdsImportedSchema>;

export const STORE_KINDS = ['pglite', 'postgres'] as const;
export const healthSchema = z.object({ status: z.literal('ok'), store: z.enum(STORE_KINDS), version: z.string() });
export type Health = z.output<typeof healthSchema>;
