import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PeopleBehind } from '@harbour/contract';
import { localDate } from '@harbour/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headAndFoot } from '../../../test/pdf';
import { newReport } from '../../../test/reports';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

type Fields = { error: { fields: { path: string; message: string }[] } };
interface Count {
  key: string;
  n: number;
}
interface Dashboard {
  reports: number;
  previous: { from: string; to: string; through: string | null; change: { before: number; after: number; count: number; percent: number | null } };
  trend: { period: string; n: number }[];
  byArea: (Count & { name: string })[];
  byType: Count[];
  byAge: Count[];
  bySource: Count[];
  partialThrough: string | null;
  victims: number;
  victimMentions: number;
  suspects: number;
  peopleCounting: boolean;
  victimsByGender: Count[];
  victimsByAge: Count[];
  victimsByNationality: (Count & { name: string })[];
}

/** The shared Welsh boundaries, read in place. */
const SHARED_GEO = fileURLToPath(new URL('../../../../shared/data/geo', import.meta.url));
const NEWPORT = 'W06000022';
const TORFAEN = 'W06000020';
const event = { actorId: null, actorRole: null, action: 'report.imported' as const, subjectType: 'report' };
/** A potential victim; each a different person (a figure of people must not find two of them one). */
const FAMILIES = ['Berisha', 'Kowalska', 'Nguyen', 'Popescu', 'Haile', 'Osei'];
let named = 0;
const victim = (gender: string, nationality: string) => ({
  id: randomUUID(),
  role: 'potential_victim',
  givenName: 'Ana',
  familyName: FAMILIES[named++ % FAMILIES.length]!,
  gender,
  nationality,
});

