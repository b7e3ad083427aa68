import type { CaseView, TaskList, TaskOwners, TaskView } from '@harbour/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

describe(`tasks on ${TEST_STORE}: given on a case to the team or a partner agency, overdue first`, () => {
  let t: TestApp;
  let dc: Client;
  let ds: Client;
  let council: Client;
  let caseId: string;
  let owners: TaskOwners;

  const give = async (body: Record<string, unknown>, status = 201) => {
    t.clock.advance(60_000); // given one after another, listed in that order
    const r = await dc.request('POST', `/api/cases/${caseId}/tasks`, body);
    expect(r.statusCode, r.body).toBe(status);
    return r.json<TaskView>();
  };

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    // A fixed day (UK time), so "overdue" never depends on when the test runs.
    t.clock.now = Date.parse('2026-11-10T09:00:00Z');
    dc = await signIn(t, 'investigator');
    ds = await signIn(t, 'supervisor');
    council = await signIn(t, 'partner');
    const opened = await dc.request('POST', '/api/cases', { kind: 'investigation', title: 'Op Ffynnon: a cuckooed flat in Bettws' });
    caseId = opened.json<CaseView>().id;
    owners = (await dc.request('GET', '/api/cases/task-owners')).json<TaskOwners>();
  });
  afterAll(async () => t?.close());

  it('offers the team and the partner agencies with an agreement in force (not the police) as owners', async () => {
    expect(owners.agencies.map((a) => a.name).sort()).toEqual(['Newport City Council', 'Survivor support charity (demo)']);
    expect(owners.agencies.some((a) => /Police/.test(a.name))).toBe(false);
    // Giving work to an agency shares with it: outside an agreement it is refused, with the reason.
    const caerphilly = await t.store.db.selectFrom('agencies').select('id').where('name', '=', 'Caerphilly County Borough Council').executeTakeFirstOrThrow();
    const refused = await dc.request('POST', `/api/cases/${caseId}/tasks`, { title: 'Visit', ownerAgencyId: caerphilly.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('no information-sharing agreement in force');
    expect(owners.users.length).toBeGreaterThan(0);
  });

  it('the council sees the task given to it, overdue first, with the case’s reference but not the case', async () => {
    const newport = owners.agencies.find((a) => a.name === 'Newport City Council')!;
    const other = owners.agencies.find((a) => a.name === 'Survivor support charity (demo)')!;
    await give({ title: 'Safeguarding visit to the flat', details: 'Two adults; one speaks Tigrinya only.', ownerAgencyId: newport.id, dueOn: '2026-11-20' });
    const late = await give({ title: 'Check the tenancy records', ownerAgencyId: newport.id, dueOn: '2026-11-08' });
    await give({ title: 'Not the council’s', ownerAgencyId: other.id, dueOn: '2026-11-01' });
    expect(late.overdue).toBe(true);

    const mine = (await council.request('GET', '/api/tasks/mine')).json<TaskList>();
    expect(mine.tasks.map((x) => x.title)).toEqual(['Check the tenancy records', 'Safeguarding visit to the flat']);
    expect(mine.overdue).toBe(1);
    expect(mine.tasks[1]).toMatchObject({ caseReference: expect.stringMatching(/^HBC-2026-\d{5}$/), owner: { kind: 'agency', name: 'Newport City Council' } });
    expect((await council.request('GET', `/api/cases/${caseId}`)).statusCode).toBe(403);
  });

  it('the council records what was done; another agency’s task is not found for it; a done task cannot be done twice', async () => {
    const mine = (await council.request('GET', '/api/tasks/mine')).json<TaskList>();
    const visit = mine.tasks.find((x) => x.title === 'Safeguarding visit to the flat')!;
    const done = await council.request('POST', `/api/tasks/${visit.id}/finish`, {
      status: 'done',
      outcome: 'Visited with an interpreter; both moved to safe housing.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<TaskView>()).toMatchObject({
      status: 'done',
      outcome: 'Visited with an interpreter; both moved to safe housing.',
      finishedBy: 'Priya Patel',
    });
    expect((await council.request('POST', `/api/tasks/${visit.id}/finish`, { status: 'done', outcome: 'Again' })).statusCode).toBe(409);

    const all = (await ds.request('GET', '/api/tasks')).json<TaskList>();
    const others = all.tasks.find((x) => x.title === 'Not the council’s')!;
    expect((await council.request('POST', `/api/tasks/${others.id}/finish`, { status: 'done', outcome: 'Not ours to do' })).statusCode).toBe(404);
    // The case's page shows every task and how each ended.
    const c = (await dc.request('GET', `/api/cases/${caseId}`)).json<CaseView>();
    expect(c.tasks.map((x) => [x.title, x.status])).toEqual([
      ['Safeguarding visit to the flat', 'done'],
      ['Check the tenancy records', 'open'],
      ['Not the council’s', 'open'],
    ]);
  });

  it('the DS sees every open task, overdue first; the DC’s own tasks are theirs', async () => {
    const dcId = owners.users.find((u) => /DC/.test(u.name))!.id;
    await give({ title: 'Download the phone', ownerUserId: dcId, dueOn: '2026-11-12' });
    const all = (await ds.request('GET', '/api/tasks')).json<TaskList>();
    expect(all.tasks.map((x) => x.title)).toEqual(['Not the council’s', 'Check the tenancy records', 'Download the phone']);
    expect(all.overdue).toBe(2);
    await give({ title: 'Statement from the neighbour', ownerUserId: dcId, dueOn: '2026-11-09' });
    const mine = (await dc.request('GET', '/api/tasks/mine')).json<TaskList>();
    // Yesterday's is overdue and comes first; today's date is the UK's.
    expect(mine.tasks.map((x) => [x.title, x.overdue])).toEqual([
      ['Statement from the neighbour', true],
      ['Download the phone', false],
    ]);
  });

  it('refuses a task without one owner, or with a date that is not one, naming the field', async () => {
    const none = await dc.request('POST', `/api/cases/${caseId}/tasks`, { title: 'Nobody’s' });
    expect(none.statusCode).toBe(400);
    expect(none.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe('owner');
    const badDate = await dc.request('POST', `/api/cases/${caseId}/tasks`, { title: 'Soon', ownerUserId: owners.users[0]!.id, dueOn: '31/11/2026' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe('dueOn');
  });
});
