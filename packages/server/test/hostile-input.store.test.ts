import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

describe(`hostile input on ${TEST_STORE}: a clear 400, never a server error, nothing half-stored`, () => {
  let t: TestApp;
  let supervisor: Client;
  let officer: Client;
  beforeAll(async () => {
    t = await newTestApp({ reports: 5 });
    supervisor = await signIn(t, 'supervisor');
    officer = await signIn(t, 'officer');
  });
  afterAll(async () => t?.close());

  const reports = async () => (await t.store.db.selectFrom('reports').select('id').execute()).length;
  const token = async () => (await t.app.inject({ method: 'GET', url: '/api/public/form-token' })).json<{ token: string }>().token;

  it('a NUL byte or a lone surrogate in text', async () => {
    const before = await reports();
    for (const bad of ['Men live\u0000 at the car wash', 'Men live at the car wash \ud800', '\udc00 alone']) {
      const formToken = await token();
      t.clock.advance(10_000);
      const publicReport = await t.app.inject({ method: 'POST', url: '/api/public/reports', payload: { formToken, language: 'en', description: bad } });
      expect(publicReport.statusCode, JSON.stringify(bad)).toBe(400);
      expect(publicReport.json().error.fields[0]).toMatchObject({ path: 'description', reason: 'invalid' });
      const referral = await officer.request('POST', '/api/referrals', { summary: 'Seen at the car wash', victim: { givenName: bad } });
      expect(referral.statusCode).toBe(400);
    }
    expect(await reports()).toBe(before);
  });

  it('a body nested five thousand deep', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'application/json' },
      payload: `{"summary":"x","indicators":${deep}}`,
    });
    expect(response.statusCode).toBe(400);
  });

  it('a JSON body not in UTF-8 (a Windows-1252 file), refused as such rather than stored with its letters broken', async () => {
    const before = await reports();
    const body = Buffer.from(JSON.stringify({ summary: 'Seen at the café on Heol y Frenhines', victim: { givenName: 'Zoë' } }), 'latin1');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'application/json' },
      payload: body,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ path: 'body', message: expect.stringMatching(/not UTF-8 text/) });
    expect(await reports()).toBe(before);
  });

  it('an HTCDS file too large, nested a hundred thousand deep, or holding one case the standard refuses: a clear answer, nothing stored', async () => {
    const before = await reports();
    const htcds = (payload: string | Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/api/cases/htcds',
        headers: { cookie: supervisor.cookie, 'x-csrf-token': supervisor.csrf, 'content-type': 'application/json' },
        payload,
      });
    const huge = await htcds(Buffer.alloc(33 * 1024 * 1024, 0x20));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('too_large');
    const deep = await htcds(`{"cases":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(deep.statusCode).toBe(400);
    const wrongShape = await htcds(JSON.stringify({ cases: [{ caseId: 1, victims: 'many' }] }));
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json().error.fields.length).toBeGreaterThan(0);
    // Thousands of cases each wrong: the first hundred problems named, the rest counted.
    const manyWrong = await htcds(JSON.stringify({ cases: Array.from({ length: 3_000 }, (_, i) => ({ caseId: i, victims: 'many' })) }));
    expect(manyWrong.statusCode).toBe(400);
    const fields = manyWrong.json().error.fields as { message: string }[];
    expect(fields).toHaveLength(101);
    expect(fields.at(-1)!.message).toMatch(/^… and \d+ more problems like these$/);
    expect(await reports()).toBe(before);
  });

  it('__proto__ and constructor as query names or values', async () => {
    for (const query of ['__proto__=x', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1', 'status=__proto__', 'q=__proto__']) {
      for (const path of ['/api/triage', '/api/search', '/api/audit', '/api/figures/dashboard']) {
        const response = await supervisor.request('GET', `${path}?${query}`);
        expect(response.statusCode, `${path}?${query}`).toBeLessThan(500);
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
