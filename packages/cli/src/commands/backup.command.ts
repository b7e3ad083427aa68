import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, withStore } from '../context';

export function backupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('write a logical backup (gzip JSON lines) that restores onto PGlite or PostgreSQL')
    .option('--force', 'overwrite the file if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      if (existsSync(file) && !opts.force) throw new CliError(`${file} exists already; choose another name or add --force`);
      await withStore(async ({ store, svc, db }) => {
        await svc.audit.record(null, { action: 'store.backed-up', details: { store: store.kind } });
        const summary = await db.writeBackup(store.db, file);
        console.log(`backup written to ${file}: ${describe(summary.rows)}`);
      });
    });

  program
    .command('restore <file>')
    .description('restore a backup into an empty store')
    .action(async (file: string) => {
      if (!existsSync(file)) throw new CliError(`${file} does not exist`);
      // The file is checked before the store is opened.
      const { readBackupHeader } = await import('@harbour/db');
      await readBackupHeader(file).catch((error: Error) => {
        throw new CliError(error.message);
      });
      await withStore(async ({ store, svc, db }) => {
        const summary = await db.restoreBackup(store.db, file).catch((error: Error) => {
          throw new CliError(error.message);
        });
        await svc.audit.record(null, { action: 'store.restored', details: { store: store.kind, rows: summary.rows } });
        console.log(`restored from ${file}: ${describe(summary.rows)}`);
      });
    });
}

function describe(rows: Record<string, number>): string {
  return Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');
}
