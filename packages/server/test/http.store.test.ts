import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../src/index';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type TestApp } from './test-app';

describe(`HTTP behaviour on ${TEST_STORE}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await newTestApp({ reports: 400 });
  });
  afterAll(async () => t?.close());

  const errorShape = { error: { code: expect.any(String), message: expect.any(String), fields: expect.any(Array) } };

  it('reports health and the store in use', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', store: TEST_STORE, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('answers an unknown API route with 404 in the error shape', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await t.app.inject({ method, url: '/api/no-such-thing' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(errorShape);
    }
  });

  it('answers malformed JSON with 400 and names the body', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ path: 'body' }] } });
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(BODY_LIMIT_BYTES) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual(errorShape);
  });

  it('refuses bodies that are not JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual(errorShape);
  });

  it('names each invalid field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'not-an-email' } });
    expect(response.statusCode).toBe(400);
    const paths = response.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path);
    expect(paths).toContain('email');
    expect(paths).toContain('password');
  });

  it('publishes an OpenAPI document and a browsable page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/health', '/api/session', '/api/users', '/api/audit']));
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
  });

  it('sends security headers and no stack traces', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('counts the last 12 months of reports by area and source, matching the store', async () => {
    const analyst = await signIn(t, 'analyst');
    const overview = (await analyst.request('GET', '/api/overview')).json<{
      since: string;
      total: number;
      byArea: { code: string; count: number }[];
      bySource: { count: number }[];
    }>();
    const since = new Date(overview.since);
    const rows = await t.store.db.selectFrom('reports').select(['local_authority']).where('received_at', '>=', since).execute();
    expect(overview.total).toBe(rows.length);
    expect(overview.byArea).toHaveLength(5);
    for (const area of overview.byArea) expect(area.count).toBe(rows.filter((r) => r.local_authority === area.code).length);
    expect(overview.bySource.reduce((n, s) => n + s.count, 0)).toBe(rows.length);
  });

  it('serves the web app for any page path, so the app can show its own pages and 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/some/page/that/does/not/exist' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Harbour</title>');
  });
});

describe(`API documentation in production on ${TEST_STORE}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await newTestApp({ reports: 0, apiDocsPublic: false });
  });
  afterAll(async () => t?.close());

  it('is served only to signed-in staff: the map of every route is no stranger’s', async () => {
    for (const url of ['/api/openapi.json', '/api/docs/', '/api/docs/json']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    const officer = await signIn(t, 'officer');
    expect((await officer.request('GET', '/api/openapi.json')).statusCode).toBe(200);
    expect((await officer.request('GET', '/api/docs/')).statusCode).toBe(200);
    // The portal stays open to everyone.
    expect((await t.app.inject({ method: 'GET', url: '/api/public/form-token' })).statusCode).toBe(200);
  });
});
