import { canonicalJson } from './canonical-json';

/**
 * The audit chain's head as it stood at a moment, kept outside the database. The chain shows an
 * entry altered or removed from its middle, but not a removed tail: whoever deletes the last
 * entries leaves a shorter chain that still verifies. An anchor kept elsewhere says how far the
 * chain reached, so a shorter or rewritten one is caught.
 */
export interface AuditAnchor {
  /** The last entry's sequence number when the anchor was taken (0: an empty log). */
  readonly seq: number;
  /** That entry's hash. */
  readonly hash: string;
  /** When the anchor was taken (ISO 8601). */
  readonly at: string;
}

/** The exact text an anchor's signature covers. */
export function anchorSigningText(anchor: AuditAnchor): string {
  return canonicalJson({ kind: 'harbour-audit-anchor', version: 1, seq: anchor.seq, hash: anchor.hash, at: anchor.at });
}

/**
 * Checks the chain as found against an anchor: `anchored` is the entry now at the anchor's
 * sequence number (undefined if there is none), `lastSeq` the chain's last. Null when the chain
 * still holds everything the anchor saw.
 */
export function anchorProblem(anchor: AuditAnchor, anchored: { readonly hash: string } | undefined, lastSeq: number): string | null {
  if (anchor.seq === 0) return null;
  if (!anchored) {
    return lastSeq < anchor.seq
      ? `the log ends at entry ${lastSeq}, but on ${anchor.at} it reached entry ${anchor.seq}: entries ${lastSeq + 1} to ${anchor.seq} were removed`
      : `entry ${anchor.seq}, anchored on ${anchor.at}, is missing`;
  }
  if (anchored.hash !== anchor.hash) {
    return `entry ${anchor.seq} is not the one anchored on ${anchor.at}: the log was rewritten at or before it`;
  }
  return null;
}
