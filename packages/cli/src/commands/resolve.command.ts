import { resolvePersons } from '@harbour/core';
import type { Command } from 'commander';
import { CliError } from '../context';
import { writeCsv } from '../csv-out';
import { PERSON_FIELDS, parseMappings, readPersonCsv } from '../person-csv';

export function resolveCommand(program: Command): void {
  program
    .command('resolve')
    .description('resolve the person records in a CSV file into people; writes id,cluster_id for every row read')
    .argument('<input>', 'CSV file with a header row')
    .requiredOption('--id <column>', 'the column that identifies each row')
    .option('--map <column=field...>', `use a column as a field (${PERSON_FIELDS.join(', ')}); columns named like a field are used without it`, [])
    .requiredOption('--out <file>', 'where to write id,cluster_id')
    .option('--threshold <probability>', 'match probability from which two records are the same person', '0.5')
    .action(async (input: string, options: { id: string; map: string[]; out: string; threshold: string }) => {
      const threshold = Number(options.threshold);
      if (!(threshold > 0 && threshold < 1)) throw new CliError(`--threshold ${options.threshold}: give a probability between 0 and 1`);
      const started = performance.now();
      const csv = await readPersonCsv(input, options.id, parseMappings(options.map));
      for (const problem of csv.problems) console.error(`line ${problem.line}: ${problem.reason}; skipped`);
      const result = resolvePersons(csv.records, { threshold });
      await writeCsv(
        options.out,
        ['id', 'cluster_id'],
        csv.records.map((record, i) => [record.id, csv.records[result.clusters[i]!]!.id]),
      );
      const clusters = new Set(result.clusters).size;
      const used = Object.entries(csv.mapping)
        .map(([column, fields]) => `${column}→${fields.join('+')}`)
        .join(', ');
      console.error(
        [
          `read ${csv.records.length} rows (${csv.problems.length} skipped) using ${used || 'no person columns'}`,
          `${result.stats.candidatePairs} pairs compared; ${clusters} ${clusters === 1 ? 'person' : 'people'}; ${((performance.now() - started) / 1000).toFixed(1)} s`,
          `wrote ${options.out}`,
        ].join('\n'),
      );
    });
}
