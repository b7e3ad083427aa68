import { describe, expect, it } from 'vitest';
import { buildProblemProfile, type ProblemProfile, type ProfileFigures } from './problem-profile';

const FIGURES: ProfileFigures = {
  place: 'Gwent',
  from: '2026-01',
  to: '2026-12',
  previous: { from: '2025-01', to: '2025-12', reports: 40 },
  reports: 70,
  victims: 83,
  trend: [
    { period: '2026-Q1', from: '2026-01', to: '2026-03', n: 20 },
    { period: '2026-Q2', from: '2026-04', to: '2026-06', n: 3 },
    { period: '2026-Q3', from: '2026-07', to: '2026-09', n: 25 },
    { period: '2026-Q4', from: '2026-10', to: '2026-12', n: 22 },
  ],
  byArea: [
    { key: 'W06000019', name: 'Blaenau Gwent', n: 2 },
    { key: 'W06000018', name: 'Caerphilly', n: 14 },
    { key: 'W06000021', name: 'Monmouthshire', n: 9 },
    { key: 'W06000022', name: 'Newport', n: 30 },
    { key: 'W06000020', name: 'Torfaen', n: 15 },
  ],
  byType: [
    { key: 'sexual', n: 20 },
    { key: 'labour', n: 36 },
    { key: 'criminal', n: 12 },
    { key: 'domestic_servitude', n: 3 },
    { key: 'organ_harvesting', n: 0 },
    { key: 'unknown', n: 1 },
  ],
  byAge: [
    { key: 'child', n: 3 },
    { key: 'adult', n: 67 },
  ],
  bySource: [
    { key: 'public', n: 25 },
    { key: 'officer', n: 30 },
    { key: 'partner', n: 11 },
    { key: 'nrm', n: 4 },
  ],
  victimsByGender: [
    { key: 'female', n: 40 },
    { key: 'male', n: 41 },
    { key: 'other', n: 0 },
    { key: 'unknown', n: 2 },
  ],
  victimsByAge: [
    { key: 'under_18', n: 12 },
    { key: '18_24', n: 20 },
    { key: '25_34', n: 25 },
    { key: '35_44', n: 14 },
    { key: '45_54', n: 6 },
    { key: '55_plus', n: 3 },
    { key: 'unknown', n: 3 },
  ],
  victimsByNationality: [
    { key: 'GB', name: 'United Kingdom', n: 30 },
    { key: 'AL', name: 'Albania', n: 20 },
    { key: 'VN', name: 'Vietnam', n: 15 },
    { key: 'RO', name: 'Romania', n: 12 },
    { key: 'ER', name: 'Eritrea', n: 4 },
    { key: '', name: '', n: 2 },
  ],
  typesByArea: [
    [1, 4, 3, 8, 4],
    [1, 6, 5, 14, 10],
    [0, 3, 1, 7, 1],
    [0, 1, 0, 1, 1],
    [0, 0, 0, 0, 0],
    [0, 0, 0, 1, 0],
  ],
  networks: { count: 6, withChildren: 2, largest: 14 },
  casework: {
    casesByStatus: { investigating: 5, charged: 3, closed: 4 },
    peopleArrested: 9,
    peopleCharged: 6,
    chargesByOffence: { msa_s2: 7, other: 2 },
    peopleConvicted: 2,
    ordersByType: { stpo: 1 },
    peopleReferredToNrm: 31,
    peopleNotified: 4,
    reasonableGrounds: { positive: 25, negative: 3 },
    conclusiveGrounds: { positive: 8, negative: 1 },
    peopleWithPlans: 19,
    plansReviewOverdue: 2,
    referralsAwaitingReasonableGrounds: 3,
  },
  prepared: { establishment: 1240, trained: 930, trainedInAny: 1102, overdue: 3, courses: 3 },
  prevented: { events: 14, reached: 512, handedOut: 2300, campaignReports: 9 },
};

const build = (audience: 'internal' | 'external', language: 'en' | 'cy' = 'en') =>
  buildProblemProfile(FIGURES, { audience, language, generatedAt: new Date('2027-01-15T12:00:00Z') });
const table = (p: ProblemProfile, id: string) => p.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
const text = (p: ProblemProfile) => p.sections.flatMap((s) => s.paragraphs).join('\n');

