import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderWork, triageDueBy, TRIAGE_RESPONSE_HOURS, type WorkItem } from './response-due';
import { TRIAGE_BANDS, type TriageBand } from './triage';

const NOW = new Date('2026-12-03T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const item = (h: number, band: TriageBand | null, awaitingTriage = true): WorkItem & { name: string } => ({
  name: `${band}-${h}`,
  receivedAt: hoursAgo(h),
  band,
  awaitingTriage,
});

describe('the order a team member works their reports in', () => {
  it('gives the more urgent band less time, and an unbanded report the medium time', () => {
    const hours = TRIAGE_BANDS.map((b) => TRIAGE_RESPONSE_HOURS[b]);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
    expect(triageDueBy(NOW, null)).toEqual(triageDueBy(NOW, 'medium'));
    expect(triageDueBy(NOW, 'critical').getTime() - NOW.getTime()).toBe(3_600_000);
  });

  it('puts the overdue first, the longest overdue at the top, then what falls due, then what is in hand', () => {
    const work = [
      item(2, 'low'), // due in 166 h
      item(200, 'high', false), // in hand
      item(2, 'critical'), // an hour overdue
      item(30, 'high'), // six hours overdue
      item(5, 'high'), // due in 19 h
      item(1, 'medium', false), // in hand, newer
    ];
    const ordered = orderWork(work, NOW);
    expect(ordered.map((w) => w.item.name)).toEqual(['high-30', 'critical-2', 'high-5', 'low-2', 'medium-1', 'high-200']);
    expect(ordered.map((w) => w.overdue)).toEqual([true, true, false, false, false, false]);
    expect(ordered[4]!.dueBy).toBeNull();
  });

  it('never puts anything ahead of an overdue report, whatever the mix', () => {
    const items = fc.array(
      fc.record({ hours: fc.integer({ min: 0, max: 400 }), band: fc.constantFrom<TriageBand | null>(null, ...TRIAGE_BANDS), awaiting: fc.boolean() }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(items, (rows) => {
        const ordered = orderWork(
          rows.map((r) => item(r.hours, r.band, r.awaiting)),
          NOW,
        );
        const firstNotOverdue = ordered.findIndex((w) => !w.overdue);
        if (firstNotOverdue >= 0) expect(ordered.slice(firstNotOverdue).some((w) => w.overdue)).toBe(false);
        expect(ordered.filter((w) => w.overdue).every((w) => w.item.awaitingTriage)).toBe(true);
      }),
    );
  });
});
