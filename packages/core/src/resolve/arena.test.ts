import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Arena } from './arena';

describe('Arena', () => {
  it('hands out zeroed, non-overlapping arrays of the asked length, then plain ones once spent', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('int32', 'float64', 'uint8'), fc.nat(40)), { maxLength: 30 }), fc.nat(600), (asks, bytes) => {
        const arena = new Arena(bytes);
        const arrays = asks.map(([kind, length]) =>
          kind === 'int32' ? arena.int32(length) : kind === 'float64' ? arena.float64(length) : arena.uint8(length),
        );
        arrays.forEach((a, k) => {
          expect(a.length).toBe(asks[k]![1]);
          expect([...a].every((v) => v === 0)).toBe(true);
          expect(a.byteOffset % a.BYTES_PER_ELEMENT).toBe(0);
        });
        // Writing every array in full disturbs no other.
        arrays.forEach((a, k) => a.fill(k + 1));
        arrays.forEach((a, k) => expect([...a].every((v) => v === k + 1)).toBe(true));
      }),
    );
  });
});
