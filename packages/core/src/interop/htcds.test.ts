import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHtcdsCase, HTCDS_PICKLISTS, toHtcdsCase, type CaseReport } from './htcds';
import { storedPostcode } from '../resolve/normalise';

/** The standard's field table, read in place. */
const FIELD_TABLE = fileURLToPath(new URL('../../../../../shared/data/htcds/HTCDS_Field_Standards_2.0__Field_Standards.csv', import.meta.url));

function picklistOf(field: string): string[] {
  const rows = parse<Record<string, string>>(readFileSync(FIELD_TABLE, 'utf8'), { columns: true, relax_column_count: true });
  const row = rows.find((r) => r['Field Name including Prefix'] === field)!;
  return row['Value Names (if picklist)']!.trim().split(/\s+/);
}

const AREAS: Record<string, string> = { Newport: 'W06000022', Torfaen: 'W06000020' };
const areaCodeOf = (name: string) => AREAS[name] ?? null;

const report = (parts: Partial<CaseReport> = {}): CaseReport => ({
  reference: 'HBR-2026-000123',
  source: 'officer',
  receivedAt: new Date('2026-03-10T00:00:00Z'),
  status: 'triaged',
  summary: 'Men living at a car wash, paid nothing.',
  localAuthority: 'W06000022',
  localAuthorityName: 'Newport',
  town: 'Newport',
  postcode: 'NP20 1AB',
  exploitationTypes: ['labour', 'criminal'],
  involvesChild: false,
  persons: [
    {
      role: 'potential_victim',
      givenName: 'Ardit',
      familyName: 'Hoxha',
      dob: '1999-02-03',
      gender: 'male',
      nationality: 'Albanian',
      nationalityCode: 'AL',
      phone: '07700 900123',
      address: null,
    },
    {
      role: 'suspect',
      givenName: 'Ilir',
      familyName: null,
      dob: null,
      gender: null,
      nationality: null,
      nationalityCode: null,
      phone: null,
      address: '1 High St',
    },
  ],
  ...parts,
});

describe('HTCDS', () => {
  it('uses the picklist values of the standard, as its field table gives them', () => {
    for (const [field, values] of Object.entries(HTCDS_PICKLISTS)) expect(values, field).toEqual(picklistOf(field));
  });

  it('writes a report as a case with the standard fields filled', () => {
    const c = toHtcdsCase(report());
    expect(c.cas_Status).toBe('FollowUp');
    expect(c.cas_IncomingReferralDate).toBe('2026-03-10');
    expect(c.hte).toEqual([{ hte_Type: 'Exploitation', hte_City: 'Newport', hte_PostalCode: 'NP20 1AB', hte_State: 'Newport', hte_Country: 'GB' }]);
    expect(c.persons[0]).toMatchObject({
      prs_FirstName: 'Ardit',
      prs_SecondName: 'Hoxha',
      prs_Birthdate: '1999-02-03',
      prs_Gender: 'Masculine',
      prs_Citizenship: ['AL'],
      vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
      vic_TypeOfExploitation: ['ForcedLabour', 'Other'],
    });
    expect(c.persons[1]).toEqual({ prs_FirstName: 'Ilir', prs_MailingStreet: '1 High St', harbour: { role: 'perpetrator' } });
  });

  it('round trip: Harbour → HTCDS → Harbour keeps every mapped field, and HTCDS again is the same', () => {
    const gender = fc.constantFrom('female', 'male', 'other', null);
    const text = fc.option(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ''));
    const person = fc.record({
      role: fc.constantFrom('potential_victim', 'suspect', 'witness', 'reporter'),
      givenName: text,
      familyName: text,
      dob: fc.option(fc.date({ min: new Date('1950-01-01'), max: new Date('2025-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
      gender,
      nationality: fc.constantFrom<[string | null, string | null]>(['Albanian', 'AL'], ['Vietnam', 'VN'], ['somewhere', null], [null, null]),
      phone: text,
      address: text,
    });
    const people = fc
      .array(person, { maxLength: 4 })
      .map((list) => list.map(({ nationality: [nationality, nationalityCode], ...p }) => ({ ...p, nationality, nationalityCode })));
    const reports = fc.record({
      reference: fc.constant('HBR-1'),
      source: fc.constantFrom('public', 'officer', 'partner', 'nrm'),
      receivedAt: fc.date({ min: new Date('2015-01-01'), max: new Date('2026-11-30'), noInvalidDate: true }).map((d) => new Date(d.toISOString().slice(0, 10))),
      status: fc.constantFrom('new', 'triaged', 'closed'),
      summary: fc.string({ maxLength: 80 }),
      localAuthority: fc.constantFrom('W06000022', 'W06000020', null),
      localAuthorityName: fc.constant(null),
      town: text,
      // As Harbour stores it (the one postcode form), which an import of the file gives back.
      postcode: text.map((p) => storedPostcode(p)),
      exploitationTypes: fc.subarray(['sexual', 'labour', 'criminal', 'domestic_servitude', 'organ_harvesting', 'unknown']),
      involvesChild: fc.boolean(),
      persons: people,
    });
    fc.assert(
      fc.property(reports, (r) => {
        const original = r as CaseReport;
        const htcds = toHtcdsCase(original);
        const back = fromHtcdsCase(JSON.parse(JSON.stringify(htcds)) as typeof htcds, areaCodeOf);
        const { reference, localAuthorityName, ...mapped } = original;
        expect(back).toEqual({ ...mapped, htcdsReference: reference });
        expect(toHtcdsCase({ ...back, reference, localAuthorityName })).toEqual(htcds);
      }),
    );
  });

  it('reads a case from another system by the standard fields alone', () => {
    const back = fromHtcdsCase(
      {
        cas_Status: 'ClosedReferred',
        cas_IncomingReferralDate: '2025-07-01',
        cas_IncomingReferralDetails: 'Referred by an NGO.',
        hte: [{ hte_Type: 'Exploitation', hte_City: 'Cwmbran', hte_State: 'Torfaen', hte_Country: 'GB' }],
        persons: [
          {
            prs_FirstName: 'Mai',
            prs_Gender: 'Feminine',
            prs_Citizenship: ['VN'],
            vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
            vic_TypeOfExploitation: ['SexualExploitation', 'ChildLabour'],
          } as never,
        ],
      },
      areaCodeOf,
    );
    expect(back).toMatchObject({ status: 'closed', source: 'partner', localAuthority: 'W06000020', town: 'Cwmbran', exploitationTypes: ['sexual', 'labour'] });
    expect(back.persons[0]).toMatchObject({ role: 'potential_victim', gender: 'female', nationality: 'VN', nationalityCode: 'VN' });
  });
});
