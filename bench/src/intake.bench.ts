import autocannon from 'autocannon';
import { openStore } from '@harbour/db';
import type { Benchmark, Figure } from './harness';
import { startServer } from './server-process';

// A fixed number of requests, so every response is read before the store is counted.
const REQUESTS = Number(process.env.HARBOUR_BENCH_INTAKE_REQUESTS ?? 10_000);
const CONNECTIONS = Number(process.env.HARBOUR_BENCH_INTAKE_CONNECTIONS ?? 20);

/**
 * Public report submissions over HTTP on 127.0.0.1: throughput, latency, and every acknowledged
 * report counted in the store afterwards (the two must be equal). Baseline: the health route.
 * Harbour runs in its own process, as deployed; autocannon runs here.
 */
export const intakeBench: Benchmark = async (ctx) => {
  const figures: Figure[] = [];
  for (const kind of ctx.stores) {
    const location = await ctx.location(kind);
    // One client sends everything here, so the per-client limit is lifted for the measurement.
    const server = await startServer(location, { HARBOUR_PUBLIC_REPORTS_PER_MINUTE: '1000000' });
    const url = server.url;
    let acknowledged = 0;
    try {
      const health = await autocannon({ url: `${url}/api/health`, connections: CONNECTIONS, duration: 5 });
      figures.push({ bench: 'intake', metric: 'health (baseline)', value: rate(health), unit: 'req/s', store: kind });

      // A form token is good for one report: each submission carries its own, fetched beforehand.
      const tokens = await formTokens(url, REQUESTS);
      await new Promise((r) => setTimeout(r, 3_500)); // a form is never sent within seconds of opening
      const report = {
        language: 'cy',
        description: "Mae dynion yn byw yn y golchfa geir ac yn gweithio drwy'r dydd heb dâl.",
        relation: 'someone_else',
        signs: ['ho.lives_at_workplace', 'ilo.withholding_wages'],
        localAuthority: 'W06000022',
        postcode: 'NP20 1AB',
        people: [{ name: 'Ardit Hoxha', nationality: 'Albanian' }],
        phones: ['07700 900123'],
      };
      let next = 0;
      // Timed here, first request to last response: autocannon's own start and finish fall on its
      // one-second sampling ticks, which made a 9-second run read as 10 or 11.
      const startedAt = performance.now();
      let lastResponseAt = startedAt;
      const result = await autocannon({
        url: `${url}/api/public/reports`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ ...report, formToken: tokens[next++ % tokens.length] }) }) }],
        connections: CONNECTIONS,
        amount: REQUESTS,
        setupClient: (client) =>
          client.on('response', (status: number) => {
            lastResponseAt = performance.now();
            if (status === 201) acknowledged += 1;
          }),
      });
      figures.push({
        bench: 'intake',
        metric: 'public submissions',
        value: result.requests.total / ((lastResponseAt - startedAt) / 1000),
        unit: 'req/s',
        store: kind,
        baseline: { metric: 'health', value: rate(health) },
      });
      figures.push({ bench: 'intake', metric: 'latency p50', value: result.latency.p50, unit: 'ms', store: kind });
      figures.push({ bench: 'intake', metric: 'latency p99', value: result.latency.p99, unit: 'ms', store: kind });
      figures.push({ bench: 'intake', metric: 'errors and non-2xx', value: result.errors + result.non2xx, unit: 'count', store: kind });
    } finally {
      await server.stop();
    }
    // Counted with the server stopped, from the store itself.
    const store = await openStore(location);
    const stored = Number(
      (
        await store.db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('source', '=', 'public')
          .executeTakeFirstOrThrow()
      ).n,
    );
    await store.close();
    figures.push({ bench: 'intake', metric: 'acknowledged (201)', value: acknowledged, unit: 'reports', store: kind });
    figures.push({ bench: 'intake', metric: 'stored', value: stored, unit: 'reports', store: kind });
    figures.push({ bench: 'intake', metric: 'stored minus acknowledged (must be 0)', value: stored - acknowledged, unit: 'reports', store: kind });
  }
  return figures;
};

/** `count` fresh form tokens, fetched a few at a time. */
async function formTokens(url: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  while (tokens.length < count) {
    const batch = Math.min(50, count - tokens.length);
    const fetched = await Promise.all(
      Array.from({ length: batch }, async () => ((await (await fetch(`${url}/api/public/form-token`)).json()) as { token: string }).token),
    );
    tokens.push(...fetched);
  }
  return tokens;
}

/** Responses per second over the whole run (autocannon's per-second average misreads a short, fixed-count run). */
function rate(result: autocannon.Result): number {
  // start and finish, not `duration`, which autocannon rounds to whole seconds.
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
  return result.requests.total / (seconds > 0 ? seconds : result.duration);
}
