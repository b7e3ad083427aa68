import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, changeBetween, countsByPeriod, isMonth, monthsBetween, periodOf, previousPeriod, previousThrough } from './periods';

describe('periods', () => {
  it('lists months across a year end, and none for a span that ends before it starts', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 13)).toBe('2028-01');
  });

  it('names the quarter and year of a month', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-12'].map((m) => periodOf(m, 'quarter'))).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
    expect(periodOf('2026-07', 'year')).toBe('2026');
  });

  it('rolls months into quarters and years with every period listed, empty ones as 0', () => {
    const byMonth = [
      { key: '2025-12', n: 4 },
      { key: '2026-01', n: 2 },
      { key: '2026-03', n: 5 },
      { key: '2026-07', n: 1 },
    ];
    expect(countsByPeriod(byMonth, '2025-12', '2026-07', 'quarter')).toEqual([
      { period: '2025-Q4', from: '2025-12', to: '2025-12', n: 4 },
      { period: '2026-Q1', from: '2026-01', to: '2026-03', n: 7 },
      { period: '2026-Q2', from: '2026-04', to: '2026-06', n: 0 },
      { period: '2026-Q3', from: '2026-07', to: '2026-07', n: 1 },
    ]);
    expect(countsByPeriod(byMonth, '2025-12', '2026-07', 'year').map((p) => [p.period, p.n])).toEqual([
      ['2025', 4],
      ['2026', 8],
    ]);
    expect(countsByPeriod(byMonth, '2026-01', '2026-03', 'month').map((p) => p.n)).toEqual([2, 0, 5]);
  });

  it('gives a change as a count and a percentage, with no percentage of nothing', () => {
    // "A 75 % increase": 40 to 70.
    expect(changeBetween(40, 70)).toEqual({ before: 40, after: 70, count: 30, percent: 75 });
    expect(changeBetween(3, 2)).toEqual({ before: 3, after: 2, count: -1, percent: -33.3 });
    expect(changeBetween(0, 5).percent).toBeNull();
  });

  it('finds the previous period of the same length', () => {
    expect(previousPeriod('2026-01', '2026-12')).toEqual({ from: '2025-01', to: '2025-12' });
    expect(previousPeriod('2026-04', '2026-06')).toEqual({ from: '2026-01', to: '2026-03' });
  });

  it('stops the previous period on the same day when this one is counted only so far', () => {
    expect(previousThrough('2026-01', '2026-12', '2026-12-04')).toBe('2025-12-04');
    expect(previousThrough('2026-04', '2026-06', '2026-06-30')).toBe('2026-03-30');
    // 31 May, three months back, is the last of February.
    expect(previousThrough('2026-03', '2026-05', '2026-05-31')).toBe('2026-02-28');
    expect(previousThrough('2024-03', '2024-05', '2024-05-31')).toBe('2024-02-29');
  });

  it('never loses or double-counts a month when rolling up', () => {
    const month = fc.tuple(fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(month, fc.integer({ min: 0, max: 1000 }))), month, fc.integer({ min: 0, max: 60 }), (counts, from, length) => {
        const to = addMonths(from, length);
        const byMonth = [...new Map(counts).entries()].map(([key, n]) => ({ key, n }));
        const inSpan = byMonth.filter((r) => r.key >= from && r.key <= to).reduce((a, r) => a + r.n, 0);
        for (const g of ['month', 'quarter', 'year'] as const) expect(countsByPeriod(byMonth, from, to, g).reduce((a, p) => a + p.n, 0)).toBe(inSpan);
        expect(monthsBetween(from, to).every(isMonth)).toBe(true);
      }),
    );
  });
});
