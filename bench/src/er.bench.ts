import { generateSeed, GWENT, householdPersonRecords, normaliseName, parseDob, resolvePersons, seedPersonRecords, type PersonRecord } from '@harbour/core';
import { pairwiseAccuracy, readFebrl } from '../../tools/febrl';
import type { Benchmark, Figure } from './harness';

// Person records for the scale run (the target is 1,000,000); smaller for a quick look.
const SCALE = Number(process.env.HARBOUR_BENCH_ER_RECORDS ?? 1_000_000);
const SEEDED_REPORTS = Number(process.env.HARBOUR_BENCH_ER_SEEDED_REPORTS ?? 20_000);
const HOUSEHOLDS = 600;

/**
 * Entity resolution: accuracy on the FEBRL files, on seeded data with planted duplicates and on
 * household-shaped data (ground truth known; thresholds fixed at match probability 0.5, never tuned on the labels), and time and
 * memory at scale. Baseline, measured in the same run: exact match on normalised names and date of birth.
 */
export const erBench: Benchmark = async () => {
  const figures: Figure[] = [];

  // Scale first, so the process's peak memory is this run's.
  const population = seededPersons(Math.ceil(SCALE / 1.75)).slice(0, SCALE);
  const naiveStart = performance.now();
  naiveClusters(population.map((p) => p.record));
  const naiveSeconds = (performance.now() - naiveStart) / 1000;
  const started = performance.now();
  const scaled = resolvePersons(population.map((p) => p.record));
  const seconds = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS / 2 ** 20; // kB → GiB
  figures.push({
    bench: 'er',
    metric: `resolve ${population.length.toLocaleString('en-GB')} person records`,
    value: seconds,
    unit: 's',
    store: 'none',
    baseline: { metric: 'exact-match baseline', value: naiveSeconds },
  });
  figures.push({ bench: 'er', metric: 'records per second', value: population.length / seconds, unit: 'records/s', store: 'none' });
  figures.push({ bench: 'er', metric: 'candidate pairs compared', value: scaled.stats.candidatePairs, unit: 'pairs', store: 'none' });
  figures.push({ bench: 'er', metric: 'peak memory (process)', value: peak, unit: 'GiB', store: 'none' });
  const scaleAccuracy = pairwiseAccuracy(
    population.map((p) => p.truth),
    scaled.clusters,
  );
  figures.push({ bench: 'er', metric: `F1 at scale (${population.length.toLocaleString('en-GB')})`, value: scaleAccuracy.f1, unit: 'F1', store: 'none' });

  const seeded = seededPersons(SEEDED_REPORTS);
  accuracy(figures, `seeded, ${seeded.length.toLocaleString('en-GB')} records`, seeded);
  // Households: families, shared houses and a controller's workers on his phone, where people
  // share homes and phones and are still different people (target F1 ≥ 0.95).
  const households = householdPersonRecords({ households: HOUSEHOLDS, seed: 'bench-households' });
  accuracy(figures, `households (${HOUSEHOLDS} homes, ${households.length.toLocaleString('en-GB')} records)`, households);
  for (const [name, files] of [
    ['FEBRL4 (4a × 4b)', ['dataset4a.csv', 'dataset4b.csv']],
    ['FEBRL dataset1', ['dataset1.csv']],
    ['FEBRL dataset2', ['dataset2.csv']],
  ] as const) {
    accuracy(
      figures,
      name,
      files.flatMap(readFebrl).map((record) => ({ record, truth: record.truth })),
    );
  }
  return figures;
};

function accuracy(figures: Figure[], name: string, data: readonly { record: PersonRecord; truth: string }[]): void {
  const truth = data.map((d) => d.truth);
  const records = data.map((d) => d.record);
  const resolved = resolvePersons(records);
  const result = pairwiseAccuracy(truth, resolved.clusters);
  const coMention = resolved.model.coMention;
  if (coMention) {
    // What sharing a phone, vehicle, business or account with a namesake's reports was found to mean.
    figures.push({ bench: 'er', metric: `${name}: co-mention m (same person)`, value: coMention.m, unit: 'ratio', store: 'none' });
    figures.push({ bench: 'er', metric: `${name}: co-mention u (namesake)`, value: coMention.u, unit: 'ratio', store: 'none' });
  }
  const naive = pairwiseAccuracy(truth, naiveClusters(records));
  figures.push({ bench: 'er', metric: `${name}: precision`, value: result.precision, unit: 'ratio', store: 'none' });
  figures.push({ bench: 'er', metric: `${name}: recall`, value: result.recall, unit: 'ratio', store: 'none' });
  figures.push({ bench: 'er', metric: `${name}: F1`, value: result.f1, unit: 'F1', store: 'none', baseline: { metric: 'exact-match F1', value: naive.f1 } });
}

/** The baseline: records with the same normalised given name, family name and date of birth are one person. */
function naiveClusters(records: readonly PersonRecord[]): Int32Array {
  const first = new Map<string, number>();
  const clusters = new Int32Array(records.length);
  records.forEach((r, i) => {
    const dob = parseDob(r.dob);
    const key = `${normaliseName(r.givenName)}|${normaliseName(r.familyName)}|${dob ? `${dob.y}-${dob.m}-${dob.d}` : ''}`;
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    clusters[i] = at ?? i;
  });
  return clusters;
}

/** Seeded person records, each with what its report mentions besides (phones, vehicles, businesses, accounts). */
function seededPersons(reports: number): { record: PersonRecord; truth: string }[] {
  const seed = generateSeed({ reports, seed: 'bench-er', area: GWENT, until: new Date(Date.UTC(2026, 10, 1)) });
  const people: { record: PersonRecord; truth: string }[] = [];
  for (const batch of seed.batches(10_000)) for (const p of seedPersonRecords(batch)) people.push(p);
  return people;
}
