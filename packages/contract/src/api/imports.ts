import { z } from 'zod';
import { DATE_ORDERS, IMPORT_FIELDS, IMPORT_SOURCES, IMPORT_STATUSES, TEXT_ENCODINGS } from '../vocabulary/imports';

/** Partner spreadsheets (CSV) imported as referrals: upload, map, progress, quarantine. */

export const importUploadQuery = z.object({
  name: z.string().trim().max(200).default('import.csv'),
  encoding: z.enum([...TEXT_ENCODINGS, 'auto']).default('auto'),
});

export const importMappingSchema = z.object({
  columns: z.array(z.enum(IMPORT_FIELDS).nullable()).readonly(),
  dateOrder: z.enum(DATE_ORDERS),
  source: z.enum(IMPORT_SOURCES),
});

export const importSummarySchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  encoding: z.string(),
  delimiter: z.string(),
  header: z.array(z.string()),
  status: z.enum(IMPORT_STATUSES),
  rowsTotal: z.number(),
  rowsDone: z.number(),
  accepted: z.number(),
  already: z.number(),
  empty: z.number(),
  quarantined: z.number(),
  failure: z.string().nullable(),
  mapping: importMappingSchema.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportSummary = z.output<typeof importSummarySchema>;
export const importListSchema = z.object({ imports: z.array(importSummarySchema) });
export type ImportList = z.output<typeof importListSchema>;

export const importPreviewSchema = z.object({
  sample: z.array(z.array(z.string())),
  suggested: z.array(z.enum(IMPORT_FIELDS).nullable()),
  dateOrder: z.enum(DATE_ORDERS),
  source: z.enum(IMPORT_SOURCES),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const importStartBody = z.object({
  columns: z.array(z.enum(IMPORT_FIELDS).nullable()).max(500),
  dateOrder: z.enum(DATE_ORDERS).default('dmy'),
  source: z.enum(IMPORT_SOURCES).default('partner'),
  /** Remember these choices for the agency's next file. */
  remember: z.boolean().default(true),
});
export type MappingStart = z.output<typeof importStartBody>;

export const rowProblemSchema = z.object({ field: z.string().nullable(), column: z.string().nullable(), reason: z.string() });
export const quarantinedRowSchema = z.object({ line: z.number(), cells: z.array(z.string()), problems: z.array(rowProblemSchema) });
export type QuarantinedRow = z.output<typeof quarantinedRowSchema>;
export const quarantineQuery = z.object({ offset: z.coerce.number().int().min(0).max(10_000_000).default(0) });
export const quarantinePageSchema = z.object({ total: z.number(), rows: z.array(quarantinedRowSchema) });
export type QuarantinePage = z.output<typeof quarantinePageSchema>;
export const quarantinedRowParams = z.object({ id: z.uuid(), line: z.coerce.number().int().min(1).max(100_000_000) });
export const rowRetryBody = z.object({ cells: z.array(z.string().max(10_000)).max(500) });
export const rowRetriedSchema = z.object({ reference: z.string(), already: z.boolean() });
export type RowRetried = z.output<typeof rowRetriedSchema>;
