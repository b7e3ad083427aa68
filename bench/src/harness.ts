import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openStore, migrate, type Store, type StoreKind } from '@harbour/db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { Cluster } from '../../tools/pg-cluster';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** One measured figure; `ratio` compares it with the baseline measured in the same run. */
export interface Figure {
  readonly bench: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly store: StoreKind | 'none';
  readonly baseline?: { metric: string; value: number };
  readonly target?: string;
}

export interface BenchContext {
  readonly cluster: Cluster;
  /** The stores to measure: both unless HARBOUR_BENCH_STORES names one (e.g. for profiling). */
  readonly stores: readonly StoreKind[];
  /** Where a fresh, empty store of the given kind lives (not opened); removed when the benchmark ends. */
  location(kind: StoreKind): Promise<{ dataDir: string; databaseUrl: string | undefined }>;
  /** A fresh, migrated store of the given kind; removed when the benchmark ends. */
  store(kind: StoreKind): Promise<{ store: Store; location: { dataDir: string; databaseUrl: string | undefined } }>;
}

export type Benchmark = (ctx: BenchContext) => Promise<Figure[]>;

export function startResults(name: string): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.jsonl`), '');
}

export function record(figure: Figure): void {
  const line = { bench: figure.bench, metric: figure.metric, value: round(figure.value), unit: figure.unit, store: figure.store };
  appendFileSync(join(RESULTS_DIR, `${figure.bench}.jsonl`), JSON.stringify(line) + '\n');
}

export function round(n: number): number {
  if (Math.abs(n) >= 100) return Math.round(n);
  // Ratios such as F1 need four places: 0.9992 and 0.9997 must not both print as 1.
  return Math.abs(n) >= 1 ? Math.round(n * 100) / 100 : Math.round(n * 10_000) / 10_000;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

export function contextFor(cluster: Cluster, cleanups: (() => Promise<void>)[]): BenchContext {
  return {
    cluster,
    stores: (process.env.HARBOUR_BENCH_STORES ?? 'pglite,postgres').split(',').filter((k): k is StoreKind => k === 'pglite' || k === 'postgres'),
    async location(kind) {
      if (kind === 'pglite') {
        const dataDir = mkdtempSync(join(tmpdir(), 'harbour-bench-'));
        cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
        return { dataDir, databaseUrl: undefined };
      }
      const name = `bench_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: cluster.url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      });
      const url = new URL(cluster.url);
      url.pathname = `/${name}`;
      const dataDir = mkdtempSync(join(tmpdir(), 'harbour-bench-'));
      cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      return { dataDir, databaseUrl: url.toString() };
    },
    async store(kind) {
      const location = await this.location(kind);
      const store = await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
      await migrate(store.db);
      // Registered after the location's own clean-up, so it runs first (clean-ups run in reverse).
      cleanups.push(() => store.close());
      return { store, location };
    },
  };
}
