import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DB } from '@harbour/db';
import { writeBackup } from '@harbour/db';
import type { Kysely } from 'kysely';
import type { AuditService } from './audit.service';

const NAME = /^harbour-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)\.backup\.gz(\.partial)?$/;
/** A `.partial` file this old was left by a process that stopped mid-backup. */
const ABANDONED_MS = 6 * 3_600_000;

export interface BackupSchedule {
  readonly folder: string;
  readonly everyHours: number;
  readonly keep: number;
}

/**
 * Backups on a schedule, as the `backup` background job: a whole backup (`harbour backup`'s
 * format, one snapshot) into the folder when the newest there is older than the schedule, then
 * the oldest removed beyond `keep`. The folder is the record of what was made, so a backup
 * removed by hand is made again at the next beat; every process on one store should name the
 * same folder.
 */
export class ScheduledBackups {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly schedule: BackupSchedule,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether the newest backup is older than the schedule (or there is none). */
  due(): boolean {
    const newest = this.backups().at(-1);
    return !newest || this.now().getTime() - newest.at >= this.schedule.everyHours * 3_600_000;
  }

  async run(): Promise<{ rows: number; kept: number; removed: number }> {
    mkdirSync(this.schedule.folder, { recursive: true, mode: 0o700 });
    const stamp = this.now().toISOString().slice(0, 19).replaceAll(':', '-') + 'Z';
    const file = join(this.schedule.folder, `harbour-${stamp}.backup.gz`);
    // Recorded first, so the backup holds the record of its own making (as `harbour backup`).
    await this.audit.record(null, { action: 'store.backed-up', details: { scheduled: true } });
    const summary = await writeBackup(this.db, file);
    const all = this.backups();
    const old = all.slice(0, Math.max(0, all.length - this.schedule.keep));
    for (const b of old) rmSync(join(this.schedule.folder, b.name), { force: true });
    for (const b of this.backups(true)) if (this.now().getTime() - b.at > ABANDONED_MS) rmSync(join(this.schedule.folder, b.name), { force: true });
    return { rows: Object.values(summary.rows).reduce((a, b) => a + b, 0), kept: all.length - old.length, removed: old.length };
  }

  /** The folder's backups (or, with `partial`, those left half written), oldest first, by the time in their names. */
  private backups(partial = false): { name: string; at: number }[] {
    let names: string[];
    try {
      names = readdirSync(this.schedule.folder);
    } catch {
      return [];
    }
    return names
      .flatMap((name) => {
        const m = NAME.exec(name);
        return m && !!m[2] === partial ? [{ name, at: Date.parse(m[1]!.replace(/T(\d{2})-(\d{2})-(\d{2})Z/, 'T$1:$2:$3Z')) }] : [];
      })
      .sort((a, b) => a.at - b.at);
  }
}
