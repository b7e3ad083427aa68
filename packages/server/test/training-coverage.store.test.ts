import type { AttemptView, AuthoredCourse, CoverageView, Dashboard, EstablishmentChange, TrainingUnitList } from '@harbour/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

const both = (text: string) => ({ en: text, cy: `${text} (cy)` });
const COURSE = {
  slug: 'first-response',
  content: {
    title: both('First response'),
    summary: both('What to do.'),
    modules: [{ id: 'one', title: both('One'), body: both('Use an interpreter.') }],
    questions: [
      {
        id: 'q',
        prompt: both('Who interprets?'),
        options: [
          { text: both('A professional'), correct: true, feedback: both('Yes.') },
          { text: both('The boss'), correct: false, feedback: both('No.') },
        ],
      },
    ],
    passMark: 100,
    questionsPerAttempt: 1,
    refresherMonths: 12,
  },
};

const UNITS = 'code,name,local authority\nNPT-RESP,Newport response,Newport\nCAE-NHP,Caerphilly neighbourhood,Caerphilly\nHQ,Headquarters,\n';
/** Four colleagues: the demo's officer (by the email of her account), two without accounts, one at HQ. */
const ESTABLISHMENT = [
  'Staff No,Full name,Email address,Unit',
  'G1001,PC Sian Davies,PC.Davies@gwent.police.example,NPT-RESP',
  'G1002,PC Tom Lewis,,NPT-RESP',
  'G1003,PC Ana Ruiz,,CAE-NHP',
  'G1004,DS Carys Jones,ds.jones@gwent.police.example,HQ',
].join('\n');

