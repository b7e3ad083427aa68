import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyseGraph, LinkGraph } from '@harbour/core';
import type { Command } from 'commander';
import { writeCsv } from '../csv-out';
import { readLinkCsv } from '../link-csv';

export function graphCommand(program: Command): void {
  program
    .command('graph')
    .description(
      'analyse a link list (call data records, or any two columns of identifiers) on its own: writes nodes.csv (id, component, degree, betweenness, pagerank, community) and components.csv',
    )
    .argument('<edges>', 'CSV file with a header row, one link per row')
    .requiredOption('--from <column>', 'the column of one end (e.g. the caller)')
    .requiredOption('--to <column>', 'the column of the other end (e.g. the number called)')
    .option('--weight <column>', 'a positive number per row (e.g. call duration); each row counts 1 without it')
    .option('--phones', 'read both ends as phone numbers, so 07700 900123 and +447700900123 are one')
    .requiredOption('--out <dir>', 'the folder to write nodes.csv and components.csv to (made if missing)')
    .action(async (input: string, options: { from: string; to: string; weight?: string; phones?: boolean; out: string }) => {
      const started = performance.now();
      const { links, problems } = await readLinkCsv(input, options);
      for (const problem of problems) console.error(`line ${problem.line}: ${problem.reason}; skipped`);
      const graph = LinkGraph.from(links);
      const analysis = analyseGraph(graph);
      mkdirSync(options.out, { recursive: true });
      const figure = (x: number) => Number(x.toPrecision(6));
      await writeCsv(
        join(options.out, 'nodes.csv'),
        ['id', 'component', 'degree', 'betweenness', 'pagerank', 'community'],
        analysis.nodes.map((n) => [n.id, n.component, n.degree, figure(n.betweenness), figure(n.pagerank), n.community]),
      );
      await writeCsv(
        join(options.out, 'components.csv'),
        ['component', 'nodes', 'links', 'communities', 'key_player'],
        analysis.components.map((c) => [c.component, c.nodes, c.links, c.communities, c.keyPlayer]),
      );
      const { stats } = graph;
      const between = analysis.betweenness;
      console.error(
        [
          `read ${stats.read} links (${problems.length} rows skipped); ${stats.duplicates} repeats merged, ${stats.selfLinks} self-links left out`,
          `${graph.nodeCount} nodes, ${graph.linkCount} distinct links, ${analysis.components.length} components (largest ${analysis.components[0]?.nodes ?? 0}); modularity ${analysis.modularity.toFixed(3)}`,
          between.exact
            ? `betweenness exact (${graph.nodeCount} nodes)`
            : `betweenness approximate: estimated from ${between.sources} sampled source nodes of ${graph.nodeCount}`,
          `wrote ${join(options.out, 'nodes.csv')} and ${join(options.out, 'components.csv')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        ].join('\n'),
      );
    });
}
