import type { Command } from 'commander';
import { withStore } from '../context';

export function pictureCommands(program: Command): void {
  const picture = program.command('picture').description('maintain the intelligence picture');
  picture
    .command('rekey')
    .description(
      "give every known person the blocking keys of this version's match rules, and bring addresses and businesses under its rule for one place (after an upgrade); safe to run again",
    )
    .action(async () => {
      await withStore(async ({ repos, svc, server }) => {
        const started = performance.now();
        const result = await server.rekeyPeople(repos, (people) => process.stderr.write(`\rrekeying: ${people.toLocaleString('en-GB')} people`));
        process.stderr.write('\n');
        await svc.audit.record(null, { action: 'picture.rekeyed', details: { people: result.people, keys: result.keys } });
        const places = await server.rekeyPlaces(repos);
        console.log(
          `${result.people} people, ${result.keys} blocking keys in place; ${places.records} addresses and businesses, ${places.moved} moved (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      });
    });
}
