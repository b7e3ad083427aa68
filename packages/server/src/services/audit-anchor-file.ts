import { anchorSigningText, type AuditAnchor } from '@harbour/core';
import { z } from 'zod';
import type { SecretBox } from '../auth/secret-box';

/** An anchor file could not be used: not one, altered, or signed with a key Harbour was not given. */
export class AnchorRefused extends Error {}

const anchorFile = z.object({
  kind: z.literal('harbour-audit-anchor'),
  version: z.literal(1),
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  signature: z.string(),
});

/** The anchor as a one-line signed JSON document, to keep outside the database. */
export function anchorDocument(box: SecretBox, anchor: AuditAnchor): string {
  const body = { kind: 'harbour-audit-anchor', version: 1, seq: anchor.seq, hash: anchor.hash, at: anchor.at } as const;
  return `${JSON.stringify({ ...body, signature: box.sign(anchorSigningText(anchor)) })}\n`;
}

/** Reads an anchor document back; refused unless this Harbour's key signed exactly what it says. */
export function readAnchorDocument(box: SecretBox, text: string): AuditAnchor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AnchorRefused('the anchor file is not JSON');
  }
  const found = anchorFile.safeParse(parsed);
  if (!found.success) throw new AnchorRefused(`the anchor file is not a Harbour audit anchor (${found.error.issues[0]?.path.join('.') || 'shape'})`);
  const anchor: AuditAnchor = { seq: found.data.seq, hash: found.data.hash, at: found.data.at };
  const standing = box.signatureStanding(anchorSigningText(anchor), found.data.signature);
  if (standing === 'unknown-key') {
    throw new AnchorRefused('the anchor was signed with a key that is not configured (name it in HARBOUR_PREVIOUS_SECRET_KEYS)');
  }
  if (standing === 'invalid') throw new AnchorRefused('the anchor does not match its signature: it was altered, or not made by this Harbour');
  return anchor;
}
