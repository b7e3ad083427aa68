import { spawn, spawnSync } from 'node:child_process';

/**
 * `npm test`: types, lint and the production dependencies' advisories (tools/audit.ts) side by
 * side (each keeps one core busy; one after another they took over two minutes), then every
 * Vitest project, stopping if a step fails, and at the end how long each step and the whole took
 * (Vitest's own reporter lists the slowest tests). Arguments go to Vitest: `npm test -- --project unit`.
 */
interface Step {
  readonly name: string;
  readonly command: string;
  readonly args: string[];
}
const checks: Step[] = [
  { name: 'types', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'audit', command: 'node', args: ['--import', 'tsx', 'tools/audit.ts'] },
];
const tests: Step = { name: 'tests', command: 'npx', args: ['vitest', 'run', ...process.argv.slice(2)] };

interface Outcome {
  readonly step: Step;
  readonly status: number;
  readonly ms: number;
}

/** Runs a check with its output held back, then printed whole, so checks side by side do not interleave. */
function check(step: Step): Promise<Outcome> {
  const begun = performance.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      process.stdout.write(Buffer.concat(output));
      resolve({ step, status: code ?? 1, ms: performance.now() - begun });
    });
  });
}

const started = performance.now();
const outcomes = await Promise.all(checks.map(check));
const took = outcomes.map((o) => `${o.step.name} ${duration(o.ms)}`);
let failed = outcomes.find((o) => o.status !== 0);
if (!failed) {
  const begun = performance.now();
  const result = spawnSync(tests.command, tests.args, { stdio: 'inherit' });
  const ran = { step: tests, status: result.status ?? 1, ms: performance.now() - begun };
  took.push(`${tests.name} ${duration(ran.ms)}`);
  if (ran.status !== 0) failed = ran;
}
console.log(
  `\nnpm test ${failed ? `failed at ${failed.step.name}` : 'passed'} in ${duration(performance.now() - started)} (${took.join(', ')}; types, lint and audit side by side).`,
);
process.exit(failed?.status ?? 0);

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}
