import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors';
import { addDays } from '../pursue/calendar-dates';
import { RETENTION_DEFAULTS, RETENTION_RECORD_TYPES, checkDeletable, checkRetain, reviewDueOn } from './retention';

const TODAY = '2026-12-03';

describe('the retention schedule', () => {
  it('sets a first review by type, from the day the record started', () => {
    expect(reviewDueOn('report', '2020-02-29', RETENTION_DEFAULTS)).toBe('2026-02-28');
    expect(reviewDueOn('case', '2020-06-01', RETENTION_DEFAULTS)).toBe('2026-06-01');
    expect(reviewDueOn('case_convicted', '2020-06-01', RETENTION_DEFAULTS)).toBe('2030-06-01');
    // A record kept at its last review is due when that review said.
    expect(reviewDueOn('report', '2010-01-01', RETENTION_DEFAULTS, '2028-01-01')).toBe('2028-01-01');
  });

  it('keeps a record only with a reason and a next review after today, within 10 years', () => {
    expect(checkRetain({ reason: ' Linked to a live operation ', nextReviewOn: '2027-12-03' }, TODAY)).toEqual({
      reason: 'Linked to a live operation',
      nextReviewOn: '2027-12-03',
    });
    expect(() => checkRetain({ reason: '', nextReviewOn: '2027-12-03' }, TODAY)).toThrow(/why/);
    expect(() => checkRetain({ reason: 'Still needed', nextReviewOn: TODAY }, TODAY)).toThrow(/future/);
    expect(() => checkRetain({ reason: 'Still needed', nextReviewOn: '2036-12-04' }, TODAY)).toThrow(/far/);
  });

  it('deletes only what is due', () => {
    expect(() => checkDeletable('2026-12-04', TODAY)).toThrow(/not yet due/i);
    expect(() => checkDeletable(TODAY, TODAY)).not.toThrow();
  });

  it('whatever the dates, a record is due no earlier than its schedule, and a kept record is next due after the day it was kept', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('1990-01-01', n));
    fc.assert(
      fc.property(fc.constantFrom(...RETENTION_RECORD_TYPES), day, day, fc.string({ maxLength: 20 }), (type, started, next, reason) => {
        expect(reviewDueOn(type, started, RETENTION_DEFAULTS) > started).toBe(true);
        try {
          const kept = checkRetain({ reason, nextReviewOn: next }, TODAY);
          expect(kept.nextReviewOn > TODAY).toBe(true);
          expect(kept.reason.length).toBeGreaterThanOrEqual(3);
        } catch (e) {
          expect(e).toBeInstanceOf(Invalid);
        }
      }),
    );
  });
});
