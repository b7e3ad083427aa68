import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { AuditChainVerifier } from '@harbour/core';
import { toEntry } from './repositories/audit.repository';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { AuditRow, DB } from './schema';

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
  readonly version: 2;
  readonly createdAt: string;
  readonly migrations: string[];
}

/** The last line: the rows each table holds. A file without it was cut short. */
interface BackupTrailer {
  readonly end: 'harbour-backup';
  readonly rows: Record<string, number>;
}

export interface BackupSummary {
  readonly rows: Record<string, number>;
}

/** A backup that cannot be read whole: the reason names the line. */
export class BackupDamaged extends Error {}

const PAGE = 5000;

/**
 * Writes the whole store as it stood at one moment (one repeatable-read snapshot: a write made
 * while the backup runs is in all of it or none of it), to `file.partial`, renamed to `file`
 * only once whole: an interrupted backup never leaves a file that looks complete. On the
 * embedded store the snapshot holds its one connection, so requests wait until it is written.
 */
export async function writeBackup(db: Kysely<DB>, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  try {
    const rows = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        const migrations = (await tx.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((r) => r.name);
        const rows: Record<string, number> = {};
        async function* lines(): AsyncGenerator<string> {
          const header: BackupHeader = { format: 'harbour-backup', version: 2, createdAt: new Date().toISOString(), migrations };
          yield JSON.stringify(header) + '\n';
          for (const table of BACKUP_TABLES) {
            rows[table] = 0;
            // A cursor walks the table once (an offset would read every earlier page again for each page).
            // to_jsonb keeps every value exactly (timestamps to the microsecond, arrays, jsonb).
            // Columns PostgreSQL computes (the reports' search words) are left out: the restore computes them again.
            const { generated } = await tableColumns(tx, table);
            await sql`declare backup_rows no scroll cursor for select to_jsonb(t) - ${generated}::text[] as r from ${sql.table(table)} t order by ${sql.join(
              ORDER[table].map((k) => sql.ref(`t.${k}`)),
            )}`.execute(tx);
            for (;;) {
              const page = await sql<{ r: Record<string, unknown> }>`fetch ${sql.raw(String(PAGE))} from backup_rows`.execute(tx);
              let chunk = '';
              for (const row of page.rows) chunk += JSON.stringify({ t: table, r: row.r }) + '\n';
              if (chunk) yield chunk;
              rows[table] += page.rows.length;
              if (page.rows.length < PAGE) break;
            }
            await sql`close backup_rows`.execute(tx);
          }
          const trailer: BackupTrailer = { end: 'harbour-backup', rows };
          yield JSON.stringify(trailer) + '\n';
        }
        await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
        return rows;
      });
    renameSync(partial, file);
    return { rows };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Rows each backed-up table holds now (to check a restore against its backup). */
export async function countBackedUpRows(db: Kysely<DB>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = rows[0]!.n;
  }
  return counts;
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of input) return parseHeader(line);
    throw new BackupDamaged('the backup file is empty');
  } finally {
    input.close();
  }
}

/** What `harbour backup verify` found: the file read whole, its counts, its audit chain. */
export interface BackupVerification extends BackupSummary {
  readonly header: BackupHeader;
  readonly auditEntries: number;
}

/**
 * Reads a backup through without a store: every line whole, tables in the order a restore needs,
 * each table's rows as many as the last line says, and the audit log's entries chaining from the
 * first to the last. Throws BackupDamaged naming the first problem.
 */
export async function verifyBackup(file: string): Promise<BackupVerification> {
  const chain = new AuditChainVerifier();
  const result = await readBackup(file, async (table, row) => {
    if (table !== 'audit_log') return;
    const broken = chain.push(toEntry(row as unknown as AuditRow));
    if (broken) throw new BackupDamaged(`the audit log in the backup is broken at entry ${broken.seq}: ${broken.explanation}`);
  });
  return { ...result, auditEntries: chain.count };
}

