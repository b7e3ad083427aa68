import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '@harbour/db';
import { DRILL_ENV, importsFinished, signInDrillAccounts } from '../crash/drill';
import { checkStore } from '../crash/store-checks';
import { FormTokens, random, Workload } from '../crash/workload';
import { percentile } from '../harness';
import { residentBytes, startServer, type ServerProcess } from '../server-process';
import { SOAK_KINDS, SteadyTraffic, type Sent, type SoakKind } from './traffic';

export interface SoakPhase {
  /** Times the base rates (traffic.ts BASE_RATES). */
  readonly rate: number;
  readonly ms: number;
}

export interface SoakOptions {
  readonly location: { dataDir: string; databaseUrl: string | undefined };
  /** Run one after another against the same two processes: the steady rate first, then the heavier ones. */
  readonly phases: readonly SoakPhase[];
  /** Demo reports in the store before the traffic starts. */
  readonly demoReports: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
}

export interface Latency {
  readonly n: number;
  readonly failed: number;
  readonly p50: number;
  readonly p99: number;
}

export interface MinuteRow extends Latency {
  readonly rate: number;
  readonly minute: number;
  readonly shed: number;
  /** Each Harbour process's mean resident memory in the minute, MB. */
  readonly rssMb: number[];
  readonly byKind: Partial<Record<SoakKind, Latency>>;
}

export interface PhaseResult extends Latency {
  readonly rate: number;
  readonly minutes: MinuteRow[];
  readonly byKind: Record<SoakKind, Latency & { shed: number }>;
  /** Failures by kind and what went wrong ('search 503': 4). */
  readonly failures: Record<string, number>;
  readonly shed: number;
  /** Each process's resident memory: a straight line fitted through its samples after the first minute, MB a minute. */
  readonly rssSlopeMbPerMinute: number[];
  readonly rssFirstMb: number[];
  readonly rssLastMb: number[];
  /** From an import's start to its last row stored (the job queue's lag behind the traffic), p50 and max, ms. */
  readonly importLagMs: { p50: number; max: number };
}

export interface SoakResult {
  readonly phases: PhaseResult[];
  readonly acknowledged: number;
  readonly lost: string[];
  readonly halfWritten: string[];
  readonly auditBreaks: string[];
  /** Writes refused, as the workload recorded them (status and text): each one a defect to explain. */
  readonly refused: { kind: string; status: number; text: string }[];
}

const SAMPLE_EVERY_MS = 5_000;

/**
 * The soak: two Harbour processes on one PostgreSQL database (the production layout without the
 * standby), open-loop mixed traffic spread across both at a steady rate for each phase, resident
 * memory sampled every 5 s. At the end every acknowledged public report and import must be in
 * the store whole, and the audit chain must verify.
 */
export async function soak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const next = random(options.seed);
  const servers: ServerProcess[] = [];
  const tokens = new FormTokens();
  let workload: Workload | undefined;
  const phases: Omit<PhaseResult, 'importLagMs'>[] = [];
  const spans: { from: Date; to: Date }[] = [];
  try {
    // The first seeds the demo store; the second finds it seeded.
    servers.push(await startServer(options.location, { ...DRILL_ENV, HARBOUR_DEMO_REPORTS: String(options.demoReports) }));
    // Tokens old enough to send with from the first second (the time a reporter takes to write
    // is not Harbour's), ageing while the second process starts.
    const aged = sleep(3_600);
    await tokens.topUp(servers[0]!.url, 20);
    servers.push(await startServer(options.location, DRILL_ENV));
    await aged;
    const urls = servers.map((s) => s.url);
    const base = () => urls[Math.floor(next() * urls.length)]!;
    const accounts = await signInDrillAccounts(base);
    workload = new Workload(base, accounts, tokens, [], next);
    const traffic = new SteadyTraffic(accounts, workload, tokens, urls, next);
    for (const phase of options.phases) {
      const begun = traffic.now();
      const wallBegun = new Date();
      const samples: { at: number; rss: number[] }[] = [];
      const sampling = setInterval(() => samples.push({ at: traffic.now() - begun, rss: servers.map((s) => residentBytes(s.pid) / 2 ** 20) }), SAMPLE_EVERY_MS);
      const reporting = setInterval(() => {
        const minute = Math.round((traffic.now() - begun) / 60_000) - 1;
        const row = minuteRow(phase.rate, minute, traffic, begun, samples);
        log(`${phase.rate}×, minute ${minute + 1}: ${describe(row)}`);
        for (const s of servers) if (s.exited()) log(`a Harbour process has ended: ${s.stderr().slice(-2_000)}`);
      }, 60_000);
      try {
        await traffic.run(phase.rate, phase.ms);
      } finally {
        clearInterval(sampling);
        clearInterval(reporting);
      }
      phases.push(phaseResult(phase, traffic, begun, samples));
      spans.push({ from: wallBegun, to: new Date() });
      const done = phases.at(-1)!;
      log(
        `${phase.rate}× over ${Math.round(phase.ms / 60_000)} min: ${describe(done)}; memory slope ${done.rssSlopeMbPerMinute.map((s) => s.toFixed(2)).join(' / ')} MB/min`,
      );
    }
    await importsFinished(accounts.partner, workload.acknowledged, log);
  } finally {
    for (const s of servers) await s.stop();
  }
  const store = await openStore(options.location);
  try {
    const findings = await checkStore(store, workload.acknowledged, { importsDone: true });
    const imports = await store.db.selectFrom('imports').select(['started_at', 'finished_at']).execute();
    return {
      phases: phases.map((p, i) => ({ ...p, importLagMs: lagOf(imports, spans[i]!) })),
      acknowledged: workload.acknowledged.length,
      lost: findings.lost,
      halfWritten: findings.halfWritten,
      auditBreaks: findings.auditBreak ? [findings.auditBreak] : [],
      refused: workload.refused,
    };
  } finally {
    await store.close();
  }
}

