import type { SentReferral, SentReferralDetail } from '@harbour/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

describe(`a referral's sender follows it on ${TEST_STORE}`, () => {
  let t: TestApp;
  let council: Client;
  let officer: Client;
  let ds: Client;
  let fromCouncil: string;
  let fromOfficer: string;

  const refer = async (client: Client, summary: string) => {
    const r = await client.request('POST', '/api/referrals', {
      consentToNrm: 'yes',
      exploitationTypes: ['labour'],
      summary,
      victim: { givenName: 'Mirela', familyName: 'Dobre', ageYears: 29, child: 'no' },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ reference: string }>().reference;
  };
  const sent = async (client: Client) => (await client.request('GET', '/api/referrals/sent')).json<{ referrals: SentReferral[] }>().referrals;
  const detail = async (client: Client, id: string) => {
    const r = await client.request('GET', `/api/referrals/sent/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<SentReferralDetail>();
  };

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    council = await signIn(t, 'partner');
    officer = await signIn(t, 'officer');
    ds = await signIn(t, 'supervisor');
    const a = await refer(council, 'Nail bar worker sleeps in the back room');
    const b = await refer(officer, 'Car wash on the industrial estate');
    const ids = await t.store.db.selectFrom('reports').select(['id', 'reference']).execute();
    fromCouncil = ids.find((r) => r.reference === a)!.id;
    fromOfficer = ids.find((r) => r.reference === b)!.id;
  });
  afterAll(async () => t?.close());

  it('lists a partner agency’s referrals to all its staff, and a colleague’s own to them alone', async () => {
    expect((await sent(council)).map((r) => r.id)).toEqual([fromCouncil]);
    const admin = await signIn(t, 'partner_admin');
    expect((await sent(admin)).map((r) => [r.id, r.sentBy])).toEqual([[fromCouncil, 'Priya Patel']]);
    expect((await sent(officer)).map((r) => r.id)).toEqual([fromOfficer]);
    expect((await officer.request('GET', `/api/referrals/sent/${fromCouncil}`)).statusCode).toBe(404);
    expect((await council.request('GET', `/api/referrals/sent/${fromOfficer}`)).statusCode).toBe(404);
    expect(await detail(council, fromCouncil)).toMatchObject({
      stage: 'received',
      cases: [],
      questions: 0,
      summary: 'Nail bar worker sleeps in the back room',
    });
  });

  it('carries the team’s question to the sender and the answer back to the team', async () => {
    const asked = await ds.request('POST', `/api/reports/${fromCouncil}/messages`, { body: 'Does she have her passport?' });
    expect(asked.statusCode, asked.body).toBe(201);
    const seen = await detail(council, fromCouncil);
    expect(seen.questions).toBe(1);
    expect(seen.messages.map((m) => [m.from, m.body])).toEqual([['team', 'Does she have her passport?']]);
    const answered = await council.request('POST', `/api/referrals/sent/${fromCouncil}/messages`, { body: 'No: the manager keeps it' });
    expect(answered.statusCode, answered.body).toBe(200);
    const thread = (await ds.request('GET', `/api/reports/${fromCouncil}/messages`)).json<{ messages: { from: string; body: string }[] }>().messages;
    expect(thread.map((m) => [m.from, m.body])).toEqual([
      ['team', 'Does she have her passport?'],
      ['reporter', 'No: the manager keeps it'],
    ]);
  });

  it('says what became of it as the agreement allows: the case’s status, the case itself once shared, nothing once the agreement ends', async () => {
    const opened = await ds.request('POST', '/api/cases', { kind: 'investigation', title: 'Op Ewin', fromReportId: fromCouncil });
    const caseId = opened.json<{ id: string }>().id;
    expect(await detail(council, fromCouncil)).toMatchObject({ stage: 'on_case', cases: [{ status: 'new', sharedCaseId: null }] });
    const agencyId = (await t.store.db.selectFrom('agencies').select('id').where('name', '=', 'Newport City Council').executeTakeFirstOrThrow()).id;
    expect((await ds.request('POST', `/api/cases/${caseId}/shares`, { agencyId, reason: 'Joint visit' })).statusCode).toBe(200);
    expect((await detail(council, fromCouncil)).cases).toEqual([{ status: 'new', sharedCaseId: caseId }]);
    // The force's own colleague learns the case's status without any agreement.
    const admin = await signIn(t, 'admin');
    const agreements = (await admin.request('GET', '/api/admin/agreements')).json<{ agreements: { id: string; agencyId: string; inForce: boolean }[] }>()
      .agreements;
    for (const a of agreements.filter((x) => x.agencyId === agencyId)) {
      const ended = await admin.request('POST', `/api/admin/agreements/${a.id}/end`, { reason: 'Agreement under renewal' });
      expect(ended.statusCode, ended.body).toBe(200);
    }
    expect(await detail(council, fromCouncil)).toMatchObject({ stage: 'on_case', cases: null });
  });
});
