import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReconciliation, type StoredPersonRecord } from './reconcile';

/** Each record's entity after the plan's moves. */
function applied(records: readonly StoredPersonRecord[], plan: ReturnType<typeof planReconciliation>): string[] {
  const after = records.map((r) => r.entityId);
  for (const m of plan.moves) {
    expect(after[m.record]).toBe(m.from);
    after[m.record] = m.to;
  }
  return after;
}

const ids = () => {
  let n = 0;
  return () => `new${n++}`;
};

/** A store's records: entity and cluster per record, which entities an analyst shaped, pairs kept apart. */
const store = fc
  .record({
    placed: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 40 }),
    fixed: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
    apart: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  })
  .map(({ placed, fixed, apart }) => ({
    records: placed.map(([entity]) => ({ entityId: `e${entity}`, fixed: fixed.includes(entity) })),
    clusters: placed.map(([, cluster]) => cluster),
    // Pairs of records: never two records of one entity an analyst shaped.
    apart: apart
      .map(([a, b]) => [a % placed.length, b % placed.length] as const)
      .filter(([a, b]) => a !== b && (placed[a]![0] !== placed[b]![0] || !fixed.includes(placed[a]![0]))),
  }));

describe('bringing the store in line with a clustering', () => {
  it('with no analyst decisions, makes the entities exactly the clusters', () => {
    fc.assert(
      fc.property(store, ({ records, clusters }) => {
        const loose = records.map((r) => ({ ...r, fixed: false }));
        const after = applied(loose, planReconciliation(loose, clusters, [], ids()));
        for (let i = 0; i < records.length; i++) for (let j = 0; j < records.length; j++) expect(after[i] === after[j]).toBe(clusters[i] === clusters[j]);
      }),
    );
  });

  it('never breaks up an entity an analyst shaped, and never puts two records kept apart together', () => {
    fc.assert(
      fc.property(store, ({ records, clusters, apart }) => {
        const after = applied(records, planReconciliation(records, clusters, apart, ids()));
        const endedIn = (entity: string) => new Set(records.flatMap((r, i) => (r.entityId === entity ? [after[i]!] : [])));
        for (const r of records) if (r.fixed) expect(endedIn(r.entityId).size).toBe(1);
        for (const [x, y] of apart) expect(after[x]).not.toBe(after[y]);
      }),
    );
  });

  it('moves nothing the second time', () => {
    fc.assert(
      fc.property(store, ({ records, clusters, apart }) => {
        const after = applied(records, planReconciliation(records, clusters, apart, ids()));
        const wasFixed = new Set(records.filter((r) => r.fixed).map((r) => r.entityId));
        const again = after.map((entityId) => ({ entityId, fixed: wasFixed.has(entityId) }));
        expect(planReconciliation(again, clusters, apart, ids()).moves).toEqual([]);
      }),
    );
  });

  it('keeps the id of the entity holding most of a cluster, and gives a split-off part a new one', () => {
    const records = ['a', 'a', 'a', 'b', 'a'].map((entityId) => ({ entityId, fixed: false }));
    // The last "a" record is someone else; "b" is the same person as the first three.
    const plan = planReconciliation(records, [0, 0, 0, 0, 4], [], () => 'c');
    expect(plan.created).toEqual(['c']);
    expect(plan.moves).toEqual([
      { record: 3, from: 'b', to: 'a' },
      { record: 4, from: 'a', to: 'c' },
    ]);
  });
});
