import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderInUse, LOCK_FILE, lockFolder } from './folder-lock';

describe('the embedded store folder lock', () => {
  const dirs: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'harbour-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second opening while the first holds the folder, naming the holder, and allows it once released', () => {
    const dir = folder();
    const release = lockFolder(dir);
    expect(() => lockFolder(dir)).toThrow(FolderInUse);
    expect(() => lockFolder(dir)).toThrow(new RegExp(`pid ${process.pid}, this one`));
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockFolder(dir)();
  });

  it('takes over a lock left by a process that died, and an empty or torn lock file', () => {
    const dir = folder();
    // A process that has exited: its pid is free.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), at: '2026-12-01T00:00:00Z' }));
    lockFolder(dir)();
    writeFileSync(join(dir, LOCK_FILE), '{"pid": 12');
    lockFolder(dir)();
  });

  it('refuses a folder another machine has open (a shared disk)', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'another-machine', at: '2026-12-01T00:00:00Z' }));
    expect(() => lockFolder(dir)).toThrow(/open on another machine \(another-machine, pid 1\)/);
  });
});
