import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the web app unless `packages/web/dist` was built from these very sources (and these
 * dependencies): `npm start` and the browser tests call it, so a second start does not wait for a
 * build it does not need. The build leaves a hash of what it was built from beside its output.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'packages/web');
const STAMP = join(WEB, 'dist/.built-from');
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json'].map((p) => join(WEB, p));

export function sourcesHash(): string {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap(filesUnder).sort();
  for (const file of [...files, join(ROOT, 'package-lock.json')]) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** Builds when needed; says which it did. Throws with the build's output if the build fails. */
export function buildWebIfChanged(log: (line: string) => void = () => undefined): 'built' | 'up to date' {
  const hash = sourcesHash();
  if (existsSync(STAMP) && existsSync(join(WEB, 'dist/index.html')) && readFileSync(STAMP, 'utf8') === hash) {
    log('The web app is built and up to date.');
    return 'up to date';
  }
  log('Building the web app (its sources changed since the last build)…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@harbour/web'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the web app did not build:\n${build.stdout}\n${build.stderr}`);
  writeFileSync(STAMP, hash);
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    buildWebIfChanged((line) => console.log(line));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
