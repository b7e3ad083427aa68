import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../pursue/calendar-dates';
import { DUE_SOON_DAYS, refresherDue, trainingStanding, unitCoverage } from './coverage';

const TODAY = '2026-12-02';
const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n));

describe('training coverage', () => {
  it('falls due the same day of the month, or the last day of a shorter month', () => {
    expect(refresherDue('2026-01-31', 1)).toBe('2026-02-28');
    expect(refresherDue('2027-01-31', 13)).toBe('2028-02-29');
    expect(refresherDue('2026-12-02', 24)).toBe('2028-12-02');
    expect(refresherDue('2026-11-30', 3)).toBe('2027-02-28');
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (done, months) => {
        const due = refresherDue(done, months);
        expect(due > done).toBe(true);
        // Never later than the same day `months` on, never in an earlier month.
        expect(Number(due.slice(8))).toBeLessThanOrEqual(Number(done.slice(8)));
        const monthsOn = (Number(due.slice(0, 4)) - Number(done.slice(0, 4))) * 12 + Number(due.slice(5, 7)) - Number(done.slice(5, 7));
        expect(monthsOn).toBe(months);
      }),
    );
  });

  it('stands a colleague never trained, current, due within 30 days, or overdue from the day it falls due', () => {
    expect(trainingStanding(null, 24, TODAY)).toBe('never');
    expect(trainingStanding('2026-06-01', 24, TODAY)).toBe('current');
    expect(trainingStanding('2024-12-03', 24, TODAY)).toBe('due_soon');
    // Due on 2027-01-02, 31 days on; and on 2027-01-01, DUE_SOON_DAYS on.
    expect(trainingStanding('2025-01-02', 24, TODAY)).toBe('current');
    expect(DUE_SOON_DAYS).toBe(30);
    expect(trainingStanding('2025-01-01', 24, TODAY)).toBe('due_soon');
    expect(trainingStanding('2024-12-02', 24, TODAY)).toBe('overdue');
    expect(trainingStanding('2019-05-05', 24, TODAY)).toBe('overdue');
  });

  it('counts each colleague once in their unit, and the share trained as a whole percentage', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(40), fc.constantFrom('Newport CID', 'Caerphilly NPT', 'Response Torfaen'), fc.option(day, { nil: undefined })), {
          maxLength: 80,
        }),
        (spec) => {
          const colleagues = spec.map(([id, unit]) => ({ id: `c${id}`, unit }));
          const latest = new Map(spec.flatMap(([id, , done]) => (done ? [[`c${id}`, done] as const] : [])));
          const units = unitCoverage(colleagues, latest, 24, TODAY);
          const people = new Set(colleagues.map((c) => c.id));
          expect(units.reduce((s, u) => s + u.headcount, 0)).toBe(people.size);
          for (const u of units) {
            expect(u.current + u.dueSoon + u.overdue + u.never).toBe(u.headcount);
            expect(u.percentTrained).toBe(Math.floor(((u.current + u.dueSoon) * 100) / u.headcount));
            expect(u.percentTrained).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });

  it('reads a small station as the figures should', () => {
    const colleagues = [
      { id: 'pc1', unit: 'Newport Central' },
      { id: 'pc2', unit: 'Newport Central' },
      { id: 'pc3', unit: 'Newport Central' },
      { id: 'pc1', unit: 'Newport Central' },
    ];
    const latest = new Map([
      ['pc1', '2026-03-01'],
      ['pc2', '2023-01-01'],
    ]);
    expect(unitCoverage(colleagues, latest, 24, TODAY)).toEqual([
      { unit: 'Newport Central', headcount: 3, current: 1, dueSoon: 0, overdue: 1, never: 1, percentTrained: 33 },
    ]);
  });
});
