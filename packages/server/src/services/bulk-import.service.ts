import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  Invalid,
  NotFound,
  PERMISSIONS,
  decodeText,
  detectDelimiter,
  fromSpreadsheetSafe,
  UNREADABLE,
  localAuthorityReader,
  mappingProblems,
  permittedUser,
  readImportRow,
  suggestMapping,
  triageWithoutChecklist,
  type Actor,
  type DateOrder,
  type ForceArea,
  type ImportField,
  type ImportMapping,
  type ImportSource,
  type ImportedReferral,
  type TextEncoding,
  type UserActor,
} from '@harbour/core';
import type { AuditEvent, ImportBatch, ImportRow, NewReport, QuarantinedRow, RefusedRow, Repositories } from '@harbour/db';
import { parse } from 'csv-parse';
import { spreadsheetCsv } from '../http/csv';
import { auditedBy } from './audit.service';

/** Rows one file may hold: a partner's whole register for years is well inside it. */
export const MOST_ROWS = 250_000;
/** Rows stored per transaction: an interrupted import loses at most this many rows' work, never a half row. */
const BATCH_ROWS = 500;
const SAMPLE_ROWS = 5;
const QUARANTINE_PAGE = 50;

export interface ImportSummary {
  id: string;
  fileName: string;
  encoding: string;
  delimiter: string;
  header: string[];
  status: 'mapping' | 'running' | 'done' | 'failed';
  rowsTotal: number;
  rowsDone: number;
  accepted: number;
  already: number;
  empty: number;
  quarantined: number;
  failure: string | null;
  mapping: ImportMapping | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface MappingStart {
  readonly columns: readonly (ImportField | null)[];
  readonly dateOrder: DateOrder;
  readonly source: ImportSource;
  /** Remember these choices for the agency's next file. */
  readonly remember: boolean;
}

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
  private working: Promise<void> | undefined;
  private stopping = false;
  private readonly areaOf: ReturnType<typeof localAuthorityReader>;

  constructor(
    private readonly repos: Repositories,
    area: ForceArea,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.areaOf = localAuthorityReader(area);
  }

  async upload(actor: Actor, file: { fileName: string; bytes: Uint8Array; encoding: TextEncoding | 'auto' }): Promise<ImportSummary> {
    const user = this.allowed(actor);
    if (file.bytes.byteLength === 0)
      throw new Invalid('The file is empty', [{ path: 'file', message: 'The file is empty: it needs a header row', reason: 'required' }]);
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
      { ...auditedBy(user), action: 'import.uploaded', subjectType: 'import', subjectId: id, details: { rows, encoding } },
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
    await this.audit(user, 'import.previewed', id, { rows: sample.length });
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
    const started = await this.repos.imports.start(id, mapping, this.now(), {
      ...auditedBy(user),
      action: 'import.started',
      subjectType: 'import',
      subjectId: id,
      details: { rows: row.rows_total, fields: mapping.columns.filter((c) => c !== null), source: mapping.source },
    });
    if (!started) throw new Invalid('This import has started already', [{ path: 'id', message: 'This import has started already', reason: 'invalid' }]);
    void this.work();
    return this.summary((await this.repos.imports.get(id))!);
  }

