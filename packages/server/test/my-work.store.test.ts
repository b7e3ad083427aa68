import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

interface Work {
  reports: { reference: string; receivedAt: string; triageBand: string; status: string; dueBy: string | null; overdue: boolean }[];
  overdue: number;
}

const HOUR = 3_600_000;

describe(`"my work" on ${TEST_STORE}: the reports assigned to me, overdue first`, () => {
  let t: TestApp;
  let officer: Client;
  let supervisor: Client;
  const refs: Record<'danger' | 'child' | 'adult' | 'inHand' | 'toSupervisor', string> = {} as never;
  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    // A fixed morning, so what is overdue never depends on the day the test runs.
    t.clock.now = Date.parse('2026-11-10T09:00:00Z');
    officer = await signIn(t, 'officer');
    supervisor = await signIn(t, 'supervisor');
    const refer = async (body: Record<string, unknown>) => {
      const response = await officer.request('POST', '/api/referrals', { consentToNrm: 'yes', ...body });
      expect(response.statusCode).toBe(201);
      return response.json<{ reference: string }>().reference;
    };
    refs.adult = await refer({ summary: 'Adult, few signs', victim: { ageYears: 40 } });
    t.clock.advance(10 * 60_000);
    refs.child = await refer({ summary: 'A child seen with older men', victim: { child: 'yes' } });
    t.clock.advance(10 * 60_000);
    refs.danger = await refer({ summary: 'Locked in a flat now', riskToLife: true, victim: { ageYears: 30 } });
    refs.inHand = await refer({ summary: 'Already in hand', victim: { ageYears: 35 } });
    refs.toSupervisor = await refer({ summary: 'The supervisor keeps this one', victim: { ageYears: 50 } });

    const assignees = (await supervisor.request('GET', '/api/reports/assignees')).json<{ assignees: { id: string; role: string }[] }>().assignees;
    const dc = assignees.find((a) => a.role === 'investigator')!.id;
    const ds = assignees.find((a) => a.role === 'supervisor')!.id;
    const queue = (await supervisor.request('GET', '/api/triage?limit=200')).json<{ items: { id: string; reference: string }[] }>().items;
    const idOf = (reference: string) => queue.find((i) => i.reference === reference)!.id;
    for (const ref of [refs.adult, refs.child, refs.danger])
      expect((await supervisor.request('POST', `/api/reports/${idOf(ref)}/triage`, { assignTo: dc })).statusCode).toBe(200);
    await supervisor.request('POST', `/api/reports/${idOf(refs.inHand)}/triage`, { assignTo: dc, grading: '2BP', markTriaged: true });
    await supervisor.request('POST', `/api/reports/${idOf(refs.toSupervisor)}/triage`, { assignTo: ds });
  });
  afterAll(async () => t?.close());

  const myWork = async (role: 'investigator' | 'supervisor') => {
    const response = await (await signIn(t, role)).request('GET', '/api/my-work');
    expect(response.statusCode).toBe(200);
    return response.json<Work>();
  };

  it('lists only my reports: awaiting triage by when it falls due, then those in hand', async () => {
    const work = await myWork('investigator');
    expect(work.reports.map((r) => r.reference)).toEqual([refs.danger, refs.child, refs.adult, refs.inHand]);
    expect(work.reports.map((r) => r.triageBand)).toEqual(['critical', 'high', 'low', 'low']);
    const dueIn = work.reports.slice(0, 3).map((r) => (Date.parse(r.dueBy!) - Date.parse(r.receivedAt)) / HOUR);
    expect(dueIn).toEqual([1, 24, 168]);
    expect(work.reports[3]).toMatchObject({ status: 'triaged', dueBy: null, overdue: false });
    expect(work.overdue).toBe(0);
    expect((await myWork('supervisor')).reports.map((r) => r.reference)).toEqual([refs.toSupervisor]);
  });

  it('puts the overdue first, the longest overdue at the top, and counts them', async () => {
    t.clock.advance(25 * HOUR);
    const work = await myWork('investigator');
    expect(work.reports.map((r) => [r.reference, r.overdue])).toEqual([
      [refs.danger, true],
      [refs.child, true],
      [refs.adult, false],
      [refs.inHand, false],
    ]);
    expect(work.overdue).toBe(2);
    const listed = await t.repos.audit.list({ action: 'work.listed', limit: 1 });
    expect(listed[0]).toMatchObject({ actorRole: 'investigator' });
  });

  it('is refused to those who are never assigned reports', async () => {
    for (const role of ['officer', 'analyst', 'researcher', 'partner'] as const)
      expect((await (await signIn(t, role)).request('GET', '/api/my-work')).statusCode).toBe(403);
  });
});
