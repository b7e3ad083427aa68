import { crashDrill } from './crash/drill';
import { percentile, type Benchmark, type Figure } from './harness';

const KILLS = Number(process.env.HARBOUR_BENCH_CRASH_KILLS ?? 50);

/**
 * Durability under crashes: Harbour killed (SIGKILL) `KILLS` times per store in the middle of
 * public reports, referrals, CSV imports, merges and case work (crash/drill.ts). Figures: writes
 * acknowledged, acknowledged writes lost, writes found half stored, audit chain breaks (all three
 * must be 0), and the restart after a kill against a restart after a clean stop.
 */
export const crashBench: Benchmark = async (ctx) => {
  const figures: Figure[] = [];
  for (const kind of ctx.stores) {
    const location = await ctx.location(kind);
    const result = await crashDrill({
      location,
      kills: KILLS,
      seed: 23,
      importsDone: true,
      timeCleanRestart: true,
      log: (line) => process.stderr.write(`  ${kind}: ${line}\n`),
    });
    for (const problem of [...result.lost, ...result.halfWritten, ...result.auditBreaks]) process.stderr.write(`  ${kind}: ${problem}\n`);
    for (const r of result.refused.slice(0, 10)) process.stderr.write(`  ${kind}: refused ${r.kind} ${r.status}: ${r.text}\n`);
    const acknowledged = Object.values(result.acknowledged).reduce((a, b) => a + b, 0);
    const restarts = [...result.restartMs].sort((a, b) => a - b);
    const figure = (metric: string, value: number, unit: string, baseline?: Figure['baseline']): Figure => ({
      bench: 'crash',
      metric,
      value,
      unit,
      store: kind,
      ...(baseline ? { baseline } : {}),
    });
    figures.push(
      figure('kills', result.kills, 'count'),
      figure('acknowledged', acknowledged, 'writes'),
      ...Object.entries(result.acknowledged).map(([k, n]) => figure(`acknowledged ${k}`, n, 'writes')),
      figure('lost', result.lost.length, 'writes'),
      figure('half_written', result.halfWritten.length, 'writes'),
      figure('audit chain breaks', result.auditBreaks.length, 'count'),
      figure('refused while up', result.refused.length, 'writes'),
      figure('audit entries verified', result.auditEntries, 'entries'),
      figure('clean restart (baseline)', result.cleanRestartMs ?? NaN, 'ms'),
      figure('restart after kill p50', percentile(restarts, 50), 'ms', { metric: 'clean restart', value: result.cleanRestartMs ?? NaN }),
      figure('restart after kill max', restarts.at(-1) ?? NaN, 'ms', { metric: 'clean restart', value: result.cleanRestartMs ?? NaN }),
    );
  }
  return figures;
};
