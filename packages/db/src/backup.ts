import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * Logical backups: gzip'd JSON lines, one row a line, tables in dependency order. The same file
 * restores onto PGlite or a PostgreSQL server. Transient tables are left out (TRANSIENT_TABLES).
 */
export const BACKUP_TABLES = [
  'agencies',
  'users',
  'access_grants',
  'saved_charts',
  'problem_profiles',
  'network_views',
  'recovery_codes',
  'audit_log',
  'reports',
  'report_persons',
  'report_phones',
  'report_vehicles',
  'report_businesses',
  'seed_networks',
  'seed_truth',
  'report_follow_up',
  'report_messages',
  'app_secrets',
  'referral_drafts',
  'report_addresses',
  'report_photos',
  'report_online',
  'report_bank_accounts',
  'report_documents',
  'report_calls',
  'entities',
  'entity_records',
  'person_block_keys',
  'record_links',
  'link_assertions',
  'picture_settings',
  'match_models',
  'name_counts',
  'picture_upkeep',
  'people_to_compare',
  'review_pairs',
  'entity_changes',
  'entity_moves',
  'search_terms',
  'import_mappings',
  'imports',
  'import_quarantine',
  'imported_rows',
  'htcds_imported',
  'cases',
  'case_status_changes',
  'case_reports',
  'case_entities',
  'case_notes',
  'case_documents',
  'tasks',
  'case_outcomes',
  'nrm_records',
  'safeguarding_plans',
  'safeguarding_reviews',
  'sharing_agreements',
  'case_shares',
  'report_shares',
  'retention_reviews',
  'retention_deletions',
  'training_units',
  'establishment',
  'courses',
  'course_versions',
  'quiz_attempts',
  'course_completions',
  'course_assignments',
  'course_images',
  'awareness_campaigns',
  'awareness_materials',
  'awareness_events',
] as const satisfies readonly (keyof DB)[];

/**
 * Short-lived tables left out: sessions (a restore signs everyone out), password delays and used
 * form tokens (both matter for a day at most), request counts (a minute), and the background
 * runs and the processes holding them (those of the running processes only).
 */
export const TRANSIENT_TABLES = [
  'sessions',
  'sign_in_throttle',
  'used_form_tokens',
  'request_limits',
  'job_runs',
  'job_workers',
  'job_holds',
] as const satisfies readonly (keyof DB)[];

/** Tables worked out from the others: a restore's inserts rebuild them, through their triggers. */
export const DERIVED_TABLES = [
  'tally_reports',
  'tally_victims',
  'tally_places',
  'tally_deltas',
  'people_facts',
  'people_attributes',
  'tally_people',
  'people_dirty',
] as const satisfies readonly (keyof DB)[];

type BackupTable = (typeof BACKUP_TABLES)[number];

/** A key that orders each table's rows, so pages never skip or repeat a row. */
const ORDER: Record<BackupTable, string[]> = {
  agencies: ['id'],
  users: ['id'],
  access_grants: ['id'],
  saved_charts: ['id'],
  problem_profiles: ['id'],
  network_views: ['user_id', 'entity_id'],
  recovery_codes: ['user_id', 'code_hash'],
  audit_log: ['seq'],
  reports: ['id'],
  report_persons: ['id'],
  report_phones: ['id'],
  report_vehicles: ['id'],
  report_businesses: ['id'],
  seed_networks: ['id'],
  seed_truth: ['record_type', 'record_id'],
  report_follow_up: ['report_id'],
  report_messages: ['id'],
  app_secrets: ['name'],
  referral_drafts: ['id'],
  report_addresses: ['id'],
  report_photos: ['id'],
  report_online: ['id'],
  report_bank_accounts: ['id'],
  report_documents: ['id'],
  report_calls: ['from_phone', 'to_phone'],
  entities: ['id'],
  entity_records: ['id'],
  person_block_keys: ['key', 'record_id'],
  record_links: ['from_record', 'to_record'],
  link_assertions: ['id'],
  picture_settings: ['id'],
  match_models: ['id'],
  name_counts: ['column_name', 'value'],
  picture_upkeep: ['task'],
  people_to_compare: ['entity_id'],
  review_pairs: ['id'],
  entity_changes: ['id'],
  entity_moves: ['change_id', 'record_id'],
  search_terms: ['text'],
  import_mappings: ['agency_id'],
  imports: ['id'],
  import_quarantine: ['import_id', 'line'],
  imported_rows: ['agency_id', 'row_key'],
  htcds_imported: ['agency_id', 'case_key'],
  cases: ['id'],
  case_status_changes: ['id'],
  case_reports: ['case_id', 'report_id'],
  case_entities: ['case_id', 'entity_id', 'role'],
  case_notes: ['id'],
  case_documents: ['id'],
  tasks: ['id'],
  case_outcomes: ['id'],
  nrm_records: ['id'],
  safeguarding_plans: ['id'],
  safeguarding_reviews: ['id'],
  sharing_agreements: ['id'],
  case_shares: ['case_id', 'agency_id'],
  report_shares: ['report_id', 'agency_id'],
  retention_reviews: ['id'],
  retention_deletions: ['id'],
  training_units: ['id'],
  establishment: ['id'],
  courses: ['id'],
  course_versions: ['id'],
  quiz_attempts: ['id'],
  course_completions: ['id'],
  course_assignments: ['id'],
  course_images: ['id'],
  awareness_campaigns: ['code'],
  awareness_materials: ['id'],
  awareness_events: ['id'],
};

