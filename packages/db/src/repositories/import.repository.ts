import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { DB, ImportQuarantineTable, ImportsTable, StoredImportMapping } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { insertReports, type NewReport } from './intake.repository';

/** An import as the API shows it: all but the file's text and the worker's lease. */
export type ImportRow = Omit<Selectable<ImportsTable>, 'body' | 'lease_until'>;

/** A quarantined row: its line, its cells as the file had them, and every problem. */
export type QuarantinedRow = Omit<Selectable<ImportQuarantineTable>, 'import_id'>;

/** A refused row; with its sender's reference's key, a row put right before is not refused again. */
export type RefusedRow = QuarantinedRow & { key?: string | undefined };

/** One batch of an import's rows, read: the reports to store (each with its ledger key) and the rows refused. */
export interface ImportBatch {
  readonly reports: readonly { report: NewReport; key: string; line: number; auditEvent: AuditEvent }[];
  readonly quarantined: readonly RefusedRow[];
  readonly empty: number;
  readonly rows: number;
  /** The file's last line this batch reads. */
  readonly lastLine: number;
}

/** How long a worker holds a running import without a word before another may take it over. */
const LEASE_SECONDS = 60;

const COLUMNS = [
  'id',
  'agency_id',
  'created_by',
  'file_name',
  'encoding',
  'delimiter',
  'header',
  'rows_total',
  'mapping',
  'status',
  'processed_line',
  'rows_done',
  'accepted',
  'already',
  'empty',
  'quarantined',
  'failure',
  'created_at',
  'started_at',
  'finished_at',
] as const;

