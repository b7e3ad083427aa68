import { spawn, spawnSync } from 'node:child_process';

/**
 * `npm test`: types, lint and the production dependencies' advisories (tools/audit.ts) side by
 * side (each mostly one core's work, so together they take the time of the longest), then every
 * Vitest project; it stops after the first step that fails, and says at the end how long each step
 * and the whole took (Vitest's own reporter lists the slowest tests).
 * Arguments go to Vitest: `npm test -- --project unit`.
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

const started = performance.now();
const took: string[] = [];
let failed: string | undefined;

// The checks' output is held and printed whole, one after another, so their lines do not mix.
const results = await Promise.all(checks.map(runQuietly));
for (const [i, result] of results.entries()) {
  process.stdout.write(result.output);
  took.push(`${checks[i]!.name} ${duration(result.ms)}`);
  if (result.status !== 0) failed ??= checks[i]!.name;
}
if (!failed) {
  const begun = performance.now();
  const result = spawnSync(tests.command, tests.args, { stdio: 'inherit' });
  took.push(`${tests.name} ${duration(performance.now() - begun)}`);
  if (result.status !== 0) failed = tests.name;
}
console.log(`\nnpm test ${failed ? `failed at ${failed}` : 'passed'} in ${duration(performance.now() - started)} (${took.join(', ')}).`);
process.exit(failed ? 1 : 0);

function runQuietly(step: Step): Promise<{ status: number; output: string; ms: number }> {
  const begun = performance.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ status: code ?? 1, output, ms: performance.now() - begun }));
    child.on('error', (error) => resolve({ status: 1, output: `${step.name} could not start: ${error.message}\n`, ms: performance.now() - begun }));
  });
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}
