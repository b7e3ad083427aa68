import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

describe(`referrals on ${TEST_STORE}`, () => {
  let t: TestApp;
  let officer: Client;
  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    officer = await signIn(t, 'officer');
  });
  afterAll(async () => t?.close());

  const childReferral = {
    indicators: ['ho.county_lines_phone', 'ho.moved_between_places', 'ho.child_unexplained_gifts'],
    victim: { givenName: 'Kyle', familyName: 'Jones', ageYears: 15, child: 'unknown', gender: 'male', nationality: 'British', interpreterNeeded: false },
    consentToNrm: 'no',
    location: { localAuthority: 'W06000022', town: 'Newport', postcode: 'np190aa' },
    summary: 'Boy of 15 found at a flat in Maindee with cash and two phones; says he owes money to older men from Birmingham.',
    otherPeople: [{ role: 'suspect', givenName: 'Dean', nationality: 'British' }],
    phones: ['07700 900456'],
    addresses: [{ address: 'Flat 2, 14 Maindee Parade', postcode: 'np19  8gx', town: 'Newport' }],
  };

  it('a child referral goes to the NRM without consent and to safeguarding, and is never low priority', async () => {
    const response = await officer.request('POST', '/api/referrals', childReferral);
    expect(response.statusCode).toBe(201);
    const { reference, triage } = response.json<{ reference: string; triage: { guidance: string[]; band: string; contributions: { id: string }[] } }>();
    expect(reference).toMatch(/^HBR-\d{4}-1\d{7}$/);
    expect(triage.guidance).toEqual(['safeguard_child_now', 'nrm_referral_child']);
    expect(triage.contributions.map((c) => c.id)).toContain('child');
    expect(triage.band).toBe('high');
    const row = await t.store.db.selectFrom('reports').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'officer', involves_child: true, postcode: 'NP19 0AA', catalogue_version: '2026.1', status: 'new' });
    expect(row.indicator_ids).toEqual(childReferral.indicators);
    expect(row.victim).toMatchObject({ child: 'yes', consentToNrm: 'no', ageYears: 15 });
    expect((await t.store.db.selectFrom('report_addresses').selectAll().where('report_id', '=', row.id).execute()).map((a) => [a.address, a.postcode])).toEqual(
      [['Flat 2, 14 Maindee Parade', 'NP19 8GX']],
    );
    const people = await t.store.db.selectFrom('report_persons').select(['role', 'given_name']).where('report_id', '=', row.id).orderBy('role').execute();
    expect(people).toEqual([
      { role: 'potential_victim', given_name: 'Kyle' },
      { role: 'suspect', given_name: 'Dean' },
    ]);
    const audit = await t.repos.audit.list({ action: 'referral.submitted', limit: 1 });
    expect(audit[0]).toMatchObject({ subjectId: row.id, actorRole: 'officer' });
  });

  it('asks about answers on age that disagree, presuming a child meanwhile, and stores nothing until they agree', async () => {
    const before = (await t.store.db.selectFrom('reports').select('id').execute()).length;
    const seventeen = { ...childReferral, victim: { ...childReferral.victim, ageYears: 17, child: 'no' } };
    const refused = await officer.request('POST', '/api/referrals', seventeen);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'victim.child', reason: 'age_under_18_but_not_child', message: 'The age given is under 18 but "under 18" is answered no: say which is right' },
    ]);
    // Asked as the form is filled in, with the guidance for a child until it is settled.
    const preview = (await officer.request('POST', '/api/referrals/preview', seventeen)).json();
    expect(preview.contradictions).toEqual([{ code: 'age_under_18_but_not_child', path: 'victim.child' }]);
    expect(preview.guidance).toEqual(['safeguard_child_now', 'nrm_referral_child']);
    const dates = (await officer.request('POST', '/api/referrals/preview', { victim: { ageYears: 30, dob: '2010-01-01' } })).json();
    expect(dates.contradictions).toEqual([{ code: 'dob_and_age_differ', path: 'victim.dob', ageFromDob: expect.any(Number) }]);
    expect(dates.guidance[0]).toBe('safeguard_child_now');
    // Refused with the reason and the age the date of birth gives, so the form can say it in Welsh too.
    const differ = await officer.request('POST', '/api/referrals', { ...childReferral, victim: { ageYears: 30, dob: '2010-01-01' } });
    expect(differ.json().error.fields).toEqual([
      expect.objectContaining({ path: 'victim.dob', reason: 'dob_and_age_differ', values: { age: dates.contradictions[0].ageFromDob } }),
    ]);
    const future = await officer.request('POST', '/api/referrals', { ...childReferral, victim: { dob: '2999-01-01' } });
    expect(future.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toEqual(['victim.dob']);
    expect((await t.store.db.selectFrom('reports').select('id').execute()).length).toBe(before);
  });

  it('counts a choice sent many times once: six times labour is labour', async () => {
    const response = await officer.request('POST', '/api/referrals', {
      summary: 'Six times labour',
      consentToNrm: 'yes',
      victim: { ageYears: 30 },
      exploitationTypes: Array(6).fill('labour'),
      indicators: Array(4).fill('ho.lives_at_workplace'),
    });
    expect(response.statusCode).toBe(201);
    const row = await t.store.db.selectFrom('reports').selectAll().where('reference', '=', response.json().reference).executeTakeFirstOrThrow();
    expect(row.exploitation_types).toEqual(['labour']);
    expect(row.indicator_ids).toEqual(['ho.lives_at_workplace']);
  });

  it('guides from the first answer: a preview needs no summary and ignores what is half typed', async () => {
    const first = await officer.request('POST', '/api/referrals/preview', { summary: '', phones: ['07'], victim: { child: 'yes' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ guidance: ['safeguard_child_now', 'nrm_referral_child'], band: 'high', contradictions: [] });
    const empty = (await officer.request('POST', '/api/referrals/preview', {})).json();
    expect(empty.guidance).toEqual(['presume_child_if_in_doubt', 'ask_adult_consent']);
  });

  it('an adult who does not consent is notified anonymously (Duty to Notify), not referred', async () => {
    const preview = await officer.request('POST', '/api/referrals/preview', {
      indicators: ['ilo.retention_of_documents'],
      victim: { ageYears: 34, child: 'no', interpreterNeeded: true },
      consentToNrm: 'no',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().guidance).toEqual(['duty_to_notify', 'book_interpreter']);
    const consenting = await officer.request('POST', '/api/referrals/preview', {
      victim: { ageYears: 34, child: 'no' },
      consentToNrm: 'yes',
      riskToLife: true,
    });
    expect(consenting.json().guidance).toEqual(['call_999_now', 'nrm_referral_adult_consented']);
    expect(consenting.json().band).toBe('critical');
  });

  it('names what is wrong and stores nothing', async () => {
    const before = (await t.store.db.selectFrom('reports').select('id').execute()).length;
    const bad = await officer.request('POST', '/api/referrals', { ...childReferral, indicators: ['ilo.deception', 'not.real'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'indicators.1', message: 'No indicator not.real in catalogue 2026.1' }]);
    const invalid = await officer.request('POST', '/api/referrals', {
      ...childReferral,
      summary: '',
      victim: { ageYears: 200 },
      location: { postcode: 'nope' },
    });
    expect(invalid.statusCode).toBe(400);
    const paths = invalid.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['summary', 'victim.ageYears', 'location.postcode']));
    expect((await t.store.db.selectFrom('reports').select('id').execute()).length).toBe(before);
  });

  it('keeps drafts on the server for their owner only, and clears one when it is submitted', async () => {
    const id = randomUUID();
    const saved = await officer.request('PUT', `/api/referrals/drafts/${id}`, { data: { summary: 'Half written on the street', step: 2 } });
    expect(saved.statusCode).toBe(200);
    await officer.request('PUT', `/api/referrals/drafts/${id}`, { data: { summary: 'Half written on the street, then more', step: 3 } });
    const drafts = (await officer.request('GET', '/api/referrals/drafts')).json<{ drafts: { id: string; data: { step: number } }[] }>().drafts;
    expect(drafts).toEqual([expect.objectContaining({ id, data: { summary: 'Half written on the street, then more', step: 3 } })]);

    const partner = await signIn(t, 'partner');
    const stolen = await partner.request('PUT', `/api/referrals/drafts/${id}`, { data: { summary: 'overwritten' } });
    expect(stolen.statusCode).toBe(403);
    expect((await partner.request('GET', '/api/referrals/drafts')).json().drafts).toEqual([]);

    const submitted = await officer.request('POST', '/api/referrals', { ...childReferral, draftId: id });
    expect(submitted.statusCode).toBe(201);
    expect((await officer.request('GET', '/api/referrals/drafts')).json().drafts).toEqual([]);

    const fromPartner = await partner.request('POST', '/api/referrals', {
      summary: 'Referral from the council',
      consentToNrm: 'yes',
      victim: { ageYears: 40 },
    });
    expect(fromPartner.statusCode).toBe(201);
    const row = await t.store.db
      .selectFrom('reports')
      .select(['source', 'agency_id'])
      .where('reference', '=', fromPartner.json().reference)
      .executeTakeFirstOrThrow();
    expect(row.source).toBe('partner');
  });

  it('serves the indicator catalogue, and the referrals reach the triage queue', async () => {
    const catalogue = (await officer.request('GET', '/api/referrals/catalogue')).json<{ version: string; indicators: unknown[] }>();
    expect(catalogue.version).toBe('2026.1');
    expect(catalogue.indicators.length).toBeGreaterThan(30);
    expect((await officer.request('GET', '/api/referrals/catalogue?version=1999')).statusCode).toBe(400);
    const supervisor = await signIn(t, 'supervisor');
    const queue = (await supervisor.request('GET', '/api/triage?child=yes')).json<{ items: { source: string; involvesChild: boolean }[] }>().items;
    expect(queue.length).toBeGreaterThanOrEqual(2);
    expect(queue.every((i) => i.involvesChild && i.source === 'officer')).toBe(true);
  });

  it('the queue puts a child first within a band, ahead of an adult with more indicators', async () => {
    const catalogue = (await officer.request('GET', '/api/referrals/catalogue')).json<{ indicators: { id: string; childOnly?: boolean }[] }>();
    // An adult whose indicators alone make the referral high priority.
    const indicators: string[] = [];
    for (const { id } of catalogue.indicators.filter((i) => !i.childOnly)) {
      indicators.push(id);
      const band = (await officer.request('POST', '/api/referrals/preview', { indicators, victim: { ageYears: 40 } })).json().band;
      if (band === 'high') break;
    }
    const adult = await officer.request('POST', '/api/referrals', { indicators, victim: { ageYears: 40 }, consentToNrm: 'yes', summary: 'Adult, many signs' });
    const child = await officer.request('POST', '/api/referrals', { victim: { child: 'yes' }, summary: 'A child, nothing else known yet' });
    expect([adult.json().triage.band, child.json().triage.band]).toEqual(['high', 'high']);
    expect(adult.json().triage.score).toBeGreaterThan(child.json().triage.score);
    const supervisor = await signIn(t, 'supervisor');
    const queue = (await supervisor.request('GET', '/api/triage?limit=200')).json<{ items: { reference: string }[] }>().items.map((i) => i.reference);
    expect(queue.indexOf(child.json().reference)).toBeLessThan(queue.indexOf(adult.json().reference));
  });

  it('the supervisor opens a report, assigns it, grades it 3x5x2 and marks it triaged; all audited', async () => {
    const supervisor = await signIn(t, 'supervisor');
    const queue = (await supervisor.request('GET', '/api/triage?child=yes')).json<{ items: { id: string }[] }>().items;
    const id = queue[0]!.id;
    const detail = await supervisor.request('GET', `/api/reports/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      status: 'new',
      involvesChild: true,
      persons: [{ role: 'potential_victim', givenName: 'Kyle' }, { role: 'suspect' }],
      addresses: [{ address: 'Flat 2, 14 Maindee Parade' }],
    });
    expect(detail.json().triage.guidance).toEqual(['safeguard_child_now', 'nrm_referral_child']);

    const assignees = (await supervisor.request('GET', '/api/reports/assignees')).json<{ assignees: { id: string; role: string }[] }>().assignees;
    const investigatorId = assignees.find((a) => a.role === 'investigator')!.id;
    // Nothing to change is a clear refusal, not a server error.
    const empty = await supervisor.request('POST', `/api/reports/${id}/triage`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0]).toMatchObject({ path: 'assignTo', reason: 'required' });
    const badGrade = await supervisor.request('POST', `/api/reports/${id}/triage`, { grading: '4FZ' });
    expect(badGrade.statusCode).toBe(400);
    expect(badGrade.json().error.fields[0].path).toBe('grading');
    const decided = await supervisor.request('POST', `/api/reports/${id}/triage`, { assignTo: investigatorId, grading: '2BP', markTriaged: true });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'triaged', grading: '2BP', assignedTo: investigatorId });
    expect(decided.json().triagedAt).not.toBeNull();

    const stillNew = (await supervisor.request('GET', '/api/triage?child=yes')).json<{ items: { id: string }[] }>().items;
    expect(stillNew.map((i) => i.id)).not.toContain(id);
    const actions = (await t.repos.audit.list({ subjectId: id, limit: 20 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['referral.submitted', 'report.viewed', 'report.triaged']));

    const investigator = await signIn(t, 'investigator');
    const supervisorId = assignees.find((a) => a.role === 'supervisor')!.id;
    expect((await investigator.request('POST', `/api/reports/${id}/triage`, { assignTo: supervisorId })).statusCode).toBe(403);
    // Assigned to the DC by the DS: the DC grades it (the form sends the assignment as it is) but
    // cannot give it back; the DS can.
    expect((await investigator.request('POST', `/api/reports/${id}/triage`, { assignTo: investigatorId, grading: '1AP' })).statusCode).toBe(200);
    const cleared = await investigator.request('POST', `/api/reports/${id}/triage`, { assignTo: null });
    expect(cleared.statusCode).toBe(403);
    expect(cleared.json().error.message).toBe('Only a supervisor can change an assignment a supervisor made');
    expect((await supervisor.request('POST', `/api/reports/${id}/triage`, { assignTo: null })).json()).toMatchObject({ assignedTo: null });
    // Unassigned now: the DC may take it, and give back what they took.
    expect((await investigator.request('POST', `/api/reports/${id}/triage`, { assignTo: investigatorId })).json()).toMatchObject({
      assignedTo: investigatorId,
    });
    expect((await investigator.request('POST', `/api/reports/${id}/triage`, { assignTo: null })).json()).toMatchObject({ assignedTo: null });
    // A report the DS gave to the DS cannot be taken by the DC either.
    await supervisor.request('POST', `/api/reports/${id}/triage`, { assignTo: supervisorId });
    expect((await investigator.request('POST', `/api/reports/${id}/triage`, { assignTo: investigatorId })).statusCode).toBe(403);
    expect((await investigator.request('GET', `/api/reports/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});
