import type { Dashboard } from '@harbour/contract';
import { checkNrmRecord, checkOutcome, daysBetween } from '@harbour/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { seedDemoCasework, type DemoCasework } from '../src/demo-casework';
import { buildPictureInBulk } from '../src/services/picture-bulk';
import { newTestApp, signIn, type TestApp } from './test-app';

/** The demo's reports end here; the casework is seeded as of a fixed day after. */
const TODAY = new Date('2026-11-01T12:00:00Z');

describe(`demo casework on ${TEST_STORE}: cases, NRM, safeguarding and outcomes that keep the law`, () => {
  let t: TestApp;
  let work: DemoCasework;
  beforeAll(async () => {
    t = await newTestApp({ reports: 400 });
    await buildPictureInBulk(t.repos);
    work = await seedDemoCasework(t.repos, 400, TODAY);
  });
  afterAll(async () => t?.close());

  it('opens about one case per twenty reports, with victims referred or notified and given a plan', () => {
    expect(work.cases).toBeGreaterThanOrEqual(10);
    expect(work.cases).toBeLessThanOrEqual(20);
    expect(work.referrals).toBeGreaterThan(work.notifications);
    expect(work.plans).toBe(work.referrals + work.notifications);
    expect(work.outcomes).toBeGreaterThan(0);
  });

  it('every NRM record and outcome would pass the checks a user’s does', async () => {
    const today = '2026-11-01';
    const nrm = await t.store.db.selectFrom('nrm_records').selectAll().execute();
    for (const n of nrm) {
      const record = {
        route: n.route,
        child: n.child,
        consent: n.consent,
        referredOn: n.referred_on,
        rgDecision: n.rg_decision,
        rgDecidedOn: n.rg_decided_on,
        cgDecision: n.cg_decision,
        cgDecidedOn: n.cg_decided_on,
        supportStatus: n.support_status,
      };
      expect(() => checkNrmRecord(record, today), JSON.stringify(record)).not.toThrow();
    }
    // One referral per person, counted once.
    expect(new Set(nrm.map((n) => n.entity_id)).size).toBe(nrm.length);
    const outcomes = await t.store.db.selectFrom('case_outcomes').selectAll().execute();
    for (const o of outcomes) {
      const input = {
        kind: o.kind,
        occurredOn: o.occurred_on,
        offence: o.offence,
        offenceCode: o.offence_code,
        result: o.result,
        orderType: o.order_type,
        endsOn: o.ends_on,
        untilFurtherOrder: o.until_further_order,
        details: o.details,
      };
      expect(() => checkOutcome(input, ['suspect'], today), JSON.stringify(input)).not.toThrow();
    }
    const charged = outcomes.filter((o) => o.kind === 'charge');
    expect(charged.filter((o) => o.offence === 'msa_s2').length).toBeGreaterThan(charged.length / 3);
    for (const o of outcomes.filter((x) => x.kind === 'court_result'))
      expect(daysBetween(charged.find((c) => c.entity_id === o.entity_id && c.case_id === o.case_id)!.occurred_on, o.occurred_on)).toBeGreaterThan(0);
  });

  it('shows on the 4P figures as people, not records', async () => {
    const analyst = await signIn(t, 'analyst');
    const d = (await analyst.request('GET', '/api/figures/dashboard?from=2020-01&to=2026-11')).json<Dashboard>();
    expect(d.casework.peopleReferredToNrm).toBe(work.referrals);
    expect(d.casework.peopleNotified).toBe(work.notifications);
    expect(Object.values(d.casework.casesByStatus).reduce((a, b) => a + b, 0)).toBe(work.cases);
  });
});