/** Restores into a store whose tables are empty; refuses otherwise, so nothing is overwritten. */
export async function restoreBackup(db: Kysely<DB>, file: string): Promise<BackupSummary> {
  for (const table of BACKUP_TABLES) {
    const found = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} limit 1`.execute(db);
    if (found.rows.length > 0) throw new Error(`cannot restore: table ${table} already has data (restore into an empty store)`);
  }
  const migrations = (await db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((r) => r.name);
  let pending: { table: BackupTable; rows: Record<string, unknown>[] } | undefined;
  const storedColumns = new Map<BackupTable, string[]>();

  return db.transaction().execute(async (tx) => {
    const flush = async () => {
      if (!pending || pending.rows.length === 0) return;
      const { table, rows: batch } = pending;
      // The inverse of to_jsonb: PostgreSQL turns each object back into a row of the table's types,
      // every column but those it computes itself (which refuse a value).
      const stored = storedColumns.get(table) ?? (await tableColumns(tx, table)).stored;
      storedColumns.set(table, stored);
      const columns = sql.join(stored.map((c) => sql.ref(c)));
      await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(batch)}::jsonb)`.execute(
        tx,
      );
      pending = { table, rows: [] };
    };
    const summary = await readBackup(
      file,
      async (table, row) => {
        if (!pending || pending.table !== table) {
          await flush();
          pending = { table, rows: [] };
        }
        pending.rows.push(row);
        if (pending.rows.length >= 500) await flush();
      },
      (header) => {
        const missing = header.migrations.filter((m) => !migrations.includes(m));
        if (missing.length > 0) throw new Error(`the backup needs migrations this store does not have: ${missing.join(', ')}`);
      },
    );
    await flush();
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
    return { rows: summary.rows };
  });
}

/** A table's columns: those stored as written, and those PostgreSQL generates from the others. */
async function tableColumns(db: Kysely<DB>, table: BackupTable): Promise<{ stored: string[]; generated: string[] }> {
  const rows = await sql<{ name: string; generated: boolean }>`
    select attname as name, attgenerated <> '' as generated from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped order by attnum`.execute(db);
  return { stored: rows.rows.filter((r) => !r.generated).map((r) => r.name), generated: rows.rows.filter((r) => r.generated).map((r) => r.name) };
}

/**
 * Reads a backup line by line, handing each row on; checks the header, the tables' order, and
 * the last line's counts (a file cut short, or with rows added or taken away, is refused).
 */
async function readBackup(
  file: string,
  onRow: (table: BackupTable, row: Record<string, unknown>) => Promise<void>,
  onHeader: (header: BackupHeader) => void = () => undefined,
): Promise<{ header: BackupHeader; rows: Record<string, number> }> {
  const rows: Record<string, number> = {};
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  let lineNumber = 0;
  let lastTable = -1;
  // Opened only now: lines read before iteration starts would be lost.
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of input) {
      lineNumber += 1;
      if (!header) {
        header = parseHeader(line);
        onHeader(header);
        continue;
      }
      if (line.trim() === '') continue;
      if (trailer) throw new BackupDamaged(`the backup goes on after its last line, at line ${lineNumber}`);
      let parsed: { t?: unknown; r?: unknown; end?: unknown; rows?: unknown };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        throw new BackupDamaged(`the backup is damaged at line ${lineNumber}`);
      }
      if (parsed.end === 'harbour-backup' && typeof parsed.rows === 'object' && parsed.rows !== null) {
        trailer = parsed as BackupTrailer;
        continue;
      }
      const at = BACKUP_TABLES.indexOf(parsed.t as BackupTable);
      if (at < 0) throw new BackupDamaged(`unknown table ${String(parsed.t)} at line ${lineNumber}`);
      if (at < lastTable) throw new BackupDamaged(`table ${String(parsed.t)} out of order at line ${lineNumber}`);
      if (typeof parsed.r !== 'object' || parsed.r === null) throw new BackupDamaged(`the backup is damaged at line ${lineNumber}`);
      lastTable = at;
      const table = BACKUP_TABLES[at]!;
      rows[table] = (rows[table] ?? 0) + 1;
      await onRow(table, parsed.r as Record<string, unknown>);
    }
  } catch (error) {
    // gunzip's own words for a cut or corrupted file, said plainly.
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_'))
      throw new BackupDamaged(`the backup file is damaged or cut short (${error.message}) after line ${lineNumber}`);
    throw error;
  } finally {
    input.close();
  }
  if (!header) throw new BackupDamaged('the backup file is empty');
  if (!trailer) throw new BackupDamaged(`the backup was cut short: it ends at line ${lineNumber} without its last line`);
  for (const table of BACKUP_TABLES) {
    const said = trailer.rows[table] ?? 0;
    if ((rows[table] ?? 0) !== said) throw new BackupDamaged(`table ${table}: the backup says ${said} rows but holds ${rows[table] ?? 0}`);
  }
  return { header, rows };
}

function parseHeader(line: string): BackupHeader {
  let header: Partial<Omit<BackupHeader, 'version'>> & { version?: unknown };
  try {
    header = JSON.parse(line) as typeof header;
  } catch {
    throw new BackupDamaged('not a Harbour backup (the first line is not a header)');
  }
  if (header.format !== 'harbour-backup' || !Array.isArray(header.migrations)) throw new BackupDamaged('not a Harbour backup');
  if (header.version !== 2) throw new BackupDamaged(`a backup of version ${String(header.version)}, which this Harbour cannot read (it reads version 2)`);
  return header as BackupHeader;
}
