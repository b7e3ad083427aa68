import { HarbourError } from '@harbour/core';
import { Command, CommanderError } from 'commander';
import { auditCommand } from './commands/audit.command';
import { backupCommands } from './commands/backup.command';
import { graphCommand } from './commands/graph.command';
import { migrateCommand } from './commands/migrate.command';
import { pictureCommands } from './commands/picture.command';
import { resolveCommand } from './commands/resolve.command';
import { seedCommand } from './commands/seed.command';
import { userCommands } from './commands/user.command';
import { secretKeyCommands } from './commands/secret-key.command';
import { exchangeCommands } from './commands/exchange.command';

const program = new Command()
  .name('harbour')
  .description('Harbour command line. The store is chosen as for the server: DATABASE_URL, else PGlite in HARBOUR_DATA_DIR (default ./data).')
  .showHelpAfterError()
  .exitOverride();

seedCommand(program);
migrateCommand(program);
userCommands(program);
secretKeyCommands(program);
auditCommand(program);
backupCommands(program);
resolveCommand(program);
graphCommand(program);
pictureCommands(program);
exchangeCommands(program);
program
  .command('demo-code')
  .description('print the current second-factor code of the demo accounts (their secret is published)')
  .action(async () => {
    const { demoCode } = await import('@harbour/server/demo-accounts');
    console.log(demoCode());
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const message =
    error instanceof HarbourError
      ? [error.message, ...error.fields.map((f) => `${f.path}: ${f.message}`)].join('; ')
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`harbour: ${message}`);
  process.exit(1);
}
