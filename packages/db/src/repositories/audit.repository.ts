import { GENESIS_HASH, hashAuditEntry, type AuditAction, type AuditContent, type ChainedAuditEntry } from '@harbour/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditRow, DB } from '../schema';

/** What a caller records; the repository adds sequence, time and the chain. */
export type AuditEvent = Omit<AuditContent, 'seq' | 'at' | 'action' | 'details' | 'subjectType' | 'subjectId' | 'reason'> & {
  /** One of the actions the log knows (see AUDIT_ACTIONS): nothing else can be written. */
  action: AuditAction;
  subjectType?: string | null;
  subjectId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  /** The grant of named access the actor read under, recorded in the details as `underGrant`. */
  underGrant?: string | undefined;
};

export interface AuditFilter {
  readonly actorId?: string | undefined;
  /** Entries written under this name exactly. */
  readonly action?: string | undefined;
  /** Entries written under any of these names (an action and its former names). */
  readonly actions?: readonly string[] | undefined;
  readonly subjectId?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** Entries with a lower `seq` than this (keyset paging, newest first). */
  readonly before?: number | undefined;
  readonly limit: number;
}

export interface AgencyAuditFilter {
  readonly agencyId: string;
  readonly actorId?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly before?: number | undefined;
  readonly limit: number;
}

// Serialises appends across every process sharing the database, so the chain has one order.
const AUDIT_LOCK = 4_801_338;

export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async append(event: AuditEvent): Promise<ChainedAuditEntry> {
    return this.db.transaction().execute((tx) => this.appendIn(tx, event));
  }

  /** Appends inside the caller's transaction, so the audit row and the change stand or fall together. */
  async appendIn(tx: Transaction<DB>, event: AuditEvent): Promise<ChainedAuditEntry> {
    return (await this.appendManyIn(tx, [event]))[0]!;
  }

  /** Appends several entries in order under one lock and one insert (group commit of writes). */
  async appendManyIn(tx: Transaction<DB>, events: readonly AuditEvent[]): Promise<ChainedAuditEntry[]> {
    if (events.length === 0) return [];
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
    const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const at = new Date().toISOString();
    const entries = events.map((event): ChainedAuditEntry => {
      const content: AuditContent = {
        seq: (seq += 1),
        at,
        actorId: event.actorId,
        actorRole: event.actorRole,
        action: event.action,
        subjectType: event.subjectType ?? null,
        subjectId: event.subjectId ?? null,
        reason: event.reason ?? null,
        details: event.underGrant ? { ...event.details, underGrant: event.underGrant } : (event.details ?? {}),
      };
      const entry = { ...content, prevHash, hash: hashAuditEntry(prevHash, content) };
      prevHash = entry.hash;
      return entry;
    });
    await tx
      .insertInto('audit_log')
      .values(
        entries.map((e) => ({
          seq: e.seq,
          at: e.at,
          actor_id: e.actorId,
          actor_role: e.actorRole,
          action: e.action,
          subject_type: e.subjectType,
          subject_id: e.subjectId,
          reason: e.reason,
          details: JSON.stringify(e.details),
          prev_hash: e.prevHash,
          hash: e.hash,
        })),
      )
      .execute();
    return entries;
  }

  async list(filter: AuditFilter): Promise<ChainedAuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.actions?.length) q = q.where('action', 'in', [...filter.actions]);
    if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<', filter.to);
    if (filter.before) q = q.where('seq', '<', filter.before);
    const rows = await q.orderBy('seq', 'desc').limit(filter.limit).execute();
    return rows.map(toEntry);
  }

  /** Entries written by the accounts of one agency, newest first, each with its account's name. */
  async byAgency(filter: AgencyAuditFilter): Promise<(ChainedAuditEntry & { actorName: string })[]> {
    let q = this.db
      .selectFrom('audit_log as a')
      .innerJoin('users as u', 'u.id', 'a.actor_id')
      .selectAll('a')
      .select('u.display_name as actor_name')
      .where('u.agency_id', '=', filter.agencyId);
    if (filter.actorId) q = q.where('a.actor_id', '=', filter.actorId);
    if (filter.from) q = q.where('a.at', '>=', filter.from);
    if (filter.to) q = q.where('a.at', '<', filter.to);
    if (filter.before) q = q.where('a.seq', '<', filter.before);
    const rows = await q.orderBy('a.seq', 'desc').limit(filter.limit).execute();
    return rows.map((row) => ({ ...toEntry(row), actorName: row.actor_name }));
  }

  /** How many entries of one action an actor has since a time (for flagging repeats). */
  async countSince(actorId: string, action: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('actor_id', '=', actorId)
      .where('action', '=', action)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async actions(): Promise<string[]> {
    const rows = await this.db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
    return rows.map((r) => r.action);
  }

  /** The chain's last entry's sequence number and hash, or none for an empty log. */
  async head(): Promise<{ seq: number; hash: string } | undefined> {
    const row = await this.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
  }

  /** Every entry in chain order, a page at a time, so verifying a long log needs little memory. */
  async *walk(pageSize = 5000): AsyncGenerator<ChainedAuditEntry> {
    let after = 0;
    for (;;) {
      const rows = await this.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
      for (const row of rows) yield toEntry(row);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.seq;
    }
  }
}

/** A row of audit_log as the chain hashed it (times to the millisecond); also a row as to_jsonb wrote it into a backup. */
export function toEntry(row: AuditRow): ChainedAuditEntry {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    reason: row.reason,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
