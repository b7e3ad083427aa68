import { readFile, writeFile } from 'node:fs/promises';
import type { UserActor } from '@harbour/core';
import { htcdsDocument } from '@harbour/server';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { CliError, withStore, type CliContext } from '../context';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The account a command acts as: its role must allow what the command does, and the audit log names it. */
async function actingAs(ctx: CliContext, email: string): Promise<UserActor> {
  const user = await ctx.repos.users.findByEmail(email.trim().toLowerCase());
  if (!user || user.disabled_at) throw new CliError(`no active account ${email}`);
  return { kind: 'user', userId: user.id, role: user.role as UserActor['role'], agencyId: user.agency_id, sessionId: 'command-line', stage: 'complete' };
}

function month(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && !MONTH.test(value)) throw new CliError(`--${name} must be a month like 2026-01`);
  return value;
}

async function output(file: string | undefined, content: string | Buffer): Promise<void> {
  if (file) await writeFile(file, content);
  else process.stdout.write(content);
}

/** `harbour export …` and `harbour import …`: the data-standard files of the figures and cases pages. */
export function exchangeCommands(program: Command): void {
  const exportCommand = program
    .command('export')
    .description('write cases or figures to a file (or standard output), as an account whose role allows it; audited');
  exportCommand
    .command('htcds')
    .description('reports received in a span of months as an HTCDS v2.0 file (cases with the people they name)')
    .requiredOption('--as <email>', 'the account acting (a supervisor or an analyst)')
    .option('--from <month>', 'first month, e.g. 2026-01 (default: eleven months before --to)')
    .option('--to <month>', 'last month (default: this month)')
    .option('--out <file>', 'write here rather than to standard output')
    .action(async (options: { as: string; from?: string; to?: string; out?: string }) => {
      await withStore(async (ctx) => {
        const actor = await actingAs(ctx, options.as);
        const { document } = await ctx.svc.cases.export(actor, { from: month(options.from, 'from'), to: month(options.to, 'to') });
        await output(options.out, JSON.stringify(document, null, 2) + '\n');
        if (options.out) console.error(`${document.cases.length} cases written to ${options.out}`);
      });
    });
  exportCommand
    .command('research')
    .description('de-identified rows for research, one per potential victim, k-anonymous (CSV)')
    .requiredOption('--as <email>', 'the account acting (a supervisor, a researcher or an analyst)')
    .option('--from <month>', 'first month, e.g. 2026-01')
    .option('--to <month>', 'last month')
    .option('--k <k>', 'the smallest group of identical quasi-identifiers allowed', '11')
    .option('--out <file>', 'write here rather than to standard output')
    .action(async (options: { as: string; from?: string; to?: string; k: string; out?: string }) => {
      const k = Number(options.k);
      if (!Number.isInteger(k) || k < 2) throw new CliError('--k must be a whole number, 2 or more');
      await withStore(async (ctx) => {
        const actor = await actingAs(ctx, options.as);
        const exported = await ctx.svc.figures.researchExport(actor, { from: month(options.from, 'from'), to: month(options.to, 'to'), k });
        await output(options.out, stringify(exported.rows, { header: true, columns: [...exported.columns] }));
        console.error(`${exported.rows.length} rows, ${exported.left} left out; ${exported.classes} groups, the smallest ${exported.smallestClass} (k=${k})`);
      });
    });
  exportCommand
    .command('profile')
    .description('the problem profile for a span of months as a PDF')
    .requiredOption('--as <email>', 'the account acting (one that may see figures)')
    .requiredOption('--out <file>', 'the PDF to write')
    .option('--from <month>', 'first month, e.g. 2026-01')
    .option('--to <month>', 'last month')
    .option('--area <code>', "one local authority's ONS code (default: the whole force area)")
    .option('--audience <audience>', 'internal (figures in full) or external (small numbers suppressed)', 'external')
    .option('--lang <lang>', 'en or cy', 'en')
    .action(async (options: { as: string; out: string; from?: string; to?: string; area?: string; audience: string; lang: string }) => {
      if (options.audience !== 'internal' && options.audience !== 'external') throw new CliError('--audience must be internal or external');
      if (options.lang !== 'en' && options.lang !== 'cy') throw new CliError('--lang must be en or cy');
      const audience = options.audience;
      const language = options.lang;
      await withStore(async (ctx) => {
        const actor = await actingAs(ctx, options.as);
        const { pdf } = await ctx.svc.figures.profilePdf(actor, {
          from: month(options.from, 'from'),
          to: month(options.to, 'to'),
          area: options.area,
          audience,
          language,
        });
        await writeFile(options.out, pdf);
        console.error(`problem profile written to ${options.out}`);
      });
    });

  const importCommand = program.command('import').description('read cases from a file, as an account whose role allows it; audited');
  importCommand
    .command('htcds <file>')
    .description('an HTCDS v2.0 file: checked against the standard first (nothing is stored if any field is wrong), then each case stored whole as a report')
    .requiredOption('--as <email>', 'the account acting (a supervisor or an analyst)')
    .action(async (file: string, options: { as: string }) => {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new CliError(`${file} is not a JSON file: ${error instanceof Error ? error.message : String(error)}`);
      }
      const checked = htcdsDocument.safeParse(json);
      if (!checked.success) {
        const problems = checked.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`);
        const more = checked.error.issues.length > 10 ? `; and ${checked.error.issues.length - 10} more` : '';
        throw new CliError(`${file} was not imported: ${problems.join('; ')}${more}`);
      }
      await withStore(async (ctx) => {
        const actor = await actingAs(ctx, options.as);
        const { references } = await ctx.svc.cases.import(actor, checked.data.cases);
        console.log(`${references.length} cases imported: ${references.join(', ')}`);
      });
    });
}
