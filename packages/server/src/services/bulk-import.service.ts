import type { ImportSummary, MappingStart } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import {
  Invalid,
  NotFound,
  PERMISSIONS,
  decodeText,
  refuseIfNotText,
  detectDelimiter,
  localAuthorityReader,
  mappingProblems,
  mayReach,
  permittedUser,
  readImportRow,
  suggestMapping,
  type Actor,
  type DateOrder,
  type ForceArea,
  type ImportField,
  type ImportMapping,
  type ImportSource,
  type TextEncoding,
  type UserActor,
} from '@harbour/core';
import type { ImportRow, QuarantinedRow, Repositories } from '@harbour/db';
import { spreadsheetCsv } from '../http/csv';
import { auditEntry } from './audit.service';
import { records } from './import-csv';
import { ImportRunner } from './import-runner';
import { importedReport } from './imported-report';

/** Rows one file may hold: a partner's whole register for years is well inside it. */
export const MOST_ROWS = 250_000;
const SAMPLE_ROWS = 5;
const QUARANTINE_PAGE = 50;

/**
 * Partner spreadsheets imported as referrals. A file is uploaded and read (its encoding and
 * separator found, its rows counted); the user maps its columns to fields (the agency's last
 * choices first); a worker then reads it in batches, each stored whole with its progress, so an
 * import that is interrupted goes on from its last batch. Rows refused wait in a quarantine with
 * their line and reasons until they are put right or set aside. A ledger of each agency's rows
 * makes a second import of the same file add nothing. The reports stored join the picture like
 * any other: the resolution worker finds their people, phones and places.
 */
export class BulkImportService {
  private readonly areaOf: ReturnType<typeof localAuthorityReader>;
  private readonly runner: ImportRunner;

  constructor(
    private readonly repos: Repositories,
    area: ForceArea,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.areaOf = localAuthorityReader(area);
    this.runner = new ImportRunner(repos, this.areaOf, now);
  }

  async upload(actor: Actor, file: { fileName: string; bytes: Uint8Array; encoding: TextEncoding | 'auto' }): Promise<ImportSummary> {
    const user = this.allowed(actor);
    if (file.bytes.byteLength === 0)
      throw new Invalid('The file is empty', [{ path: 'file', message: 'The file is empty: it needs a header row', reason: 'required' }]);
    refuseIfNotText(file.bytes);
    const { text, encoding } = decodeText(file.bytes, file.encoding);
    const delimiter = detectDelimiter(text);
    let header: string[] | undefined;
    let rows = 0;
    for await (const { record } of records(text, delimiter)) {
      if (!header) header = record.map((h, at) => h.trim() || `Column ${at + 1}`);
      else if (++rows > MOST_ROWS)
        throw new Invalid(`The file has more than ${MOST_ROWS} rows`, [
          { path: 'file', message: `The file has more than ${MOST_ROWS} rows: split it`, reason: 'too_many', limit: MOST_ROWS },
        ]);
    }
    if (!header) throw new Invalid('The file is empty', [{ path: 'file', message: 'The file is empty: it needs a header row', reason: 'required' }]);
    if (rows === 0)
      throw new Invalid('The file has no rows', [{ path: 'file', message: 'The file has a header row but no rows under it', reason: 'required' }]);
    const id = randomUUID();
    const fileName = file.fileName.slice(0, 200) || 'import.csv';
    await this.repos.imports.create(
      { id, agencyId: user.agencyId, createdBy: user.userId, fileName, encoding, delimiter, header, body: text, rowsTotal: rows },
      auditEntry(user, 'import.uploaded', { type: 'import', id }, { rows, encoding }),
    );
    return this.summary((await this.repos.imports.get(id))!);
  }

  async list(actor: Actor): Promise<ImportSummary[]> {
    const user = this.allowed(actor);
    await this.repos.imports.pruneUnstarted(new Date(this.now().getTime() - 24 * 3600_000));
    return (await this.repos.imports.list(user.agencyId, 50)).map((row) => this.summary(row));
  }

  /** Progress and counts: no personal data, so not audited (the page asks every second). */
  async get(actor: Actor, id: string): Promise<ImportSummary> {
    return this.summary(await this.own(this.allowed(actor), id));
  }

