import { sql } from 'kysely';
import type { RetentionView } from '@harbour/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

describe(`records reviewed and deleted under the retention schedule on ${TEST_STORE}`, () => {
  let t: TestApp;
  let admin: Client;
  let lone: string;
  let onCase: string;
  let caseId: string;

  const refer = async (officer: Client, victim: [string, string], summary: string) => {
    const r = await officer.request('POST', '/api/referrals', {
      consentToNrm: 'yes',
      exploitationTypes: ['labour'],
      summary,
      victim: { givenName: victim[0], familyName: victim[1], ageYears: 31, child: 'no' },
      otherPeople: [{ role: 'suspect', givenName: 'Ion', familyName: 'Marinescu' }],
    });
    expect(r.statusCode, r.body).toBe(201);
  };
  const at = async (iso: string) => {
    t.clock.now = Date.parse(iso);
    admin = await signIn(t, 'admin');
  };
  const due = async () => {
    const r = await admin.request('GET', '/api/retention');
    expect(r.statusCode, r.body).toBe(200);
    return r.json<RetentionView>();
  };
  const entityLabels = async () => (await t.store.db.selectFrom('entities').select('label').execute()).map((e) => e.label);

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    // June 2019: two referrals about the same man; the second becomes a case, closed in July.
    t.clock.now = Date.parse('2019-06-03T10:00:00Z');
    const officer = await signIn(t, 'officer');
    await refer(officer, ['Ana', 'Popescuová'], 'Worker at a hand car wash, paid nothing');
    t.clock.advance(60_000);
    await refer(officer, ['Bogdan', 'Vrabieșcu'], 'Second worker from the same car wash');
    await t.svc.resolution.drain();
    const reports = await t.store.db.selectFrom('reports').select('id').orderBy('received_at').execute();
    [lone, onCase] = [reports[0]!.id, reports[1]!.id];
    const ds = await signIn(t, 'supervisor');
    const opened = await ds.request('POST', '/api/cases', { kind: 'investigation', title: 'Op Olwyn', fromReportId: onCase });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json<{ id: string }>().id;
    t.clock.now = Date.parse('2019-07-01T10:00:00Z');
    const ds2 = await signIn(t, 'supervisor');
    for (const to of ['investigating', 'no_further_action', 'closed']) {
      const moved = await ds2.request('POST', `/api/cases/${caseId}/status`, { to, reason: 'Worked as the review requires' });
      expect(moved.statusCode, moved.body).toBe(200);
    }
  });
  afterAll(async () => t?.close());

  it('lists a report on no case and a closed case once their review falls due, not a report on a case', async () => {
    await at('2025-05-31T10:00:00Z');
    expect((await due()).due).toEqual([]);
    await at('2026-11-02T10:00:00Z');
    const list = await due();
    expect(list.schedule).toEqual({ report: 6, case: 6, case_convicted: 10 });
    expect(list.due.map((d) => [d.recordType, d.id, d.startedOn, d.dueOn])).toEqual([
      ['report', lone, '2019-06-03', '2025-06-03'],
      ['case', caseId, '2019-07-01', '2025-07-01'],
    ]);
  });

  it('keeps a record with a reason and a next review, and leaves it off the list until then', async () => {
    const refused = await admin.request('POST', `/api/retention/report/${lone}/retain`, { reason: 'Still needed', nextReviewOn: '2026-11-01' });
    expect(refused.statusCode).toBe(400);
    const kept = await admin.request('POST', `/api/retention/report/${lone}/retain`, {
      reason: 'The suspect is named in a live operation',
      nextReviewOn: '2027-06-01',
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await due()).due.map((d) => d.id)).toEqual([caseId]);
    // Not due is not deletable.
    const early = await admin.request('POST', `/api/retention/report/${lone}/delete`, { reason: 'no_policing_purpose' });
    expect(early.statusCode, early.body).toBe(400);
  });

  it('deletes a closed case whole: its report, and the people who stood on it alone leave the picture', async () => {
    expect(await entityLabels()).toContain('Bogdan Vrabieșcu');
    // An analyst once decided a pair of these records: the decision's history outlives the pair.
    const [one, two] = await t.store.db
      .selectFrom('entity_records')
      .select('id')
      .where('report_id', 'in', [lone, onCase])
      .where('kind', '=', 'person')
      .where('role', '=', 'potential_victim')
      .execute();
    const pairId = '00000000-0000-4000-8000-0000000000a1';
    await t.store.db
      .insertInto('review_pairs')
      .values({ id: pairId, record_a: one!.id, record_b: two!.id, probability: 0.9, pattern: 1, evidence: JSON.stringify({}), status: 'rejected' })
      .execute();
    await t.store.db.insertInto('entity_changes').values({ id: '00000000-0000-4000-8000-0000000000a2', action: 'split', review_pair_id: pairId }).execute();
    const gone = await admin.request('POST', `/api/retention/case/${caseId}/delete`, { reason: 'no_policing_purpose' });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(await t.store.db.selectFrom('cases').select('id').where('id', '=', caseId).execute()).toEqual([]);
    expect(await t.store.db.selectFrom('reports').select('id').where('id', '=', onCase).execute()).toEqual([]);
    const labels = await entityLabels();
    expect(labels).not.toContain('Bogdan Vrabieșcu');
    // The other report still names the victim and the suspect: they stay.
    expect(labels).toEqual(expect.arrayContaining(['Ana Popescuová', 'Ion Marinescu']));
    const list = await due();
    expect(list.due).toEqual([]);
    expect(list.deleted).toEqual({ reports: 1, cases: 1, potentialVictims: 1, entities: expect.any(Number) });
    expect(list.deleted.entities).toBeGreaterThanOrEqual(1);
  });

  it('deletes the kept report once due again; nothing of either is left to find, and the audit names no one', async () => {
    await at('2027-06-02T10:00:00Z');
    expect((await due()).due.map((d) => d.id)).toEqual([lone]);
    // Its people counted in a figure first, so the people tally holds them.
    const analyst = await signIn(t, 'analyst');
    expect((await analyst.request('GET', '/api/figures/dashboard?from=2019-01&to=2019-12')).json<{ victims: number }>().victims).toBeGreaterThan(0);
    expect(
      await t.store.db
        .selectFrom('people_facts')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirst(),
    ).not.toEqual({ n: 0 });
    expect((await admin.request('POST', `/api/retention/report/${lone}/delete`, { reason: 'no_policing_purpose' })).statusCode).toBe(200);
    expect(await entityLabels()).toEqual([]);
    // Nor anything the people tally kept of them (dates of birth, nationalities), before any figure is read.
    for (const table of ['people_facts', 'people_attributes', 'tally_people'] as const)
      expect(
        await t.store.db
          .selectFrom(table)
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirst(),
        table,
      ).toEqual({ n: 0 });
    expect(await t.store.db.selectFrom('retention_reviews').select('id').execute()).toEqual([]);
    const terms = (await t.store.db.selectFrom('search_terms').select('text').execute()).map((s) => s.text).join(' ');
    expect(terms).not.toMatch(/popescu|vrabie|marinescu/i);
    const search = await analyst.request('GET', '/api/search?q=Marinescu');
    expect(search.statusCode).toBe(200);
    const { query: _asked, ...found } = search.json<{ query: string }>();
    expect(JSON.stringify(found)).not.toMatch(/Marinescu/);
    const audit = await t.store.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'retention.%').execute();
    expect(audit.filter((a) => a.action === 'retention.deleted')).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toMatch(/Popescu|Vrabie|Marinescu|live operation|car wash/i);
    // The figures for 2019 say what they no longer count.
    const dashboard = await analyst.request('GET', '/api/figures/dashboard?from=2019-01&to=2019-12');
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json<{ reports: number; deleted: unknown }>()).toMatchObject({ reports: 0, deleted: { reports: 2, potentialVictims: 2 } });
    const deleted = await t.store.db.selectFrom('retention_deletions').selectAll().execute();
    expect(deleted.map((d) => [d.record_type, d.reason, d.reports, d.first_month])).toEqual(
      expect.arrayContaining([
        ['case', 'no_policing_purpose', 1, '2019-06'],
        ['report', 'no_policing_purpose', 1, '2019-06'],
      ]),
    );
  });

  it('refuses a record that is not reviewable, and other roles', async () => {
    expect((await admin.request('POST', `/api/retention/case/${caseId}/delete`, { reason: 'duplicate' })).statusCode).toBe(404);
    const dc = await signIn(t, 'investigator');
    expect((await dc.request('GET', '/api/retention')).statusCode).toBe(403);
  });
});
