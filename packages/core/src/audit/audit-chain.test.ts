import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditChainVerifier, GENESIS_HASH, hashAuditEntry, type AuditContent, type ChainedAuditEntry } from './audit-chain';
import { canonicalJson } from './canonical-json';

function chain(contents: Omit<AuditContent, 'seq'>[]): ChainedAuditEntry[] {
  let prev = GENESIS_HASH;
  return contents.map((c, i) => {
    const content = { ...c, seq: i + 1 };
    const hash = hashAuditEntry(prev, content);
    const entry = { ...content, prevHash: prev, hash };
    prev = hash;
    return entry;
  });
}

function firstBreak(entries: ChainedAuditEntry[]) {
  const v = new AuditChainVerifier();
  for (const e of entries) {
    const problem = v.push(e);
    if (problem) return problem;
  }
  return null;
}

const content = fc.record({
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  actorId: fc.option(fc.uuid(), { nil: null }),
  actorRole: fc.option(fc.constantFrom('admin', 'analyst'), { nil: null }),
  action: fc.string({ minLength: 1, maxLength: 20 }),
  subjectType: fc.option(fc.constantFrom('user', 'report'), { nil: null }),
  subjectId: fc.option(fc.string({ maxLength: 10 }), { nil: null }),
  reason: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
  details: fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.boolean())),
});

describe('audit chain', () => {
  it('accepts any untouched chain', () => {
    fc.assert(fc.property(fc.array(content, { minLength: 1, maxLength: 20 }), (cs) => firstBreak(chain(cs)) === null));
  });

  it('names the altered entry whatever field is changed', () => {
    fc.assert(
      fc.property(
        fc.array(content, { minLength: 1, maxLength: 15 }),
        fc.nat(),
        fc.constantFrom('action', 'actorId', 'reason', 'details', 'at'),
        (cs, pick, field) => {
          const entries = chain(cs);
          const i = pick % entries.length;
          const original = entries[i]!;
          const changed: ChainedAuditEntry = {
            ...original,
            action: field === 'action' ? original.action + 'x' : original.action,
            actorId: field === 'actorId' ? (original.actorId ? null : 'someone') : original.actorId,
            reason: field === 'reason' ? (original.reason ?? '') + '!' : original.reason,
            details: field === 'details' ? { ...original.details, tampered: true } : original.details,
            at: field === 'at' ? new Date(Date.parse(original.at) + 1000).toISOString() : original.at,
          };
          entries[i] = changed;
          const problem = firstBreak(entries);
          return problem !== null && problem.seq === original.seq && problem.problem === 'altered';
        },
      ),
    );
  });

  it('detects a removed entry at the one after it', () => {
    fc.assert(
      fc.property(fc.array(content, { minLength: 2, maxLength: 15 }), fc.nat(), (cs, pick) => {
        const entries = chain(cs);
        const i = pick % (entries.length - 1);
        entries.splice(i, 1);
        return firstBreak(entries)?.seq === i + 2;
      }),
    );
  });

  it('detects two entries swapped', () => {
    const entries = chain(
      Array.from({ length: 5 }, (_, i) => ({
        at: new Date(2026, 0, i + 1).toISOString(),
        actorId: null,
        actorRole: null,
        action: `a${i}`,
        subjectType: null,
        subjectId: null,
        reason: null,
        details: {},
      })),
    );
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(firstBreak(entries)).toMatchObject({ seq: 3, problem: 'broken-link' });
  });

  it('hashes objects the same whatever their key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        return canonicalJson(obj) === canonicalJson(reversed);
      }),
    );
  });
});