  /** The first rows and the suggested mapping, while the import waits for its mapping; audited. */
  async preview(actor: Actor, id: string): Promise<{ sample: string[][]; suggested: (ImportField | null)[]; dateOrder: DateOrder; source: ImportSource }> {
    const user = this.allowed(actor);
    const row = await this.own(user, id);
    const body = row.status === 'mapping' ? await this.repos.imports.body(id) : null;
    const sample: string[][] = [];
    if (body !== null) {
      let header = true;
      for await (const { record } of records(body, row.delimiter)) {
        if (header) header = false;
        else sample.push(record);
        if (sample.length >= SAMPLE_ROWS) break;
      }
    }
    const remembered = await this.repos.imports.mapping(user.agencyId);
    await this.repos.audit.append(auditEntry(user, 'import.previewed', { type: 'import', id }, { rows: sample.length }));
    return {
      sample,
      suggested: suggestMapping(row.header, (remembered?.columns ?? {}) as Record<string, ImportField | null>),
      dateOrder: (remembered?.dateOrder as DateOrder | undefined) ?? 'dmy',
      source: (await this.mayLabelNrm(user)) ? ((remembered?.source as ImportSource | undefined) ?? 'partner') : 'partner',
    };
  }

  /** Only a First Responder Organisation's rows may be labelled NRM referrals (the police's are). */
  private async mayLabelNrm(user: UserActor): Promise<boolean> {
    return (await this.repos.agencies.get(user.agencyId))?.first_responder === true;
  }

  async start(actor: Actor, id: string, choice: MappingStart): Promise<ImportSummary> {
    const user = this.allowed(actor);
    const row = await this.own(user, id);
    const mapping: ImportMapping = { columns: [...choice.columns], dateOrder: choice.dateOrder, source: choice.source };
    if (mapping.source === 'nrm' && !(await this.mayLabelNrm(user))) {
      throw new Invalid('Only a First Responder Organisation can send NRM referrals', [
        { path: 'source', message: 'Your agency is not an NRM First Responder: send these as partner referrals', reason: 'not_first_responder' },
      ]);
    }
    const problems = mappingProblems(row.header, mapping);
    if (problems.length > 0)
      throw new Invalid(
        'The mapping cannot be used',
        problems.map((p) => {
          const at = p.column === null ? -1 : row.header.indexOf(p.column);
          return { path: at >= 0 ? `columns.${at}` : 'columns', message: p.column ? `${p.column}: ${p.reason}` : p.reason, reason: 'invalid' as const };
        }),
      );
    if (choice.remember)
      await this.repos.imports.saveMapping(
        user.agencyId,
        user.userId,
        Object.fromEntries(row.header.map((heading, at) => [heading, mapping.columns[at] ?? null])),
        mapping.dateOrder,
        mapping.source,
      );
    const started = await this.repos.imports.start(
      id,
      mapping,
      this.now(),
      auditEntry(
        user,
        'import.started',
        { type: 'import', id },
        { rows: row.rows_total, fields: mapping.columns.filter((c) => c !== null), source: mapping.source },
      ),
    );
    if (!started) throw new Invalid('This import has started already', [{ path: 'id', message: 'This import has started already', reason: 'invalid' }]);
    void this.work();
    return this.summary((await this.repos.imports.get(id))!);
  }

  /** Runs every import waiting for a worker, one at a time, until none is left (or the service stops); returns how many it took up. */
  work(): Promise<number> {
    return this.runner.work();
  }

  /** Stops after the batch in hand; a running import is left for the next worker to go on with. */
  stop(): Promise<void> {
    return this.runner.stop();
  }

  settled(): Promise<void> {
    return this.runner.settled();
  }

  async quarantine(actor: Actor, id: string, offset = 0): Promise<{ total: number; rows: QuarantinedRow[] }> {
    const user = this.allowed(actor);
    const row = await this.own(user, id);
    const rows = await this.repos.imports.quarantine(id, QUARANTINE_PAGE, offset);
    await this.repos.audit.append(auditEntry(user, 'import.quarantine-viewed', { type: 'import', id }, { lines: rows.map((r) => r.line) }));
    return { total: row.quarantined, rows };
  }

