import { GWENT, Random } from '@harbour/core';
import { repositories, seedDatabase, type ReportDimension, type TallyFilter, type VictimDimension } from '@harbour/db';
import { newSecretKey, SecretBox, services } from '@harbour/server';
import { sql } from 'kysely';
import { signedInActors } from '../../test/picture-helpers';
import { csvImportFigures } from './csv-import';
import { pictureFromTruth } from './truth-picture';
import { percentile, type Benchmark, type Figure } from './harness';

const REPORTS = Number(process.env.HARBOUR_BENCH_ANALYTICS_REPORTS ?? 1_000_000);
const QUERIES = 60;
const until = new Date('2026-11-01T00:00:00Z');

const REPORT_CHARTS: ReportDimension[] = ['month', 'area', 'exploitation_type', 'child', 'source'];
const VICTIM_CHARTS: VictimDimension[] = ['gender', 'nationality'];

/** Filters as analysts set them: a period of a year or a quarter, sometimes an area, a type, children only. */
function filters(): TallyFilter[] {
  const rng = new Random('analytics-filters');
  return Array.from({ length: QUERIES }, () => {
    const year = rng.pick([2024, 2025, 2026]);
    const quarter = rng.chance(0.5) ? rng.pick([1, 4, 7, 10]) : undefined;
    const from = `${year}-${String(quarter ?? 1).padStart(2, '0')}-01`;
    const to = quarter ? `${year}-${String(quarter + 2).padStart(2, '0')}-01` : `${year}-12-01`;
    return {
      from,
      to,
      ...(rng.chance(0.4) ? { area: rng.pick(GWENT.localAuthorities).code } : {}),
      ...(rng.chance(0.3) ? { exploitationType: rng.pick(['sexual', 'labour', 'criminal']) } : {}),
      ...(rng.chance(0.2) ? { child: true } : {}),
    };
  });
}

/**
 * Dashboard figures over a seeded store of a million reports: each chart's query on the tallies
 * (p95 over varied filters; target < 200 ms), against the same count straight from the reports
 * table (the baseline, measured in the same run), the cost of folding the deltas in, the
 * problem profile PDF, and a partner's CSV of 100,000 rows imported.
 */
