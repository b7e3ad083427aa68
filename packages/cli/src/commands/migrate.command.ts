import type { Command } from 'commander';
import { withStore } from '../context';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply any schema migrations the store does not have yet')
    .action(async () => {
      await withStore(
        async ({ store, db }) => {
          const result = await db.migrate(store.db);
          console.log(result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : `the store is up to date (${result.alreadyApplied} migrations)`);
        },
        { migrate: false },
      );
    });
}
