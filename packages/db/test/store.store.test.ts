import { GWENT } from '@harbour/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, seedDatabase } from '../src/index';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';

describe(`store on ${TEST_STORE}`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await newTestStore();
  });
  afterAll(async () => t?.close());

  it('says which kind of store it is', () => {
    expect(t.store.kind).toBe(TEST_STORE);
  });

  it('applies migrations once; a second run finds nothing to do', async () => {
    const again = await migrate(t.store.db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
  });

  it('has the search extensions the design relies on', async () => {
    const { rows } = await sql<{ sim: number; lev: number; plain: string }>`
      select similarity('Nguyen', 'Nguyn') as sim, levenshtein('Hoxha', 'Hoxa') as lev, unaccent('Nguyễn') as plain`.execute(t.store.db);
    expect(rows[0]!.sim).toBeGreaterThan(0.3);
    expect(rows[0]!.lev).toBe(1);
    expect(rows[0]!.plain).toBe('Nguyen');
  });

  it('stores a seeded force area with its ground truth, the same on every run', async () => {
    const until = new Date('2026-11-01T00:00:00Z');
    const result = await seedDatabase(t.repos, { reports: 300, seed: 7, area: GWENT, until }, undefined, 64);
    expect(result.reports).toBe(300);
    const counts = await t.repos.reports.counts();
    expect(counts.reports).toBe(300);
    expect(counts.persons).toBeGreaterThan(300);
    expect(counts.networks).toBe(result.networks);
    const truth = await t.store.db
      .selectFrom('seed_truth')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(counts.online + counts.bankAccounts + counts.documents).toBeGreaterThan(0);
    expect(Number(truth.n)).toBe(counts.persons + counts.phones + counts.vehicles + counts.businesses + counts.online + counts.bankAccounts + counts.documents);
    const las = await t.store.db.selectFrom('reports').select('local_authority').distinct().execute();
    expect(las.map((r) => r.local_authority).sort()).toEqual(GWENT.localAuthorities.map((l) => l.code).sort());
    const first = await t.store.db.selectFrom('reports').select(['reference', 'summary', 'received_at']).orderBy('reference').limit(3).execute();
    expect(first[0]!.reference).toMatch(/^HBR-\d{4}-\d{7}$/);
  });

  it('keeps nothing of a batch that fails part-way', async () => {
    const before = await t.repos.reports.counts();
    const bad = {
      reports: [
        {
          id: 'not-a-uuid',
          reference: 'X',
          source: 'public' as const,
          receivedAt: new Date(),
          localAuthority: 'W06000022',
          town: 'Newport',
          postcode: 'NP20 1AA',
          summary: 's',
          exploitationTypes: [],
          involvesChild: false,
          status: 'new' as const,
          grading: null,
          handlingConditions: null,
          language: null,
          networkId: null,
        },
      ],
      persons: [],
      phones: [],
      vehicles: [],
      businesses: [],
      online: [],
      bankAccounts: [],
      documents: [],
    };
    await expect(t.repos.seed.insertSeedBatch(bad)).rejects.toThrow();
    expect(await t.repos.reports.counts()).toEqual(before);
  });
});
