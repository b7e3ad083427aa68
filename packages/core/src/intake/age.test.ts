import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageFacts, yearsBetween, type AgeAnswers } from './age';

const TODAY = '2026-12-03';
const iso = (d: Date) => d.toISOString().slice(0, 10);
const answers = fc.record({
  ageYears: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  dob: fc.option(fc.date({ min: new Date('1900-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map(iso), { nil: undefined }),
  child: fc.constantFrom<AgeAnswers['child']>('yes', 'no', 'unknown'),
});

describe('the answers about a person’s age, together', () => {
  it('counts whole years to the day, a 29 February birthday reaching its year on 1 March', () => {
    expect(yearsBetween('2008-12-03', TODAY)).toBe(18);
    expect(yearsBetween('2008-12-04', TODAY)).toBe(17);
    expect(yearsBetween('2008-02-29', '2026-02-28')).toBe(17);
    expect(yearsBetween('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('asks about an age of 17 with "under 18: no", and meanwhile presumes a child', () => {
    const facts = ageFacts({ ageYears: 17, child: 'no' }, TODAY);
    expect(facts.child).toBe('yes');
    expect(facts.contradictions).toEqual([{ code: 'age_under_18_but_not_child', path: 'victim.child' }]);
  });

  it('asks when the date of birth and the age disagree, saying the age the date gives', () => {
    const facts = ageFacts({ ageYears: 19, dob: '2009-06-01', child: 'unknown' }, TODAY);
    expect(facts.child).toBe('yes');
    expect(facts.contradictions).toEqual([{ code: 'dob_and_age_differ', path: 'victim.dob', ageFromDob: 17 }]);
    expect(ageFacts({ dob: '2027-01-01', child: 'unknown' }, TODAY).contradictions.map((c) => c.code)).toEqual(['dob_in_future']);
  });

  it('finds nothing to ask where the answers agree', () => {
    expect(ageFacts({ ageYears: 15, dob: '2011-01-01', child: 'yes' }, TODAY)).toEqual({ child: 'yes', ageFromDob: 15, contradictions: [] });
    expect(ageFacts({ ageYears: 30, child: 'no' }, TODAY)).toEqual({ child: 'no', contradictions: [] });
    expect(ageFacts({ child: 'unknown' }, TODAY)).toEqual({ child: 'unknown', contradictions: [] });
  });

  it('presumes a child whenever any answer says under 18, and says adult only when none does', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const facts = ageFacts(a, TODAY);
        const fromDob = a.dob !== undefined && a.dob <= TODAY ? yearsBetween(a.dob, TODAY) : undefined;
        const anyChild = a.child === 'yes' || [a.ageYears, fromDob].some((n) => n !== undefined && n < 18);
        return anyChild ? facts.child === 'yes' : facts.child !== 'yes';
      }),
    );
  });

  it('has no contradiction exactly when every answer given agrees', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const facts = ageFacts(a, TODAY);
        const fromDob = a.dob !== undefined && a.dob <= TODAY ? yearsBetween(a.dob, TODAY) : undefined;
        const under = [a.ageYears, fromDob].filter((n): n is number => n !== undefined).map((n) => n < 18);
        const agree =
          !(a.dob !== undefined && a.dob > TODAY) &&
          (fromDob === undefined || a.ageYears === undefined || fromDob === a.ageYears) &&
          (a.child === 'unknown' || under.every((u) => u === (a.child === 'yes')));
        return agree === (facts.contradictions.length === 0);
      }),
    );
  });
});
