import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS, packPattern } from './comparison';
import { learnFromDecisions } from './feedback';
import { initialModel, scorePattern } from './model';
import { searchEntry, searchQuery } from './search';

/** Whether a query would find a person record by its codes (as the store tests them: all codes of one set). */
const soundsLike = (query: string, givenName: string, familyName: string) => {
  const entry = new Set(searchEntry('person', { givenName, familyName }).codes);
  return searchQuery(query).codeSets.some((set) => set.every((c) => entry.has(c)));
};

describe('search entries and queries', () => {
  it('finds people by sound, by nickname and across scripts', () => {
    expect(soundsLike('Jon Smyth', 'John', 'Smith')).toBe(true);
    expect(soundsLike('Bill Jones', 'William', 'Jones')).toBe(true);
    expect(soundsLike('Mohammed Ali', 'محمد', 'علي')).toBe(true);
    expect(soundsLike('Ivan Petrov', 'Иван', 'Петров')).toBe(true);
    expect(soundsLike('Jon Smyth', 'Mary', 'Smith')).toBe(false);
  });

  it('finds phones however the number is written, and plates without spaces', () => {
    const phone = searchEntry('phone', { number: '+44 7700 900123' }).text;
    expect(phone.includes(searchQuery('07700 900123').compact)).toBe(true);
    expect(phone.includes(searchQuery('900123').compact)).toBe(true);
    expect(searchEntry('vehicle', { registration: 'CU57 ABC' }).text).toContain(searchQuery('cu57abc').compact);
    expect(searchEntry('address', { address: '12 High St', postcode: 'np20 1ab' }).text).toBe('12 high street np20 1ab np201ab');
  });

  it('never fails on any text, and an empty query searches for nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const entry = searchEntry('person', { givenName: a, familyName: b });
        const query = searchQuery(a);
        return typeof entry.text === 'string' && query.codeSets.every((s) => s.length > 0);
      }),
    );
    expect(searchQuery('  ')).toEqual({ text: '', codeSets: [], compact: '' });
  });
});

describe('learning from analysts’ decisions', () => {
  const dob = FIELDS.findIndex((f) => f.name === 'dob');
  const levels = FIELDS.map(() => -1);
  levels[0] = 0; // names exact
  levels[dob] = FIELDS[dob]!.levels.indexOf('different');
  const pattern = packPattern(levels);

  it('accepted pairs make their pattern more likely a match, rejected pairs less', () => {
    const model = initialModel();
    const before = scorePattern(model, pattern).weight;
    const accepted = learnFromDecisions(
      model,
      Array.from({ length: 50 }, () => ({ pattern, same: true })),
    );
    const rejected = learnFromDecisions(
      model,
      Array.from({ length: 50 }, () => ({ pattern, same: false })),
    );
    expect(scorePattern(accepted, pattern).weight).toBeGreaterThan(before);
    expect(scorePattern(rejected, pattern).weight).toBeLessThan(before);
    for (const row of [...accepted.m, ...accepted.u]) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('no decisions leave the model as it was', () => {
    const model = initialModel();
    expect(learnFromDecisions(model, [])).toBe(model);
  });
});
