import type { AuthoredProfile } from '@harbour/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headAndFoot, pdfText } from '../../../test/pdf';
import { newReport } from '../../../test/reports';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

type Refusal = { error: { message: string; fields: { path: string; message: string }[] } };
const NEWPORT = 'W06000022';
const event = { actorId: null, actorRole: null, action: 'report.imported' as const, subjectType: 'report' };
const sections = (p: AuthoredProfile) => p.document.sections.map((s) => s.id);
const section = (p: AuthoredProfile, id: string) => p.document.sections.find((s) => s.id === id)!;
const cell = (p: AuthoredProfile, table: string, row: string) =>
  p.document.sections
    .flatMap((s) => s.tables)
    .find((t) => t.id === table)!
    .rows.find((r) => r.label === row)!.cells[0];

const JUDGEMENTS = 'Labour exploitation in Newport car washes is the main threat.\nIt is likely to grow.\n\nSexual exploitation is under-reported.';
const GAPS = 'Who controls the accommodation in Maindee is not known.';

describe(`written problem profiles on ${TEST_STORE}`, () => {
  let t: TestApp;
  let analyst: Client;
  let investigator: Client;
  let id: string;
  let first: AuthoredProfile;
  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    // The year 2026 is whole and past, whatever day the tests run.
    t.clock.now = Date.parse('2027-02-01T12:00:00Z');
    analyst = await signIn(t, 'analyst');
    investigator = await signIn(t, 'investigator');
    for (const month of ['01', '02', '05'])
      await t.repos.intake.createReport(
        newReport({ receivedAt: new Date(`2026-${month}-10T10:00:00Z`), localAuthority: NEWPORT, exploitationTypes: ['labour'] }),
        event,
      );
  });
  afterAll(async () => t?.close());

  it('starts a draft around the figures, each part the analyst writes saying it is not written yet', async () => {
    const started = await analyst.request('POST', '/api/profiles', {
      title: 'Labour exploitation in Newport, 2026',
      from: '2026-01',
      to: '2026-12',
      area: NEWPORT,
      audience: 'internal',
      language: 'en',
    });
    expect(started.statusCode, started.body).toBe(201);
    first = started.json<AuthoredProfile>();
    id = first.id;
    expect(first).toMatchObject({ status: 'draft', version: 1, author: expect.any(String), area: NEWPORT, keyJudgements: '' });
    expect(first.document.title).toBe('Labour exploitation in Newport, 2026');
    expect(first.document.subtitle).toMatch(/problem profile for Newport/);
    // Key judgements first; the figures; then gaps and a recommendation under each strand of the 4P.
    expect(sections(first)[0]).toBe('key-judgements');
    expect(sections(first).slice(-5)).toEqual(['intelligence-gaps', 'recommend-pursue', 'recommend-prevent', 'recommend-protect', 'recommend-prepare']);
    expect(sections(first)).toContain('summary');
    expect(section(first, 'key-judgements').paragraphs).toEqual(['[Not written yet]']);
    expect(section(first, 'recommend-protect').title).toBe('Recommendations: Protect');
    expect(first.document.generated).toMatch(/^Prepared by .+\. Produced by Harbour on 1 February 2027\. Draft, not issued/);
    expect(cell(first, 'areas', 'Newport')).toBe('3');
    expect((await t.repos.audit.list({ action: 'profile.created', limit: 1 }))[0]?.subjectId).toBe(id);
  });

  it('keeps the analyst’s words, paragraph by paragraph, and refuses a save over a colleague’s', async () => {
    const words = {
      title: 'Labour exploitation in Newport, 2026',
      keyJudgements: JUDGEMENTS,
      intelligenceGaps: GAPS,
      recommendations: { pursue: 'Target the two car wash operators.', prevent: '', protect: 'Visit every site with the council.', prepare: '' },
    };
    const written = await analyst.request('PUT', `/api/profiles/${id}`, { version: 1, ...words });
    expect(written.statusCode, written.body).toBe(200);
    const p = written.json<AuthoredProfile>();
    expect(p.version).toBe(2);
    expect(section(p, 'key-judgements').paragraphs).toEqual([
      'Labour exploitation in Newport car washes is the main threat.\nIt is likely to grow.',
      'Sexual exploitation is under-reported.',
    ]);
    expect(section(p, 'intelligence-gaps').paragraphs).toEqual([GAPS]);
    expect(section(p, 'recommend-pursue').paragraphs).toEqual(['Target the two car wash operators.']);
    expect(section(p, 'recommend-prevent').paragraphs).toEqual(['[Not written yet]']);
    // The log says who wrote and how much, never the words (they may name people).
    const logged = (await t.repos.audit.list({ action: 'profile.written', limit: 1 }))[0]!;
    expect(JSON.stringify(logged.details)).not.toContain('car wash');

    const stale = await analyst.request('PUT', `/api/profiles/${id}`, { version: 1, ...words, keyJudgements: 'Overwritten' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Refusal>().error.fields).toEqual([{ path: 'version', message: 'Changed since you opened it' }]);
    const kept = (await investigator.request('GET', `/api/profiles/${id}`)).json<AuthoredProfile>();
    expect(kept.keyJudgements).toBe(JUDGEMENTS);
  });

  it('refuses to issue a profile without its key judgements or any recommendation, naming what is missing', async () => {
    const bare = (
      await analyst.request('POST', '/api/profiles', { title: 'Whole force, 2026', from: '2026-01', to: '2026-12', audience: 'external', language: 'cy' })
    ).json<AuthoredProfile>();
    const refused = await analyst.request('POST', `/api/profiles/${bare.id}/issue`, { version: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Refusal>().error.fields.map((f) => f.path)).toEqual(['keyJudgements', 'recommendations.pursue']);
    // Its parts read in Welsh, as its language.
    expect(section(bare, 'key-judgements').title).toBe('Dyfarniadau allweddol');
    expect(bare.document.marking).toBe('OFFICIAL');
  });

  it('issues the profile frozen: later reports change a draft’s figures, never an issued profile’s', async () => {
    // Each change a minute after the one before, so the list's order is theirs.
    t.clock.now += 60_000;
    const issued = await analyst.request('POST', `/api/profiles/${id}/issue`, { version: 2 });
    expect(issued.statusCode, issued.body).toBe(200);
    const p = issued.json<AuthoredProfile>();
    expect(p.status).toBe('issued');
    expect(p.document.generated).toMatch(/Issued on 1 February 2027 by /);

    // A late report of May 2026 arrives.
    await t.repos.intake.createReport(
      newReport({ receivedAt: new Date('2026-05-20T10:00:00Z'), localAuthority: NEWPORT, exploitationTypes: ['labour'] }),
      event,
    );
    const later = (await investigator.request('GET', `/api/profiles/${id}`)).json<AuthoredProfile>();
    expect(cell(later, 'areas', 'Newport')).toBe('3');
    t.clock.now += 60_000;
    const draft = (
      await analyst.request('POST', '/api/profiles', {
        title: 'Newport again',
        from: '2026-01',
        to: '2026-12',
        area: NEWPORT,
        audience: 'internal',
        language: 'en',
      })
    ).json<AuthoredProfile>();
    expect(cell(draft, 'areas', 'Newport')).toBe('4');

    const after = await analyst.request('PUT', `/api/profiles/${id}`, {
      version: 3,
      title: 'Changed',
      keyJudgements: '',
      intelligenceGaps: '',
      recommendations: { pursue: '', prevent: '', protect: '', prepare: '' },
    });
    expect(after.statusCode).toBe(409);
    expect(after.json<Refusal>().error.message).toMatch(/has been issued/);
  });

  it('lists the profiles for the team, the most recently changed first; only those who export figures write them', async () => {
    const listed = await investigator.request('GET', '/api/profiles');
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ title: string; status: string }[]>().map((p) => [p.title, p.status])).toEqual([
      ['Newport again', 'draft'],
      ['Labour exploitation in Newport, 2026', 'issued'],
      ['Whole force, 2026', 'draft'],
    ]);
    expect(
      (await investigator.request('POST', '/api/profiles', { title: 'Mine', from: '2026-01', to: '2026-12', audience: 'internal', language: 'en' })).statusCode,
    ).toBe(403);
    expect((await investigator.request('GET', `/api/profiles/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('prints the issued profile with the analyst’s words, its author, and its marking at the head and foot of every page', async () => {
    const response = await investigator.request('GET', `/api/profiles/${id}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="labour-exploitation-in-newport-2026-issued-en.pdf"');
    expect(response.headers['x-protective-marking']).toBe('OFFICIAL-SENSITIVE');
    const printed = pdfText(response.rawPayload);
    const text = printed.replace(/\s+/g, ' ');
    for (const words of [
      'Key judgements',
      'Labour exploitation in Newport car washes is the main threat.',
      'Sexual exploitation is under-reported.',
      GAPS,
      'Recommendations: Pursue',
      'Target the two car wash operators.',
      'Prepared by',
    ])
      expect(text).toContain(words);
    for (const ends of headAndFoot(printed)) expect(ends).toEqual(['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
    expect((await t.repos.audit.list({ action: 'profile.read', limit: 1 }))[0]?.details).toMatchObject({ status: 'issued', as: 'pdf' });
  });

  it('draws no table of noughts: a period with nothing in it says so instead', async () => {
    const empty = (
      await analyst.request('POST', '/api/profiles', { title: 'Before records began', from: '2019-01', to: '2019-12', audience: 'internal', language: 'en' })
    ).json<AuthoredProfile>();
    for (const table of empty.document.sections.flatMap((s) => s.tables)) {
      const numbers = table.rows.flatMap((r) => r.cells).filter((c) => /^\d+$/.test(c));
      expect(
        numbers.some((n) => n !== '0'),
        table.id,
      ).toBe(true);
    }
    expect(section(empty, 'exploitation').paragraphs).toContain('Nothing of this kind was counted in the period.');
  });
});