  /** The refused rows as a CSV to put right in the spreadsheet and import again: the file's columns, then the line and the reasons. */
  async quarantineCsv(actor: Actor, id: string): Promise<{ fileName: string; csv: string }> {
    const user = this.allowed(actor);
    const row = await this.own(user, id);
    const rows: QuarantinedRow[] = [];
    for (let page: QuarantinedRow[]; (page = await this.repos.imports.quarantine(id, 1000, rows.length)).length > 0;) rows.push(...page);
    await this.repos.audit.append(auditEntry(user, 'import.quarantine-downloaded', { type: 'import', id }, { rows: rows.length }));
    const csv = spreadsheetCsv([
      [...row.header, 'Harbour line', 'Harbour problems'],
      ...rows.map((r) => [...row.header.map((_, at) => r.cells[at] ?? ''), String(r.line), r.problems.map(describe).join('; ')]),
    ]);
    return { fileName: `${row.file_name.replace(/\.csv$/i, '')}-quarantine.csv`, csv };
  }

  /** A quarantined row put right: read again with the import's mapping, and stored if it now reads. */
  async fixRow(actor: Actor, id: string, line: number, cells: readonly string[]): Promise<{ reference: string; already: boolean }> {
    const user = this.allowed(actor);
    const row = await this.own(user, id);
    if (!row.mapping || (row.status !== 'done' && row.status !== 'running')) throw new NotFound('No such row in the quarantine');
    if (!(await this.repos.imports.quarantinedRow(id, line))) throw new NotFound('No such row in the quarantine');
    const mapping = row.mapping as ImportMapping;
    const reading = readImportRow(row.header, mapping, cells, { area: this.areaOf, today: this.today() });
    if (reading.kind === 'empty')
      throw new Invalid('The row is empty', [{ path: 'cells', message: 'Every mapped cell is empty: set the row aside instead', reason: 'required' }]);
    if (reading.kind === 'refused')
      throw new Invalid(
        'The row still has problems',
        reading.problems.map((p) => {
          const at = p.field === null ? -1 : mapping.columns.indexOf(p.field);
          return { path: at >= 0 ? `cells.${at}` : 'cells', message: describe(p), reason: 'invalid' as const };
        }),
      );
    const item = importedReport(reading.referral, row, line, { actorId: user.userId, actorRole: user.role }, this.now());
    const taken = await this.repos.imports.takeRow(id, row.agency_id, line, item);
    if (!taken) throw new NotFound('No such row in the quarantine');
    return taken;
  }

  async discardRow(actor: Actor, id: string, line: number): Promise<void> {
    const user = this.allowed(actor);
    await this.own(user, id);
    const gone = await this.repos.imports.discardRow(id, line, auditEntry(user, 'import.row-set-aside', { type: 'import', id }, { line }));
    if (!gone) throw new NotFound('No such row in the quarantine');
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  private async own(user: UserActor, id: string): Promise<ImportRow> {
    const row = await this.repos.imports.get(id);
    // Another agency's import is not there at all, as far as this user can tell.
    if (!row || !mayReach(user, { agencyId: row.agency_id })) throw new NotFound('No such import');
    return row;
  }

  private allowed(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.importsRun, 'Your role cannot import spreadsheets');
  }

  private summary(row: ImportRow): ImportSummary {
    return {
      id: row.id,
      fileName: row.file_name,
      encoding: row.encoding,
      delimiter: row.delimiter,
      header: row.header,
      status: row.status as ImportSummary['status'],
      rowsTotal: row.rows_total,
      rowsDone: row.rows_done,
      accepted: row.accepted,
      already: row.already,
      empty: row.empty,
      quarantined: row.quarantined,
      failure: row.failure,
      mapping: row.mapping as ImportMapping | null,
      createdAt: row.created_at.toISOString(),
      startedAt: row.started_at?.toISOString() ?? null,
      finishedAt: row.finished_at?.toISOString() ?? null,
    };
  }
}

function describe(p: { field: string | null; column: string | null; reason: string }): string {
  return p.column ? `${p.column}: ${p.reason}` : p.reason;
}
