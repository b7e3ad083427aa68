import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** What an audit entry says; its hash covers all of it plus the previous entry's hash. */
export interface AuditContent {
  readonly seq: number;
  readonly at: string; // ISO 8601, millisecond precision
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly reason: string | null;
  readonly details: Record<string, unknown>;
}

export interface ChainedAuditEntry extends AuditContent {
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash the first entry chains from. */
export const GENESIS_HASH = '0'.repeat(64);

export function hashAuditEntry(prevHash: string, content: AuditContent): string {
  const body = canonicalJson({
    seq: content.seq,
    at: content.at,
    actorId: content.actorId,
    actorRole: content.actorRole,
    action: content.action,
    subjectType: content.subjectType,
    subjectId: content.subjectId,
    reason: content.reason,
    details: content.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainProblem = 'altered' | 'broken-link' | 'out-of-order';

export interface ChainBreak {
  readonly seq: number;
  readonly problem: ChainProblem;
  readonly explanation: string;
}

/**
 * Walks entries in `seq` order and reports the first that does not follow from the one before:
 * an altered row fails its own hash; a removed or reordered row breaks the link to its predecessor.
 */
export class AuditChainVerifier {
  private previousHash = GENESIS_HASH;
  private previousSeq = 0;
  private checked = 0;

  /** Returns the break at this entry, or null when it follows correctly. */
  push(entry: ChainedAuditEntry): ChainBreak | null {
    if (entry.seq <= this.previousSeq) {
      return { seq: entry.seq, problem: 'out-of-order', explanation: `sequence ${entry.seq} follows ${this.previousSeq}` };
    }
    if (entry.prevHash !== this.previousHash) {
      return {
        seq: entry.seq,
        problem: 'broken-link',
        explanation: 'does not chain from the entry before it (an entry was removed, inserted or reordered)',
      };
    }
    if (hashAuditEntry(entry.prevHash, entry) !== entry.hash) {
      return { seq: entry.seq, problem: 'altered', explanation: 'its contents do not match its hash (the entry was altered)' };
    }
    this.previousHash = entry.hash;
    this.previousSeq = entry.seq;
    this.checked += 1;
    return null;
  }

  get count(): number {
    return this.checked;
  }
}
