import type { CaseView, SharedCaseList, SharedCaseView, TaskList } from '@harbour/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { endAgreementsWith, newTestApp, recordAgreement, signIn, type Client, type TestApp } from './test-app';

const DAY = 86_400_000;

/** Reads and exports only the force's team makes, whatever is shared with an agency. */
const FORCE_READS = (caseId: string) => [
  `/api/cases/${caseId}`,
  `/api/cases/${caseId}/documents/00000000-0000-4000-8000-000000000000`,
  '/api/cases',
  '/api/cases/htcds?from=2000-01',
  '/api/figures/profile.pdf',
  '/api/figures/profile',
  '/api/figures/research-export.csv',
  '/api/figures/dashboard',
  '/api/graph/networks',
  '/api/graph/charts',
  '/api/search?q=Mirela',
  '/api/triage',
];

describe(`sharing with partner agencies on ${TEST_STORE}: only under an agreement in force, only what it allows`, () => {
  let t: TestApp;
  let ds: Client;
  let admin: Client;
  let council: Client;
  let caseId: string;
  let newport: string;
  let caerphilly: string;

  /** Moves the clock on and signs everyone in afresh (sessions lapse over days). */
  const later = async (ms: number) => {
    t.clock.advance(ms);
    ds = await signIn(t, 'supervisor');
    admin = await signIn(t, 'admin');
    council = await signIn(t, 'partner');
  };
  const ukDay = (offsetDays = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(t.clock.now + offsetDays * DAY));

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    await later(0);
    const officer = await signIn(t, 'officer');
    const referred = await officer.request('POST', '/api/referrals', {
      consentToNrm: 'no',
      summary: 'Mirela Dragomir and another woman are kept in a flat above a nail bar; Costel Vasilescu drives them to work (07700 900461)',
      victim: { givenName: 'Mirela', familyName: 'Dragomir', ageYears: 27, child: 'no' },
      otherPeople: [{ role: 'suspect', givenName: 'Costel', familyName: 'Vasilescu' }],
      location: { town: 'Newport', postcode: 'NP20 2DG', description: 'Flat above the nail bar on Commercial Street' },
    });
    expect(referred.statusCode, referred.body).toBe(201);
    await t.svc.resolution.drain();
    const report = await t.store.db.selectFrom('reports').select('id').executeTakeFirstOrThrow();
    caseId = (await ds.request('POST', '/api/cases', { kind: 'investigation', title: 'Op Ewin: nail bar', fromReportId: report.id })).json<CaseView>().id;
    const agencies = await t.store.db.selectFrom('agencies').select(['id', 'name']).execute();
    newport = agencies.find((a) => a.name === 'Newport City Council')!.id;
    caerphilly = agencies.find((a) => a.name === 'Caerphilly County Borough Council')!.id;
  });
  afterAll(async () => t?.close());

  it('refuses to share outside an agreement, and shares inside one', async () => {
    const refused = await ds.request('POST', `/api/cases/${caseId}/shares`, { agencyId: caerphilly, reason: 'Safeguarding' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('no information-sharing agreement in force');
    const shared = await ds.request('POST', `/api/cases/${caseId}/shares`, { agencyId: newport, reason: 'Joint safeguarding visit' });
    expect(shared.statusCode, shared.body).toBe(200);
    const sharing = shared.json<CaseView>().sharing;
    expect(sharing.shares).toMatchObject([{ agency: 'Newport City Council', reading: true, revokedAt: null }]);
    expect(sharing.shareable.map((a) => a.name).sort()).toEqual(['Newport City Council', 'Survivor support charity (demo)']);
  });

  it('the council reads the case as its agreement allows: the suspect named, the victim not, no ids into the picture', async () => {
    expect((await council.request('GET', '/api/shared/cases')).json<SharedCaseList>().cases.map((c) => c.id)).toEqual([caseId]);
    const r = await council.request('GET', `/api/shared/cases/${caseId}`);
    expect(r.statusCode, r.body).toBe(200);
    const seen = r.json<SharedCaseView>();
    expect(seen.categories).toEqual(['addresses', 'suspect_identity']);
    expect(seen.parties.filter((p) => p.kind === 'person')).toEqual([
      { role: 'potential_victim', kind: 'person', label: null, n: 1 },
      { role: 'suspect', kind: 'person', label: 'Costel Vasilescu', n: 1 },
    ]);
    expect(r.body).not.toContain('Mirela');
    expect(r.body).not.toContain('Dragomir');
    const full = (await ds.request('GET', `/api/cases/${caseId}`)).json<CaseView>();
    for (const e of full.entities) expect(r.body).not.toContain(e.entityId);
    // The case itself, as the team reads it, stays closed to the council.
    expect((await council.request('GET', `/api/cases/${caseId}`)).statusCode).toBe(403);
  });

  it('the council adds a note the team reads; it never sees the team’s notes', async () => {
    await ds.request('POST', `/api/cases/${caseId}/notes`, { body: 'Source says the manager has a second address in Cardiff' });
    const r = await council.request('POST', `/api/shared/cases/${caseId}/notes`, { body: 'Visited with an interpreter; both women moved to safe housing' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<SharedCaseView>().notes.map((n) => n.body)).toEqual(['Visited with an interpreter; both women moved to safe housing']);
    expect(r.body).not.toContain('Cardiff');
    const team = (await ds.request('GET', `/api/cases/${caseId}`)).json<CaseView>();
    // The team reads the council's note as the council's.
    expect(team.notes.map((n) => [n.body, n.agency]).sort()).toEqual([
      ['Source says the manager has a second address in Cardiff', null],
      ['Visited with an interpreter; both women moved to safe housing', 'Newport City Council'],
    ]);
  });

  it('the council reads intelligence graded P as its agreement allows, and graded C only under intelligence_c with its handling conditions', async () => {
    const reportId = (await t.store.db.selectFrom('reports').select('id').executeTakeFirstOrThrow()).id;
    const refused = await ds.request('POST', `/api/reports/${reportId}/triage`, { grading: '2BC' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { fields: { path: string; reason: string }[] } }>().error.fields).toMatchObject([
      { path: 'handlingConditions', reason: 'required' },
    ]);
    expect((await ds.request('POST', `/api/reports/${reportId}/triage`, { grading: '2BP' })).statusCode).toBe(200);
    const read = async () => (await council.request('GET', `/api/shared/cases/${caseId}`)).json<SharedCaseView>().intelligence;
    // Graded P: shared, the victim's name and the phone number taken out, the suspect named, as the agreement allows.
    expect(await read()).toEqual([
      {
        n: 1,
        receivedOn: ukDay(),
        grading: '2BP',
        handlingConditions: null,
        exploitationTypes: ['unknown'],
        town: 'Newport',
        summary: '[withheld] and another woman are kept in a flat above a nail bar; Costel Vasilescu drives them to work ([withheld])',
      },
    ]);
    const graded = await ds.request('POST', `/api/reports/${reportId}/triage`, {
      grading: '2BC',
      handlingConditions: 'Council safeguarding team only; not to be shown to the landlord',
    });
    expect(graded.statusCode, graded.body).toBe(200);
    expect(graded.json<{ handlingConditions: string }>().handlingConditions).toBe('Council safeguarding team only; not to be shown to the landlord');
    const audit = await t.repos.audit.list({ action: 'report.triaged', limit: 1 });
    expect(audit[0]?.details).toEqual({ grading: '2BC', handlingConditions: true });
    // Graded C: not under the council's agreement, until one in force allows it.
    expect(await read()).toEqual([]);
    const agreed = await admin.request('POST', '/api/admin/agreements', {
      agencyId: newport,
      purpose: 'Safeguarding intelligence',
      lawfulBasis: 'Crime and Disorder Act 1998 s115',
      categories: ['intelligence_c'],
      startsOn: ukDay(),
      endsOn: ukDay(30),
    });
    expect(agreed.statusCode, agreed.body).toBe(201);
    expect(await read()).toMatchObject([{ grading: '2BC', handlingConditions: 'Council safeguarding team only; not to be shown to the landlord' }]);
    // Conditions go with C only.
    const stray = await ds.request('POST', `/api/reports/${reportId}/triage`, { grading: '2BP', handlingConditions: 'Not for the landlord' });
    expect(stray.statusCode).toBe(400);
  });

  it('for any history of shares, withdrawals, agreements and days passing, the council reads exactly while shared under one in force', async () => {
    // The demo's agreement is ended, so the council's reach is only what the history gives it.
    await endAgreementsWith(admin, newport, 'Replaced in the test');
    const task = await ds.request('POST', `/api/cases/${caseId}/tasks`, { title: 'Check the flat', ownerAgencyId: newport });
    expect(task.statusCode).toBe(400); // no agreement in force now

    type Step =
      | { kind: 'share' }
      | { kind: 'unshare' }
      | { kind: 'agree'; categories: ('victim_identity' | 'suspect_identity' | 'addresses')[]; days: number }
      | { kind: 'end' }
      | { kind: 'wait'; days: number };
    const step = fc.oneof(
      fc.constant<Step>({ kind: 'share' }),
      fc.constant<Step>({ kind: 'unshare' }),
      fc.record({
        kind: fc.constant('agree' as const),
        categories: fc.subarray(['victim_identity', 'suspect_identity', 'addresses', 'intelligence_c'] as const),
        days: fc.integer({ min: 0, max: 3 }),
      }),
      fc.constant<Step>({ kind: 'end' }),
      fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 3 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        // Model: the agreements (categories, last day) and whether the case is shared.
        // Each history starts with no agreement in force (earlier runs' are ended).
        await endAgreementsWith(admin, newport, 'A new history');
        let shared = (await ds.request('GET', `/api/cases/${caseId}`)).json<CaseView>().sharing.shares.some((s) => s.agencyId === newport && !s.revokedAt);
        let agreements: { categories: string[]; endsOn: string }[] = [];
        for (const s of steps) {
          if (s.kind === 'share') {
            const r = await ds.request('POST', `/api/cases/${caseId}/shares`, { agencyId: newport, reason: 'Joint work' });
            const inForce = agreements.some((a) => a.endsOn >= ukDay());
            expect(r.statusCode, r.body).toBe(inForce ? 200 : 409);
            if (inForce) shared = true;
          } else if (s.kind === 'unshare') {
            const r = await ds.request('DELETE', `/api/cases/${caseId}/shares/${newport}`);
            expect(r.statusCode).toBe(shared ? 200 : 404);
            shared = false;
          } else if (s.kind === 'agree') {
            const endsOn = ukDay(s.days);
            await recordAgreement(admin, newport, { categories: s.categories, startsOn: ukDay(), endsOn });
            agreements.push({ categories: s.categories, endsOn });
          } else if (s.kind === 'end') {
            await endAgreementsWith(admin, newport, 'Ended');
            agreements = [];
          } else {
            await later(s.days * DAY);
          }
          // After every step, every read route agrees with the model.
          const inForce = agreements.filter((a) => a.endsOn >= ukDay());
          const reading = shared && inForce.length > 0;
          const listed = (await council.request('GET', '/api/shared/cases')).json<SharedCaseList>().cases.some((c) => c.id === caseId);
          expect(listed).toBe(reading);
          const one = await council.request('GET', `/api/shared/cases/${caseId}`);
          expect(one.statusCode).toBe(reading ? 200 : 404);
          const note = await council.request('POST', `/api/shared/cases/${caseId}/notes`, { body: 'A note' });
          expect(note.statusCode).toBe(reading ? 200 : 404);
          if (reading) {
            const allowed = new Set(inForce.flatMap((a) => a.categories));
            expect(one.body.includes('Mirela')).toBe(allowed.has('victim_identity'));
            expect(one.body.includes('Costel')).toBe(allowed.has('suspect_identity'));
            expect(one.body.includes('Cardiff')).toBe(false);
            // The report is graded C: its intelligence only under intelligence_c, with its conditions.
            const seen = one.json<SharedCaseView>().intelligence;
            expect(seen.map((i) => i.handlingConditions)).toEqual(
              allowed.has('intelligence_c') ? ['Council safeguarding team only; not to be shown to the landlord'] : [],
            );
            expect(one.body.includes('07700')).toBe(false);
          }
          const tasks = (await council.request('GET', '/api/tasks/mine')).json<TaskList>();
          if (inForce.length === 0) expect(tasks.tasks.filter((x) => x.owner.kind === 'agency')).toEqual([]);
        }
        // Whatever is shared, the case whole, its documents, the picture and every export stay the force's.
        for (const path of FORCE_READS(caseId)) expect((await council.request('GET', path)).statusCode, path).toBe(403);
      }),
      { numRuns: 12 },
    );
  });
});
