import type { CaseView } from '@harbour/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

describe(`cases on ${TEST_STORE}: opened from a report, moved on with reasons, closed by a supervisor`, () => {
  let t: TestApp;
  let dc: Client;
  let ds: Client;
  let analyst: Client;
  let reportId: string;

  const json = async (response: Promise<{ statusCode: number; json<T>(): T; body: string }>, status = 200) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<CaseView>();
  };

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    t.clock.now = Date.parse('2026-11-10T09:00:00Z');
    dc = await signIn(t, 'investigator');
    ds = await signIn(t, 'supervisor');
    analyst = await signIn(t, 'analyst');
    const officer = await signIn(t, 'officer');
    // A young man made to sell drugs by the man who houses him: both named in one referral.
    const referred = await officer.request('POST', '/api/referrals', {
      consentToNrm: 'yes',
      summary: 'Found at a flat in Pill with drugs; says the older man keeps his phone and his passport',
      victim: { givenName: 'Jonas', familyName: 'Petrauskas', ageYears: 17, child: 'yes' },
      otherPeople: [{ role: 'suspect', givenName: 'Dean', familyName: 'Morgan' }],
    });
    expect(referred.statusCode, referred.body).toBe(201);
    const reference = referred.json<{ reference: string }>().reference;
    reportId = (await t.store.db.selectFrom('reports').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()).id;
    await t.svc.resolution.drain();
  });
  afterAll(async () => t?.close());

  it('a DC opens a case from the report: the report and its two people are linked in their parts', async () => {
    const opened = await json(
      dc.request('POST', '/api/cases', { kind: 'investigation', title: 'Op Harbour Light: county line into Pill', fromReportId: reportId }),
      201,
    );
    expect(opened).toMatchObject({ status: 'new', kind: 'investigation', reports: 1, victims: 1, suspects: 1, canWork: true, canApprove: false });
    expect(opened.reference).toMatch(/^HBC-2026-\d{5}$/);
    expect(opened.entities.map((e) => [e.label, e.role]).sort()).toEqual([
      ['Dean Morgan', 'suspect'],
      ['Jonas Petrauskas', 'potential_victim'],
    ]);
    expect(opened.reportsLinked.map((r) => r.id)).toEqual([reportId]);
    expect(opened.history).toMatchObject([{ from: null, to: 'new' }]);
    expect(opened.nextStatuses).toEqual(['investigating', 'no_further_action', 'referred']);
    const audit = await t.store.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'case.opened').execute();
    expect(audit).toEqual([{ action: 'case.opened', subject_id: opened.id }]);
  });

  it('criminal exploitation: the victim is also linked as a suspect, and both parts are kept', async () => {
    const [c] = (await dc.request('GET', '/api/cases?status=open')).json<{ cases: { id: string }[] }>().cases;
    const before = await json(dc.request('GET', `/api/cases/${c!.id}`));
    const jonas = before.entities.find((e) => e.label === 'Jonas Petrauskas')!;
    const after = await json(dc.request('POST', `/api/cases/${c!.id}/entities`, { entityId: jonas.entityId, role: 'suspect' }));
    expect(
      after.entities
        .filter((e) => e.entityId === jonas.entityId)
        .map((e) => e.role)
        .sort(),
    ).toEqual(['potential_victim', 'suspect']);
    // People, not links: two suspects, one potential victim.
    expect(after).toMatchObject({ victims: 1, suspects: 2 });
  });

  it('moves on with a reason each time; a DC’s closing waits for the DS, who approves it', async () => {
    const [c] = (await dc.request('GET', '/api/cases?mine=true')).json<{ cases: { id: string }[] }>().cases;
    const id = c!.id;
    t.clock.advance(60_000);
    await json(dc.request('POST', `/api/cases/${id}/status`, { to: 'investigating', reason: 'Phone download requested' }));
    t.clock.advance(60_000);
    await json(dc.request('POST', `/api/cases/${id}/status`, { to: 'charged', reason: 'Dean Morgan charged under s2' }));
    t.clock.advance(60_000);
    const asked = await json(dc.request('POST', `/api/cases/${id}/status`, { to: 'closed', reason: 'Sentenced; nothing left to do' }));
    expect(asked.status).toBe('charged');
    expect(asked.closeRequest).toMatchObject({ reason: 'Sentenced; nothing left to do' });
    expect((await dc.request('POST', `/api/cases/${id}/closing`, { decision: 'approve', reason: 'Agreed' })).statusCode).toBe(403);

    t.clock.advance(60_000);
    const closed = await json(ds.request('POST', `/api/cases/${id}/closing`, { decision: 'approve', reason: 'Agreed, file complete' }));
    expect(closed.status).toBe('closed');
    expect(closed.closeRequest).toBeNull();
    expect(closed.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'new'],
      ['new', 'investigating'],
      ['investigating', 'charged'],
      ['charged', 'closed'],
    ]);
    const last = closed.history.at(-1)!;
    expect(last.reason).toContain('Sentenced; nothing left to do');
    expect(last.reason).toContain('Agreed, file complete');
    expect(last.requestedBy).not.toBeNull();

    // Reopening is the supervisor's too.
    expect((await dc.request('POST', `/api/cases/${id}/status`, { to: 'investigating', reason: 'New victim found' })).statusCode).toBe(403);
    expect((await json(ds.request('POST', `/api/cases/${id}/status`, { to: 'investigating', reason: 'New victim found' }))).status).toBe('investigating');
  });

  it('refuses a move the workflow does not allow, or one without a reason, naming the field', async () => {
    const opened = await json(dc.request('POST', '/api/cases', { kind: 'operation', title: 'Op Tide: car washes on the A48' }), 201);
    const jump = await dc.request('POST', `/api/cases/${opened.id}/status`, { to: 'charged', reason: 'Skipping ahead' });
    expect(jump.statusCode).toBe(400);
    expect(jump.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe('to');
    const bare = await dc.request('POST', `/api/cases/${opened.id}/status`, { to: 'investigating', reason: ' ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe('reason');
    expect((await json(dc.request('GET', `/api/cases/${opened.id}`))).status).toBe('new');
  });

  it('an analyst reads cases but changes nothing; notes are kept with their author', async () => {
    const [c] = (await analyst.request('GET', '/api/cases')).json<{ cases: { id: string }[] }>().cases;
    const read = await json(analyst.request('GET', `/api/cases/${c!.id}`));
    expect(read).toMatchObject({ canWork: false, nextStatuses: [] });
    expect((await analyst.request('POST', `/api/cases/${c!.id}/notes`, { body: 'An analyst’s note' })).statusCode).toBe(403);
    const noted = await json(dc.request('POST', `/api/cases/${c!.id}/notes`, { body: 'Spoke to the school: Jonas has not attended since September.' }));
    expect(noted.notes.at(-1)).toMatchObject({ body: 'Spoke to the school: Jonas has not attended since September.' });
    expect(noted.notes.at(-1)!.by).not.toBe('');
  });

  it('opens a case from a network: its people in the parts their reports give them, its things associated', async () => {
    const officer = await signIn(t, 'officer');
    const referred = await officer.request('POST', '/api/referrals', {
      consentToNrm: 'yes',
      summary: 'Works at the car wash for no pay; the boss rings her from this number',
      victim: { givenName: 'Amira', familyName: 'Haddad', ageYears: 24, child: 'no' },
      otherPeople: [{ role: 'suspect', givenName: 'Karim', familyName: 'Nassar' }],
      phones: ['07700 900777'],
    });
    expect(referred.statusCode, referred.body).toBe(201);
    await t.svc.resolution.drain();
    const karim = (
      await t.store.db.selectFrom('entities').select('id').where('label', '=', 'Karim Nassar').where('merged_into', 'is', null).executeTakeFirstOrThrow()
    ).id;
    const opened = await json(dc.request('POST', '/api/cases', { kind: 'operation', title: 'Op Suds: the car wash', fromNetworkOf: karim }), 201);
    expect(opened.entities.map((e) => [e.label, e.kind, e.role]).sort()).toEqual([
      ['+447700900777', 'phone', 'associated'],
      ['Amira Haddad', 'person', 'potential_victim'],
      ['Karim Nassar', 'person', 'suspect'],
    ]);
    const audit = await t.repos.audit.list({ action: 'case.opened', limit: 1 });
    expect(audit[0]?.details).toMatchObject({ fromNetworkOf: karim, entities: 3 });
    const missing = '00000000-0000-4000-8000-00000000000b';
    const refused = await dc.request('POST', '/api/cases', { kind: 'operation', title: 'Op Nowhere', fromNetworkOf: missing });
    expect(refused.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe('fromNetworkOf');
  });

  it('a case of another agency is not found, and an unknown report or entity is refused by field', async () => {
    const opened = await json(dc.request('POST', '/api/cases', { kind: 'operation', title: 'Op Elsewhere' }), 201);
    const other = (await t.store.db.selectFrom('agencies').select('id').where('kind', '<>', 'police').executeTakeFirstOrThrow()).id;
    await t.store.db.updateTable('cases').set({ agency_id: other }).where('id', '=', opened.id).execute();
    expect((await dc.request('GET', `/api/cases/${opened.id}`)).statusCode).toBe(404);
    expect((await dc.request('POST', `/api/cases/${opened.id}/notes`, { body: 'x' })).statusCode).toBe(404);

    const missing = '00000000-0000-4000-8000-00000000000a';
    const noReport = await dc.request('POST', '/api/cases', { kind: 'investigation', title: 'From nowhere', fromReportId: missing });
    expect(noReport.statusCode).toBe(400);
    expect(noReport.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe('fromReportId');
    const noEntity = await dc.request('POST', '/api/cases', { kind: 'investigation', title: 'Nobody', entities: [{ entityId: missing, role: 'suspect' }] });
    expect(noEntity.statusCode).toBe(400);
    expect(noEntity.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe('entities.0.entityId');
    // Nothing half-made: the refused cases are not there.
    expect((await t.store.db.selectFrom('cases').select('title').where('title', 'in', ['From nowhere', 'Nobody']).execute()).length).toBe(0);
  });
});
