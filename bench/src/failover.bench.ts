import { failoverDrill } from './failover/drill';
import { percentile, type Benchmark, type Figure } from './harness';

const ROUNDS = Number(process.env.HARBOUR_BENCH_FAILOVER_ROUNDS ?? 10);
const PROMOTE_AFTER_MS = 2_000;

/**
 * Losing the database server (failover/drill.ts): a primary and its synchronous standby, Harbour
 * given both; the primary is killed `ROUNDS` times mid-stream and the standby promoted 2 s later.
 * Figures: writes acknowledged and lost (must be 0), half written, audit breaks, requests refused
 * during the switches (503, and any other answer, which is a defect), and the time from the
 * primary's death to the next acknowledged write against the promotion delay itself.
 */
export const failoverBench: Benchmark = async () => {
  const result = await failoverDrill({
    rounds: ROUNDS,
    seed: 3,
    promoteAfterMs: PROMOTE_AFTER_MS,
    log: (line) => process.stderr.write(`  postgres: ${line}\n`),
  });
  for (const problem of [...result.lost, ...result.halfWritten, ...result.auditBreaks]) process.stderr.write(`  postgres: ${problem}\n`);
  for (const r of result.refusedOther.slice(0, 10)) process.stderr.write(`  postgres: refused ${r.kind} ${r.status}: ${r.text}\n`);
  const recovery = [...result.recoveryMs].sort((a, b) => a - b);
  const promotion = { metric: 'promotion delay', value: PROMOTE_AFTER_MS };
  const figure = (metric: string, value: number, unit: string, baseline?: Figure['baseline']): Figure => ({
    bench: 'failover',
    metric,
    value,
    unit,
    store: 'postgres',
    ...(baseline ? { baseline } : {}),
  });
  return [
    figure('primaries killed', result.rounds, 'count'),
    figure('acknowledged', result.acknowledged, 'writes'),
    figure('lost', result.lost.length, 'writes'),
    figure('half_written', result.halfWritten.length, 'writes'),
    figure('audit chain breaks', result.auditBreaks.length, 'count'),
    figure('refused 503 during switch', result.refusedByStatus['503'] ?? 0, 'requests'),
    figure('refused otherwise', result.refusedOther.length, 'requests'),
    figure('probe refused 503', result.probeAnswers['503'] ?? 0, 'requests'),
    figure(
      'probe answered otherwise',
      Object.entries(result.probeAnswers)
        .filter(([s]) => s !== '503' && s !== '200')
        .reduce((n, [, c]) => n + c, 0),
      'requests',
    ),
    figure('promotion delay (baseline)', PROMOTE_AFTER_MS, 'ms'),
    figure('writes again after death p50', percentile(recovery, 50), 'ms', promotion),
    figure('writes again after death max', recovery.at(-1) ?? NaN, 'ms', promotion),
  ];
};
