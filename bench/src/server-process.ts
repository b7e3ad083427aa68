import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One key for every server this run starts, so servers on one store open each other's secrets. */
const BENCH_SECRET_KEY = randomBytes(32).toString('base64url');

const MAIN = fileURLToPath(new URL('../../packages/server/src/main.ts', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  /** The process id, to read its memory from /proc. */
  readonly pid: number;
  stop(): Promise<void>;
  /** SIGKILL: the process ends mid-write, as in a crash or an out-of-memory kill. */
  kill(): Promise<void>;
  /** Whether the process has ended (on its own, if neither stop nor kill was called). */
  exited(): boolean;
  /** What it wrote to stderr, for a failure's message. */
  stderr(): string;
}

/**
 * Harbour as it is deployed: its own process (`npm start` in production mode, no demo data), so the
 * load generator in the bench process does not share the server's event loop.
 */
export async function startServer(
  location: { dataDir: string; databaseUrl: string | undefined },
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const webDir = mkdtempSync(join(tmpdir(), 'harbour-bench-web-'));
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HARBOUR_DEMO: 'off',
      // A scheduled backup at start would be measured with everything else.
      HARBOUR_BACKUP_DIR: 'off',
      PORT: String(port),
      HARBOUR_DATA_DIR: location.dataDir,
      DATABASE_URL: location.databaseUrl ?? '',
      HARBOUR_WEB_DIR: webDir,
      HARBOUR_SECRET_KEY: BENCH_SECRET_KEY,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Harbour exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`Harbour did not start: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(webDir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
      rmSync(webDir, { recursive: true, force: true });
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stderr: () => stderr,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A process's resident memory in bytes, read from /proc; 0 once it has ended. */
export function residentBytes(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}
