import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberIndex } from './number-index';

describe('NumberIndex', () => {
  it('gives each distinct number the next id in order of first appearance, as a Map would', () => {
    const key = fc.oneof(fc.nat(40), fc.nat({ max: 2 ** 52 }), fc.constantFrom(0, 2 ** 26, 2 ** 26 + 1, 2 ** 52, 2 ** 52 + 2));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 500 }), fc.nat(64), (keys, expected) => {
        const index = new NumberIndex(expected);
        const reference = new Map<number, number>();
        for (const k of keys) {
          if (!reference.has(k)) reference.set(k, reference.size);
          expect(index.idOf(k)).toBe(reference.get(k));
        }
        expect(index.size).toBe(reference.size);
        for (const [k, id] of reference) expect(index.find(k)).toBe(id);
        expect(index.find(2 ** 53 - 1)).toBe(reference.get(2 ** 53 - 1) ?? -1);
      }),
    );
  });

  it('keeps every key through many growths', () => {
    const index = new NumberIndex(1);
    for (let k = 0; k < 100_000; k++) index.idOf(k * 7919 * 2 ** 20);
    expect(index.size).toBe(100_000);
    expect(index.find(99_999 * 7919 * 2 ** 20)).toBe(99_999);
    expect(index.find(3)).toBe(-1);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.find(0)).toBe(-1);
    expect(index.idOf(5)).toBe(0);
  });
});
