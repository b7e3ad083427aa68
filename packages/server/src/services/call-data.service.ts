import type { CallDataInput, CallDataResult } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import {
  callPairs,
  Invalid,
  isRowProblem,
  linkRowReader,
  NotFound,
  PERMISSIONS,
  permittedUser,
  type Actor,
  type LinkRow,
  type RowProblem,
  type UserActor,
} from '@harbour/core';
import type { ImportedNumberRow, Repositories } from '@harbour/db';
import { parse } from 'csv-parse/sync';
import { auditEntry } from './audit.service';

/** Rows one import may hold: a few months of one phone's billing is tens of thousands. */
export const MOST_ROWS = 200_000;
const PROBLEMS_LISTED = 200;

/**
 * Imports call data (or any list of calls between numbers) into the picture: each number read as
 * a phone number and normalised, each pair's calls counted and dated, and the whole stored as one
 * report whose phones the picture resolves like any other (so a number already known joins its
 * phone, and through it the people reported with it). Bad rows are reported by line and left out;
 * the rest is stored in one transaction, or nothing is.
 */
export class CallDataService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async import(actor: Actor, input: CallDataInput): Promise<CallDataResult> {
    const user = this.allowed(actor);
    const problems: RowProblem[] = [];
    const records = this.records(input.csv, problems);
    if (records.length === 0)
      throw new Invalid('The file is empty', [{ path: 'csv', message: 'The file is empty: it needs a header row', reason: 'required' }]);
    if (records.length - 1 > MOST_ROWS)
      throw new Invalid(`The file has ${records.length - 1} rows`, [
        { path: 'csv', message: `The file has more than ${MOST_ROWS} rows: split it`, reason: 'too_many', limit: MOST_ROWS },
      ]);
    const read = linkRowReader(records[0]!.record, { ...input.columns, phones: true });
    const rows: LinkRow[] = [];
    for (const { record, line } of records.slice(1)) {
      const row = read(record, line);
      if (isRowProblem(row)) problems.push(row);
      else rows.push(row);
    }
    problems.sort((a, b) => a.line - b.line);
    const pairs = callPairs(rows);
    if (pairs.length === 0)
      throw new Invalid('No calls could be read', [
        {
          path: 'csv',
          message: `No call between two numbers could be read${problems[0] ? ` (line ${problems[0].line} ${problems[0].reason})` : ''}`,
          reason: 'invalid',
        },
      ]);

    const ids = new Map<string, string>();
    for (const p of pairs) for (const n of [p.from, p.to]) if (!ids.has(n)) ids.set(n, randomUUID());
    const calls = pairs.reduce((sum, p) => sum + p.calls, 0);
    const times = pairs.flatMap((p) => [p.first, p.last]).filter((t) => t !== null);
    const span = times.length
      ? `, ${new Date(Math.min(...times.map(Number))).toISOString().slice(0, 10)} to ${new Date(Math.max(...times.map(Number))).toISOString().slice(0, 10)}`
      : '';
    const id = randomUUID();
    const { reference } = await this.repos.callData.create(
      {
        id,
        receivedAt: this.now(),
        summary: `Call data: ${input.name}. ${calls} calls between ${ids.size} numbers${span}.`,
        grading: input.grading,
        exploitationTypes: input.exploitationTypes,
        createdBy: user.userId,
        agencyId: user.agencyId,
        numbers: [...ids].map(([number, phoneId]) => ({ id: phoneId, number })),
        calls: pairs.map((p) => ({
          from: ids.get(p.from)!,
          to: ids.get(p.to)!,
          calls: p.calls,
          seconds: p.seconds,
          first: p.first,
          last: p.last,
          hours: p.hours,
        })),
      },
      (ref) =>
        auditEntry(
          user,
          'call-data.imported',
          { type: 'report', id },
          { reference: ref, rows: records.length - 1, calls, numbers: ids.size, problems: problems.length },
        ),
    );
    return {
      id,
      reference,
      rows: records.length - 1,
      calls,
      numbers: ids.size,
      // Pairs of numbers linked: calls each way round are one pair.
      pairs: new Set(pairs.map((p) => (p.from < p.to ? `${p.from} ${p.to}` : `${p.to} ${p.from}`))).size,
      problems: problems.slice(0, PROBLEMS_LISTED),
      problemCount: problems.length,
    };
  }

  /** An import as the picture has taken it: each number, and whether it was already known (and to whom). */
  async view(
    actor: Actor,
    id: string,
  ): Promise<{ id: string; reference: string; summary: string; grading: string | null; receivedAt: string; pictured: boolean; numbers: ImportedNumberRow[] }> {
    const user = this.allowed(actor);
    const report = await this.repos.callData.report(id);
    if (!report) throw new NotFound('No such call data');
    const numbers = report.pictured ? await this.repos.callData.numbers(id) : [];
    await this.repos.audit.append(auditEntry(user, 'call-data.viewed', { type: 'report', id }, {}));
    return {
      id,
      reference: report.reference,
      summary: report.summary,
      grading: report.grading,
      receivedAt: report.received_at.toISOString(),
      pictured: report.pictured,
      numbers,
    };
  }

  /** The file's rows with their lines; a row that cannot be parsed at all (broken quoting) becomes a problem. */
  private records(csv: string, problems: RowProblem[]): { record: string[]; line: number }[] {
    const parsed = parse(csv, {
      bom: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (error) => {
        problems.push({ line: Number((error as { lines?: number } | undefined)?.lines ?? 0), reason: `cannot be read: ${error?.message ?? 'broken row'}` });
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({ record, line: info.lines }));
  }

  private allowed(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.linksImport);
  }
}
