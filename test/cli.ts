import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StoreLocation } from './test-store';

const BIN = fileURLToPath(new URL('../packages/cli/bin/harbour.js', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `harbour …` as a user would, against the given store. */
export function harbour(location: StoreLocation, args: string[], input?: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...location.env, HARBOUR_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
