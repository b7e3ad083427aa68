import type { Command } from 'commander';
import { CliError, withStore } from '../context';

export function auditCommand(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check every entry chains from the one before; names the first that does not')
    .action(async () => {
      await withStore(async ({ svc }) => {
        const result = await svc.audit.verify();
        if (!result.ok && result.firstBreak) {
          throw new CliError(
            `audit log broken at entry ${result.firstBreak.seq}: ${result.firstBreak.explanation} (${result.checked} entries before it are intact)`,
          );
        }
        console.log(`audit log intact: ${result.checked} entries verified`);
      });
    });
}
