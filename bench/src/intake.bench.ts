import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { repositories } from '@harbour/db';
import { buildApp, services } from '@harbour/server';
import type { Benchmark, Figure } from './harness';

// A fixed number of requests, so every response is read before the store is counted.
const REQUESTS = Number(process.env.HARBOUR_BENCH_INTAKE_REQUESTS ?? 3000);
const CONNECTIONS = Number(process.env.HARBOUR_BENCH_INTAKE_CONNECTIONS ?? 20);

/**
 * Public report submissions over HTTP on 127.0.0.1: throughput, latency, and every acknowledged
 * report counted in the store afterwards (the two must be equal). Baseline: the health route.
 */
export const intakeBench: Benchmark = async (ctx) => {
  const figures: Figure[] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    const { store } = await ctx.store(kind);
    const repos = repositories(store.db);
    const svc = services(repos, { store: kind, session: { idleMinutes: 30, maxHours: 12 } });
    // One client sends everything here, so the per-client limit is lifted for the measurement.
    const { app } = await buildApp({
      services: svc,
      webDir: mkdtempSync(join(tmpdir(), 'harbour-bench-web-')),
      secureCookies: false,
      sessionMaxHours: 12,
      logger: false,
      publicReportsPerMinute: 1_000_000,
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const health = await autocannon({ url: `${url}/api/health`, connections: CONNECTIONS, duration: 5 });
      figures.push({ bench: 'intake', metric: 'health (baseline)', value: health.requests.average, unit: 'req/s', store: kind });

      const token = (await (await fetch(`${url}/api/public/form-token`)).json()) as { token: string };
      await new Promise((r) => setTimeout(r, 3_500)); // a form is never sent within seconds of opening
      const body = JSON.stringify({
        formToken: token.token,
        language: 'cy',
        description: "Mae dynion yn byw yn y golchfa geir ac yn gweithio drwy'r dydd heb dâl.",
        relation: 'someone_else',
        signs: ['ho.lives_at_workplace', 'ilo.withholding_wages'],
        localAuthority: 'W06000022',
        postcode: 'NP20 1AB',
        people: [{ name: 'Ardit Hoxha', nationality: 'Albanian' }],
        phones: ['07700 900123'],
      });
      let acknowledged = 0;
      const result = await autocannon({
        url: `${url}/api/public/reports`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections: CONNECTIONS,
        amount: REQUESTS,
        setupClient: (client) => client.on('response', (status: number) => void (status === 201 && (acknowledged += 1))),
      });
      const stored = Number(
        (
          await store.db
            .selectFrom('reports')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('source', '=', 'public')
            .executeTakeFirstOrThrow()
        ).n,
      );
      figures.push({
        bench: 'intake',
        metric: 'public submissions',
        value: result.requests.average,
        unit: 'req/s',
        store: kind,
        baseline: { metric: 'health', value: health.requests.average },
      });
      figures.push({ bench: 'intake', metric: 'latency p50', value: result.latency.p50, unit: 'ms', store: kind });
      figures.push({ bench: 'intake', metric: 'latency p99', value: result.latency.p99, unit: 'ms', store: kind });
      figures.push({ bench: 'intake', metric: 'errors and non-2xx', value: result.errors + result.non2xx, unit: 'count', store: kind });
      figures.push({ bench: 'intake', metric: 'acknowledged (201)', value: acknowledged, unit: 'reports', store: kind });
      figures.push({ bench: 'intake', metric: 'stored', value: stored, unit: 'reports', store: kind });
      figures.push({ bench: 'intake', metric: 'stored minus acknowledged (must be 0)', value: stored - acknowledged, unit: 'reports', store: kind });
    } finally {
      await app.close();
    }
  }
  return figures;
};
