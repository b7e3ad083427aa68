import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, withStore } from '../context';

export function auditCommand(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check every entry chains from the one before; names the first that does not')
    .option('--anchor <file>', 'also check the log still holds everything an anchor (from `harbour audit anchor`) saw')
    .action(async (opts: { anchor?: string }) => {
      await withStore(async ({ svc, secrets, server }) => {
        const anchor = opts.anchor ? server.readAnchorDocument(secrets, readAnchorFile(opts.anchor)) : undefined;
        const result = await svc.audit.verify(anchor);
        if (result.firstBreak) {
          throw new CliError(
            `audit log broken at entry ${result.firstBreak.seq}: ${result.firstBreak.explanation} (${result.checked} entries before it are intact)`,
          );
        }
        if (result.anchorProblem) throw new CliError(`audit log does not hold what the anchor saw: ${result.anchorProblem}`);
        console.log(`audit log intact: ${result.checked} entries verified${anchor ? `; it holds entry ${anchor.seq} as anchored on ${anchor.at}` : ''}`);
      });
    });
  audit
    .command('anchor')
    .description("print the log's head (sequence, hash, time), signed, to keep outside the database: `audit verify --anchor` then finds a removed tail")
    .option('--out <file>', 'write it to a file instead of standard output')
    .action(async (opts: { out?: string }) => {
      await withStore(async ({ svc, secrets, server }) => {
        const anchor = await svc.audit.anchor();
        const document = server.anchorDocument(secrets, anchor);
        if (opts.out) writeFileSync(opts.out, document, { flag: 'wx' });
        else process.stdout.write(document);
        await svc.audit.record(null, { action: 'audit.anchored', details: { seq: anchor.seq } });
        if (opts.out) console.error(`anchored entry ${anchor.seq}; keep ${opts.out} outside this server`);
      });
    });
}

function readAnchorFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the anchor file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
