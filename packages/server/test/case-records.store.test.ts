import type { CaseView, Dashboard } from '@harbour/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

describe(`outcomes, NRM and safeguarding on a case on ${TEST_STORE}`, () => {
  let t: TestApp;
  let dc: Client;
  let analyst: Client;
  let caseId: string;
  let victim: string;
  let suspect: string;
  let adult: string;

  const json = async (response: Promise<{ statusCode: number; json<T>(): T; body: string }>, status = 200) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<CaseView>();
  };
  /** Moves the clock on (days, weeks) and signs in afresh, as the team would come back to the case. */
  const at = async (iso: string) => {
    t.clock.now = Date.parse(iso);
    dc = await signIn(t, 'investigator');
    analyst = await signIn(t, 'analyst');
  };
  const refused = async (response: Promise<{ statusCode: number; json<T>(): T; body: string }>, path: string, message: RegExp) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(400);
    const fields = r.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields;
    expect(fields.find((f) => f.path === path)?.message, r.body).toMatch(message);
  };

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    // Monday 2 November 2026, mid-morning in Newport.
    t.clock.now = Date.parse('2026-11-02T10:00:00Z');
    dc = await signIn(t, 'investigator');
    analyst = await signIn(t, 'analyst');
    const officer = await signIn(t, 'officer');
    // A 16-year-old made to sell drugs (a child: the NRM without consent), and an adult worker who
    // will not consent (the Duty to Notify), both named in referrals about the same man.
    const child = await officer.request('POST', '/api/referrals', {
      consentToNrm: 'unknown',
      exploitationTypes: ['criminal'],
      summary: 'Boy found dealing from a flat in Pill; the older man holds his phone',
      victim: { givenName: 'Jonas', familyName: 'Petrauskas', ageYears: 16, child: 'yes', language: 'Lithuanian', interpreterNeeded: true },
      otherPeople: [{ role: 'suspect', givenName: 'Dean', familyName: 'Morgan' }],
    });
    expect(child.statusCode, child.body).toBe(201);
    const worker = await officer.request('POST', '/api/referrals', {
      consentToNrm: 'no',
      exploitationTypes: ['labour'],
      summary: 'Car wash worker sleeps on site and is paid nothing; does not want to be referred',
      victim: { givenName: 'Ardit', familyName: 'Hoxha', ageYears: 34, child: 'no' },
      otherPeople: [{ role: 'suspect', givenName: 'Dean', familyName: 'Morgan' }],
    });
    expect(worker.statusCode, worker.body).toBe(201);
    await t.svc.resolution.drain();
    const ids = await t.store.db.selectFrom('reports').select('id').orderBy('received_at').execute();
    const opened = await json(dc.request('POST', '/api/cases', { kind: 'investigation', title: 'Op Pill: county line', fromReportId: ids[0]!.id }), 201);
    caseId = opened.id;
    const withWorker = await json(dc.request('POST', `/api/cases/${caseId}/reports`, { reportId: ids[1]!.id }));
    victim = opened.entities.find((e) => e.label === 'Jonas Petrauskas')!.entityId;
    suspect = opened.entities.find((e) => e.role === 'suspect')!.entityId;
    const hoxha = await t.store.db
      .selectFrom('entity_records')
      .select('entity_id')
      .where('report_id', '=', ids[1]!.id)
      .where('role', '=', 'potential_victim')
      .executeTakeFirstOrThrow();
    adult = hoxha.entity_id!;
    await json(dc.request('POST', `/api/cases/${caseId}/entities`, { entityId: adult, role: 'potential_victim' }));
    expect(withWorker.reports).toBe(2);
  });
  afterAll(async () => t?.close());

  it('prefills each potential victim’s NRM step from intake’s guidance', async () => {
    const c = await json(dc.request('GET', `/api/cases/${caseId}`));
    const byEntity = Object.fromEntries(c.records.prefill.map((p) => [p.entityId, p]));
    expect(byEntity[victim]).toMatchObject({
      route: 'nrm',
      child: true,
      consent: 'not_needed',
      exploitationTypes: ['criminal'],
      interpreterNeeded: true,
      language: 'Lithuanian',
    });
    expect(byEntity[adult]).toMatchObject({ route: 'dtn', child: false, consent: 'refused', exploitationTypes: ['labour'] });
    expect(c.records.firstResponder).not.toBe('');
  });

  it('records the child’s NRM referral, flags the Reasonable Grounds decision late after 5 working days, and keeps the recovery period', async () => {
    const referral = {
      entityId: victim,
      route: 'nrm',
      child: true,
      consent: 'not_needed',
      referredOn: '2026-11-02',
      firstResponder: 'Gwent Police',
      exploitationTypes: ['criminal'],
    };
    await refused(dc.request('POST', `/api/cases/${caseId}/nrm`, { ...referral, consent: 'given' }), 'consent', /needs no consent/);
    await refused(dc.request('POST', `/api/cases/${caseId}/nrm`, { ...referral, entityId: suspect }), 'entityId', /potential victim/);
    let c = await json(dc.request('POST', `/api/cases/${caseId}/nrm`, referral));
    expect(c.records.nrm).toHaveLength(1);
    expect(c.records.nrm[0]).toMatchObject({ entityId: victim, rgDueBy: '2026-11-09', rgOverdue: false });
    await refused(dc.request('POST', `/api/cases/${caseId}/nrm`, referral), 'entityId', /already/);

    await at('2026-11-10T10:00:00Z');
    c = await json(dc.request('GET', `/api/cases/${caseId}`));
    expect(c.records.nrm[0]!.rgOverdue).toBe(true);

    const nrmId = c.records.nrm[0]!.id;
    const { entityId: _, ...update } = referral;
    c = await json(
      dc.request('PUT', `/api/cases/${caseId}/nrm/${nrmId}`, { ...update, rgDecision: 'positive', rgDecidedOn: '2026-11-10', supportStatus: 'receiving' }),
    );
    expect(c.records.nrm[0]).toMatchObject({ rgDecision: 'positive', rgOverdue: false, cgFrom: '2026-12-10', cgAwaited: false, supportStatus: 'receiving' });
    await at('2026-12-15T10:00:00Z');
    await refused(
      dc.request('PUT', `/api/cases/${caseId}/nrm/${nrmId}`, {
        ...update,
        rgDecision: 'positive',
        rgDecidedOn: '2026-11-10',
        cgDecision: 'positive',
        cgDecidedOn: '2026-12-01',
      }),
      'cgDecidedOn',
      /recovery period: not before 2026-12-10/,
    );
    c = await json(dc.request('GET', `/api/cases/${caseId}`));
    expect(c.records.nrm[0]!.cgAwaited).toBe(true);
  });

  it('records the adult’s Duty to Notify, never an NRM referral without consent', async () => {
    const dtn = { entityId: adult, route: 'nrm', child: false, consent: 'refused', referredOn: '2026-11-03', firstResponder: 'Gwent Police' };
    await refused(dc.request('POST', `/api/cases/${caseId}/nrm`, dtn), 'route', /Duty to Notify/);
    const c = await json(dc.request('POST', `/api/cases/${caseId}/nrm`, { ...dtn, route: 'dtn' }));
    expect(c.records.nrm.find((n) => n.entityId === adult)).toMatchObject({ route: 'dtn', rgDueBy: null, rgOverdue: false });
  });

  it('keeps a safeguarding plan with its reviews, flagging a review that has fallen due', async () => {
    const plan = {
      entityId: victim,
      immediateRisks: 'Line holder knows where he lives; phone taken',
      accommodation: 'Emergency foster placement, Torfaen',
      supportProvider: 'Barnardo’s ICTG',
      interpreterNeeded: true,
      language: 'Lithuanian',
      nextReviewOn: '2026-12-20',
    };
    await refused(dc.request('POST', `/api/cases/${caseId}/safeguarding`, { ...plan, nextReviewOn: '2026-12-01' }), 'nextReviewOn', /today or later/);
    let c = await json(dc.request('POST', `/api/cases/${caseId}/safeguarding`, plan));
    expect(c.records.plans[0]).toMatchObject({ ...plan, reviewOverdue: false, reviews: [] });
    await at('2026-12-21T10:00:00Z');
    c = await json(dc.request('GET', `/api/cases/${caseId}`));
    expect(c.records.plans[0]!.reviewOverdue).toBe(true);
    c = await json(
      dc.request('POST', `/api/cases/${caseId}/safeguarding/${c.records.plans[0]!.id}/reviews`, {
        reviewedOn: '2026-12-21',
        note: 'Placement holding; school place found',
        nextReviewOn: '2027-01-21',
      }),
    );
    expect(c.records.plans[0]).toMatchObject({
      nextReviewOn: '2027-01-21',
      reviewOverdue: false,
      reviews: [{ reviewedOn: '2026-12-21', note: 'Placement holding; school place found' }],
    });
  });

  it('records arrest, an s2 charge and an order against the suspect, and asks the s45 question of the victim made to offend', async () => {
    await refused(dc.request('POST', `/api/cases/${caseId}/outcomes`, { entityId: victim, kind: 'arrest', occurredOn: '2026-11-20' }), 'entityId', /suspect/);
    await json(dc.request('POST', `/api/cases/${caseId}/outcomes`, { entityId: suspect, kind: 'arrest', occurredOn: '2026-11-20' }));
    await json(dc.request('POST', `/api/cases/${caseId}/outcomes`, { entityId: suspect, kind: 'charge', occurredOn: '2026-11-21', offence: 'msa_s2' }));
    await refused(
      dc.request('POST', `/api/cases/${caseId}/outcomes`, {
        entityId: suspect,
        kind: 'order',
        occurredOn: '2026-12-01',
        orderType: 'stro',
        endsOn: '2027-12-01',
      }),
      'endsOn',
      /at least 2 years/,
    );
    let c = await json(
      dc.request('POST', `/api/cases/${caseId}/outcomes`, {
        entityId: suspect,
        kind: 'order',
        occurredOn: '2026-12-01',
        orderType: 'stro',
        endsOn: '2028-12-01',
      }),
    );
    expect(c.records.outcomes.map((o) => [o.kind, o.offence, o.inForce])).toEqual([
      ['arrest', null, false],
      ['charge', 'msa_s2', false],
      ['order', null, true],
    ]);
    expect(c.records.s45Open).toEqual([]);
    // Jonas was made to deal: he is linked as a suspect too, and the s45 question opens.
    c = await json(dc.request('POST', `/api/cases/${caseId}/entities`, { entityId: victim, role: 'suspect' }));
    expect(c.records.s45Open).toEqual([victim]);
    c = await json(
      dc.request('POST', `/api/cases/${caseId}/outcomes`, {
        entityId: victim,
        kind: 's45',
        occurredOn: '2026-12-21',
        result: 'may_apply',
        details: 'Put to the CPS with the NRM decision',
      }),
    );
    expect(c.records.s45Open).toEqual([]);
    const wrong = c.records.outcomes.find((o) => o.kind === 'arrest')!;
    c = await json(dc.request('POST', `/api/cases/${caseId}/outcomes/${wrong.id}/withdraw`, { reason: 'Entered against the wrong case' }));
    expect(c.records.outcomes.map((o) => o.kind)).toEqual(['charge', 'order', 's45']);
  });

  it('is read by the analyst but changed only by those who work cases, and every change is audited', async () => {
    const c = await json(analyst.request('GET', `/api/cases/${caseId}`));
    expect(c.records.nrm).toHaveLength(2);
    const r = await analyst.request('POST', `/api/cases/${caseId}/outcomes`, { entityId: suspect, kind: 'arrest', occurredOn: '2026-11-20' });
    expect(r.statusCode).toBe(403);
    const actions = await t.store.db.selectFrom('audit_log').select('action').where('subject_id', '=', caseId).execute();
    const counts = actions.reduce<Record<string, number>>((m, a) => ({ ...m, [a.action]: (m[a.action] ?? 0) + 1 }), {});
    expect(counts).toMatchObject({
      'nrm.recorded': 2,
      'nrm.updated': 1,
      'safeguarding.plan-recorded': 1,
      'safeguarding.plan-reviewed': 1,
      'case.outcome-recorded': 4,
      'case.outcome-withdrawn': 1,
    });
  });

  it('counts the casework for the 4P view: people, not records, in the period', async () => {
    // The referral and the outcomes above are from November and December 2026.
    const d = (await analyst.request('GET', '/api/figures/dashboard?from=2026-11&to=2026-12')).json<Dashboard>();
    expect(d.casework).toMatchObject({
      casesByStatus: { new: 1 },
      peopleArrested: 0, // the arrest was withdrawn
      peopleCharged: 1,
      chargesByOffence: { msa_s2: 1 },
      ordersByType: { stro: 1 },
      peopleReferredToNrm: 1,
      peopleNotified: 1,
      reasonableGrounds: { positive: 1, negative: 0 },
      conclusiveGrounds: { positive: 0, negative: 0 },
      peopleWithPlans: 1,
      referralsAwaitingReasonableGrounds: 0,
    });
    const before = (await analyst.request('GET', '/api/figures/dashboard?from=2026-01&to=2026-10')).json<Dashboard>();
    expect(before.casework).toMatchObject({ casesByStatus: {}, peopleCharged: 0, peopleReferredToNrm: 0, peopleWithPlans: 0 });
  });
});
