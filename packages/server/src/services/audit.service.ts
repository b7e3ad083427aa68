import {
  AuditChainVerifier,
  auditActionNames,
  currentAuditAction,
  GENESIS_HASH,
  anchorProblem,
  type AuditAnchor,
  Forbidden,
  PERMISSIONS,
  can,
  permittedUser,
  type Actor,
  type UserActor,
  type ChainBreak,
  type ChainedAuditEntry,
} from '@harbour/core';
import type { AgencyActivity, AuditAction } from '@harbour/contract';
import type { AuditEvent, AuditFilter, Repositories } from '@harbour/db';

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBreak: ChainBreak | null;
  /** What an anchor given to check against found wrong (a removed tail, a rewritten entry), or null. */
  readonly anchorProblem: string | null;
}

/**
 * Who an audit entry is by; what a researcher does under a grant of named access is recorded as
 * done under it. Every entry written for a signed-in account takes its actor from here.
 */
export function auditedBy(user: UserActor): { actorId: string; actorRole: string; underGrant?: string } {
  return { actorId: user.userId, actorRole: user.role, ...(user.grant ? { underGrant: user.grant.id } : {}) };
}

/**
 * An audit entry for what a signed-in account did: by whom (and under which grant), what, to
 * which record, with what is worth keeping. Every service writes its entries through this.
 */
export function auditEntry(
  user: UserActor,
  action: AuditAction,
  subject: { readonly type: string; readonly id: string | null } | null = null,
  details?: Record<string, unknown>,
): AuditEvent {
  return { ...auditedBy(user), action, ...(subject ? { subjectType: subject.type, subjectId: subject.id } : {}), ...(details ? { details } : {}) };
}

/** Refusals within an hour that make an account's refusals worth an administrator's look. */
export const REFUSALS_FLAGGED_AT = 10;

/** Records who did what, and lets administrators read and verify the record. */
export class AuditService {
  constructor(private readonly repos: Repositories) {}

  /** Records an event for an actor (or the system, when there is none). */
  async record(actor: Actor | null, event: Omit<AuditEvent, 'actorId' | 'actorRole'>): Promise<void> {
    await this.repos.audit.append({ ...event, ...(actor?.kind === 'user' ? auditedBy(actor) : { actorId: null, actorRole: null }) });
  }

  /**
   * A signed-in account refused a route (its role, a missing second factor or anti-forgery
   * token, a service's own rule): recorded with the route's pattern (never its ids or query) and
   * the reason. The tenth refusal within an hour is flagged for an administrator.
   */
  async refused(actor: Actor, route: { method: string; pattern: string }, reason: string, at: Date = new Date()): Promise<void> {
    if (actor.kind !== 'user') return;
    await this.record(actor, { action: 'access.refused', details: { method: route.method, route: route.pattern, reason } });
    const lastHour = await this.repos.audit.countSince(actor.userId, 'access.refused', new Date(at.getTime() - 3_600_000));
    if (lastHour === REFUSALS_FLAGGED_AT)
      await this.record(actor, { action: 'access.refused-repeatedly', subjectType: 'user', subjectId: actor.userId, details: { lastHour } });
  }

  async list(
    actor: Actor,
    filter: Omit<AuditFilter, 'actions'> & { readonly action?: string | undefined },
  ): Promise<{ entries: ChainedAuditEntry[]; actions: string[] }> {
    if (!can(actor, PERMISSIONS.auditRead)) throw new Forbidden('Only administrators can read the audit log');
    const { action, ...rest } = filter;
    const entries = await this.repos.audit.list({ ...rest, ...(action ? { actions: auditActionNames(action) } : {}) });
    await this.record(actor, { action: 'audit.listed', details: { filter: describeFilter(filter), entries: entries.length } });
    // Shown under current names; each entry's hash still covers the name it was written under.
    const actions = [...new Set((await this.repos.audit.actions()).map(currentAuditAction))].sort();
    return { entries: entries.map((e) => ({ ...e, action: currentAuditAction(e.action) })), actions };
  }

  /**
   * What the accounts of the reader's own agency read and changed, newest first: a partner
   * agency's administrator answers for its staff's use of what the force shares with them. Only
   * the action and what it was done to; the details of each entry stay with the force.
   */
  async agencyActivity(
    actor: Actor,
    filter: { actorId?: string | undefined; from?: Date | undefined; to?: Date | undefined; before?: number | undefined; limit: number },
  ): Promise<AgencyActivity> {
    const user = permittedUser(actor, PERMISSIONS.auditAgency, 'Only an agency’s administrator reads its staff’s activity');
    const [entries, accounts] = await Promise.all([this.repos.audit.byAgency({ ...filter, agencyId: user.agencyId }), this.repos.users.list()]);
    await this.record(actor, { action: 'audit.agency-listed', details: { filter: describeFilter(filter), entries: entries.length } });
    return {
      entries: entries.map((e) => ({
        seq: e.seq,
        at: e.at,
        actorId: e.actorId!,
        actorName: e.actorName,
        action: currentAuditAction(e.action),
        subjectType: e.subjectType,
        subjectId: e.subjectId,
      })),
      staff: accounts
        .filter((a) => a.agency_id === user.agencyId)
        .map((a) => ({ id: a.id, name: a.display_name, role: a.role, disabled: a.disabled_at !== null })),
    };
  }

  /**
   * Walks the whole chain; the first entry that does not follow is named. With an anchor (the
   * head as it stood once, kept elsewhere), also finds a removed tail or a rewritten chain.
   */
  async verify(anchor?: AuditAnchor): Promise<AuditVerification> {
    const verifier = new AuditChainVerifier();
    let anchored: ChainedAuditEntry | undefined;
    let lastSeq = 0;
    for await (const entry of this.repos.audit.walk()) {
      const problem = verifier.push(entry);
      if (problem) return { ok: false, checked: verifier.count, firstBreak: problem, anchorProblem: null };
      if (entry.seq === anchor?.seq) anchored = entry;
      lastSeq = entry.seq;
    }
    const missed = anchor ? anchorProblem(anchor, anchored, lastSeq) : null;
    return { ok: missed === null, checked: verifier.count, firstBreak: null, anchorProblem: missed };
  }

  /** The chain's head now, to keep outside the database (`harbour audit anchor`). */
  async anchor(at: Date = new Date()): Promise<AuditAnchor> {
    const head = await this.repos.audit.head();
    return { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH, at: at.toISOString() };
  }
}

function describeFilter(filter: Omit<AuditFilter, 'actions'>): Record<string, unknown> {
  return {
    actorId: filter.actorId,
    action: filter.action,
    subjectId: filter.subjectId,
    from: filter.from?.toISOString(),
    to: filter.to?.toISOString(),
    before: filter.before,
  };
}
