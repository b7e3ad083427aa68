import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildWebIfChanged } from '../../tools/build-web';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** e2e files run two at a time (one per core), each worker on a Harbour of its own. */
const E2E_WORKERS = 2;

/**
 * Builds the web app (once for every e2e file, and not at all when it is built from these sources)
 * and starts Harbour as `npm start` does, once for each worker, each on a fresh PGlite store with
 * the demo: files running side by side never see each other's reports in a queue or a count.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWebIfChanged();
  const servers = await Promise.all(Array.from({ length: E2E_WORKERS }, () => startHarbour()));
  project.provide(
    'baseUrls',
    servers.map((s) => s.url),
  );
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}

async function startHarbour(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'harbour-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'packages/server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HARBOUR_DATA_DIR: dataDir,
      DATABASE_URL: '',
      HARBOUR_DEMO_REPORTS: '300',
      HARBOUR_LOG_LEVEL: 'warn',
      // Every test browser signs in from 127.0.0.1: more than a person would in a minute. Each
      // account's own lock-out still stands; the per-client limit is tested in the store tests.
      HARBOUR_SIGN_IN_PER_MINUTE: '600',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child);
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Harbour did not start:\n${out}`)), 120_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`Harbour exited with ${code}:\n${out}`)));
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrls: string[];
  }
}
