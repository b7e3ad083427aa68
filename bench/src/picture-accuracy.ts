import { GWENT } from '@harbour/core';
import { repositories, seedDatabase, type StoreKind } from '@harbour/db';
import { buildPictureInBulk, newSecretKey, SecretBox, services } from '@harbour/server';
import { sql } from 'kysely';
import { signedInActors } from '../../test/picture-helpers';
import { pairwiseAccuracy } from '../../tools/febrl';
import type { BenchContext, Figure } from './harness';

/** The demo's reports (`HARBOUR_DEMO_REPORTS` as a team would try it). */
const DEMO_REPORTS = Number(process.env.HARBOUR_BENCH_PICTURE_DEMO_REPORTS ?? 3000);
const until = new Date('2026-11-01T00:00:00Z');

/**
 * How right the store's people are against the seed's truth, after the demo seed: the picture
 * built report by report as the background jobs build it (each batch's people compared with
 * their neighbours; the model learnt again as the store grows), then once the model has learnt
 * from every record and everyone is compared again, beside the batch resolver (the bulk build)
 * on the same records at the same threshold. Pairwise precision, recall and F1.
 */
export async function storeAgainstBatch(ctx: BenchContext, kind: StoreKind): Promise<Figure[]> {
  const seeded = async () => {
    const { store } = await ctx.store(kind);
    const repos = repositories(store.db);
    await seedDatabase(repos, { reports: DEMO_REPORTS, seed: 'demo', area: GWENT, until });
    return { store, repos };
  };
  const accuracy = async (db: Awaited<ReturnType<typeof seeded>>['store']['db']) => {
    const rows = (
      await sql<{ truth: string; entity_id: string }>`
        select t.entity_key as truth, r.entity_id from seed_truth t join entity_records r on r.id = t.record_id
        where t.record_type = 'person' order by r.id`.execute(db)
    ).rows;
    const index = new Map<string, number>();
    return pairwiseAccuracy(
      rows.map((r) => r.truth),
      rows.map((r) => index.get(r.entity_id) ?? (index.set(r.entity_id, index.size), index.size - 1)),
    );
  };

  const batchStore = await seeded();
  await buildPictureInBulk(batchStore.repos);
  const batch = await accuracy(batchStore.store.db);

  const { store, repos } = await seeded();
  const svc = services(repos, { store: kind, session: { idleMinutes: 30, maxHours: 12 }, secrets: new SecretBox(newSecretKey()) });
  // Reports a year brings in, taken in 50 at a time, each batch's people then compared with their
  // neighbours; the matching job, due hourly, runs between every ten batches (it learns again only
  // once the store has grown by a quarter).
  const t0 = performance.now();
  for (let batches = 1; (await svc.resolution.drain(50, () => true)).records > 0; batches++) {
    await svc.resolution.compareChanged();
    if (batches % 10 === 0) await svc.resolution.retrainIfDue();
  }
  const drained = (performance.now() - t0) / 1000;
  const incremental = await accuracy(store.db);
  // Then what an analyst can ask for at any time: the model learnt from every record and
  // decision, and everyone compared with it.
  const { analyst } = await signedInActors({ repos }, ['analyst']);
  const t1 = performance.now();
  await svc.resolution.train(analyst);
  const relearnt = await svc.resolution.compareAll(analyst);
  const comparing = (performance.now() - t1) / 1000;
  const whole = await accuracy(store.db);
  const records = Number((await sql<{ n: string }>`select count(*) as n from entity_records where kind = 'person'`.execute(store.db)).rows[0]!.n);
  process.stderr.write(
    `  ${kind}: people F1 batch ${batch.f1.toFixed(4)}, store ${incremental.f1.toFixed(4)}, after learning and comparing everyone ${whole.f1.toFixed(4)} (${relearnt.moved} moved)\n`,
  );

  const demo = `demo seed, ${DEMO_REPORTS.toLocaleString('en-GB')} reports`;
  const base = { bench: 'picture', store: kind } as const;
  return [
    {
      ...base,
      metric: `person F1, store built report by report (${demo})`,
      value: incremental.f1,
      unit: 'F1',
      baseline: { metric: 'batch resolver on the same records', value: batch.f1 },
      target: '≥ batch − 0.005 and ≥ 0.97',
    },
    { ...base, metric: 'person precision, store built report by report', value: incremental.precision, unit: 'ratio' },
    { ...base, metric: 'person recall, store built report by report', value: incremental.recall, unit: 'ratio' },
    {
      ...base,
      metric: 'person F1 after the model learns from the store and compares everyone again',
      value: whole.f1,
      unit: 'F1',
      baseline: { metric: 'batch resolver on the same records', value: batch.f1 },
      target: '≥ batch − 0.005 and ≥ 0.97',
    },
    { ...base, metric: `build the picture report by report (${demo})`, value: drained, unit: 's' },
    { ...base, metric: `learn the model and compare everyone again (${records.toLocaleString('en-GB')} person records)`, value: comparing, unit: 's' },
  ];
}
