import { UNREADABLE, readImportRow, type ImportMapping, type localAuthorityReader } from '@harbour/core';
import type { ImportBatch, QuarantinedRow, RefusedRow, Repositories } from '@harbour/db';
import { records } from './import-csv';
import { importedReport } from './imported-report';

/** Rows stored per transaction: an interrupted import loses at most this many rows' work, never a half row. */
const BATCH_ROWS = 500;

/**
 * Reads started imports through, batch by batch, in the background: one import at a time per
 * process; a batch stored by another worker (another process) stops this one. An import stopped
 * part way goes on from its last stored batch.
 */
export class ImportRunner {
  private working: Promise<number> | undefined;
  private stopping = false;

  constructor(
    private readonly repos: Repositories,
    private readonly areaOf: ReturnType<typeof localAuthorityReader>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs every import waiting for a worker, one at a time, until none is left (or the service stops); returns how many it took up. */
  work(): Promise<number> {
    this.working ??= (async () => {
      let taken = 0;
      try {
        for (let job = await this.repos.imports.claim(); job; job = await this.repos.imports.claim()) {
          if (this.stopping) {
            await this.repos.imports.release(job.id);
            break;
          }
          taken++;
          await this.run(job.id, job.processedLine);
        }
        return taken;
      } finally {
        this.working = undefined;
      }
    })();
    return this.working;
  }

  /** Stops after the batch in hand; a running import is left for the next worker to go on with. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.working?.catch(() => undefined);
  }

  async settled(): Promise<void> {
    await this.working?.catch(() => undefined);
  }

  private async run(id: string, from: number): Promise<void> {
    const row = await this.repos.imports.get(id);
    const body = await this.repos.imports.body(id);
    if (!row?.mapping || body === null) return;
    const creator = await this.repos.users.get(row.created_by);
    const role = creator?.role ?? 'partner';
    const mapping = row.mapping as ImportMapping;
    const context = { area: this.areaOf, today: this.now().toISOString().slice(0, 10) };
    let at = from;
    let batch = emptyBatch(at);
    const flush = async (): Promise<boolean> => {
      if (batch.rows === 0 && batch.lastLine === at) return true;
      const stored = await this.repos.imports.storeBatch(id, row.agency_id, at, batch);
      if (!stored) return false; // another worker has it now
      at = batch.lastLine;
      batch = emptyBatch(at);
      return true;
    };
    try {
      const unreadable: QuarantinedRow[] = [];
      let header = true;
      for await (const { record, line } of records(body, row.delimiter, unreadable)) {
        for (const problem of unreadable.splice(0)) if (problem.line > at) addRefused(batch, problem);
        if (header || line <= at) {
          header = false;
          continue;
        }
        const damaged = record.findIndex((cell) => cell.includes(UNREADABLE));
        const reading: ReturnType<typeof readImportRow> =
          damaged >= 0
            ? {
                kind: 'refused',
                problems: [
                  { field: null, column: row.header[damaged] ?? null, reason: 'contains a character that cannot be read (a NUL byte or a broken character)' },
                ],
                key: undefined,
              }
            : readImportRow(row.header, mapping, record, context);
        batch.rows++;
        batch.lastLine = line;
        if (reading.kind === 'empty') batch.empty++;
        else if (reading.kind === 'refused') batch.quarantined.push({ line, cells: record, problems: reading.problems, key: reading.key });
        else batch.reports.push({ ...importedReport(reading.referral, row, line, { actorId: row.created_by, actorRole: role }, this.now()), line });
        if (batch.rows >= BATCH_ROWS) {
          if (!(await flush())) return;
          if (this.stopping) {
            await this.repos.imports.release(id);
            return;
          }
        }
      }
      for (const problem of unreadable.splice(0)) if (problem.line > at) addRefused(batch, problem);
      if (!(await flush())) return;
      const done = await this.repos.imports.get(id);
      await this.repos.imports.finish(id, 'done', this.now(), {
        actorId: row.created_by,
        actorRole: role,
        action: 'import.finished',
        subjectType: 'import',
        subjectId: id,
        details: { rows: done?.rows_done, accepted: done?.accepted, already: done?.already, quarantined: done?.quarantined, empty: done?.empty },
      });
    } catch (error) {
      // The reason is the store's or the parser's, never a cell's content: rows are not logged.
      const failure = error instanceof Error ? error.message.slice(0, 300) : 'the import stopped';
      await this.repos.imports.finish(
        id,
        'failed',
        this.now(),
        {
          actorId: row.created_by,
          actorRole: role,
          action: 'import.failed',
          subjectType: 'import',
          subjectId: id,
          details: { line: at },
        },
        failure,
      );
    }
  }
}

/** A batch being filled. */
interface OpenBatch extends ImportBatch {
  reports: ImportBatch['reports'][number][];
  quarantined: RefusedRow[];
  rows: number;
  empty: number;
  lastLine: number;
}

function emptyBatch(at: number): OpenBatch {
  return { reports: [], quarantined: [], rows: 0, empty: 0, lastLine: at };
}

function addRefused(batch: OpenBatch, problem: QuarantinedRow): void {
  batch.quarantined.push(problem);
  batch.rows++;
  batch.lastLine = Math.max(batch.lastLine, problem.line);
}
