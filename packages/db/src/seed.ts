import { generateSeed, type SeedOptions } from '@harbour/core';
import type { Repositories } from './repositories/index';

export interface SeedResult {
  readonly reports: number;
  readonly networks: number;
  readonly seconds: number;
}

/** Generates and stores a synthetic force area, batch by batch. */
export async function seedDatabase(
  repos: Repositories,
  options: SeedOptions,
  onProgress?: (done: number, total: number) => void,
  batchSize = 2000,
): Promise<SeedResult> {
  const started = performance.now();
  const { networks, batches } = generateSeed(options);
  await repos.seed.insertSeedNetworks(networks);
  let done = 0;
  for (const batch of batches(batchSize)) {
    await repos.seed.insertSeedBatch(batch);
    done += batch.reports.length;
    onProgress?.(done, options.reports);
  }
  return { reports: done, networks: networks.length, seconds: (performance.now() - started) / 1000 };
}