describe('a problem profile', () => {
  it('for the team, says every figure in full, with the change on the year before', () => {
    const p = build('internal');
    expect(p.title).toBe('Modern slavery and human trafficking: problem profile for Gwent');
    expect(p.subtitle).toBe('Reports received from January 2026 to December 2026');
    expect(p.sections.map((s) => s.id)).toEqual(['summary', 'trends', 'exploitation', 'areas', 'victims', 'networks', 'four-p', 'caveats']);
    expect(text(p)).toContain(
      'Harbour holds 70 reports of modern slavery and human trafficking received from January 2026 to December 2026, about 83 potential victims.',
    );
    expect(text(p)).toContain('That is 30 more (75%) than in the period before, January 2025 to December 2025.');
    expect(text(p)).toContain('3 of the reports concerned children.');
    expect(text(p)).toContain('The most often reported type of exploitation was labour (36 reports).');
    expect(table(p, 'areas').rows.map((r) => [r.label, r.cells[0]])).toEqual([
      ['Blaenau Gwent', '2'],
      ['Caerphilly', '14'],
      ['Monmouthshire', '9'],
      ['Newport', '30'],
      ['Torfaen', '15'],
      ['Total', '70'],
    ]);
    expect(table(p, 'types-by-area').rows[0]!.cells).toEqual(['1', '4', '3', '8', '4', '20']);
    // Potential victims by age are people, adding up to the potential victims the summary counts.
    const ages = table(p, 'age-bands');
    expect(ages.headings).toEqual(['Age', 'Potential victims']);
    expect(ages.rows.map((r) => [r.label, r.cells[0]])).toEqual([
      ['Under 18', '12'],
      ['18 to 24', '20'],
      ['25 to 34', '25'],
      ['35 to 44', '14'],
      ['45 to 54', '6'],
      ['55 and over', '3'],
      ['Not known', '3'],
      ['Total', '83'],
    ]);
  });

  it('for the public, shows no number from 1 to 4 anywhere, in a table or in the text', () => {
    const p = build('external');
    const small = /(^|[^\d.,%])([1-4])(?![\d.,%])/;
    for (const t of p.sections.flatMap((s) => s.tables))
      for (const row of t.rows) for (const c of row.cells) expect(c, `${t.id} ${row.label}`).not.toMatch(/^[1-4]$/);
    expect(text(p)).toContain('<5 of the reports concerned children.');
    // (The caveats state the rule itself, "1 to 4".)
    for (const paragraph of p.sections.filter((s) => s.id !== 'caveats').flatMap((s) => s.paragraphs))
      expect(paragraph.replace(/\d{4}/g, ''), paragraph).not.toMatch(small);
    // Blaenau Gwent's 2 is "<5", and the next smallest (Monmouthshire's 9) is withheld so the total cannot give it away.
    expect(table(p, 'areas').rows.map((r) => r.cells[0])).toEqual(['<5', '14', '*', '30', '15', '70']);
    expect(table(p, 'areas').chart!.values).toEqual([null, 14, null, 30, 15]);
    expect(p.audienceNote).toMatch(/shown as <5/);
  });

  it('protects the two-way table of types by area as a whole', () => {
    const cross = table(build('external'), 'types-by-area');
    // Every row and column that has a withheld cell has at least two.
    const withheld = cross.rows.map((r) => r.cells.map((c) => c === '<5' || c === '*'));
    for (const row of withheld) expect(row.filter(Boolean).length).not.toBe(1);
    for (let c = 0; c < withheld[0]!.length; c++) expect(withheld.filter((row) => row[c]).length).not.toBe(1);
  });

  it('is written in Welsh when asked', () => {
    const p = build('internal', 'cy');
    expect(p.title).toBe('Caethwasiaeth fodern a masnachu pobl: proffil problem ar gyfer Gwent');
    expect(p.subtitle).toBe('Adroddiadau a ddaeth i law o Ionawr 2026 i Rhagfyr 2026');
    expect(p.sections[0]!.title).toBe('Crynodeb');
    expect(table(p, 'areas').rows.at(-1)!.label).toBe('Cyfanswm');
    expect(table(p, 'age-bands').rows.map((r) => r.label)).toEqual([
      'Dan 18',
      '18 i 24',
      '25 i 34',
      '35 i 44',
      '45 i 54',
      '55 a hŷn',
      'Ddim yn hysbys',
      'Cyfanswm',
    ]);
  });

  it('counts what the team recorded for Pursue, Protect and Prevent, small numbers withheld for the public', () => {
    const rows = (p: ProblemProfile): Record<string, string> =>
      Object.fromEntries(table(p, 'four-p').rows.map((r) => [String(r.cells[0]), String(r.cells[1])]));
    const team = rows(build('internal'));
    expect(team).toMatchObject({
      'Cases opened': '12',
      'People arrested': '9',
      'Charges of human trafficking (Modern Slavery Act s2)': '7',
      'Charges of related offences': '2',
      'Slavery and Trafficking Prevention Orders made': '1',
      'People the team referred to the NRM': '31',
      'Adults notified to the Home Office (Duty to Notify)': '4',
      'Positive Reasonable Grounds decisions': '25',
      'People given a safeguarding plan': '19',
      'Awareness events held': '14',
      'People at awareness events': '512',
      'Posters and leaflets handed out at events': '2,300',
      'Public reports made from a campaign’s QR code': '9',
    });
    const publicRows = rows(build('external'));
    expect(publicRows).toMatchObject({
      'People arrested': '9',
      'People convicted': '<5',
      'Adults notified to the Home Office (Duty to Notify)': '<5',
      'People the team referred to the NRM': '31',
    });
    expect(Object.keys(rows(build('internal', 'cy')))).toContain('Pobl a atgyfeiriodd y tîm i’r NRM');
    expect(text(build('internal'))).not.toMatch(/Arrests, charges.*not yet recorded/);
  });

  it('counts colleagues trained today, or says the establishment is not yet recorded', () => {
    const rows = (p: ProblemProfile) =>
      table(p, 'four-p')
        .rows.filter((r) => r.label === 'Prepare' || r.label === 'Paratoi')
        .map((r) => r.cells);
    expect(rows(build('internal'))).toEqual([
      ['Colleagues trained, in date with every course (of 1,240 in the establishment, today)', '930'],
      ['Colleagues in date with at least one course (today)', '1,102'],
      ['Colleagues with a refresher overdue (today)', '3'],
    ]);
    expect(rows(build('external'))[2]).toEqual(['Colleagues with a refresher overdue (today)', '<5']);
    expect(rows(build('internal', 'cy'))[0]).toEqual(['Cydweithwyr wedi’u hyfforddi, yn gyfredol gyda phob cwrs (o 1,240 yn y sefydliad, heddiw)', '930']);
    const unrecorded = buildProblemProfile(
      { ...FIGURES, prepared: null },
      { audience: 'internal', language: 'en', generatedAt: new Date('2027-01-15T12:00:00Z') },
    );
    expect(rows(unrecorded)).toEqual([['Not yet recorded in Harbour', '—']]);
  });
});
