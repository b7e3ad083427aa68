import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../pursue/calendar-dates';
import { reportsAroundEvent } from './around-events';

describe('reports around an awareness event', () => {
  it('counts the days before (not the event’s own) and from the event’s day, each span its length', () => {
    const reports = ['2026-05-31', '2026-06-01', '2026-06-14', '2026-06-15', '2026-06-28', '2026-06-29', '2026-07-13'];
    expect(reportsAroundEvent('2026-06-15', reports, 14)).toEqual({ before: 2, after: 2 });
    expect(reportsAroundEvent('2026-06-15', reports, 1)).toEqual({ before: 1, after: 1 });
    expect(reportsAroundEvent('2026-06-15', [], 28)).toEqual({ before: 0, after: 0 });
  });

  it('agrees with counting one by one, for any reports, event and span', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 200 }), day, fc.integer({ min: 1, max: 120 }), (days, event, span) => {
        const sorted = [...days].sort();
        const from = addDays(event, -span);
        const until = addDays(event, span);
        const before = sorted.filter((d) => d >= from && d < event).length;
        const after = sorted.filter((d) => d >= event && d < until).length;
        expect(reportsAroundEvent(event, sorted, span)).toEqual({ before, after });
      }),
    );
  });
});
