import { randomUUID } from 'node:crypto';
import { GWENT } from '@harbour/core';
import { seedDatabase } from '@harbour/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReport } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import { buildPictureInBulk } from '../src/services/picture-bulk';
import { ResolutionService } from '../src/services/resolution.service';

const event = { actorId: null, actorRole: null, action: 'referral.submitted' as const, subjectType: 'report' };

describe(`building the picture in bulk on ${TEST_STORE}`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await newTestStore();
    await seedDatabase(t.repos, { reports: 1200, seed: 'bulk', area: GWENT, until: new Date('2026-10-01T00:00:00Z') });
  }, 120_000);
  afterAll(async () => t?.close());

  it('resolves every record of every report, learns and stores a model, and finds planted duplicates', async () => {
    const summary = await buildPictureInBulk(t.repos);
    expect(summary.reports).toBe(1200);
    const unresolved = await t.store.db.selectFrom('entity_records').select('id').where('entity_id', 'is', null).execute();
    expect(unresolved).toEqual([]);
    expect(summary.records).toBeGreaterThan(1200);
    expect((await t.repos.picture.latestModel())?.records).toBeGreaterThanOrEqual(1000);

    // Planted duplicates (the seed's truth: records of one real person) mostly share an entity; different people rarely do.
    const rows = await t.store.db
      .selectFrom('seed_truth as s')
      .innerJoin('entity_records as r', 'r.id', 's.record_id')
      .select(['s.entity_key', 'r.entity_id'])
      .where('s.record_type', '=', 'person')
      .execute();
    const byTruth = new Map<string, string[]>();
    for (const r of rows) byTruth.set(r.entity_key, [...(byTruth.get(r.entity_key) ?? []), r.entity_id!]);
    const repeated = [...byTruth.values()].filter((entities) => entities.length > 1);
    const together = repeated.filter((entities) => new Set(entities).size === 1).length / repeated.length;
    const entityTruths = new Map<string, Set<string>>();
    for (const r of rows) entityTruths.set(r.entity_id!, (entityTruths.get(r.entity_id!) ?? new Set()).add(r.entity_key));
    const mixed = [...entityTruths.values()].filter((s) => s.size > 1).length / entityTruths.size;
    // Below the automatic-merge threshold (0.95, cautious), the rest wait in the review queue.
    const reviewed = (
      await sql<{ a: string; b: string }>`
        select ea.entity_id as a, eb.entity_id as b from review_pairs q
        join entity_records ea on ea.id = q.record_a join entity_records eb on eb.id = q.record_b`.execute(t.store.db)
    ).rows.map((r) => [r.a, r.b].sort().join('|'));
    const queued = new Set(reviewed);
    const inReview = repeated.filter((entities) => {
      const distinct = [...new Set(entities)].sort();
      return distinct.length > 1 && distinct.some((a, i) => distinct.slice(i + 1).some((b) => queued.has(`${a}|${b}`)));
    }).length;
    expect(repeated.length).toBeGreaterThan(20);
    expect(together).toBeGreaterThan(0.5);
    expect(together + inReview / repeated.length).toBeGreaterThan(0.8);
    expect(mixed).toBeLessThan(0.02);

    // Review pairs join records in different entities, in the band.
    const pairs = await t.store.db.selectFrom('review_pairs').selectAll().execute();
    expect(pairs.every((p) => p.probability >= 0.5 && p.probability < 0.95)).toBe(true);
    await expect(buildPictureInBulk(t.repos)).rejects.toThrow(/resolved incrementally/);
  }, 120_000);

  it('a new report then resolves incrementally against the bulk-built picture, with the stored model', async () => {
    const known = (
      await sql<{ attributes: Record<string, string>; entity_id: string }>`
        select attributes, entity_id from entity_records
        where kind = 'person' and attributes ? 'dob' and attributes ? 'familyName' and attributes ? 'givenName' limit 1`.execute(t.store.db)
    ).rows[0]!;
    const a = known.attributes;
    const again = {
      id: randomUUID(),
      role: 'potential_victim',
      givenName: a['givenName'] ?? null,
      familyName: a['familyName']!,
      dob: a['dob']!,
      gender: null,
      nationality: null,
    };
    await t.repos.intake.createReport(newReport({ persons: [again], town: a['town'] ?? 'Newport' }), event);
    const summary = await new ResolutionService(t.repos).drain();
    expect(summary.records).toBe(1);
    const placed = await t.store.db.selectFrom('entity_records').select(['entity_id', 'resolved_by']).where('id', '=', again.id).executeTakeFirstOrThrow();
    expect(placed).toEqual({ entity_id: known.entity_id, resolved_by: 'model' });
  });
});
