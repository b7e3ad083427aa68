import { publicReportBody, referralBody } from '@harbour/contract';
import {
  CURRENT_CATALOGUE,
  GWENT,
  areaCodes,
  buildReport,
  fromHtcdsCase,
  localAuthorityReader,
  readImportRow,
  triage,
  triageWithoutChecklist,
  type ImportField,
  type StoredReport,
  type UserActor,
} from '@harbour/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htcdsDocument } from '../src/routes/htcds-schema';
import { intakeChecks } from '../src/routes/intake-checks';
import { htcdsCaseFacts } from '../src/services/case-exchange.service';
import { importedReferralFacts } from '../src/services/imported-report';
import { publicReportFacts } from '../src/services/public-report.service';
import { referralFacts } from '../src/services/referral.service';

// The same facts, told through each of the four ways a report comes in, are stored alike: the
// route's schema, the producer's reading and core's one report builder, as the server runs them.
const checks = intakeChecks(areaCodes(GWENT));
const portalBody = publicReportBody(checks);
const referralFormBody = referralBody(checks, CURRENT_CATALOGUE.version);
const receivedAt = new Date('2026-05-14T10:00:00Z');
const officer: UserActor = { kind: 'user', userId: 'u1', role: 'officer', agencyId: 'a1', sessionId: 's1', stage: 'complete' };
let n = 0;
const newId = () => `id-${++n}`;

/** White space as people type it: none, doubled, or around. */
const spaced = (word: string) => fc.constantFrom(word, ` ${word}`, `${word} `, `  ${word}  `);
const facts = fc.record({
  given: fc.constantFrom('Anna', 'Ion', 'Dritan', 'Thi Lan', 'Mohammed', 'Siân').chain(spaced),
  family: fc.constantFrom('Nowak', 'Popescu', 'Hoxha', 'Nguyen', 'Al-Sayed', 'Jones').chain(spaced),
  postcode: fc.constantFrom('np20 1ab', 'NP201AB', ' NP20  1AB ', 'Np20 1aB', 'NP4', 'np44 3xy'),
  town: fc.constantFrom('Newport', 'Pontypool', 'Ebbw Vale', 'Caerphilly').chain(spaced),
  area: fc.constantFrom(...GWENT.localAuthorities),
  summary: fc.constantFrom('Seen at the car wash', 'Workers sleep on site', 'A girl never alone').chain(spaced),
  phone: fc.constantFrom('07700 900123', '07700900123', '+44 7700 900123', ' 07700  900123 '),
  child: fc.boolean(),
});
type Facts = {
  [K in keyof (typeof facts extends fc.Arbitrary<infer T> ? T : never)]: K extends 'area'
    ? (typeof GWENT.localAuthorities)[number]
    : K extends 'child'
      ? boolean
      : string;
};

function viaPortal(f: Facts): StoredReport {
  const input = portalBody.parse({
    language: 'en',
    description: f.summary,
    childInvolved: f.child ? 'yes' : 'no',
    localAuthority: f.area.code,
    town: f.town,
    postcode: f.postcode,
    people: [{ role: 'potential_victim', name: `${f.given} ${f.family}` }],
    phones: [f.phone],
    formToken: 't',
  });
  const result = triage({
    catalogueVersion: CURRENT_CATALOGUE.version,
    indicatorIds: [],
    child: input.childInvolved,
    riskToLife: false,
    consentToNrm: 'unknown',
    potentialVictims: 1,
    exploitationTypes: [],
    interpreterNeeded: false,
  });
  return buildReport(publicReportFacts(input, result, receivedAt), newId);
}

function viaReferral(f: Facts): StoredReport {
  const input = referralFormBody.parse({
    summary: f.summary,
    victim: { givenName: f.given, familyName: f.family, child: f.child ? 'yes' : 'no' },
    location: { localAuthority: f.area.code, town: f.town, postcode: f.postcode },
    phones: [f.phone],
  });
  const child = input.victim.child;
  const result = triage({
    catalogueVersion: input.catalogueVersion,
    indicatorIds: [],
    child,
    riskToLife: false,
    consentToNrm: 'unknown',
    potentialVictims: 1,
    exploitationTypes: [],
    interpreterNeeded: false,
  });
  return buildReport(referralFacts(input, result, child, officer, receivedAt), newId);
}

