import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equivalenceClasses } from './k-anonymity';
import { RESEARCH_COLUMNS, RESEARCH_QUASI_IDENTIFIERS, researchExport, researchRow, type VictimRecord } from './research-export';

const victim = (parts: Partial<VictimRecord> = {}): VictimRecord => ({
  receivedAt: new Date('2026-03-10T10:00:00Z'),
  dob: '2000-06-01',
  gender: 'female',
  nationality: 'AL',
  areaName: 'Newport',
  exploitationTypes: ['sexual'],
  source: 'officer',
  ...parts,
});

const victims = fc.array(
  fc.record({
    receivedAt: fc.date({ min: new Date('2022-01-01'), max: new Date('2026-11-30'), noInvalidDate: true }),
    dob: fc.option(fc.date({ min: new Date('1960-01-01'), max: new Date('2020-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
    gender: fc.constantFrom('female', 'male', null, 'non-binary'),
    nationality: fc.constantFrom('GB', 'AL', 'VN', 'RO', 'PL', 'ER', 'SD', 'NG', 'CN', null),
    areaName: fc.constantFrom('Newport', 'Caerphilly', 'Torfaen', 'Monmouthshire', 'Blaenau Gwent', null),
    exploitationTypes: fc.subarray(['sexual', 'labour', 'criminal', 'domestic_servitude']),
    source: fc.constantFrom('public', 'officer', 'partner', 'nrm'),
  }),
  { maxLength: 400 },
);

describe('research export', () => {
  it('writes a victim as a row with nothing that names or dates them finer than a year', () => {
    expect(researchRow(victim())).toEqual({
      yearOfRegistration: '2026',
      ageBroad: '24–26',
      gender: 'Female',
      citizenshipRegion: 'Southeast Europe',
      localAuthority: 'Newport',
      isSexualExploit: '1',
      isForcedLabour: '0',
      isForcedCriminality: '0',
      isDomesticServitude: '0',
      isOrganRemoval: '0',
      typeOfExploitUnknown: '0',
      source: 'officer',
    });
    expect(Object.keys(researchRow(victim()))).toEqual([...RESEARCH_COLUMNS]);
    // Age at the report: 15 on the day before a 16th birthday.
    expect(researchRow(victim({ dob: '2010-03-11' })).ageBroad).toBe('9–17');
    expect(researchRow(victim({ dob: null, exploitationTypes: [] })).ageBroad).toBe('Unknown');
    expect(researchRow(victim({ exploitationTypes: [] })).typeOfExploitUnknown).toBe('1');
  });

  it('keeps a common profile in full and generalises, then leaves out, a rare one', () => {
    const common = Array.from({ length: 11 }, () => victim());
    const girl = victim({ dob: '2012-01-01', nationality: 'ER', areaName: 'Torfaen' });
    const result = researchExport([...common, girl], 11);
    expect(result.rows).toHaveLength(11);
    expect(result.rows.every((r) => r.ageBroad === '24–26' && r.citizenshipRegion === 'Southeast Europe')).toBe(true);
    expect(result.left).toBe(1);
    expect(result.smallestClass).toBe(11);
  });

  it('counts every equivalence class of the export: none smaller than k, for any k', () => {
    fc.assert(
      fc.property(victims, fc.integer({ min: 2, max: 15 }), (input, k) => {
        const result = researchExport(input, k);
        const classes = equivalenceClasses(result.rows, RESEARCH_QUASI_IDENTIFIERS);
        for (const size of classes.values()) expect(size).toBeGreaterThanOrEqual(k);
        expect(result.classes).toBe(classes.size);
        expect(result.rows.length + result.left).toBe(input.length);
      }),
      { numRuns: 60 },
    );
  });
});
