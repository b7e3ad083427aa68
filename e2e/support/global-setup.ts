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
    const refused = await Promise.all(servers.map((s) => s.stop()));
    // A write the browser made but the test never saw land is read here: what Harbour refused.
    if (project.vitest.state.getCountOfFailedTests() > 0)
      refused.forEach((lines, i) => {
        if (lines.length) console.error(`\nHarbour ${i + 1} of the e2e tests refused or failed:\n${lines.join('\n')}`);
      });
  };
}

async function startHarbour(): Promise<{ url: string; stop: () => Promise<string[]> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'harbour-e2e-'));
  const backupDir = mkdtempSync(join(tmpdir(), 'harbour-e2e-backups-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'packages/server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HARBOUR_DATA_DIR: dataDir,
      DATABASE_URL: '',
      HARBOUR_DEMO_REPORTS: '300',
      // Scheduled backups, as in production: the jobs page shows their card and what they did.
      HARBOUR_BACKUP_DIR: backupDir,
      // Each request's method, path and answer (never a body or a query), for refusedRequests.
      HARBOUR_LOG_LEVEL: 'info',
      // Every test browser signs in from 127.0.0.1: more than a person would in a minute. Each
      // account's own lock-out still stands; the per-client limit is tested in the store tests.
      HARBOUR_SIGN_IN_PER_MINUTE: '600',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(chunk.toString());
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = await waitForUrl(child);
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(backupDir, { recursive: true, force: true });
      return refusedRequests(log.join(''));
    },
  };
}

/**
 * From Harbour's log: every error, every request that failed on the server, and every write it
 * refused (a refused read is often what a test asks for), each with when, method and path.
 */
export function refusedRequests(log: string): string[] {
  const started = new Map<string, { method: string; path: string }>();
  const found: string[] = [];
  for (const line of log.split('\n')) {
    let entry: {
      level?: number;
      time?: number;
      reqId?: string;
      msg?: string;
      req?: { method: string; path: string };
      res?: { statusCode: number };
      err?: { message?: string };
    };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    const at = new Date(entry.time ?? 0).toISOString().slice(11, 23);
    if (entry.req && entry.reqId) started.set(entry.reqId, entry.req);
    const req = entry.reqId ? started.get(entry.reqId) : undefined;
    const status = entry.res?.statusCode ?? 0;
    if (status >= 500 || (status >= 400 && req && req.method !== 'GET')) found.push(`  ${at} ${status} ${req?.method ?? '?'} ${req?.path ?? '?'}`);
    else if ((entry.level ?? 0) >= 50) found.push(`  ${at} error: ${entry.msg ?? ''} ${entry.err?.message ?? ''}`);
  }
  return found;
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
