import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaroWinkler, levenshtein } from './similarity';

describe('Jaro–Winkler', () => {
  it('gives the published values', () => {
    // Winkler's examples, as in the record-linkage literature.
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', '')).toBe(0);
    expect(jaroWinkler('same', 'same')).toBe(1);
  });

  it('is symmetric, between 0 and 1, and 1 only for equal strings, at any length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-12);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
        if (a !== b) expect(s).toBeLessThan(1);
      }),
    );
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('19900403', '19900430')).toBe(2);
  });
});
