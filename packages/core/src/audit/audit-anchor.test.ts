import { describe, expect, it } from 'vitest';
import { anchorProblem, anchorSigningText } from './audit-anchor';

const anchor = { seq: 40, hash: 'a'.repeat(64), at: '2026-12-01T09:00:00.000Z' };

describe('an audit anchor', () => {
  it('holds while the chain still has the anchored entry, however far it has grown', () => {
    expect(anchorProblem(anchor, { hash: 'a'.repeat(64) }, 40)).toBeNull();
    expect(anchorProblem(anchor, { hash: 'a'.repeat(64) }, 900)).toBeNull();
    expect(anchorProblem({ ...anchor, seq: 0 }, undefined, 0)).toBeNull();
  });

  it('names a removed tail, a rewritten entry and a gap', () => {
    expect(anchorProblem(anchor, undefined, 37)).toBe(
      'the log ends at entry 37, but on 2026-12-01T09:00:00.000Z it reached entry 40: entries 38 to 40 were removed',
    );
    expect(anchorProblem(anchor, { hash: 'b'.repeat(64) }, 50)).toMatch(/^entry 40 is not the one anchored/);
    expect(anchorProblem(anchor, undefined, 50)).toMatch(/^entry 40, anchored on .* is missing$/);
  });

  it('signs its fields in a fixed order', () => {
    expect(anchorSigningText(anchor)).toBe(`{"at":"2026-12-01T09:00:00.000Z","hash":"${'a'.repeat(64)}","kind":"harbour-audit-anchor","seq":40,"version":1}`);
  });
});
