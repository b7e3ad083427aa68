import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHtcdsDocument } from '../interop/htcds';
import { casesForPartner, caseForPartner, type GradedCaseReport } from './partner-cases';
import { REDACTED } from './shared-intelligence';
import { SHARING_CATEGORIES } from './sharing';

const person = (
  role: GradedCaseReport['persons'][number]['role'],
  givenName: string,
  familyName: string,
  extra: Partial<GradedCaseReport['persons'][number]> = {},
) => ({
  role,
  givenName,
  familyName,
  dob: '1994-03-02',
  gender: 'female',
  nationality: 'Romanian',
  nationalityCode: 'RO',
  phone: '07700 900461',
  address: '12 Dock Street',
  ...extra,
});

const base: GradedCaseReport = {
  reference: 'HBR-2026-0000042',
  source: 'public',
  receivedAt: new Date('2026-11-02T10:00:00Z'),
  status: 'triaged',
  summary: 'Mirela Popa (07700 900461) is kept at 12 Dock Street, NP20 2DG by Costel Dinu, who runs Usk Vale Meats, 3 Mill Lane. Told by Sarah Jones.',
  localAuthority: 'W06000022',
  localAuthorityName: 'Newport',
  town: 'Newport',
  postcode: 'NP20 2DG',
  exploitationTypes: ['labour'],
  involvesChild: false,
  persons: [person('potential_victim', 'Mirela', 'Popa'), person('suspect', 'Costel', 'Dinu', { gender: 'male' }), person('reporter', 'Sarah', 'Jones')],
  grading: '2BP',
  handlingConditions: null,
  addresses: [
    { address: '12 Dock Street', postcode: 'NP20 2DG' },
    { address: '3 Mill Lane', postcode: null },
  ],
};

describe('a case as a partner agency may have it in a file', () => {
  it('goes graded P always, C only under intelligence_c with its conditions first, ungraded never', () => {
    expect(caseForPartner({ ...base, grading: null }, SHARING_CATEGORIES, 1)).toBeNull();
    const conditional = { ...base, grading: '2BC', handlingConditions: 'Council safeguarding team only' };
    expect(caseForPartner(conditional, ['victim_identity'], 1)).toBeNull();
    expect(caseForPartner({ ...conditional, handlingConditions: null }, ['intelligence_c'], 1)).toBeNull();
    expect(caseForPartner(conditional, ['intelligence_c'], 1)!.summary).toMatch(/^Handling conditions: Council safeguarding team only\n\n/);
    const numbered = casesForPartner([{ ...base, grading: null }, base, { ...base, reference: 'HBR-2026-0000043' }], []);
    expect(numbered.map((c) => [c.report.reference, c.shared.reference])).toEqual([
      ['HBR-2026-0000042', 'shared-1'],
      ['HBR-2026-0000043', 'shared-2'],
    ]);
  });

  it('leaves out its source, every phone number, and names, dates of birth and places the agreement does not allow', () => {
    const none = caseForPartner(base, [], 1)!;
    expect(none.persons.map((p) => p.role)).toEqual(['potential_victim', 'suspect']);
    for (const p of none.persons) expect(p).toMatchObject({ givenName: null, familyName: null, dob: null, phone: null, address: null });
    // What is not identity stays: gender and nationality, for the partner's figures.
    expect(none.persons[0]).toMatchObject({ gender: 'female', nationalityCode: 'RO' });
    expect(none).toMatchObject({ town: null, postcode: null, localAuthorityName: 'Newport', reference: 'shared-1' });
    expect(none.summary).toBe(
      `${REDACTED} (${REDACTED}) is kept at ${REDACTED}, ${REDACTED} by ${REDACTED}, who runs Usk Vale Meats, ${REDACTED}. Told by ${REDACTED}.`,
    );

    const victims = caseForPartner(base, ['victim_identity', 'addresses'], 1)!;
    expect(victims.persons[0]).toMatchObject({ givenName: 'Mirela', familyName: 'Popa', dob: '1994-03-02', phone: null, address: '12 Dock Street' });
    expect(victims.persons[1]).toMatchObject({ givenName: null, familyName: null });
    expect(victims.summary).toBe(
      `Mirela Popa (${REDACTED}) is kept at 12 Dock Street, NP20 2DG by ${REDACTED}, who runs Usk Vale Meats, 3 Mill Lane. Told by ${REDACTED}.`,
    );
    // The HTCDS case carries no reference of the force's and no phone.
    const file = JSON.stringify(toHtcdsDocument([victims]));
    expect(file).not.toContain('HBR-2026');
    expect(file).not.toContain('07700');
    expect(file).not.toContain('Sarah');
  });

  it('for any agreement, never lets out a name, a phone number or a place it withholds', () => {
    const name = fc.constantFrom('Anna', 'Bogdan', 'Chen', 'Dafydd', 'Eni', 'Farid');
    const family = fc.constantFrom('Kowalska', 'Rusu', 'Wei', 'Ŵyn', 'Rama', 'Haddad');
    const role = fc.constantFrom('potential_victim' as const, 'suspect' as const, 'witness' as const, 'reporter' as const);
    fc.assert(
      fc.property(
        fc.array(fc.record({ role, given: name, family }), { minLength: 1, maxLength: 5 }),
        fc.subarray([...SHARING_CATEGORIES]),
        fc.constantFrom('1AP', '2BC', '3EC'),
        (people, categories, grading) => {
          const persons = people.map((p) => person(p.role, p.given, p.family));
          const summary = `${people.map((p) => `${p.given} ${p.family}`).join(', ')} at 12 Dock Street NP20 2DG, ring 07700 900461.`;
          const report = { ...base, persons, summary, grading, handlingConditions: grading.endsWith('C') ? 'Only as agreed' : null };
          const shared = caseForPartner(report, categories, 1);
          if (grading.endsWith('C') && !categories.includes('intelligence_c')) return shared === null;
          const file = JSON.stringify(toHtcdsDocument([shared!]));
          const named = (r: string) =>
            (r === 'potential_victim' && categories.includes('victim_identity')) || (r === 'suspect' && categories.includes('suspect_identity'));
          const shown = new Set(people.filter((p) => named(p.role)).flatMap((p) => [p.given, p.family]));
          for (const p of people) for (const word of [p.given, p.family]) if (!shown.has(word) && file.includes(word)) return false;
          if (file.includes('07700') || file.includes('HBR-')) return false;
          if (!categories.includes('addresses') && (file.includes('Dock Street') || file.includes('NP20'))) return false;
          return shared!.persons.every((p) => p.role === 'potential_victim' || p.role === 'suspect');
        },
      ),
    );
  });
});
