import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { REFUSALS_FLAGGED_AT } from '../src/services/audit.service';
import { newTestApp, signIn, type TestApp } from './test-app';

describe(`refused access is audited on ${TEST_STORE}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
  });
  afterAll(async () => t?.close());

  it('names the account, the route and the reason; repeats are flagged once; the administrator reads them', async () => {
    const officer = await signIn(t, 'officer');
    for (let i = 0; i < REFUSALS_FLAGGED_AT + 2; i++)
      expect((await officer.request('GET', `/api/reports/00000000-0000-4000-8000-00000000000${i % 10}`)).statusCode).toBe(403);
    const refused = await t.repos.audit.list({ action: 'access.refused', limit: 50 });
    expect(refused).toHaveLength(REFUSALS_FLAGGED_AT + 2);
    expect(refused[0]).toMatchObject({ actorRole: 'officer', details: { method: 'GET', route: '/api/reports/:id', reason: 'not_permitted' } });
    // The route's pattern, never the ids or query asked for.
    expect(JSON.stringify(refused)).not.toContain('00000000-0000-4000');
    expect(await t.repos.audit.list({ action: 'access.refused-repeatedly', limit: 5 })).toHaveLength(1);

    // A service's own rule, and a missing anti-forgery token, are refusals too.
    const investigator = await signIn(t, 'investigator');
    const noToken = await t.app.inject({ method: 'POST', url: '/api/referrals/preview', headers: { cookie: investigator.cookie }, payload: {} });
    expect(noToken.statusCode).toBe(403);
    const reasons = (await t.repos.audit.list({ action: 'access.refused', limit: 50 }))
      .filter((e) => e.actorRole === 'investigator')
      .map((e) => e.details['reason']);
    expect(reasons).toEqual(['csrf']);

    const admin = await signIn(t, 'admin');
    const page = (await admin.request('GET', '/api/audit?action=access.refused')).json<{ entries: { action: string }[]; actions: string[] }>();
    expect(page.entries.length).toBeGreaterThan(REFUSALS_FLAGGED_AT);
    expect(page.actions).toEqual(expect.arrayContaining(['access.refused', 'access.refused-repeatedly']));
  });
});
