import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBackup } from '@harbour/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { ScheduledBackups } from '../src/services/scheduled-backups';
import { AuditService } from '../src/services/audit.service';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';

describe(`scheduled backups on ${TEST_STORE}`, () => {
  let t: TestStore;
  const folder = mkdtempSync(join(tmpdir(), 'harbour-backups-'));
  beforeAll(async () => {
    t = await newTestStore();
    await t.repos.agencies.create({ id: '00000000-0000-4000-8000-000000000001', name: 'Gwent Police', kind: 'police' });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('are on by default in production, in the data folder, and can be turned off or moved', () => {
    const production = { NODE_ENV: 'production', HARBOUR_SECRET_KEY: 'k'.repeat(43), HARBOUR_DATA_DIR: '/srv/harbour' };
    expect(loadConfig(production).backups).toEqual({ folder: '/srv/harbour/backups', everyHours: 24, keep: 14 });
    expect(loadConfig({ ...production, HARBOUR_BACKUP_DIR: 'off' }).backups.folder).toBeUndefined();
    expect(loadConfig({ HARBOUR_BACKUP_DIR: '/mnt/backups', HARBOUR_BACKUP_EVERY_HOURS: '6', HARBOUR_BACKUP_KEEP: '28' }).backups).toEqual({
      folder: '/mnt/backups',
      everyHours: 6,
      keep: 28,
    });
    expect(loadConfig({}).backups.folder).toBeUndefined();
    expect(() => loadConfig({ HARBOUR_BACKUP_KEEP: '0' })).toThrow(/HARBOUR_BACKUP_KEEP/);
  });

  it('makes a whole backup when the newest is older than the schedule, and keeps only the newest', async () => {
    const clock = { now: Date.parse('2026-12-01T02:00:00Z') };
    const backups = new ScheduledBackups(t.store.db, new AuditService(t.repos), { folder, everyHours: 24, keep: 2 }, () => new Date(clock.now));
    // A backup a stopped process left half written, long ago.
    writeFileSync(join(folder, 'harbour-2026-11-01T02-00-00Z.backup.gz.partial'), 'half');
    expect(backups.due()).toBe(true);
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03']) {
      clock.now = Date.parse(`${day}T02:00:00Z`);
      expect(backups.due()).toBe(true);
      const made = await backups.run();
      expect(made.rows).toBeGreaterThan(0);
      clock.now += 23 * 3_600_000;
      expect(backups.due()).toBe(false);
    }
    expect(readdirSync(folder).sort()).toEqual(['harbour-2026-12-02T02-00-00Z.backup.gz', 'harbour-2026-12-03T02-00-00Z.backup.gz']);
    const newest = await verifyBackup(join(folder, 'harbour-2026-12-03T02-00-00Z.backup.gz'));
    expect(newest.rows.agencies).toBe(1);
    // Each backup holds the record of its own making: three so far, the third in the newest.
    expect(newest.auditEntries).toBe(3);
    // A backup removed by hand is made again at the next beat.
    rmSync(join(folder, 'harbour-2026-12-03T02-00-00Z.backup.gz'));
    clock.now = Date.parse('2026-12-03T03:00:00Z');
    expect(backups.due()).toBe(true);
    expect(existsSync(folder)).toBe(true);
  });
});
