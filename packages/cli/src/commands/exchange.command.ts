import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DATE_ORDERS, IMPORT_FIELDS, IMPORT_SOURCES, TEXT_ENCODINGS, type ImportField, type UserActor } from '@harbour/core';
import type { Command } from 'commander';
import { CliError, withStore, type CliContext } from '../context';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The account a command acts as: its role must allow what the command does, and the audit log names it. */
async function actingAs(ctx: CliContext, email: string): Promise<UserActor> {
  const user = await ctx.repos.users.findByEmail(email.trim().toLowerCase());
  if (!user || user.disabled_at) throw new CliError(`no active account ${email}`);
  return { kind: 'user', userId: user.id, role: user.role, agencyId: user.agency_id, sessionId: 'command-line', stage: 'complete' };
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
        const { document } = await ctx.svc.caseExchange.export(actor, { from: month(options.from, 'from'), to: month(options.to, 'to') });
        await output(options.out, JSON.stringify(document, null, 2) + '\n');
        if (options.out) console.error(`${document.cases.length} cases written to ${options.out}`);
        if (document.withheld) console.error(`${document.withheld} cases graded C (conditions apply) left out: they go out only under their conditions`);
      });
    });
  exportCommand
    .command('research')
    .description('de-identified rows for research, one per potential victim as a person, k-anonymous over people (CSV)')
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
        const exported = await ctx.svc.research.csv(actor, { from: month(options.from, 'from'), to: month(options.to, 'to'), k });
        await output(options.out, exported.csv);
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
        const { pdf } = await ctx.svc.profile.pdf(actor, {
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
    .description(
      'an HTCDS v2.0 file: checked against the standard first (nothing is stored if any field is wrong), then each case stored whole as a report; cases imported before are not added again',
    )
    .requiredOption('--as <email>', 'the account acting (a supervisor or an analyst)')
    .action(async (file: string, options: { as: string }) => {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new CliError(`${file} is not a JSON file: ${error instanceof Error ? error.message : String(error)}`);
      }
      // The file is checked before the store is opened.
      const { htcdsDocument } = await import('@harbour/server');
      const checked = htcdsDocument.safeParse(json);
      if (!checked.success) {
        const problems = checked.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`);
        const more = checked.error.issues.length > 10 ? `; and ${checked.error.issues.length - 10} more` : '';
        throw new CliError(`${file} was not imported: ${problems.join('; ')}${more}`);
      }
      await withStore(async (ctx) => {
        const actor = await actingAs(ctx, options.as);
        const { references, already } = await ctx.svc.caseExchange.import(actor, checked.data.cases);
        const before = already.length > 0 ? `; ${already.length} imported before, not added again: ${already.join(', ')}` : '';
        console.log(`${references.length} cases imported${references.length > 0 ? `: ${references.join(', ')}` : ''}${before}`);
      });
    });
  importCommand
    .command('csv <file>')
    .description(
      "a partner's spreadsheet saved as CSV, one referral a row: columns mapped as the agency last chose, or by their headings, or by --map; rows with problems are quarantined (and written to --quarantine); rows imported before are not added again",
    )
    .requiredOption('--as <email>', 'the account acting (its agency owns the import)')
    .option('--map <heading=field...>', `a column's field (or "-" to leave it out); fields: ${IMPORT_FIELDS.join(', ')}`)
    .option('--date-order <order>', 'dmy (31/01/2026), mdy (01/31/2026) or ymd', 'dmy')
    .option('--source <source>', 'partner or nrm', 'partner')
    .option('--encoding <encoding>', `auto, ${TEXT_ENCODINGS.join(', ')}`, 'auto')
    .option('--remember', "remember this mapping for the agency's next file")
    .option('--quarantine <file>', 'write the rows with problems here (CSV, with their line and problems)')
    .action(
      async (
        file: string,
        options: { as: string; map?: string[]; dateOrder: string; source: string; encoding: string; remember?: boolean; quarantine?: string },
      ) => {
        const dateOrder = DATE_ORDERS.find((o) => o === options.dateOrder);
        if (!dateOrder) throw new CliError(`--date-order must be one of ${DATE_ORDERS.join(', ')}`);
        const source = IMPORT_SOURCES.find((o) => o === options.source);
        if (!source) throw new CliError(`--source must be one of ${IMPORT_SOURCES.join(', ')}`);
        const encoding = [...TEXT_ENCODINGS, 'auto' as const].find((e) => e === options.encoding);
        if (!encoding) throw new CliError(`--encoding must be auto or one of ${TEXT_ENCODINGS.join(', ')}`);
        const maps = (options.map ?? []).map((m) => {
          const at = m.lastIndexOf('=');
          const field = m.slice(at + 1).trim();
          if (at <= 0) throw new CliError(`--map ${m}: write it as <heading>=<field>`);
          if (field !== '-' && !(IMPORT_FIELDS as readonly string[]).includes(field)) throw new CliError(`--map ${m}: "${field}" is not a field`);
          return [m.slice(0, at).trim(), field === '-' ? null : (field as ImportField)] as const;
        });
        const bytes = await readFile(file).catch((error: unknown) => {
          throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        });
        await withStore(async (ctx) => {
          const actor = await actingAs(ctx, options.as);
          const uploaded = await ctx.svc.imports.upload(actor, { fileName: basename(file), bytes, encoding });
          const preview = await ctx.svc.imports.preview(actor, uploaded.id);
          const columns = [...preview.suggested];
          for (const [heading, field] of maps) {
            const at = uploaded.header.indexOf(heading);
            if (at < 0) throw new CliError(`--map ${heading}: the file has no column "${heading}" (its columns: ${uploaded.header.join(', ')})`);
            columns[at] = field;
          }
          const mapped = uploaded.header.flatMap((h, at) => (columns[at] ? [`${h}=${columns[at]}`] : []));
          console.error(`${uploaded.rowsTotal} rows, read as ${uploaded.encoding}; ${mapped.join(', ')}`);
          await ctx.svc.imports.start(actor, uploaded.id, { columns, dateOrder, source, remember: options.remember === true });
          // Progress on standard error while the rows are read, for a long file.
          const progress = setInterval(() => {
            void ctx.svc.imports.get(actor, uploaded.id).then((s) => console.error(`${s.rowsDone} of ${s.rowsTotal} rows read`));
          }, 2_000);
          await ctx.svc.imports.settled().finally(() => clearInterval(progress));
          const done = await ctx.svc.imports.get(actor, uploaded.id);
          if (done.status !== 'done') throw new CliError(`the import stopped: ${done.failure ?? 'unknown reason'}`);
          console.log(`${done.accepted} stored, ${done.already} imported before, ${done.quarantined} quarantined, ${done.empty} empty (import ${done.id})`);
          if (options.quarantine && done.quarantined > 0) {
            const { csv } = await ctx.svc.imports.quarantineCsv(actor, uploaded.id);
            await writeFile(options.quarantine, csv);
            console.error(`rows with problems written to ${options.quarantine}`);
          }
        });
      },
    );
}