export const analyticsBench: Benchmark = async (ctx) => {
  const figures: Figure[] = [];
  for (const kind of ctx.stores) {
    const { store } = await ctx.store(kind);
    const repos = repositories(store.db);
    const seeded = await seedDatabase(repos, { reports: REPORTS, seed: 'analytics', area: GWENT, until }, undefined, 5000);
    figures.push({
      bench: 'analytics',
      metric: `seed ${REPORTS.toLocaleString('en-GB')} reports, tallies kept by triggers`,
      value: seeded.reports / seeded.seconds,
      unit: 'reports/s',
      store: kind,
    });

    const deltas = await repos.tallies.waiting();
    const foldStart = performance.now();
    await repos.tallies.foldAll(100_000);
    const foldSeconds = (performance.now() - foldStart) / 1000;
    figures.push({
      bench: 'analytics',
      metric: `fold ${deltas.toLocaleString('en-GB')} deltas into the tallies`,
      value: deltas / foldSeconds,
      unit: 'deltas/s',
      store: kind,
    });
    // As after any bulk load (seeding does this for the embedded store's other tables).
    await sql`analyze`.execute(store.db);

    const asked = filters();
    const timed = async (run: (f: TallyFilter) => Promise<unknown>) => {
      await run(asked[0]!);
      const times: number[] = [];
      for (const f of asked) {
        const start = performance.now();
        await run(f);
        times.push(performance.now() - start);
      }
      return percentile(
        times.sort((a, b) => a - b),
        95,
      );
    };
    // The baseline: reports by area straight from the reports table, with the same filters.
    const direct = await timed((f) => {
      let q = store.db
        .selectFrom('reports')
        .select(['local_authority', (eb) => eb.fn.countAll().as('n')])
        .where('source', '<>', 'call_data')
        .where('received_at', '>=', new Date(`${f.from}T00:00:00Z`))
        .where('received_at', '<', new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 31 * 86_400_000));
      if (f.area) q = q.where('local_authority', '=', f.area);
      if (f.exploitationType) q = q.where(sql<boolean>`${f.exploitationType} = any(exploitation_types)`);
      if (f.child) q = q.where('involves_child', '=', true);
      return q.groupBy('local_authority').execute();
    });
    figures.push({ bench: 'analytics', metric: 'reports by area straight from the reports table, p95 (baseline)', value: direct, unit: 'ms', store: kind });
    for (const by of REPORT_CHARTS) {
      const p95 = await timed((f) => repos.tallies.reports(f, by));
      figures.push({
        bench: 'analytics',
        metric: `reports by ${by}, p95`,
        value: p95,
        unit: 'ms',
        store: kind,
        target: '< 200 ms',
        baseline: { metric: 'direct', value: direct },
      });
    }
    for (const by of VICTIM_CHARTS) {
      const p95 = await timed((f) => repos.tallies.victims(f, by));
      figures.push({
        bench: 'analytics',
        metric: `potential victims by ${by}, p95`,
        value: p95,
        unit: 'ms',
        store: kind,
        target: '< 200 ms',
        baseline: { metric: 'direct', value: direct },
      });
    }
    // Potential victims as people, from the people tally, with the picture as the seed's truth
    // says (a built picture: most people named in several reports). Counting every record's
    // person at once is the cost of a store's first count (after an upgrade or a bulk load).
    {
      const people = await pictureFromTruth(store.db);
      const start = performance.now();
      const records = await repos.people.catchUp();
      const seconds = (performance.now() - start) / 1000;
      figures.push({
        bench: 'analytics',
        metric: `count ${people.toLocaleString('en-GB')} people of ${records.toLocaleString('en-GB')} changed records into the people tally (first count)`,
        value: records / seconds,
        unit: 'records/s',
        store: kind,
      });
      const p95 = await timed((f) => repos.people.people(f));
      figures.push({
        bench: 'analytics',
        metric: 'potential victims and suspects as people (every breakdown), p95',
        value: p95,
        unit: 'ms',
        store: kind,
        target: '< 200 ms',
        baseline: { metric: 'direct', value: direct },
      });
      // A figure opened: the first page of the women it counts.
      const behind = await timed((f) => repos.people.peopleBehind(f, { role: 'potential_victim', gender: 'female' }, 50, 0));
      figures.push({ bench: 'analytics', metric: 'the people behind a figure (first page of 50), p95', value: behind, unit: 'ms', store: kind });
      const size = await sql<{ rows: number; bytes: number }>`
        select (select count(*) from tally_people)::int as rows,
               (pg_total_relation_size('tally_people') + pg_total_relation_size('people_facts') + pg_total_relation_size('people_attributes'))::float8 / 1048576 as bytes`.execute(
        store.db,
      );
      figures.push({
        bench: 'analytics',
        metric: `people tally: ${size.rows[0]!.rows.toLocaleString('en-GB')} rows; its tables' size`,
        value: Math.round(size.rows[0]!.bytes),
        unit: 'MiB',
        store: kind,
      });
    }
    // The problem profile for the last full year of data, in Welsh for the public, as a PDF:
    // every figure it needs (some thirty counts), suppression, charts and layout. The networks
    // it counts come from the picture, left unbuilt here: the graph bench measures that.
    const svc = services(repos, { store: kind, session: { idleMinutes: 30, maxHours: 12 }, secrets: new SecretBox(newSecretKey()) });
    const { analyst, partner } = await signedInActors({ repos }, ['analyst', 'partner']);
    const pdfTimes: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const { pdf } = await svc.profile.pdf(analyst, { from: '2025-11', to: '2026-10', audience: 'external', language: 'cy' });
      pdfTimes.push(performance.now() - start);
      bytes = pdf.length;
    }
    pdfTimes.sort((a, b) => a - b);
    figures.push({
      bench: 'analytics',
      metric: `problem profile PDF for a year (${Math.round(bytes / 1024)} KB), median of 5`,
      value: pdfTimes[2]! / 1000,
      unit: 's',
      store: kind,
      target: '< 10 s',
    });
    // A partner's spreadsheet imported into the same store, a million reports already in it.
    figures.push(...(await csvImportFigures(kind, svc, partner)));
    await svc.imports.stop();
    const rows = await sql<{ reports: number; victims: number }>`
      select (select count(*) from tally_reports)::int as reports, (select count(*) from tally_victims)::int as victims`.execute(store.db);
    figures.push({
      bench: 'analytics',
      metric: 'tally rows (reports / victims)',
      value: rows.rows[0]!.reports,
      unit: `rows / ${rows.rows[0]!.victims}`,
      store: kind,
    });
  }
  return figures;
};