export interface BackupHeader {
  readonly format: 'harbour-backup';
  readonly version: 1;
  readonly createdAt: string;
  readonly migrations: string[];
}

export interface BackupSummary {
  readonly rows: Record<string, number>;
}

export async function writeBackup(db: Kysely<DB>, file: string): Promise<BackupSummary> {
  const migrations = (await db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((r) => r.name);
  const rows: Record<string, number> = {};
  async function* lines(): AsyncGenerator<string> {
    const header: BackupHeader = { format: 'harbour-backup', version: 1, createdAt: new Date().toISOString(), migrations };
    yield JSON.stringify(header) + '\n';
    for (const table of BACKUP_TABLES) {
      rows[table] = 0;
      const keys = ORDER[table];
      let offset = 0;
      const page = 5000;
      for (;;) {
        // to_jsonb keeps every value exactly (timestamps to the microsecond, arrays, jsonb).
        const result = await sql<{
          r: Record<string, unknown>;
        }>`select to_jsonb(t) as r from ${sql.table(table)} t order by ${sql.join(keys.map((k) => sql.ref(`t.${k}`)))} limit ${page} offset ${offset}`.execute(
          db,
        );
        for (const row of result.rows) yield JSON.stringify({ t: table, r: row.r }) + '\n';
        rows[table] += result.rows.length;
        offset += result.rows.length;
        if (result.rows.length < page) break;
      }
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return { rows };
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of input) return parseHeader(line);
    throw new Error('the backup file is empty');
  } finally {
    input.close();
  }
}

/** Restores into a store whose tables are empty; refuses otherwise, so nothing is overwritten. */
export async function restoreBackup(db: Kysely<DB>, file: string): Promise<BackupSummary> {
  for (const table of BACKUP_TABLES) {
    const found = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} limit 1`.execute(db);
    if (found.rows.length > 0) throw new Error(`cannot restore: table ${table} already has data (restore into an empty store)`);
  }
  const migrations = (await db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((r) => r.name);
  const rows: Record<string, number> = {};
  let header: BackupHeader | undefined;
  let pending: { table: BackupTable; rows: Record<string, unknown>[] } | undefined;

  await db.transaction().execute(async (tx) => {
    const flush = async () => {
      if (!pending || pending.rows.length === 0) return;
      const { table, rows: batch } = pending;
      // The inverse of to_jsonb: PostgreSQL turns each object back into a row of the table's types.
      await sql`insert into ${sql.table(table)} select * from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(batch)}::jsonb)`.execute(tx);
      pending = { table, rows: [] };
    };
    let lineNumber = 0;
    // Opened only now: lines read before iteration starts would be lost.
    const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of input) {
      lineNumber += 1;
      if (!header) {
        header = parseHeader(line);
        const missing = header.migrations.filter((m) => !migrations.includes(m));
        if (missing.length > 0) throw new Error(`the backup needs migrations this store does not have: ${missing.join(', ')}`);
        continue;
      }
      if (line.trim() === '') continue;
      let parsed: { t: BackupTable; r: Record<string, unknown> };
      try {
        parsed = JSON.parse(line) as { t: BackupTable; r: Record<string, unknown> };
      } catch {
        throw new Error(`the backup is damaged at line ${lineNumber}`);
      }
      if (!(BACKUP_TABLES as readonly string[]).includes(parsed.t)) throw new Error(`unknown table ${parsed.t} at line ${lineNumber}`);
      if (!pending || pending.table !== parsed.t) {
        await flush();
        pending = { table: parsed.t, rows: [] };
      }
      pending.rows.push(parsed.r);
      rows[parsed.t] = (rows[parsed.t] ?? 0) + 1;
      if (pending.rows.length >= 500) await flush();
    }
    await flush();
    if (!header) throw new Error('the backup file is empty');
    // Live report and case numbers continue after the highest restored ones.
    // Link analysis reads changes numbered after the highest restored one.
    await sql`select setval('graph_change_seq', greatest(1, (select max(m) from (select max(seq) as m from record_links
      union all select max(entity_seq) from entity_records union all select max(facts_seq) from reports) as n)))`.execute(tx);
    await sql`select setval('report_number_seq', greatest(10000000, coalesce((select max(substring(reference from '[0-9]+$')::bigint) from reports where reference ~ '^HBR-[0-9]{4}-[0-9]{8}$'), 0)))`.execute(
      tx,
    );
    await sql`select setval('case_numbers', greatest(1, coalesce((select max(substring(reference from '[0-9]+$')::bigint) from cases where reference ~ '^HBC-[0-9]{4}-[0-9]+$'), 0)), true)`.execute(
      tx,
    );
  });
  return { rows };
}

function parseHeader(line: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new Error('not a Harbour backup (the first line is not a header)');
  }
  if (header.format !== 'harbour-backup' || header.version !== 1 || !Array.isArray(header.migrations)) {
    throw new Error('not a Harbour backup, or a version this Harbour cannot read');
  }
  return header as BackupHeader;
}