/** Imports of partner spreadsheets: the file while it is read, progress, quarantine and the ledger of rows taken. */
export class ImportRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditRepository,
  ) {}

  async mapping(agencyId: string): Promise<{ columns: Record<string, string | null>; dateOrder: string; source: string } | undefined> {
    const row = await this.db.selectFrom('import_mappings').select(['columns', 'date_order', 'source']).where('agency_id', '=', agencyId).executeTakeFirst();
    return row && { columns: row.columns, dateOrder: row.date_order, source: row.source };
  }

  /** Remembers an agency's choices, adding to what it chose for other headings before. */
  async saveMapping(agencyId: string, userId: string, columns: Record<string, string | null>, dateOrder: string, source: string): Promise<void> {
    const json = JSON.stringify(columns);
    await this.db
      .insertInto('import_mappings')
      .values({ agency_id: agencyId, columns: json, date_order: dateOrder, source, updated_by: userId, updated_at: new Date() })
      .onConflict((oc) =>
        oc.column('agency_id').doUpdateSet({
          columns: sql`import_mappings.columns || ${json}::jsonb`,
          date_order: dateOrder,
          source,
          updated_by: userId,
          updated_at: new Date(),
        }),
      )
      .execute();
  }

  async create(
    row: {
      id: string;
      agencyId: string;
      createdBy: string;
      fileName: string;
      encoding: string;
      delimiter: string;
      header: string[];
      body: string;
      rowsTotal: number;
    },
    auditEvent: AuditEvent,
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('imports')
        .values({
          id: row.id,
          agency_id: row.agencyId,
          created_by: row.createdBy,
          file_name: row.fileName,
          encoding: row.encoding,
          delimiter: row.delimiter,
          header: row.header,
          body: row.body,
          rows_total: row.rowsTotal,
          status: 'mapping',
        })
        .execute();
      await this.audit.appendIn(tx, auditEvent);
    });
  }

  async get(id: string): Promise<ImportRow | undefined> {
    return this.db.selectFrom('imports').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async list(agencyId: string, limit: number): Promise<ImportRow[]> {
    return this.db.selectFrom('imports').select(COLUMNS).where('agency_id', '=', agencyId).orderBy('created_at', 'desc').limit(limit).execute();
  }

  /** Starts an import that is waiting for its mapping; false when it has started already. */
  async start(id: string, mapping: StoredImportMapping, at: Date, auditEvent: AuditEvent): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const started = await tx
        .updateTable('imports')
        .set({ status: 'running', mapping: JSON.stringify(mapping), started_at: at, lease_until: null })
        .where('id', '=', id)
        .where('status', '=', 'mapping')
        .executeTakeFirst();
      if (started.numUpdatedRows === 0n) return false;
      await this.audit.appendIn(tx, auditEvent);
      return true;
    });
  }

  /** Whether a started import waits for a worker (none has it, or its worker's lease ran out). */
  async waiting(): Promise<boolean> {
    const found = await sql<{ waiting: boolean }>`
      select exists (select 1 from imports where status = 'running' and (lease_until is null or lease_until < now())) as waiting`.execute(this.db);
    return found.rows[0]?.waiting === true;
  }

  /** Takes a running import no worker holds (or whose worker fell silent): its id and where to go on from. */
  async claim(): Promise<{ id: string; processedLine: number } | undefined> {
    const claimed = await sql<{ id: string; processed_line: number }>`
      update imports set lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
      where id = (
        select id from imports where status = 'running' and (lease_until is null or lease_until < now())
        order by started_at limit 1 for update skip locked)
      returning id, processed_line`.execute(this.db);
    const row = claimed.rows[0];
    return row && { id: row.id, processedLine: row.processed_line };
  }

  async body(id: string): Promise<string | null> {
    return (await this.db.selectFrom('imports').select('body').where('id', '=', id).executeTakeFirst())?.body ?? null;
  }

  /**
   * Stores one batch whole, or nothing: the rows' reports (those the agency's ledger has not seen),
   * the refused rows, and the progress. `from` fences the batch: when the import is no longer at
   * that line (another worker took it over), nothing is stored and the answer is undefined.
   */
  async storeBatch(importId: string, agencyId: string, from: number, batch: ImportBatch): Promise<{ accepted: number; already: number } | undefined> {
    return this.db.transaction().execute(async (tx) => {
      const at = await tx
        .selectFrom('imports')
        .select('processed_line')
        .where('id', '=', importId)
        .where('status', '=', 'running')
        .forUpdate()
        .executeTakeFirst();
      if (!at || at.processed_line !== from) return undefined;
      // Keys first: the ledger's primary key decides which rows are new, even against a parallel import.
      const fresh = new Set<string>();
      if (batch.reports.length > 0) {
        const taken = await tx
          .insertInto('imported_rows')
          .values(batch.reports.map((r) => ({ agency_id: agencyId, row_key: r.key, report_id: r.report.id, import_id: importId, line: r.line })))
          .onConflict((oc) => oc.columns(['agency_id', 'row_key']).doNothing())
          .returning('row_key')
          .execute();
        for (const t of taken) fresh.add(t.row_key);
      }
      // A key seen twice in one batch is inserted once: the first row with it is the new one.
      const seen = new Set<string>();
      const stored = batch.reports.filter((r) => fresh.has(r.key) && !seen.has(r.key) && seen.add(r.key));
      // The ledger names reports inserted just below: its foreign key is checked at commit (deferred).
      if (stored.length > 0) await insertReports(tx, this.audit, stored);
      // A refused row whose reference the ledger knows was put right in Harbour before: not refused again.
      const refusedKeys = batch.quarantined.flatMap((q) => (q.key ? [q.key] : []));
      const known = new Set(
        refusedKeys.length === 0
          ? []
          : (await tx.selectFrom('imported_rows').select('row_key').where('agency_id', '=', agencyId).where('row_key', 'in', refusedKeys).execute()).map(
              (r) => r.row_key,
            ),
      );
      const refused = batch.quarantined.filter((q) => !q.key || !known.has(q.key));
      if (refused.length > 0)
        await tx
          .insertInto('import_quarantine')
          .values(refused.map((q) => ({ import_id: importId, line: q.line, cells: q.cells, problems: JSON.stringify(q.problems) })))
          .onConflict((oc) => oc.columns(['import_id', 'line']).doNothing())
          .execute();
      const already = batch.reports.length - stored.length + (batch.quarantined.length - refused.length);
      await tx
        .updateTable('imports')
        .set((eb) => ({
          processed_line: batch.lastLine,
          rows_done: eb('rows_done', '+', batch.rows),
          accepted: eb('accepted', '+', stored.length),
          already: eb('already', '+', already),
          empty: eb('empty', '+', batch.empty),
          quarantined: eb('quarantined', '+', refused.length),
          lease_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
        }))
        .where('id', '=', importId)
        .execute();
      return { accepted: stored.length, already };
    });
  }

  /** Ends an import: its file's text is dropped (the quarantine keeps only the rows refused). */
  async finish(id: string, status: 'done' | 'failed', at: Date, auditEvent: AuditEvent, failure?: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('imports')
        .set({ status, body: null, finished_at: at, lease_until: null, failure: failure ?? null })
        .where('id', '=', id)
        .execute();
      await this.audit.appendIn(tx, auditEvent);
    });
  }

  /** Lets go of an import (a worker stopping between batches) so the next can take it at once. */
  async release(id: string): Promise<void> {
    await this.db.updateTable('imports').set({ lease_until: null }).where('id', '=', id).where('status', '=', 'running').execute();
  }

  /** Lets go of every running import: for a store no other process can hold (the embedded one, at start), whose leases are all a dead process's. */
  async releaseAll(): Promise<number> {
    const released = await this.db
      .updateTable('imports')
      .set({ lease_until: null })
      .where('status', '=', 'running')
      .where('lease_until', 'is not', null)
      .executeTakeFirst();
    return Number(released.numUpdatedRows);
  }

  async quarantine(importId: string, limit: number, offset: number): Promise<QuarantinedRow[]> {
    return this.db
      .selectFrom('import_quarantine')
      .select(['line', 'cells', 'problems'])
      .where('import_id', '=', importId)
      .orderBy('line')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async quarantinedRow(importId: string, line: number): Promise<QuarantinedRow | undefined> {
    return this.db
      .selectFrom('import_quarantine')
      .select(['line', 'cells', 'problems'])
      .where('import_id', '=', importId)
      .where('line', '=', line)
      .executeTakeFirst();
  }

  /**
   * A quarantined row put right: its report is stored (unless the ledger has its key already) and
   * it leaves the quarantine, in one transaction. Returns the reference, or the report it already is.
   */
  async takeRow(
    importId: string,
    agencyId: string,
    line: number,
    item: { report: NewReport; key: string; auditEvent: AuditEvent },
  ): Promise<{ reference: string; already: boolean } | undefined> {
    return this.db.transaction().execute(async (tx) => {
      const gone = await tx.deleteFrom('import_quarantine').where('import_id', '=', importId).where('line', '=', line).executeTakeFirst();
      if (gone.numDeletedRows === 0n) return undefined;
      const taken = await tx
        .insertInto('imported_rows')
        .values({ agency_id: agencyId, row_key: item.key, report_id: item.report.id, import_id: importId, line })
        .onConflict((oc) => oc.columns(['agency_id', 'row_key']).doNothing())
        .returning('row_key')
        .execute();
      if (taken.length === 0) {
        const existing = await tx
          .selectFrom('imported_rows')
          .innerJoin('reports', 'reports.id', 'imported_rows.report_id')
          .select('reports.reference')
          .where('imported_rows.agency_id', '=', agencyId)
          .where('imported_rows.row_key', '=', item.key)
          .executeTakeFirstOrThrow();
        await tx
          .updateTable('imports')
          .set((eb) => ({ quarantined: eb('quarantined', '-', 1), already: eb('already', '+', 1) }))
          .where('id', '=', importId)
          .execute();
        await this.audit.appendIn(tx, { ...item.auditEvent, action: 'import.row-already-imported', subjectType: 'import', subjectId: importId });
        return { reference: existing.reference, already: true };
      }
      const [stored] = await insertReports(tx, this.audit, [item]);
      await tx
        .updateTable('imports')
        .set((eb) => ({ quarantined: eb('quarantined', '-', 1), accepted: eb('accepted', '+', 1) }))
        .where('id', '=', importId)
        .execute();
      return { reference: stored!.reference, already: false };
    });
  }

  /** A quarantined row set aside: its cells are deleted. False when it is not in the quarantine. */
  async discardRow(importId: string, line: number, auditEvent: AuditEvent): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const gone = await tx.deleteFrom('import_quarantine').where('import_id', '=', importId).where('line', '=', line).executeTakeFirst();
      if (gone.numDeletedRows === 0n) return false;
      await tx
        .updateTable('imports')
        .set((eb) => ({ quarantined: eb('quarantined', '-', 1) }))
        .where('id', '=', importId)
        .execute();
      await this.audit.appendIn(tx, auditEvent);
      return true;
    });
  }

  /** Files uploaded but never started hold personal data for nothing: gone after a day. */
  async pruneUnstarted(olderThan: Date): Promise<number> {
    const gone = await this.db.deleteFrom('imports').where('status', '=', 'mapping').where('created_at', '<', olderThan).executeTakeFirst();
    return Number(gone.numDeletedRows);
  }
}