function viaSpreadsheet(f: Facts): StoredReport {
  const row: [ImportField, string][] = [
    ['summary', f.summary],
    ['local_authority', f.area.name],
    ['town', f.town],
    ['postcode', f.postcode],
    ['child', f.child ? 'yes' : 'no'],
    ['victim_given_name', f.given],
    ['victim_family_name', f.family],
    ['suspect_phone', f.phone],
  ];
  const reading = readImportRow(
    row.map(([field]) => field),
    { columns: row.map(([field]) => field), dateOrder: 'dmy', source: 'partner' },
    row.map(([, cell]) => cell),
    { area: localAuthorityReader(GWENT), today: '2026-06-01' },
  );
  if (reading.kind !== 'referral') throw new Error(`row not read: ${JSON.stringify(reading)}`);
  const r = reading.referral;
  const scored = triageWithoutChecklist({ child: r.involvesChild, potentialVictims: 1, exploitationTypes: r.exploitationTypes });
  return buildReport({ ...importedReferralFacts(r, scored, receivedAt), source: 'partner', summary: r.summary ?? '' }, newId);
}

function viaHtcds(f: Facts): StoredReport {
  const document = htcdsDocument.parse({
    standard: 'HTCDS',
    version: '2.0',
    cases: [
      {
        cas_IncomingReferralDate: '2026-05-14',
        cas_IncomingReferralDetails: f.summary,
        hte: [{ hte_Type: 'Exploitation', hte_City: f.town, hte_PostalCode: f.postcode, hte_State: f.area.name, hte_Country: 'GB' }],
        persons: [{ prs_FirstName: f.given, prs_SecondName: f.family, harbour: { role: 'victim' } }],
        harbour: { reference: 'X', source: 'partner', localAuthority: f.area.code, exploitationTypes: [], involvesChild: f.child },
      },
    ],
  });
  const report = fromHtcdsCase(document.cases[0]!, () => null);
  const scored = triageWithoutChecklist({ child: report.involvesChild, potentialVictims: 1, exploitationTypes: [] });
  return buildReport(htcdsCaseFacts(report, scored), newId);
}

/** What all four can say: the place, the words, the child, the potential victim's name. */
const common = (r: StoredReport) => ({
  summary: r.summary,
  localAuthority: r.localAuthority,
  town: r.town,
  postcode: r.postcode,
  involvesChild: r.involvesChild,
  victims: r.persons.filter((p) => p.role === 'potential_victim').map((p) => ({ givenName: p.givenName, familyName: p.familyName })),
});

describe('one report builder for every way a report comes in', () => {
  it('stores the same facts alike from the portal, a referral, a spreadsheet row and an HTCDS case', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const portal = viaPortal(f);
        const stored = [portal, viaReferral(f), viaSpreadsheet(f), viaHtcds(f)];
        for (const other of stored.slice(1)) expect(common(other)).toEqual(common(portal));
        // Phones: the three ways that take a list of numbers keep the same one.
        expect(stored.slice(0, 3).map((r) => r.phones.map((p) => p.number))).toEqual([
          [portal.phones[0]!.number],
          [portal.phones[0]!.number],
          [portal.phones[0]!.number],
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it('tidies as it stores: one postcode form, names split and trimmed, blank as nothing', () => {
    const r = viaPortal({
      given: '  Thi Lan ',
      family: 'Nguyen ',
      postcode: 'np201ab',
      town: ' Newport ',
      area: GWENT.localAuthorities[0]!,
      summary: ' A girl never alone ',
      phone: ' 07700  900123 ',
      child: true,
    });
    expect(r).toMatchObject({ postcode: 'NP20 1AB', town: 'Newport', summary: 'A girl never alone', involvesChild: true });
    expect(r.persons).toEqual([expect.objectContaining({ role: 'potential_victim', givenName: 'Thi Lan', familyName: 'Nguyen', gender: null, dob: null })]);
    expect(r.phones.map((p) => p.number)).toEqual(['07700 900123']);
  });
});
