import { startCluster } from '../../tools/pg-cluster';
import { contextFor, record, round, startResults, type Benchmark, type Figure } from './harness';
import { seedBench } from './seed.bench';
import { signinBench } from './signin.bench';
import { intakeBench } from './intake.bench';
import { erBench } from './er.bench';
import { pictureBench } from './picture.bench';
import { graphBench } from './graph.bench';
import { analyticsBench } from './analytics.bench';
import { crashBench } from './crash.bench';
import { backupBench } from './backup.bench';
import { failoverBench } from './failover.bench';
import { hostileBench } from './hostile.bench';
import { soakBench } from './soak.bench';

/** `npm run bench` runs every benchmark; `npm run bench -- NAME` runs one. */
const BENCHMARKS: Record<string, Benchmark> = {
  seed: seedBench,
  signin: signinBench,
  intake: intakeBench,
  er: erBench,
  picture: pictureBench,
  graph: graphBench,
  analytics: analyticsBench,
  crash: crashBench,
  backup: backupBench,
  failover: failoverBench,
  hostile: hostileBench,
  soak: soakBench,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(1);
}
const names = wanted.length > 0 ? wanted : Object.keys(BENCHMARKS);

const cluster = await startCluster();
const all: Figure[] = [];
try {
  for (const name of names) {
    startResults(name);
    const cleanups: (() => Promise<void>)[] = [];
    process.stderr.write(`running ${name}…\n`);
    try {
      const figures = await BENCHMARKS[name]!(contextFor(cluster, cleanups));
      for (const f of figures) record(f);
      all.push(...figures);
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup();
    }
  }
} finally {
  cluster.stop();
}

const rows = all.map((f) => [
  f.bench,
  f.metric,
  f.store,
  `${round(f.value).toLocaleString('en-GB', { maximumFractionDigits: 4 })} ${f.unit}`,
  f.baseline ? `${round(f.value / f.baseline.value).toLocaleString('en-GB')}× ${f.baseline.metric}` : '',
]);
const header = ['bench', 'metric', 'store', 'value', 'vs baseline (same run)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
