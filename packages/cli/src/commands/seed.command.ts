import { GWENT } from '@harbour/core';
import type { Command } from 'commander';
import { CliError, withStore } from '../context';
import { positiveInt } from '../parse';

export function seedCommand(program: Command): void {
  program
    .command('seed')
    .description('generate a deterministic synthetic force area (Gwent) into an empty store')
    .option('--reports <n>', 'number of reports', positiveInt('--reports'), 600)
    .option('--seed <s>', 'seed: the same seed gives the same data', 'demo')
    .option('--until <date>', 'latest report date (YYYY-MM-DD); reports cover the three years before it', todayIso())
    .option('--with-demo-accounts', 'also create the demo agencies and sign-ins (development only)')
    .option('--no-picture', 'leave the picture (entities, resolution) to the server to build in the background')
    .action(async (opts: { reports: number; seed: string; until: string; withDemoAccounts?: boolean; picture?: boolean }) => {
      const until = new Date(`${opts.until}T00:00:00Z`);
      if (Number.isNaN(until.getTime())) throw new CliError(`--until must be a date like 2026-11-01, not "${opts.until}"`);
      await withStore(async ({ repos, svc, config, db, server }) => {
        const existing = await repos.reports.counts();
        if (existing.reports > 0) throw new CliError(`the store has ${existing.reports} reports already; seed into an empty store`);
        const started = performance.now();
        let last = 0;
        const progress = (done: number, total: number) => {
          const now = performance.now();
          if (now - last > 1000 || done === total) {
            process.stderr.write(`\rseeding: ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} reports`);
            last = now;
          }
        };
        if (opts.withDemoAccounts) {
          if (config.env === 'production') throw new CliError('demo accounts are refused in production');
          if ((await repos.users.count()) > 0) throw new CliError('the store has accounts already; demo accounts go into an empty store');
          await server.seedDemo(repos, svc, 0);
        }
        const result = await db.seedDatabase(repos, { reports: opts.reports, seed: opts.seed, area: GWENT, until }, progress);
        await svc.audit.record(null, { action: 'store.seeded', details: { reports: result.reports, networks: result.networks, seed: opts.seed } });
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write('\n');
        console.log(
          `seeded ${result.reports} reports and ${result.networks} planted networks in ${seconds.toFixed(1)} s (${Math.round(result.reports / seconds)} reports/s)`,
        );
        if (opts.picture === false) return;
        // The picture of all those reports, built in bulk rather than report by report.
        const built = await server.buildPictureInBulk(repos, (stage) => process.stderr.write(`picture: ${stage}\n`));
        console.log(
          `built the picture: ${built.records} records into ${built.entities} entities (${built.people} people), ${built.reviewPairs} pairs for review, in ${built.seconds.toFixed(1)} s`,
        );
        if (opts.withDemoAccounts) {
          const work = await server.seedDemoCasework(repos, result.reports);
          console.log(
            `opened ${work.cases} demo cases: ${work.referrals} NRM referrals, ${work.notifications} Duty to Notify, ${work.plans} safeguarding plans, ${work.tasks} tasks`,
          );
        }
      });
    });
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
