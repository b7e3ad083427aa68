import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwarenessEvent, AwarenessEventList, Campaign, CampaignList, Dashboard, Material, MaterialList, ReportView } from '@harbour/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newReport } from '../../../test/reports';
import { TEST_PORTAL, newTestApp, signIn, type Client, type TestApp } from './test-app';

const NEWPORT = 'W06000022';
const TORFAEN = 'W06000020';

describe(`awareness work on ${TEST_STORE}`, () => {
  let t: TestApp;
  let officer: Client;
  let campaign: Campaign;
  const folder = mkdtempSync(join(tmpdir(), 'harbour-prevent-'));

  beforeAll(async () => {
    t = await newTestApp();
    t.clock.advance(Date.parse('2026-12-01T10:00:00Z') - t.clock.now);
    officer = await signIn(t, 'officer');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts a campaign, its code made from its name and numbered on when taken', async () => {
    const started = await officer.request('POST', '/api/prevent/campaigns', { name: 'Car washes, spring 2027' });
    expect(started.statusCode, started.body).toBe(201);
    campaign = started.json<Campaign>();
    expect(campaign.code).toBe('car-washes-spring-2027');
    const again = (await officer.request('POST', '/api/prevent/campaigns', { name: 'Car Washes — Spring 2027' })).json<Campaign>();
    expect(again.code).toBe('car-washes-spring-2027-2');
    expect((await officer.request('POST', '/api/prevent/campaigns', { name: 'x' })).json().error.fields[0].path).toBe('name');
  });

  it('makes a Welsh leaflet for car washes into the library, and prints it leading to the Welsh form', async () => {
    const made = await officer.request('POST', '/api/prevent/materials', { campaign: campaign.code, setting: 'car_wash', language: 'cy', size: 'A5' });
    expect(made.statusCode, made.body).toBe(201);
    const material = made.json<Material>();
    const library = (await officer.request('GET', '/api/prevent/materials')).json<MaterialList>();
    expect(library.portal).toBe(TEST_PORTAL);
    expect(library.materials.map((m) => [m.campaignName, m.setting, m.language, m.size])).toEqual([['Car washes, spring 2027', 'car_wash', 'cy', 'A5']]);

    const pdf = await officer.request('GET', `/api/prevent/materials/${material.id}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="car-washes-spring-2027-leaflet-car-wash-cy.pdf"');
    const file = join(folder, 'leaflet.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'])
      .toString()
      .replace(/[\u00a0\s]+/g, ' ');
    expect(text).toContain('Gallai caethwasiaeth fodern fod yn digwydd yma');
    expect(text).toContain(`${TEST_PORTAL}/report?lang=cy`);
    const audit = await t.store.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', 'like', 'prevent.material-%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['prevent.material-downloaded', 'prevent.material-made']);

    const refused = await officer.request('POST', '/api/prevent/materials', { campaign: 'no-such-campaign', setting: 'farm', language: 'ar', size: 'A4' });
    expect(refused.json().error.fields).toEqual([{ path: 'campaign', message: 'Choose a campaign' }]);
  });

  it('counts a public report that came by the campaign’s QR code, and drops an unknown tag, never the report', async () => {
    const token = async () => (await t.app.inject({ method: 'GET', url: '/api/public/form-token' })).json<{ token: string }>().token;
    const send = async (tag: string) => {
      const formToken = await token();
      t.clock.advance(20_000);
      const sent = await t.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        payload: { formToken, language: 'cy', description: `Gweithwyr yn byw yn y golchfa geir (${tag})`, localAuthority: NEWPORT, campaign: tag },
      });
      expect(sent.statusCode, sent.body).toBe(201);
      return t.store.db.selectFrom('reports').select(['id', 'campaign']).where('summary', 'like', `%(${tag})%`).executeTakeFirstOrThrow();
    };
    const scanned = await send(campaign.code);
    expect(scanned.campaign).toBe(campaign.code);
    expect((await send('not-a-campaign')).campaign).toBeNull();
    expect((await send('<script>')).campaign).toBeNull();

    const supervisor = await signIn(t, 'supervisor');
    expect((await supervisor.request('GET', `/api/reports/${scanned.id}`)).json<ReportView>().campaign).toBe(campaign.code);
    const listed = (await officer.request('GET', '/api/prevent/campaigns')).json<CampaignList>().campaigns.find((c) => c.code === campaign.code);
    expect(listed).toMatchObject({ materials: 1, events: 0, reports: 1 });
  });

  it('takes a self-check for a car wash as a public report: the place and the signs ticked, with or without words', async () => {
    const send = async (body: object) => {
      const formToken = (await t.app.inject({ method: 'GET', url: '/api/public/form-token' })).json<{ token: string }>().token;
      t.clock.advance(20_000);
      return t.app.inject({ method: 'POST', url: '/api/public/reports', payload: { formToken, language: 'pl', description: '', ...body } });
    };
    const ticked = await send({ setting: 'car_wash', signs: ['ho.lives_at_workplace', 'ilo.withholding_wages'], postcode: 'NP20 1AB' });
    expect(ticked.statusCode, ticked.body).toBe(201);
    const stored = await t.store.db
      .selectFrom('reports')
      .select(['id', 'summary', 'setting', 'indicator_ids', 'language', 'postcode'])
      .where('setting', '=', 'car_wash')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      summary: 'Self-check for a hand car wash: 2 signs ticked, nothing written.',
      indicator_ids: ['ho.lives_at_workplace', 'ilo.withholding_wages'],
      language: 'pl',
      postcode: 'NP20 1AB',
    });
    const view = (await (await signIn(t, 'supervisor')).request('GET', `/api/reports/${stored.id}`)).json<ReportView>();
    expect(view.setting).toBe('car_wash');

    // Words written are kept as written; nothing ticked and nothing written is refused, naming the words.
    const written = await send({ setting: 'nail_bar', description: 'Dziewczyny śpią na zapleczu salonu.' });
    expect(written.statusCode).toBe(201);
    expect((await t.store.db.selectFrom('reports').select('summary').where('setting', '=', 'nail_bar').executeTakeFirstOrThrow()).summary).toBe(
      'Dziewczyny śpią na zapleczu salonu.',
    );
    const empty = await send({ setting: 'hotel', signs: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toEqual(['description']);
    // The full form still needs words: ticking alone is for a self-check.
    expect((await send({ signs: ['ilo.debt_bondage'] })).statusCode).toBe(400);
  });

  it('records an event, with the reports in its area four weeks either side', async () => {
    // Newport: two reports in the four weeks before 10 November (12 October is a day too early), three in the
    // four weeks from it (to 7 December); Torfaen's is not counted.
    const at = (day: string, localAuthority = NEWPORT) =>
      t.repos.intake.createReport(newReport({ receivedAt: new Date(`${day}T12:00:00Z`), localAuthority }), {
        actorId: null,
        actorRole: null,
        action: 'referral.submitted',
        subjectType: 'report',
      });
    for (const day of ['2026-10-12', '2026-10-13', '2026-11-09', '2026-11-10', '2026-11-20', '2026-12-07']) await at(day);
    await at('2026-11-11', TORFAEN);

    const recorded = await officer.request('POST', '/api/prevent/events', {
      heldOn: '2026-11-10',
      title: 'Visits to hand car washes',
      place: 'Commercial Road, Newport',
      localAuthority: NEWPORT,
      point: { latitude: 51.58, longitude: -2.99 },
      audiences: ['car_washes', 'public', 'car_washes'],
      partners: ['GLAA', 'Newport City Council'],
      attendance: 23,
      handedOut: 60,
      campaign: campaign.code,
      notes: 'Leaflets in Albanian and Romanian ran out.',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const event = recorded.json<AwarenessEvent>();
    expect(event.audiences).toEqual(['car_washes', 'public']);
    // The three public reports sent today (1 December) are in Newport too, within four weeks of the event.
    expect(event.around).toEqual({ before: 2, after: 6, days: 28, complete: false });

    const listed = (await officer.request('GET', '/api/prevent/events?from=2026-11-01&to=2026-11-30')).json<AwarenessEventList>();
    expect(listed.events.map((e) => e.title)).toEqual(['Visits to hand car washes']);
    expect((await officer.request('GET', '/api/prevent/events?from=2026-12-01&to=2026-12-31')).json<AwarenessEventList>().events).toEqual([]);
  });

  it('refuses an event not yet held, outside the force, for no one, or for an unknown campaign, naming the field', async () => {
    const base = {
      heldOn: '2026-11-20',
      title: 'Talk to taxi drivers',
      place: 'Cwmbran bus station',
      localAuthority: TORFAEN,
      audiences: ['taxi_drivers'],
      attendance: 12,
    };
    const field = async (body: object) =>
      (await officer.request('POST', '/api/prevent/events', { ...base, ...body })).json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path;
    expect(await field({ heldOn: '2026-12-02' })).toBe('heldOn');
    expect(await field({ localAuthority: 'E06000001' })).toBe('localAuthority');
    expect(await field({ audiences: [] })).toBe('audiences');
    expect(await field({ campaign: 'no-such-campaign' })).toBe('campaign');
    expect(await field({ attendance: -1 })).toBe('attendance');
    expect((await officer.request('POST', '/api/prevent/events', base)).statusCode).toBe(201);
  });

  it('gives the Prevent figures of the dashboard’s period, narrowed by area', async () => {
    const analyst = await signIn(t, 'analyst');
    const prevented = async (query: string) => (await analyst.request('GET', `/api/figures/dashboard?${query}`)).json<Dashboard>().prevented;
    expect(await prevented('from=2026-11&to=2026-12')).toEqual({ events: 2, reached: 35, handedOut: 60, campaignReports: 1 });
    expect(await prevented(`from=2026-11&to=2026-12&area=${TORFAEN}`)).toEqual({ events: 1, reached: 12, handedOut: 0, campaignReports: 0 });
    expect(await prevented('from=2026-01&to=2026-10')).toEqual({ events: 0, reached: 0, handedOut: 0, campaignReports: 0 });
  });

  it('is the team’s work: partners and the administrator are refused', async () => {
    for (const role of ['admin', 'partner'] as const) expect((await (await signIn(t, role)).request('GET', '/api/prevent/campaigns')).statusCode).toBe(403);
  });
});
