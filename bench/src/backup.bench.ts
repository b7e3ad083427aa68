import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GWENT } from '@harbour/core';
import { countBackedUpRows, repositories, restoreBackup, seedDatabase, verifyBackup, writeBackup } from '@harbour/db';
import { AuditService } from '@harbour/server';
import type { Benchmark, Figure } from './harness';

const REPORTS = Number(process.env.HARBOUR_BENCH_BACKUP_REPORTS ?? 1_000_000);

/**
 * Backup and restore of a store of `REPORTS` reports (default a million): the backup (one
 * snapshot, gzip JSON lines), `harbour backup verify`'s read-through, the restore onto a new
 * store, and the check after it (every table's rows as the backup counts them, the audit chain).
 * Baseline: seeding the same store in bulk, in the same run.
 */
export const backupBench: Benchmark = async (ctx) => {
  const figures: Figure[] = [];
  for (const kind of ctx.stores) {
    const dir = mkdtempSync(join(tmpdir(), 'harbour-bench-backup-'));
    const file = join(dir, 'harbour.backup.gz');
    try {
      const source = await ctx.store(kind);
      const repos = repositories(source.store.db);
      await repos.agencies.create({ id: '00000000-0000-4000-8000-000000000001', name: 'Gwent Police', kind: 'police' });
      const seedStart = performance.now();
      await seedDatabase(repos, { reports: REPORTS, seed: 'backup-bench', area: GWENT, until: new Date('2026-11-01T00:00:00Z') });
      const seedMs = performance.now() - seedStart;
      const baseline = { metric: 'bulk seeding', value: seedMs / 1000 };
      const f = (metric: string, value: number, unit: string, withBaseline = false): Figure => ({
        bench: 'backup',
        metric,
        value,
        unit,
        store: kind,
        ...(withBaseline ? { baseline } : {}),
      });
      figures.push(f('reports', REPORTS, 'reports'), f('bulk seeding (baseline)', seedMs / 1000, 's'));

      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
      try {
        const backupStart = performance.now();
        const written = await writeBackup(source.store.db, file);
        figures.push(f('backup', (performance.now() - backupStart) / 1000, 's', true));
        figures.push(f('backup size', statSync(file).size / 1024 / 1024, 'MiB'));
        figures.push(
          f(
            'rows backed up',
            Object.values(written.rows).reduce((a, b) => a + b, 0),
            'rows',
          ),
        );

        const verifyStart = performance.now();
        await verifyBackup(file);
        figures.push(f('backup verify', (performance.now() - verifyStart) / 1000, 's', true));

        const target = await ctx.store(kind);
        const restoreStart = performance.now();
        const restored = await restoreBackup(target.store.db, file);
        figures.push(f('restore', (performance.now() - restoreStart) / 1000, 's', true));
        const checkStart = performance.now();
        const held = await countBackedUpRows(target.store.db);
        const differing = Object.entries(restored.rows).filter(([t, n]) => held[t] !== n).length;
        const chain = await new AuditService(repositories(target.store.db)).verify();
        figures.push(f('restore check (counts, audit chain)', (performance.now() - checkStart) / 1000, 's', true));
        figures.push(f('tables differing after restore (must be 0)', differing, 'tables'));
        figures.push(f('audit chain breaks after restore (must be 0)', chain.firstBreak ? 1 : 0, 'count'));
      } finally {
        clearInterval(sampler);
      }
      figures.push(f('peak memory (bench process, store included on PGlite)', peak / 1024 / 1024, 'MiB'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
};