describe(`who is trained, on ${TEST_STORE}: the establishment, coverage, assignments and the Prepare figure`, () => {
  let t: TestApp;
  let ds: Client;
  let officer: Client;
  let courseId: string;
  const send = (client: Client, url: string, csv: string) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'text/csv' }, payload: csv });
  const coverage = async () => (await ds.request('GET', `/api/training/coverage?course=${courseId}`)).json<CoverageView>();

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    t.clock.advance(Date.parse('2026-12-02T10:00:00Z') - t.clock.now);
    ds = await signIn(t, 'supervisor');
    officer = await signIn(t, 'officer');
    const created = (await ds.request('POST', '/api/training/authoring', COURSE)).json<AuthoredCourse>();
    courseId = created.id;
    await ds.request('POST', `/api/training/authoring/${courseId}/publish`);
  });
  afterAll(async () => t?.close());

  it('before any establishment, the Prepare figure is not a nought but not recorded', async () => {
    const dashboard = (await ds.request('GET', '/api/figures/dashboard?from=2026-01&to=2026-12')).json<Dashboard>();
    expect(dashboard.prepared).toBeNull();
  });

  it('takes the units and the establishment; a file with a bad row changes nothing and names every problem', async () => {
    expect((await send(officer, '/api/training/units', UNITS)).statusCode).toBe(403);
    const units = await send(ds, '/api/training/units', UNITS);
    expect(units.statusCode, units.body).toBe(200);
    expect(units.json<EstablishmentChange>().units).toBe(3);

    const spoilt = `${ESTABLISHMENT}\nG1005,,nobody@,NOWHERE\nG1001,Again,,HQ`;
    const refused = await send(ds, '/api/training/establishment', spoilt);
    expect(refused.statusCode).toBe(400);
    const messages = refused.json<{ error: { fields: { message: string }[] } }>().error.fields.map((f) => f.message);
    expect(messages).toEqual([
      'Line 6, Full name: Give the colleague’s name',
      'Line 6, Email address: "nobody@" is not an email address',
      'Line 6, Unit: No unit has the code NOWHERE: add it to the units first',
      'Line 7, Staff No: The staff number G1001 is given already, on line 2',
    ]);
    expect((await ds.request('GET', '/api/training/units')).json<TrainingUnitList>().establishment).toBe(0);

    const taken = await send(ds, '/api/training/establishment', ESTABLISHMENT);
    expect(taken.json<EstablishmentChange>()).toEqual({ units: 3, added: 4, changed: 0, left: 0 });
    const list = (await ds.request('GET', '/api/training/units')).json<TrainingUnitList>();
    expect(list.establishment).toBe(4);
    expect(list.units.map((u) => [u.code, u.headcount, u.localAuthority])).toEqual([
      ['CAE-NHP', 1, 'W06000018'],
      ['HQ', 1, null],
      ['NPT-RESP', 2, 'W06000022'],
    ]);
  });

  it('a course set for a unit, and no one trained: all are listed, the unit outstanding', async () => {
    const npt = (await ds.request('GET', '/api/training/units')).json<TrainingUnitList>().units.find((u) => u.code === 'NPT-RESP')!;
    expect((await officer.request('POST', '/api/training/assignments', { courseId, unitId: npt.id, dueOn: '2026-12-01' })).statusCode).toBe(403);
    const bad = await ds.request('POST', '/api/training/assignments', { courseId, unitId: npt.id, dueOn: '1 December' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('dueOn');
    expect((await ds.request('POST', '/api/training/assignments', { courseId, unitId: npt.id, dueOn: '2026-12-01' })).statusCode).toBe(201);
    const c = await coverage();
    expect(c.total).toMatchObject({ headcount: 4, never: 4, percentTrained: 0 });
    const unit = c.units.find((u) => u.code === 'NPT-RESP')!;
    expect(unit).toMatchObject({ headcount: 2, never: 2, assignment: { dueOn: '2026-12-01', outstanding: 2, overdue: true } });
    expect(c.colleagues.map((p) => [p.staffNumber, p.standing, p.hasAccount])).toEqual([
      ['G1003', 'never', false],
      ['G1004', 'never', true],
      ['G1001', 'never', true],
      ['G1002', 'never', false],
    ]);
    expect((await officer.request('GET', `/api/training/coverage?course=${courseId}`)).statusCode).toBe(403);
  });

  it('the officer passes: her unit, her area, the list and the Prepare figure all change', async () => {
    const attempt = (await officer.request('POST', `/api/training/courses/${courseId}/attempts`)).json<AttemptView>();
    const marked = await officer.request('POST', `/api/training/attempts/${attempt.id}`, { answers: { q: 0 } });
    expect(marked.json<{ passed: boolean }>().passed).toBe(true);
    const c = await coverage();
    expect(c.total).toMatchObject({ headcount: 4, current: 1, never: 3, percentTrained: 25 });
    expect(c.units.find((u) => u.code === 'NPT-RESP')).toMatchObject({ current: 1, percentTrained: 50, assignment: { outstanding: 1, overdue: true } });
    expect(c.areas.find((a) => a.localAuthority === 'W06000022')).toMatchObject({ headcount: 2, current: 1 });
    expect(c.colleagues.map((p) => p.staffNumber)).not.toContain('G1001');
    const dashboard = (await ds.request('GET', '/api/figures/dashboard?from=2026-01&to=2026-12')).json<Dashboard>();
    expect(dashboard.prepared).toEqual({ establishment: 4, trained: 1, trainedInAny: 1, overdue: 0, courses: 1 });

    // Thirteen months on, her refresher is overdue: counted, and listed first.
    t.clock.advance(Date.parse('2028-01-05T10:00:00Z') - t.clock.now);
    ds = await signIn(t, 'supervisor');
    const later = await coverage();
    expect(later.colleagues[0]).toMatchObject({ staffNumber: 'G1001', standing: 'overdue', refresherDue: '2027-12-02' });
    expect((await ds.request('GET', '/api/figures/dashboard?from=2027-01&to=2027-12')).json<Dashboard>().prepared).toEqual({
      establishment: 4,
      trained: 0,
      trainedInAny: 0,
      overdue: 1,
      courses: 1,
    });
  });

  it('a colleague no longer in the file is marked as left and no longer counted', async () => {
    const without = ESTABLISHMENT.split('\n')
      .filter((l) => !l.startsWith('G1002'))
      .join('\n');
    expect((await send(ds, '/api/training/establishment', without)).json<EstablishmentChange>()).toEqual({ units: 3, added: 0, changed: 0, left: 1 });
    expect((await coverage()).total.headcount).toBe(3);
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['training.units-imported', 'training.establishment-imported', 'training.course-assigned', 'training.coverage-viewed'])
      .execute();
    expect(new Set(audit.map((a) => a.action)).size).toBe(4);
  });
});
