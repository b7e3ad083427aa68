import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, withStore } from '../context';

export function backupCommands(program: Command): void {
  program
    .command('backup <file> [verifyFile]')
    .usage('FILE | verify FILE')
    .description(
      'write a logical backup (gzip JSON lines, one snapshot of the store) that restores onto PGlite or PostgreSQL; `backup verify FILE` reads a backup through without a store: every line, every count, the audit chain',
    )
    .option('--force', 'overwrite the file if it exists')
    .action(async (file: string, verifyFile: string | undefined, opts: { force?: boolean }) => {
      if (file === 'verify') return verify(verifyFile);
      if (verifyFile !== undefined) throw new CliError(`one file only: harbour backup FILE (or harbour backup verify FILE)`);
      if (existsSync(file) && !opts.force) throw new CliError(`${file} exists already; choose another name or add --force`);
      await withStore(async ({ store, svc, db }) => {
        // Recorded first, so the backup holds the record of its own making.
        await svc.audit.record(null, { action: 'store.backed-up', details: { store: store.kind } });
        const summary = await db.writeBackup(store.db, file);
        console.log(`backup written to ${file}: ${describe(summary.rows)}`);
      });
    });

  program
    .command('restore <file>')
    .description('restore a backup into an empty store, then check the store holds every row the backup counts and its audit chain verifies')
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
        const held = await db.countBackedUpRows(store.db);
        // The restore's own audit entry is the one row more.
        const differ = Object.entries(summary.rows).filter(([table, n]) => (held[table] ?? 0) !== n + (table === 'audit_log' ? 1 : 0));
        if (differ.length > 0)
          throw new CliError(`restored, but the store does not hold what the backup counts: ${differ.map(([t, n]) => `${t} ${held[t]} of ${n}`).join(', ')}`);
        const chain = await svc.audit.verify();
        if (chain.firstBreak) throw new CliError(`restored, but the audit chain is broken at entry ${chain.firstBreak.seq}: ${chain.firstBreak.explanation}`);
        console.log(`restored from ${file}: ${describe(summary.rows)}`);
        console.log(`checked: every table holds the rows the backup counts; the audit chain of ${chain.checked} entries verifies`);
      });
    });
}

async function verify(file: string | undefined): Promise<void> {
  if (!file) throw new CliError('name the backup to verify: harbour backup verify FILE');
  if (!existsSync(file)) throw new CliError(`${file} does not exist`);
  const { verifyBackup } = await import('@harbour/db');
  const result = await verifyBackup(file).catch((error: Error) => {
    throw new CliError(`${file}: ${error.message}`);
  });
  console.log(`${file}: a whole backup of ${result.header.createdAt}, ${result.header.migrations.length} migrations: ${describe(result.rows)}`);
  console.log(`the audit chain of ${result.auditEntries} entries verifies`);
}

function describe(rows: Record<string, number>): string {
  return Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');
}
