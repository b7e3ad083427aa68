import type { ReportSharing, SharedReportList, SharedReportView } from '@harbour/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { endAgreementsWith, newTestApp, recordAgreement, signIn, type Client, type TestApp } from './test-app';

describe(`one report shared with a partner agency on ${TEST_STORE}: graded, inside an agreement, redacted`, () => {
  let t: TestApp;
  let ds: Client;
  let council: Client;
  let admin: Client;
  let newport: string;
  let ours: { id: string; reference: string };
  let theirs: string;

  const reasonOf = (r: { json<T>(): T }) => r.json<{ error: { reason?: string } }>().error.reason;

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    ds = await signIn(t, 'supervisor');
    council = await signIn(t, 'partner');
    admin = await signIn(t, 'admin');
    const officer = await signIn(t, 'officer');
    const sent = await officer.request('POST', '/api/referrals', {
      consentToNrm: 'yes',
      summary: 'Mirela Dragomir sleeps at the nail bar; Costel Vasilescu takes her wages. Call 07700 900461.',
      victim: { givenName: 'Mirela', familyName: 'Dragomir', ageYears: 27, child: 'no' },
      otherPeople: [
        { role: 'suspect', givenName: 'Costel', familyName: 'Vasilescu' },
        { role: 'witness', givenName: 'Sarah', familyName: 'Hughes' },
      ],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const fromCouncil = await council.request('POST', '/api/referrals', {
      consentToNrm: 'yes',
      summary: 'A man living in the council’s temporary housing works at a car wash for no pay',
      victim: { givenName: 'Arben', familyName: 'Krasniqi', ageYears: 40, child: 'no' },
    });
    expect(fromCouncil.statusCode, fromCouncil.body).toBe(201);
    const rows = await t.store.db.selectFrom('reports').select(['id', 'reference', 'source']).execute();
    ours = rows.find((r) => r.reference === sent.json<{ reference: string }>().reference)!;
    theirs = rows.find((r) => r.reference === fromCouncil.json<{ reference: string }>().reference)!.id;
    newport = (await t.store.db.selectFrom('agencies').select('id').where('name', '=', 'Newport City Council').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  const share = (id: string) => ds.request('POST', `/api/reports/${id}/shares`, { agencyId: newport, reason: 'Safeguarding visit' });

  it('refuses an ungraded report, one graded C the agreement does not cover, and the sender’s own referral, each with its reason', async () => {
    expect(reasonOf(await share(ours.id))).toBe('report_not_graded');
    await ds.request('POST', `/api/reports/${ours.id}/triage`, { grading: '2BC', handlingConditions: 'Council safeguarding only' });
    const refused = await share(ours.id);
    expect(refused.statusCode).toBe(409);
    expect(reasonOf(refused)).toBe('handling_c_not_agreed');
    await ds.request('POST', `/api/reports/${theirs}/triage`, { grading: '2BP' });
    expect(reasonOf(await share(theirs))).toBe('share_own_record');
    expect(await t.store.db.selectFrom('report_shares').selectAll().execute()).toEqual([]);
  });

  it('shares one graded P: the council reads it redacted, never its reference, its source or the victim’s name', async () => {
    await ds.request('POST', `/api/reports/${ours.id}/triage`, { grading: '2BP' });
    const shared = await share(ours.id);
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json<ReportSharing>().shares).toMatchObject([{ agency: 'Newport City Council', reading: true }]);
    expect((await council.request('GET', '/api/shared/reports')).json<SharedReportList>().reports.map((r) => [r.id, r.grading])).toEqual([[ours.id, '2BP']]);
    const read = await council.request('GET', `/api/shared/reports/${ours.id}`);
    expect(read.statusCode, read.body).toBe(200);
    const view = read.json<SharedReportView>();
    expect(view.parties).toEqual([
      { role: 'potential_victim', kind: 'person', label: null, n: 1 },
      { role: 'suspect', kind: 'person', label: 'Costel Vasilescu', n: 1 },
    ]);
    expect(view.intelligence.summary).toBe('[withheld] sleeps at the nail bar; Costel Vasilescu takes her wages. Call [withheld].');
    for (const secret of ['Mirela', 'Dragomir', 'Hughes', '07700', ours.reference]) expect(read.body).not.toContain(secret);
    const audit = await t.repos.audit.list({ action: 'report.viewed', limit: 1 });
    expect(audit[0]?.details).toMatchObject({ shared: true });
    // The team's report itself stays closed to the council.
    expect((await council.request('GET', `/api/reports/${ours.id}`)).statusCode).toBe(403);
  });

  it('withdrawn, or its agreement ended, the council loses it at once', async () => {
    expect((await ds.request('DELETE', `/api/reports/${ours.id}/shares/${newport}`)).statusCode).toBe(200);
    expect((await council.request('GET', `/api/shared/reports/${ours.id}`)).statusCode).toBe(404);
    expect((await council.request('GET', '/api/shared/reports')).json<SharedReportList>().reports).toEqual([]);
    expect((await share(ours.id)).statusCode).toBe(200);
    expect((await council.request('GET', `/api/shared/reports/${ours.id}`)).statusCode).toBe(200);
    await endAgreementsWith(admin, newport, 'Reviewed');
    expect((await council.request('GET', `/api/shared/reports/${ours.id}`)).statusCode).toBe(404);
    expect((await ds.request('GET', `/api/reports/${ours.id}/shares`)).json<ReportSharing>().shares).toMatchObject([{ reading: false }]);
  });

  it('for any history of grades, shares, withdrawals, agreements and days, the council reads the report exactly when the model says', async () => {
    const DAY = 86_400_000;
    const ukDay = (offset = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(t.clock.now + offset * DAY));
    type Step =
      | { kind: 'grade'; handling: 'P' | 'C' }
      | { kind: 'share' }
      | { kind: 'unshare' }
      | { kind: 'agree'; categories: ('victim_identity' | 'suspect_identity' | 'intelligence_c')[]; days: number }
      | { kind: 'end' }
      | { kind: 'wait'; days: number };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('grade' as const), handling: fc.constantFrom('P' as const, 'C' as const) }),
      fc.constant<Step>({ kind: 'share' }),
      fc.constant<Step>({ kind: 'unshare' }),
      fc.record({
        kind: fc.constant('agree' as const),
        categories: fc.subarray(['victim_identity', 'suspect_identity', 'intelligence_c'] as const),
        days: fc.integer({ min: 0, max: 3 }),
      }),
      fc.constant<Step>({ kind: 'end' }),
      fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 3 }) }),
    );
    const signInAgain = async () => {
      ds = await signIn(t, 'supervisor');
      council = await signIn(t, 'partner');
      admin = await signIn(t, 'admin');
    };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        // Each history starts with the report withdrawn, graded P and no agreement in force.
        await signInAgain();
        await ds.request('DELETE', `/api/reports/${ours.id}/shares/${newport}`);
        await ds.request('POST', `/api/reports/${ours.id}/triage`, { grading: '2BP' });
        await endAgreementsWith(admin, newport, 'A new history');
        let handling: 'P' | 'C' = 'P';
        let shared = false;
        let agreements: { categories: string[]; endsOn: string }[] = [];
        for (const s of steps) {
          const inForce = () => agreements.filter((a) => a.endsOn >= ukDay());
          const allowed = () => new Set(inForce().flatMap((a) => a.categories));
          if (s.kind === 'grade') {
            const body = s.handling === 'C' ? { grading: '2BC', handlingConditions: 'Safeguarding team only' } : { grading: '2BP' };
            expect((await ds.request('POST', `/api/reports/${ours.id}/triage`, body)).statusCode).toBe(200);
            handling = s.handling;
          } else if (s.kind === 'share') {
            const r = await ds.request('POST', `/api/reports/${ours.id}/shares`, { agencyId: newport, reason: 'Safeguarding' });
            const may = inForce().length > 0 && (handling === 'P' || allowed().has('intelligence_c'));
            expect(r.statusCode, r.body).toBe(may ? 200 : 409);
            if (may) shared = true;
          } else if (s.kind === 'unshare') {
            expect((await ds.request('DELETE', `/api/reports/${ours.id}/shares/${newport}`)).statusCode).toBe(shared ? 200 : 404);
            shared = false;
          } else if (s.kind === 'agree') {
            const endsOn = ukDay(s.days);
            await recordAgreement(admin, newport, { categories: s.categories, startsOn: ukDay(), endsOn });
            agreements.push({ categories: s.categories, endsOn });
          } else if (s.kind === 'end') {
            await endAgreementsWith(admin, newport, 'A new history');
            agreements = [];
          } else {
            t.clock.advance(s.days * DAY);
            await signInAgain();
          }
          // After every step: read exactly while shared, under an agreement in force, with C only under intelligence_c.
          const reading = shared && inForce().length > 0 && (handling === 'P' || allowed().has('intelligence_c'));
          const one = await council.request('GET', `/api/shared/reports/${ours.id}`);
          expect(one.statusCode, JSON.stringify(steps)).toBe(reading ? 200 : 404);
          const listed = (await council.request('GET', '/api/shared/reports')).json<SharedReportList>().reports.some((r) => r.id === ours.id);
          expect(listed).toBe(reading);
          if (reading) {
            expect(one.body.includes('Mirela')).toBe(allowed().has('victim_identity'));
            expect(one.body.includes('Vasilescu')).toBe(allowed().has('suspect_identity'));
            for (const never of ['Hughes', '07700', ours.reference]) expect(one.body).not.toContain(never);
          }
        }
      }),
      { numRuns: 10 },
    );
  });
});
