import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARING_CATEGORIES } from './sharing';
import { REDACTED, redact, sharedIntelligence, type CaseIntelligence } from './shared-intelligence';

const base: CaseIntelligence = {
  receivedAt: new Date('2026-11-02T23:30:00Z'),
  grading: '2BC',
  handlingConditions: 'Council safeguarding team only; not to the landlord',
  exploitationTypes: ['labour'],
  town: 'Newport',
  summary: 'Mirela Popa (07700 900461) is kept at 12 Dock Street, NP20 2DG by Costel Dinu. Told by Sarah Jones, mirela@example.org.',
  persons: [
    { role: 'potential_victim', givenName: 'Mirela', familyName: 'Popa' },
    { role: 'suspect', givenName: 'Costel', familyName: 'Dinu' },
    { role: 'reporter', givenName: 'Sarah', familyName: 'Jones' },
  ],
  addresses: [{ address: '12 Dock Street', postcode: 'NP20 2DG' }],
};

describe('intelligence of a shared case, as a partner agency reads it', () => {
  it('shares C only under intelligence_c, with its handling conditions; P always; ungraded never', () => {
    const items = [base, { ...base, grading: '1AP', handlingConditions: null }, { ...base, grading: null }];
    expect(sharedIntelligence(items, []).map((i) => i.grading)).toEqual(['1AP']);
    const withC = sharedIntelligence(items, ['intelligence_c']);
    expect(withC.map((i) => [i.grading, i.handlingConditions])).toEqual([
      ['2BC', 'Council safeguarding team only; not to the landlord'],
      ['1AP', null],
    ]);
    // Received late on 2 November by UK time.
    expect(withC[0]!.receivedOn).toBe('2026-11-02');
    // A C grading recorded before conditions were asked for is not passed on at all.
    expect(sharedIntelligence([{ ...base, handlingConditions: null }], ['intelligence_c'])).toEqual([]);
  });

  it('takes out the names, places and numbers the agreement does not allow, and the source always', () => {
    const [none] = sharedIntelligence([base], ['intelligence_c']);
    // A full name goes as one.
    expect(none!.summary).toBe(`${REDACTED} (${REDACTED}) is kept at ${REDACTED}, ${REDACTED} by ${REDACTED}. Told by ${REDACTED}, ${REDACTED}.`);
    expect(none!.town).toBeNull();
    const [all] = sharedIntelligence([base], [...SHARING_CATEGORIES]);
    expect(all!.summary).toBe(`Mirela Popa (${REDACTED}) is kept at 12 Dock Street, NP20 2DG by Costel Dinu. Told by ${REDACTED}, ${REDACTED}.`);
    expect(all!.town).toBe('Newport');
  });

  it('matches whole words in any case and script, not parts of words', () => {
    expect(redact('ANA met Anatoly; ana’s room; Zoë and ZOË', ['Ana', 'Zoë'], { postcodes: false })).toBe(
      `${REDACTED} met Anatoly; ${REDACTED}’s room; ${REDACTED} and ${REDACTED}`,
    );
    expect(redact('Ли Вэй и 李伟', ['Вэй', '李伟'], { postcodes: false })).toBe(`Ли ${REDACTED} и ${REDACTED}`);
  });

  it('for any names and categories, no name the agreement withholds is left in what is shared', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{2,10}$/);
    const person = fc.record({
      role: fc.constantFrom('potential_victim', 'suspect', 'reporter', 'witness'),
      givenName: fc.option(word, { nil: null }),
      familyName: fc.option(word, { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 1, maxLength: 5 }),
        fc.subarray([...SHARING_CATEGORIES]),
        fc.array(word, { maxLength: 6 }),
        (persons, categories, filler) => {
          const names = persons.flatMap((p) => [p.givenName, p.familyName]).filter((x): x is string => x !== null);
          const summary = [...filler, ...names, ...filler].join(' ');
          const shared = sharedIntelligence([{ ...base, grading: '2BP', persons, summary }], categories);
          const text = shared[0]!.summary.toLowerCase();
          const allowed = new Set(categories);
          for (const p of persons) {
            const shown = (p.role === 'potential_victim' && allowed.has('victim_identity')) || (p.role === 'suspect' && allowed.has('suspect_identity'));
            if (shown) continue;
            for (const name of [p.givenName, p.familyName]) if (name) expect(text.split(/\s+/)).not.toContain(name.toLowerCase());
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