function lagOf(imports: { started_at: Date | null; finished_at: Date | null }[], span: { from: Date; to: Date }): PhaseResult['importLagMs'] {
  const lags = imports
    .filter((i) => i.started_at && i.finished_at && i.started_at >= span.from && i.started_at < span.to)
    .map((i) => i.finished_at!.getTime() - i.started_at!.getTime())
    .sort((a, b) => a - b);
  return { p50: percentile(lags, 50), max: lags.at(-1) ?? NaN };
}

function phaseResult(phase: SoakPhase, traffic: SteadyTraffic, begun: number, samples: { at: number; rss: number[] }[]): Omit<PhaseResult, 'importLagMs'> {
  const sent = traffic.sent.filter((s) => s.at >= begun);
  const shed = traffic.shed.filter((s) => s.at >= begun);
  const minutes = Array.from({ length: Math.ceil(phase.ms / 60_000) }, (_, m) => minuteRow(phase.rate, m, traffic, begun, samples));
  const failures: Record<string, number> = {};
  for (const s of sent) if (!s.ok) failures[`${s.kind} ${s.failure}`] = (failures[`${s.kind} ${s.failure}`] ?? 0) + 1;
  const byKind = Object.fromEntries(
    SOAK_KINDS.map((k) => [k, { ...latency(sent.filter((s) => s.kind === k)), shed: shed.filter((s) => s.kind === k).length }]),
  ) as PhaseResult['byKind'];
  const processes = samples[0]?.rss.length ?? 0;
  const settled = samples.filter((s) => s.at >= 60_000);
  const fitted = settled.length >= 2 ? settled : samples;
  return {
    rate: phase.rate,
    ...latency(sent),
    minutes,
    byKind,
    failures,
    shed: shed.length,
    rssSlopeMbPerMinute: Array.from({ length: processes }, (_, p) => slope(fitted.map((s) => [s.at / 60_000, s.rss[p]!]))),
    rssFirstMb: samples[0]?.rss ?? [],
    rssLastMb: samples.at(-1)?.rss ?? [],
  };
}

function minuteRow(rate: number, minute: number, traffic: SteadyTraffic, begun: number, samples: { at: number; rss: number[] }[]): MinuteRow {
  const from = begun + minute * 60_000;
  const within = (s: { at: number }) => s.at >= from && s.at < from + 60_000;
  const inMinute = traffic.sent.filter(within);
  const memory = samples.filter((s) => s.at >= minute * 60_000 && s.at < (minute + 1) * 60_000);
  const processes = memory[0]?.rss.length ?? 0;
  const byKind: MinuteRow['byKind'] = {};
  for (const k of SOAK_KINDS) {
    const ofKind = inMinute.filter((s) => s.kind === k);
    if (ofKind.length > 0) byKind[k] = latency(ofKind);
  }
  return {
    rate,
    minute: minute + 1,
    ...latency(inMinute),
    shed: traffic.shed.filter(within).length,
    rssMb: Array.from({ length: processes }, (_, p) => memory.reduce((sum, s) => sum + s.rss[p]!, 0) / memory.length),
    byKind,
  };
}

function latency(sent: readonly Sent[]): Latency {
  const ms = sent.map((s) => s.ms).sort((a, b) => a - b);
  return { n: sent.length, failed: sent.filter((s) => !s.ok).length, p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

/** Least-squares slope of y on x. */
export function slope(points: readonly (readonly [number, number])[]): number {
  if (points.length < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? NaN : sxy / sxx;
}

function describe(l: Latency & { rssMb?: number[] }): string {
  const memory = l.rssMb && l.rssMb.length > 0 ? `; memory ${l.rssMb.map((m) => Math.round(m)).join(' / ')} MB` : '';
  return `${l.n} requests, ${l.failed} failed, p50 ${Math.round(l.p50)} ms, p99 ${Math.round(l.p99)} ms${memory}`;
}