  /** Runs every import waiting for a worker, one at a time, until none is left (or the service stops). */
  work(): Promise<void> {
    this.working ??= (async () => {
      try {
        for (let job = await this.repos.imports.claim(); job; job = await this.repos.imports.claim()) {
          if (this.stopping) {
            await this.repos.imports.release(job.id);
            break;
          }
          await this.run(job.id, job.processedLine);
        }
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

  async quarantine(actor: Actor, id: string, offset = 0): Promise<{ total: number; rows: QuarantinedRow[] }> {
    const user = this.allowed(actor);
    const row = await this.own(user, id);
    const rows = await this.repos.imports.quarantine(id, QUARANTINE_PAGE, offset);
    await this.audit(user, 'import.quarantine_viewed', id, { lines: rows.map((r) => r.line) });
    return { total: row.quarantined, rows };
  }

  /** The refused rows as a CSV to put right in the spreadsheet and import again: the file's columns, then the line and the reasons. */
  async quarantineCsv(actor: Actor, id: string): Promise<{ fileName: string; csv: string }> {
    const user = this.allowed(actor);
    const row = await this.own(user, id);
    const rows: QuarantinedRow[] = [];
    for (let page: QuarantinedRow[]; (page = await this.repos.imports.quarantine(id, 1000, rows.length)).length > 0;) rows.push(...page);
    await this.audit(user, 'import.quarantine_downloaded', id, { rows: rows.length });
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
    const item = this.reportOf(reading.referral, row, line, user.userId, user.role);
    const taken = await this.repos.imports.takeRow(id, row.agency_id, line, item);
    if (!taken) throw new NotFound('No such row in the quarantine');
    return taken;
  }

  async discardRow(actor: Actor, id: string, line: number): Promise<void> {
    const user = this.allowed(actor);
    await this.own(user, id);
    const gone = await this.repos.imports.discardRow(id, line, {
      ...auditedBy(user),
      action: 'import.row_set_aside',
      subjectType: 'import',
      subjectId: id,
      details: { line },
    });
    if (!gone) throw new NotFound('No such row in the quarantine');
  }

  private async run(id: string, from: number): Promise<void> {
    const row = await this.repos.imports.get(id);
    const body = await this.repos.imports.body(id);
    if (!row?.mapping || body === null) return;
    const creator = await this.repos.users.get(row.created_by);
    const role = creator?.role ?? 'partner';
    const mapping = row.mapping as ImportMapping;
    const context = { area: this.areaOf, today: this.today() };
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
        else batch.reports.push({ ...this.reportOf(reading.referral, row, line, row.created_by, role), line });
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

  private reportOf(
    r: ImportedReferral,
    row: ImportRow,
    line: number,
    actorId: string,
    actorRole: string,
  ): { report: NewReport; key: string; auditEvent: AuditEvent } {
    const scored = triageWithoutChecklist({ child: r.involvesChild, potentialVictims: 1, exploitationTypes: r.exploitationTypes });
    const id = randomUUID();
    const persons: NewReport['persons'] = [];
    if (r.victim)
      persons.push({
        id: randomUUID(),
        role: 'potential_victim',
        givenName: r.victim.givenName,
        familyName: r.victim.familyName,
        gender: r.victim.gender,
        nationality: r.victim.nationality,
        dob: r.victim.dob,
        phone: r.victim.phone,
        address: r.address,
      });
    if (r.suspect)
      persons.push({
        id: randomUUID(),
        role: 'suspect',
        givenName: r.suspect.givenName,
        familyName: r.suspect.familyName,
        gender: null,
        nationality: null,
        phone: r.suspect.phone,
      });
    const mapping = row.mapping as ImportMapping;
    return {
      key: r.key,
      report: {
        id,
        source: mapping.source,
        // A day received is counted in its own month in Wales whatever the hour: noon is safe.
        receivedAt: r.received ? new Date(`${r.received}T12:00:00Z`) : (row.started_at ?? this.now()),
        language: 'en',
        relation: 'someone_else',
        summary: r.summary ?? `Referral imported from ${row.file_name}, line ${line}${r.reference ? ` (their reference ${r.reference})` : ''}.`,
        occurred: null,
        localAuthority: r.localAuthority,
        town: r.town,
        postcode: r.postcode,
        locationDescription: null,
        exploitationTypes: r.exploitationTypes,
        involvesChild: r.involvesChild,
        triageScore: scored.score,
        triageBand: scored.band,
        createdBy: row.created_by,
        agencyId: row.agency_id,
        catalogueVersion: scored.catalogueVersion,
        indicatorIds: [],
        victim: r.victim ? { child: r.involvesChild ? 'yes' : 'unknown', ageYears: r.victim.ageYears ?? undefined, potentialVictims: 1 } : undefined,
        triage: { ...scored },
        persons,
        phones: r.suspect?.phone ? [{ id: randomUUID(), number: r.suspect.phone }] : [],
        vehicles: r.vehicle ? [{ id: randomUUID(), registration: r.vehicle, make: null, colour: null }] : [],
        businesses: r.business ? [{ id: randomUUID(), name: r.business, kind: null, address: null }] : [],
        addresses: r.address ? [{ id: randomUUID(), address: r.address, postcode: r.postcode, town: r.town, description: null }] : [],
      },
      auditEvent: {
        actorId,
        actorRole,
        action: 'report.imported',
        subjectType: 'report',
        details: { import: row.id, line, ...(r.reference ? { theirReference: r.reference } : {}) },
      },
    };
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  private async own(user: UserActor, id: string): Promise<ImportRow> {
    const row = await this.repos.imports.get(id);
    // Another agency's import is not there at all, as far as this user can tell.
    if (!row || row.agency_id !== user.agencyId) throw new NotFound('No such import');
    return row;
  }

  private async audit(user: UserActor, action: string, id: string, details: Record<string, unknown>): Promise<void> {
    await this.repos.audit.append({ ...auditedBy(user), action, subjectType: 'import', subjectId: id, details });
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

function describe(p: { field: string | null; column: string | null; reason: string }): string {
  return p.column ? `${p.column}: ${p.reason}` : p.reason;
}

/**
 * A file's records with the line each ends on (the header is line 1). A record that cannot be
 * read at all (broken quoting) goes to `unreadable`, with its line, rather than stopping the file.
 */
async function* records(text: string, delimiter: string, unreadable?: QuarantinedRow[]): AsyncGenerator<{ record: string[]; line: number }> {
  // In slices, so the parser waits for the reader: one chunk of the whole file would be parsed (and held) at once.
  const parser = Readable.from(slices(text)).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true, info: true, bom: true }),
  );
  parser.on('skip', (error: Error & { lines?: number }) =>
    unreadable?.push({ line: error.lines ?? 0, cells: [], problems: [{ field: null, column: null, reason: `cannot be read: ${error.message}` }] }),
  );
  // A file written by Harbour (a quarantine put right) guards formula-like cells: read them as they were.
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
    yield { record: record.map(fromSpreadsheetSafe), line: info.lines };
}

function* slices(text: string, size = 64 * 1024): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}
