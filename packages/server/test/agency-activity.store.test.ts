import type { AgencyActivity } from '@harbour/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type TestApp } from './test-app';

describe(`a partner agency's administrator reads its own staff's activity on ${TEST_STORE}`, () => {
  let t: TestApp;
  let caseId: string;
  let councilId: string;

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    t.clock.now = Date.parse('2026-11-02T10:00:00Z');
    const ds = await signIn(t, 'supervisor');
    const opened = await ds.request('POST', '/api/cases', { kind: 'investigation', title: 'Op Dyfrdwy' });
    caseId = opened.json<{ id: string }>().id;
    councilId = (await t.store.db.selectFrom('agencies').select('id').where('name', '=', 'Newport City Council').executeTakeFirstOrThrow()).id;
    expect((await ds.request('POST', `/api/cases/${caseId}/shares`, { agencyId: councilId, reason: 'Joint visit' })).statusCode).toBe(200);
    // The council's safeguarding officer reads the shared case and adds a note.
    const council = await signIn(t, 'partner');
    expect((await council.request('GET', `/api/shared/cases/${caseId}`)).statusCode).toBe(200);
    expect((await council.request('POST', `/api/shared/cases/${caseId}/notes`, { body: 'Visited with an interpreter' })).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('shows what the agency’s accounts did, named, and nothing any other agency’s accounts did', async () => {
    const admin = await signIn(t, 'partner_admin');
    const response = await admin.request('GET', '/api/agency/activity');
    expect(response.statusCode, response.body).toBe(200);
    const activity = response.json<AgencyActivity>();
    const priya = activity.entries.filter((e) => e.actorName === 'Priya Patel');
    expect(priya.map((e) => e.action)).toEqual(expect.arrayContaining(['case.viewed', 'case.note-added', 'session.signed-in']));
    expect(priya.find((e) => e.action === 'case.viewed')).toMatchObject({ subjectType: 'case', subjectId: caseId });
    // Every entry is by one of the council's own accounts; the force's (who opened and shared the case) are not there.
    const staff = await t.store.db.selectFrom('users').select('id').where('agency_id', '=', councilId).execute();
    const ours = new Set(staff.map((s) => s.id));
    expect(activity.entries.length).toBeGreaterThan(0);
    expect(activity.entries.every((e) => ours.has(e.actorId))).toBe(true);
    expect(activity.entries.some((e) => e.action === 'case.opened' || e.action === 'case.shared')).toBe(false);
    expect(activity.staff.map((s) => s.name).sort()).toEqual(['Gareth Lewis', 'Priya Patel']);
    // Nothing of an entry's details reaches the agency: only what was done, to which record.
    expect(Object.keys(activity.entries[0]!).sort()).toEqual(['action', 'actorId', 'actorName', 'at', 'seq', 'subjectId', 'subjectType']);
  });

  it('filters by account and day, and is itself audited', async () => {
    const admin = await signIn(t, 'partner_admin');
    const priyaId = (await t.store.db.selectFrom('users').select('id').where('display_name', '=', 'Priya Patel').executeTakeFirstOrThrow()).id;
    // The log is stamped by the store's clock, so the day is read from the log itself.
    const all = (await admin.request('GET', `/api/agency/activity?actorId=${priyaId}`)).json<AgencyActivity>();
    expect(all.entries.length).toBeGreaterThan(0);
    expect(all.entries.every((e) => e.actorId === priyaId)).toBe(true);
    const day = all.entries[0]!.at.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await admin.request('GET', `/api/agency/activity?actorId=${priyaId}&from=${day}&to=${day}`)).json<AgencyActivity>().entries).toHaveLength(
      all.entries.filter((e) => e.at.startsWith(day)).length,
    );
    expect((await admin.request('GET', `/api/agency/activity?actorId=${priyaId}&from=${next}`)).json<AgencyActivity>().entries).toEqual([]);
    const read = await t.store.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'audit.agency-listed').execute();
    expect(read.length).toBeGreaterThanOrEqual(3);
  });

  it('is refused to a partner who is not the agency’s administrator, and to the force', async () => {
    for (const role of ['partner', 'supervisor', 'admin'] as const) {
      const client = await signIn(t, role);
      expect((await client.request('GET', '/api/agency/activity')).statusCode, role).toBe(403);
    }
  });
});
