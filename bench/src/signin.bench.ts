import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositories } from '@harbour/db';
import { buildApp, DEMO_ACCOUNTS, DEMO_PASSWORD, newSecretKey, SecretBox, seedDemo, services } from '@harbour/server';
import { request } from 'node:http';
import type { Benchmark, Figure } from './harness';
import { percentile } from './harness';

const SIGN_INS = Number(process.env.HARBOUR_BENCH_SIGNINS ?? 60);

/**
 * Sign-in latency over real HTTP on 127.0.0.1: password check (argon2id), session written to the
 * store, audit entry chained. Baseline: the health route on the same server in the same run.
 */
export const signinBench: Benchmark = async (ctx) => {
  const figures: Figure[] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    const { store } = await ctx.store(kind);
    const repos = repositories(store.db);
    const svc = services(repos, { store: kind, session: { idleMinutes: 30, maxHours: 12 }, secrets: new SecretBox(newSecretKey()) });
    await seedDemo(repos, svc, 0);
    const { app } = await buildApp({
      services: svc,
      webDir: mkdtempSync(join(tmpdir(), 'harbour-bench-web-')),
      secureCookies: false,
      sessionMaxHours: 12,
      logger: false,
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const officer = DEMO_ACCOUNTS.find((a) => a.role === 'officer')!;
      const health: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        await (await fetch(`${base}/api/health`)).arrayBuffer();
        health.push(performance.now() - t0);
      }
      const times: number[] = [];
      for (let i = 0; i < SIGN_INS; i++) {
        // Sign-in is rate-limited per client address, so each ten come from another loopback address.
        const t0 = performance.now();
        const status = await post(
          `${base}/api/session`,
          JSON.stringify({ email: officer.email, password: DEMO_PASSWORD }),
          `127.0.0.${2 + Math.floor(i / 10)}`,
        );
        if (status !== 200) throw new Error(`sign-in failed with ${status}`);
        times.push(performance.now() - t0);
      }
      health.sort((a, b) => a - b);
      times.sort((a, b) => a - b);
      const healthP50 = percentile(health, 50);
      figures.push({ bench: 'signin', metric: 'health p50 (baseline)', value: healthP50, unit: 'ms', store: kind });
      figures.push({
        bench: 'signin',
        metric: 'sign-in p50',
        value: percentile(times, 50),
        unit: 'ms',
        store: kind,
        baseline: { metric: 'health p50', value: healthP50 },
      });
      figures.push({
        bench: 'signin',
        metric: 'sign-in p99',
        value: percentile(times, 99),
        unit: 'ms',
        store: kind,
        baseline: { metric: 'health p50', value: healthP50 },
      });
    } finally {
      await app.close();
    }
  }
  return figures;
};

function post(url: string, body: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
