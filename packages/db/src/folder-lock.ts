import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'harbour.lock';

/** Another live process has the embedded store's folder open. */
export class FolderInUse extends Error {}

/**
 * The embedded store is one PostgreSQL running inside this process: a second process opening the
 * same folder would run a second PostgreSQL over the same files and corrupt them. So the folder
 * holds a lock file naming the process that has it open. A lock left by a process that died (a
 * crash, a kill) is taken over; one held by a live process is refused with its pid.
 */
export function lockFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && holder.host === hostname() && alive(holder.pid))
      throw new FolderInUse(
        `the data folder ${dataDir} is open in another Harbour process (pid ${holder.pid}${holder.pid === process.pid ? ', this one' : ''}): stop it first, or use a PostgreSQL server for more than one process`,
      );
    if (holder && holder.host !== hostname())
      throw new FolderInUse(
        `the data folder ${dataDir} is open on another machine (${holder.host}, pid ${holder.pid}): the embedded store is for one process on one machine`,
      );
    // Left by a process that stopped: take it over.
    try {
      unlinkSync(file);
    } catch {
      // another process took it over first; the next attempt finds its lock
    }
  }
  throw new FolderInUse(`could not lock the data folder ${dataDir}`);
}

function readHolder(file: string): { pid: number; host: string } | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { pid: holder.pid, host: holder.host } : undefined;
  } catch {
    // Empty or torn (a process killed while writing it): no live holder can be named.
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
