import { spawnSync } from 'node:child_process';

/**
 * `npm test`: types, lint, the production dependencies' advisories (tools/audit.ts), then every Vitest project, stopping at the first step that fails, and
 * at the end how long each step and the whole took (Vitest's own reporter lists the slowest tests).
 * Arguments go to Vitest: `npm test -- --project unit`.
 */
const steps: { name: string; command: string; args: string[] }[] = [
  { name: 'types', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'audit', command: 'node', args: ['--import', 'tsx', 'tools/audit.ts'] },
  { name: 'tests', command: 'npx', args: ['vitest', 'run', ...process.argv.slice(2)] },
];

const started = performance.now();
const took: string[] = [];
let failed: { name: string; status: number } | undefined;
for (const step of steps) {
  const begun = performance.now();
  const result = spawnSync(step.command, step.args, { stdio: 'inherit' });
  took.push(`${step.name} ${duration(performance.now() - begun)}`);
  if (result.status !== 0) {
    failed = { name: step.name, status: result.status ?? 1 };
    break;
  }
}
console.log(`\nnpm test ${failed ? `failed at ${failed.name}` : 'passed'} in ${duration(performance.now() - started)} (${took.join(', ')}).`);
process.exit(failed?.status ?? 0);

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}