describe(`dashboard figures over HTTP on ${TEST_STORE}`, () => {
  let t: TestApp;
  let analyst: Client;
  beforeAll(async () => {
    t = await newTestApp({ reports: 0, geoDir: SHARED_GEO });
    // Figures of 2026 read as a whole year, whatever day the tests run.
    t.clock.now = Date.parse('2027-02-01T12:00:00Z');
    analyst = await signIn(t, 'analyst');
    const reports = [
      newReport({
        receivedAt: new Date('2026-01-10T10:00:00Z'),
        localAuthority: NEWPORT,
        exploitationTypes: ['labour'],
        persons: [victim('female', 'Albanian')],
      }),
      newReport({
        receivedAt: new Date('2026-02-10T10:00:00Z'),
        localAuthority: NEWPORT,
        source: 'public',
        exploitationTypes: ['labour', 'sexual'],
        persons: [victim('female', 'Albania')],
      }),
      newReport({
        receivedAt: new Date('2026-05-10T10:00:00Z'),
        localAuthority: TORFAEN,
        town: null,
        postcode: 'NP4 6YY',
        exploitationTypes: ['sexual'],
        involvesChild: true,
        persons: [victim('male', 'Vietnamese')],
      }),
      newReport({ receivedAt: new Date('2025-03-10T10:00:00Z'), localAuthority: NEWPORT, exploitationTypes: ['labour'] }),
    ];
    for (const r of reports) await t.repos.intake.createReport(r, event);
  });
  afterAll(async () => t?.close());

  const dashboard = async (query: string) => {
    const response = await analyst.request('GET', `/api/figures/dashboard?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Dashboard>();
  };

  it('counts a year by every dimension, with the change since the year before', async () => {
    const d = await dashboard('from=2026-01&to=2026-12');
    expect(d.reports).toBe(3);
    expect(d.previous).toEqual({ from: '2025-01', to: '2025-12', through: null, change: { before: 1, after: 3, count: 2, percent: 200 } });
    expect(d.trend).toHaveLength(12);
    expect(d.trend.slice(0, 5).map((p) => p.n)).toEqual([1, 1, 0, 0, 1]);
    // Every local authority is listed, 0 where nothing was reported.
    expect(d.byArea).toHaveLength(5);
    expect(Object.fromEntries(d.byArea.map((a) => [a.name, a.n]))).toEqual({ Newport: 2, Torfaen: 1, Caerphilly: 0, 'Blaenau Gwent': 0, Monmouthshire: 0 });
    expect(Object.fromEntries(d.byType.map((c) => [c.key, c.n]))).toEqual({
      sexual: 2,
      labour: 2,
      criminal: 0,
      domestic_servitude: 0,
      organ_harvesting: 0,
      unknown: 0,
    });
    expect(d.byAge).toEqual([
      { key: 'child', n: 1 },
      { key: 'adult', n: 2 },
    ]);
    expect(Object.fromEntries(d.bySource.map((c) => [c.key, c.n]))).toEqual({ public: 1, officer: 2, partner: 0, nrm: 0 });
    expect(d.victims).toBe(3);
    expect(d.victimsByNationality).toEqual([
      { key: 'AL', n: 2, name: 'Albania' },
      { key: 'VN', n: 1, name: 'Vietnam' },
    ]);
  });

  it('counts potential victims and suspects as people, once each however many reports name them; the mentions apart', async () => {
    // One woman in three reports of 2024 (her name and date of birth each time), with one suspect.
    const her = () => ({ ...victim('female', 'Romanian'), givenName: 'Mirela', familyName: 'Dumitru', dob: '1994-03-02' });
    const him = () => ({ ...victim('male', 'Romanian'), role: 'suspect', givenName: 'Adrian', familyName: 'Stan', dob: '1980-07-19' });
    for (const month of ['01', '04', '09'])
      await t.repos.intake.createReport(
        newReport({ receivedAt: new Date(`2024-${month}-10T10:00:00Z`), localAuthority: NEWPORT, persons: [her(), him()] }),
        event,
      );
    // Before the picture has them, each record is someone; once resolved, she is one person.
    expect(await dashboard('from=2024-01&to=2024-12')).toMatchObject({ victims: 3, victimMentions: 3, suspects: 3 });
    await t.svc.resolution.drain();
    const d = await dashboard('from=2024-01&to=2024-12');
    expect(d).toMatchObject({ reports: 3, victims: 1, victimMentions: 3, suspects: 1 });
    expect(d.victimsByGender.find((c) => c.key === 'female')?.n).toBe(1);
    expect(d.victimsByNationality).toEqual([{ key: 'RO', n: 1, name: 'Romania' }]);
    expect(d.partialThrough).toBeNull();
    // A quarter holds one of her reports: she is one there too.
    expect(await dashboard('from=2024-04&to=2024-06')).toMatchObject({ reports: 1, victims: 1, victimMentions: 1 });
    // Her age band: 30 on the day of her latest report (September 2024).
    expect(d.victimsByAge.filter((c) => c.n > 0)).toEqual([{ key: '25_34', n: 1 }]);

    // Each figure of people opens its people: her, once, with her three reports and her page.
    const people = async (query: string, client = analyst) => client.request('GET', `/api/figures/people?${query}`);
    const women = (await people('from=2024-01&to=2024-12&gender=female')).json<PeopleBehind>();
    expect(women).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(women.people).toEqual([
      {
        id: expect.any(String),
        label: 'Mirela Dumitru',
        gender: 'female',
        nationality: 'RO',
        ageBand: '25_34',
        reports: 3,
        latest: '2024-09-10T10:00:00.000Z',
      },
    ]);
    expect((await analyst.request('GET', `/api/entities/${women.people[0]!.id}`)).statusCode).toBe(200);
    expect((await people('from=2024-01&to=2024-12&nationality=RO&ageBand=25_34')).json<PeopleBehind>().total).toBe(1);
    expect((await people('from=2024-01&to=2024-12&gender=male')).json<PeopleBehind>().total).toBe(0);
    expect((await people('from=2024-01&to=2024-12&role=suspect')).json<PeopleBehind>().people.map((p) => [p.label, p.reports])).toEqual([['Adrian Stan', 3]]);
    // Not for those who may count but not see people; a country is a code.
    const researcher = await signIn(t, 'researcher');
    expect((await people('from=2024-01&to=2024-12', researcher)).statusCode).toBe(403);
    expect((await people('nationality=Romania')).statusCode).toBe(400);
    const audited = await t.store.db.selectFrom('audit_log').select('details').where('action', '=', 'figures.people-listed').execute();
    expect(audited.length).toBeGreaterThanOrEqual(4);
  });

  it('reads a burst of changes to people as counted so far, says so, and takes it in once the figures job has counted it', async () => {
    expect((await dashboard('from=2023-01&to=2023-12')).peopleCounting).toBe(false);
    // A partner's spreadsheet of 2023, say: 250 people named at once, more than a figure counts itself.
    const many = Array.from({ length: 250 }, (_, i) => ({ ...victim('female', 'Vietnamese'), givenName: `Lan${i}` }));
    for (let i = 0; i < many.length; i += 50)
      await t.repos.intake.createReport(
        newReport({ receivedAt: new Date('2023-06-10T10:00:00Z'), localAuthority: NEWPORT, persons: many.slice(i, i + 50) }),
        event,
      );
    const meanwhile = await dashboard('from=2023-01&to=2023-12');
    expect(meanwhile).toMatchObject({ reports: 5, victimMentions: 250, victims: 0, peopleCounting: true });
    await t.svc.figures.countPeople();
    expect(await dashboard('from=2023-01&to=2023-12')).toMatchObject({ reports: 5, victimMentions: 250, victims: 250, peopleCounting: false });
  });

  it('says when its last month is counted only so far, to the day', async () => {
    const today = localDate(new Date(t.clock.now));
    const thisMonth = today.slice(0, 7);
    expect((await dashboard('')).partialThrough).toBe(today);
    expect((await dashboard(`from=${thisMonth}`)).partialThrough).toBe(today);
    expect((await dashboard('from=2024-01&to=2024-12')).partialThrough).toBeNull();
  });

  it('compares a year counted so far with the same days of the year before, not all of it', async () => {
    const was = t.clock.now;
    try {
      // On 1 March 2026 the year before is counted to 1 March 2025: its report of 10 March is not yet due.
      t.clock.now = Date.parse('2026-03-01T12:00:00Z');
      const d = await dashboard('from=2026-01&to=2026-12');
      expect(d.partialThrough).toBe('2026-03-01');
      expect(d.previous).toEqual({ from: '2025-01', to: '2025-12', through: '2025-03-01', change: { before: 0, after: 3, count: 3, percent: null } });
      t.clock.now = Date.parse('2026-03-11T12:00:00Z');
      expect((await dashboard('from=2026-01&to=2026-12')).previous).toMatchObject({ through: '2025-03-11', change: { before: 1, after: 3 } });
    } finally {
      t.clock.now = was;
    }
  });

  it('filters every figure alike, and rolls months into quarters', async () => {
    const d = await dashboard(`from=2026-01&to=2026-12&granularity=quarter&type=labour&area=${NEWPORT}`);
    expect(d.reports).toBe(2);
    expect(d.trend.map((p) => [p.period, p.n])).toEqual([
      ['2026-Q1', 2],
      ['2026-Q2', 0],
      ['2026-Q3', 0],
      ['2026-Q4', 0],
    ]);
    expect(d.byType.find((c) => c.key === 'labour')?.n).toBe(2);
    expect(d.victimsByGender.find((c) => c.key === 'female')?.n).toBe(2);
    expect((await dashboard('from=2026-01&to=2026-12&age=child')).byArea.find((a) => a.key === TORFAEN)?.n).toBe(1);
  });

  it('lists the reports behind every figure, as many as the figure says, and audits the list', async () => {
    const d = await dashboard('from=2026-01&to=2026-12');
    for (const [dimension, rows] of [
      ['area', d.byArea],
      ['type', d.byType],
      ['source', d.bySource],
      ['age', d.byAge],
    ] as const) {
      for (const { key, n } of rows) {
        const response = await analyst.request('GET', `/api/figures/reports?from=2026-01&to=2026-12&${dimension}=${key}`);
        expect(response.statusCode).toBe(200);
        expect(response.json<{ total: number }>().total, `${dimension}=${key}`).toBe(n);
      }
    }
    const list = await analyst.request('GET', `/api/figures/reports?from=2026-01&to=2026-12&area=${NEWPORT}`);
    expect(list.json<{ reports: { receivedAt: string }[] }>().reports.map((r) => r.receivedAt.slice(0, 7))).toEqual(['2026-02', '2026-01']);
    const audit = await t.repos.audit.list({ action: 'reports.listed', limit: 1 });
    expect(audit[0]?.details).toMatchObject({ total: 2, shown: 2 });
  });

  it('refuses a partner, and names a month it cannot read', async () => {
    const partner = await signIn(t, 'partner');
    expect((await partner.request('GET', '/api/figures/dashboard')).statusCode).toBe(403);
    expect((await partner.request('GET', '/api/figures/reports')).statusCode).toBe(403);
    for (const [query, path] of [
      ['from=2026-13', 'from'],
      ['from=2026-05&to=2026-01', 'to'],
      ['area=Newport', 'area'],
      ['type=fishing', 'type'],
    ]) {
      const response = await analyst.request('GET', `/api/figures/dashboard?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<Fields>().error.fields.map((f) => f.path)).toContain(`querystring.${path}`);
    }
  });

  it('places reports at their towns for the map, with a hotspot over the busiest', async () => {
    const response = await analyst.request('GET', '/api/figures/map?from=2026-01&to=2026-12');
    expect(response.statusCode).toBe(200);
    const map = response.json<{
      areas: Count[];
      places: { name: string; area: string; lat: number; lon: number; n: number }[];
      unplaced: number;
      hotspots: { south: number; west: number; north: number; east: number; density: number }[];
    }>();
    expect(map.areas.find((a) => a.key === NEWPORT)?.n).toBe(2);
    // Two reports written in Newport; one with only a Pontypool postcode (NP4), placed there.
    expect(map.places.map((p) => [p.name, p.area, p.n])).toEqual([
      ['Newport', NEWPORT, 2],
      ['NP4', TORFAEN, 1],
    ]);
    expect(map.unplaced).toBe(0);
    const peak = map.hotspots.reduce((a, c) => (c.density > a.density ? c : a));
    const newport = map.places[0]!;
    expect(newport.lat).toBeGreaterThanOrEqual(peak.south - 0.01);
    expect(newport.lat).toBeLessThanOrEqual(peak.north + 0.01);
  });

  it("serves the force's five boundaries with their attribution, read from the configured folder", async () => {
    const response = await analyst.request('GET', '/api/figures/boundaries');
    expect(response.statusCode).toBe(200);
    const boundaries = response.json<{ features: { properties: { code: string; name: string }; geometry: { type: string } }[]; attribution: string }>();
    expect(boundaries.features.map((f) => f.properties.name).sort()).toEqual(['Blaenau Gwent', 'Caerphilly', 'Monmouthshire', 'Newport', 'Torfaen']);
    for (const f of boundaries.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    expect(boundaries.attribution).toMatch(/© Crown copyright/);
  });

  it('writes a problem profile for the public with small numbers suppressed, and audits it', async () => {
    const response = await analyst.request('GET', '/api/figures/profile?from=2026-01&to=2026-12&audience=external');
    expect(response.statusCode, response.body).toBe(200);
    const profile = response.json<{
      title: string;
      sections: { id: string; paragraphs: string[]; tables: { id: string; rows: { label: string; cells: string[] }[] }[] }[];
    }>();
    expect(profile.title).toBe('Modern slavery and human trafficking: problem profile for Gwent Police');
    const areas = profile.sections.flatMap((s) => s.tables).find((t) => t.id === 'areas')!;
    // Newport 2, Torfaen 1, the rest 0: both small, and the total of 3 too.
    expect(areas.rows.map((r) => [r.label, r.cells[0]])).toEqual([
      ['Blaenau Gwent', '0'],
      ['Caerphilly', '0'],
      ['Monmouthshire', '0'],
      ['Newport', '<5'],
      ['Torfaen', '<5'],
      ['Total', '<5'],
    ]);
    for (const t of profile.sections.flatMap((s) => s.tables)) for (const r of t.rows) for (const c of r.cells) expect(c).not.toMatch(/^[1-4]$/);
    const audit = await t.repos.audit.list({ action: 'profile.generated', limit: 1 });
    expect(audit[0]?.details).toMatchObject({ audience: 'external', language: 'en' });
  });

  it('downloads the profile in Welsh as a PDF whose text says what the page said', async () => {
    const response = await analyst.request('GET', '/api/figures/profile.pdf?from=2026-01&to=2026-12&lang=cy');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="problem-profile-2026-01-to-2026-12-internal-cy.pdf"');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'harbour-profile-')), 'profile.pdf');
    writeFileSync(file, response.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Caethwasiaeth fodern a masnachu pobl');
    expect(text).toContain('Adroddiadau fesul awdurdod lleol');
    expect(text).toMatch(/Casnewydd\s+2/);
    // The team's profile holds small counts as they are: marked OFFICIAL-SENSITIVE at the head and foot of every page.
    expect(response.headers['x-protective-marking']).toBe('OFFICIAL-SENSITIVE');
    const ends = headAndFoot(text);
    expect(ends.length).toBeGreaterThan(1);
    for (const end of ends) expect(end).toEqual(['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
  });

  it('marks the profile for the public OFFICIAL, its small counts suppressed', async () => {
    const response = await analyst.request('GET', '/api/figures/profile.pdf?from=2026-01&to=2026-12&audience=external');
    expect(response.headers['x-protective-marking']).toBe('OFFICIAL');
    const file = join(mkdtempSync(join(tmpdir(), 'harbour-profile-')), 'profile.pdf');
    writeFileSync(file, response.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text.trim().split('\n')[0]!.trim()).toBe('OFFICIAL');
    expect(text).not.toContain('OFFICIAL-SENSITIVE');
  });
});
