import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgreementList } from '@harbour/contract';
import type { Role } from '@harbour/core';
import { expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import {
  buildApp,
  currentTotp,
  newSecretKey,
  SecretBox,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  seedDemo,
  services,
  type RegisteredRoute,
  type Services,
} from '../src/index';
import { newTestStore, type TestStore } from '../../../test/test-store';

export interface TestApp extends TestStore {
  readonly app: FastifyInstance;
  readonly svc: Services;
  readonly routes: RegisteredRoute[];
  readonly clock: { now: number; advance(ms: number): void };
}

/** A real app on a real store of the kind under test, with the demo agencies and accounts. */
/** The public reporting site's address test posters lead to. */
export const TEST_PORTAL = 'https://report.gwent.police.example';

export async function newTestApp(options: { reports?: number; idleMinutes?: number; geoDir?: string; apiDocsPublic?: boolean } = {}): Promise<TestApp> {
  const t = await newTestStore();
  const clock = {
    now: Date.now(),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const svc = services(t.repos, {
    store: t.store.kind,
    session: { idleMinutes: options.idleMinutes ?? 30, maxHours: 12 },
    now: () => new Date(clock.now),
    geoDir: options.geoDir,
    publicUrl: () => TEST_PORTAL,
    secrets: new SecretBox(newSecretKey()),
  });
  await seedDemo(t.repos, svc, options.reports ?? 20, new Date('2026-11-01T00:00:00Z'));
  const webDir = mkdtempSync(join(tmpdir(), 'harbour-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Harbour</title>');
  const { app, routes } = await buildApp({
    services: svc,
    webDir,
    secureCookies: false,
    sessionMaxHours: 12,
    logger: false,
    ...(options.apiDocsPublic !== undefined ? { apiDocsPublic: options.apiDocsPublic } : {}),
  });
  return {
    ...t,
    app,
    svc,
    routes,
    clock,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}

export function demoEmail(role: Role): string {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account.email;
}

/** A signed-in browser, as far as the API can tell: a session cookie and its CSRF token. */
export interface Client {
  readonly cookie: string;
  readonly csrf: string;
  readonly stage: string;
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string, stage: string): Client {
  return {
    cookie,
    csrf,
    stage,
    request: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      }),
  };
}

/** Signs in a demo account; with `complete`, also passes the second factor (enrolling if needed). */
export async function signIn(t: TestApp, role: Role, complete = true): Promise<Client> {
  const response = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: demoEmail(role), password: DEMO_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${role} failed: ${response.body}`);
  const session = response.json<{ stage: string; csrfToken: string }>();
  const cookie = sessionCookie(response);
  const client = clientFor(t.app, cookie, session.csrfToken, session.stage);
  if (!complete || session.stage === 'complete') return client;
  // Each code may be used once: move the clock to a fresh 30-second step.
  t.clock.advance(30_000);
  if (session.stage === 'enrol-second-factor') {
    const enrol = (await client.request('POST', '/api/session/second-factor/enrolment')).json<{ secret: string }>();
    const done = await client.request('POST', '/api/session/second-factor/enrolment/confirm', { code: currentTotp(enrol.secret, t.clock.now) });
    if (done.statusCode !== 200) throw new Error(`enrolment failed: ${done.body}`);
    return completed(t, done, done.json<{ session: { csrfToken: string } }>().session.csrfToken);
  }
  const done = await client.request('POST', '/api/session/second-factor', { code: currentTotp(DEMO_TOTP_SECRET, t.clock.now) });
  if (done.statusCode !== 200) throw new Error(`second factor failed: ${done.body}`);
  return completed(t, done, done.json<{ csrfToken: string }>().csrfToken);
}

/** The session as renewed by the second factor: a new cookie and CSRF token replace the first. */
export function completed(t: TestApp, response: LightMyRequestResponse, csrf: string): Client {
  return clientFor(t.app, sessionCookie(response), csrf, 'complete');
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'harbour_session');
  if (!cookie) throw new Error('no session cookie was set');
  return `harbour_session=${cookie.value}`;
}

/** An administrator records an information-sharing agreement with an agency, for the days given. */
export async function recordAgreement(
  admin: Client,
  agencyId: string,
  terms: { categories: readonly string[]; startsOn: string; endsOn: string },
): Promise<void> {
  const r = await admin.request('POST', '/api/admin/agreements', {
    agencyId,
    purpose: 'Safeguarding',
    lawfulBasis: 'Crime and Disorder Act 1998 s115',
    ...terms,
  });
  expect(r.statusCode, r.body).toBe(201);
}

/** An administrator ends every agreement in force with an agency, each ending answered 200. */
export async function endAgreementsWith(admin: Client, agencyId: string, reason: string): Promise<void> {
  const { agreements } = (await admin.request('GET', '/api/admin/agreements')).json<AgreementList>();
  for (const a of agreements.filter((x) => x.agencyId === agencyId && x.inForce))
    expect((await admin.request('POST', `/api/admin/agreements/${a.id}/end`, { reason })).statusCode).toBe(200);
}
