import { GWENT, generateSeed } from '@harbour/core';
import { repositories, seedDatabase } from '@harbour/db';
import type { Benchmark, Figure } from './harness';

const REPORTS = Number(process.env.HARBOUR_BENCH_SEED_REPORTS ?? 100_000);
const BASELINE_REPORTS = 2_000;
const until = new Date('2026-11-01T00:00:00Z');

/**
 * Seeding throughput: the batched, column-array insert against a naive baseline that writes
 * each generated report and its people with one INSERT per row, measured in the same run.
 */
export const seedBench: Benchmark = async (ctx) => {
  const figures: Figure[] = [];
  const generationStart = performance.now();
  let generated = 0;
  for (const batch of generateSeed({ reports: REPORTS, seed: 'bench', area: GWENT, until }).batches(5000)) generated += batch.reports.length;
  const generationRate = generated / ((performance.now() - generationStart) / 1000);
  figures.push({ bench: 'seed', metric: 'generate', value: generationRate, unit: 'reports/s', store: 'none' });

  for (const kind of ['pglite', 'postgres'] as const) {
    const naive = await ctx.store(kind);
    const naiveStart = performance.now();
    for (const batch of generateSeed({ reports: BASELINE_REPORTS, seed: 'baseline', area: GWENT, until }).batches(BASELINE_REPORTS)) {
      for (const r of batch.reports) {
        await naive.store.db
          .insertInto('reports')
          .values({
            id: r.id,
            reference: r.reference,
            source: r.source,
            received_at: r.receivedAt,
            local_authority: r.localAuthority,
            town: r.town,
            postcode: r.postcode,
            summary: r.summary,
            exploitation_types: r.exploitationTypes,
            involves_child: r.involvesChild,
            status: r.status,
          })
          .execute();
      }
      for (const p of batch.persons) {
        await naive.store.db
          .insertInto('report_persons')
          .values({
            id: p.id,
            report_id: p.reportId,
            role: p.role,
            given_name: p.givenName,
            family_name: p.familyName,
            dob: p.dob,
            gender: p.gender,
            nationality: p.nationality,
            phone: p.phone,
            address: p.address,
            postcode: p.postcode,
            town: p.town,
          })
          .execute();
      }
    }
    const naiveRate = BASELINE_REPORTS / ((performance.now() - naiveStart) / 1000);
    figures.push({ bench: 'seed', metric: 'naive row-by-row insert (baseline)', value: naiveRate, unit: 'reports/s', store: kind });

    const { store } = await ctx.store(kind);
    const result = await seedDatabase(repositories(store.db), { reports: REPORTS, seed: 'bench', area: GWENT, until }, undefined, 5000);
    const rate = result.reports / result.seconds;
    figures.push({
      bench: 'seed',
      metric: `seed ${REPORTS.toLocaleString('en-GB')} reports`,
      value: rate,
      unit: 'reports/s',
      store: kind,
      baseline: { metric: 'naive', value: naiveRate },
    });
    figures.push({ bench: 'seed', metric: `projected time for 1,000,000 reports`, value: 1_000_000 / rate, unit: 's', store: kind });
    figures.push({
      bench: 'seed',
      metric: 'peak resident memory of the process so far',
      value: process.resourceUsage().maxRSS / 1024,
      unit: 'MiB',
      store: kind,
    });
  }
  return figures;
};
