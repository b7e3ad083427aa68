import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateParts, isoDate } from './date-parts';

describe('a date typed as day, month and year', () => {
  it('makes an ISO date, day first as people in the UK write it', () => {
    expect(isoDate({ day: '3', month: '12', year: '2008' })).toBe('2008-12-03');
    expect(isoDate({ day: ' 29', month: '02 ', year: '2008' })).toBe('2008-02-29');
    expect(isoDate({ day: '', month: '', year: '' })).toBe('');
  });

  it('refuses what is not a real date rather than guessing', () => {
    for (const parts of [
      { day: '31', month: '4', year: '2008' },
      { day: '29', month: '2', year: '2009' },
      { day: '12', month: '13', year: '2008' },
      { day: '1', month: '1', year: '08' },
      { day: '', month: '1', year: '2008' },
      { day: 'x', month: '1', year: '2008' },
    ])
      expect(isoDate(parts), JSON.stringify(parts)).toBeNull();
  });

  it('gives back the same date from its boxes, for every day from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        return isoDate(dateParts(iso)) === iso;
      }),
    );
  });
});
