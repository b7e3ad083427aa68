import type { Command } from 'commander';
import { migrate } from '@harbour/db';
import { withStore } from '../context';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply any schema migrations the store does not have yet')
    .action(async () => {
      await withStore(
        async ({ store }) => {
          const result = await migrate(store.db);
          console.log(result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : `the store is up to date (${result.alreadyApplied} migrations)`);
        },
        { migrate: false },
      );
    });
}
