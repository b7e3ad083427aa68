import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR, type Benchmark, type Figure } from './harness';
import { soak, type PhaseResult, type SoakPhase } from './soak/soak';
import { SOAK_KINDS } from './soak/traffic';

/**
 * Phases as `rate:minutes`, comma-separated: 30 minutes at the steady rate, 30 at twice it, then
 * 5 at four times it, to see what gives first if nothing did at twice.
 */
const PHASES = parsePhases(process.env.HARBOUR_BENCH_SOAK ?? '1:30,2:30,4:5');
const DEMO_REPORTS = Number(process.env.HARBOUR_BENCH_SOAK_REPORTS ?? 2_000);

/**
 * Load and soak (soak/soak.ts): two Harbour processes on one PostgreSQL database take open-loop
 * mixed traffic (public reports, imports, searches, dashboards, link charts) at a steady rate,
 * then at twice it. Per phase: error rate, requests shed (a kind with 64 waiting), p50/p99 overall
 * and per kind, the worst minute's p99, and each process's memory slope (MB a minute, fitted after
 * the first minute); the heavier phases against the steady one as baseline. Then nothing lost.
 * Each minute's row goes to results/soak-minutes.jsonl.
 */
export const soakBench: Benchmark = async (ctx) => {
  const location = await ctx.location('postgres');
  const result = await soak({
    location,
    phases: PHASES,
    demoReports: DEMO_REPORTS,
    seed: 11,
    log: (line) => process.stderr.write(`  postgres: ${line}\n`),
  });
  const minutesFile = join(RESULTS_DIR, 'soak-minutes.jsonl');
  writeFileSync(minutesFile, '');
  for (const p of result.phases) for (const m of p.minutes) appendFileSync(minutesFile, JSON.stringify(rounded(m)) + '\n');
  for (const r of result.refused.slice(0, 10)) process.stderr.write(`  postgres: refused ${r.kind} ${r.status}: ${r.text}\n`);
  for (const problem of [...result.lost, ...result.halfWritten, ...result.auditBreaks]) process.stderr.write(`  postgres: ${problem}\n`);
  const steady = result.phases[0]!;
  for (const p of result.phases.slice(1)) process.stderr.write(`  postgres: ${whatBends(steady, p)}\n`);

  const figure = (metric: string, value: number, unit: string, baseline?: Figure['baseline']): Figure => ({
    bench: 'soak',
    metric,
    value,
    unit,
    store: 'postgres',
    ...(baseline ? { baseline } : {}),
  });
  const figures: Figure[] = [];
  for (const p of result.phases) {
    const against = p === steady ? undefined : steady;
    const name = (m: string) => `${p.rate}× ${m}`;
    const base = (m: string, value: number) => (against ? { metric: `${against.rate}× ${m}`, value } : undefined);
    figures.push(
      figure(name('requests'), p.n, 'count', base('requests', steady.n)),
      figure(name('error rate'), (100 * p.failed) / Math.max(1, p.n), '%'),
      figure(name('shed'), p.shed, 'requests'),
      figure(name('p50'), p.p50, 'ms', base('p50', steady.p50)),
      figure(name('p99'), p.p99, 'ms', base('p99', steady.p99)),
      figure(name('worst minute p99'), worstMinute(p), 'ms', base('worst minute p99', worstMinute(steady))),
      ...SOAK_KINDS.map((k) => figure(name(`${k} p99`), p.byKind[k].p99, 'ms', base(`${k} p99`, steady.byKind[k].p99))),
      figure(name('import done after start p50'), p.importLagMs.p50, 'ms', base('import done after start p50', steady.importLagMs.p50)),
      figure(name('import done after start max'), p.importLagMs.max, 'ms', base('import done after start max', steady.importLagMs.max)),
      ...p.rssSlopeMbPerMinute.map((s, i) => figure(name(`memory slope, process ${i + 1}`), s, 'MB/min')),
      ...p.rssLastMb.map((m, i) =>
        figure(name(`memory at end, process ${i + 1}`), m, 'MB', base(`memory at end, process ${i + 1}`, steady.rssLastMb[i] ?? NaN)),
      ),
    );
  }
  figures.push(
    figure('acknowledged', result.acknowledged, 'writes'),
    figure('lost', result.lost.length, 'writes'),
    figure('half_written', result.halfWritten.length, 'writes'),
    figure('audit chain breaks', result.auditBreaks.length, 'count'),
  );
  return figures;
};

function parsePhases(text: string): SoakPhase[] {
  return text.split(',').map((part) => {
    const [rate, minutes] = part.split(':').map(Number);
    if (!(rate! > 0) || !(minutes! > 0)) throw new Error(`HARBOUR_BENCH_SOAK: "${part}" is not rate:minutes (e.g. 1:30)`);
    return { rate: rate!, ms: minutes! * 60_000 };
  });
}

function worstMinute(p: PhaseResult): number {
  return Math.max(...p.minutes.filter((m) => m.n > 0).map((m) => m.p99));
}

/** Which kind slowed most against the steady rate, and what failed first. */
function whatBends(steady: PhaseResult, heavier: PhaseResult): string {
  const ratios = SOAK_KINDS.map((k) => ({ k, ratio: heavier.byKind[k].p99 / steady.byKind[k].p99 })).sort((a, b) => b.ratio - a.ratio);
  const failures = Object.entries(heavier.failures).sort((a, b) => b[1] - a[1]);
  const firstFailing = heavier.minutes.find((m) => m.failed > 0 || m.shed > 0);
  return (
    `at ${heavier.rate}× the steady rate, ${ratios[0]!.k} slowed most (p99 ${ratios[0]!.ratio.toFixed(2)}×, then ` +
    ratios
      .slice(1)
      .map((r) => `${r.k} ${r.ratio.toFixed(2)}×`)
      .join(', ') +
    `); ` +
    (failures.length === 0 && heavier.shed === 0
      ? 'nothing failed'
      : `first failures or requests shed in minute ${firstFailing?.minute}: ${failures.map(([what, n]) => `${what} ×${n}`).join(', ') || 'none failed'}; ${heavier.shed} shed`)
  );
}

/** A minute's row with its figures rounded for the file. */
function rounded(m: PhaseResult['minutes'][number]): unknown {
  return JSON.parse(JSON.stringify(m, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)));
}
