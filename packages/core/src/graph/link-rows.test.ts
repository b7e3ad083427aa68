import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callPairs, isRowProblem, linkRowReader, parseDuration, parseLinkTime, type LinkRow } from './link-rows';

describe('reading a link list', () => {
  const header = ['caller', 'callee', 'start', 'duration', 'cell'];
  const read = linkRowReader(header, { from: 'caller', to: 'callee', at: 'start', duration: 'duration', phones: true });

  it('takes a call: both numbers normalised, its time and duration', () => {
    expect(read(['07700 900461', '+44 7700 900123', '01/03/2026 10:22:05', '1:35', 'NP20'], 2)).toEqual({
      from: '+447700900461',
      to: '+447700900123',
      at: new Date('2026-03-01T10:22:05Z'),
      seconds: 95,
    });
    expect(read(['07700900461', '07700900123', '2026-03-01T10:22:05+01:00', '', ''], 3)).toEqual({
      from: '+447700900461',
      to: '+447700900123',
      at: new Date('2026-03-01T09:22:05Z'),
    });
  });

  it('says, by line, why a row is not taken', () => {
    expect(read(['07700900461', '', '2026-03-01', '5', ''], 4)).toEqual({ line: 4, reason: 'has no callee' });
    expect(read(['07700900461', 'hello', '2026-03-01', '5', ''], 5)).toEqual({ line: 5, reason: 'callee "hello" is not a phone number' });
    expect(read(['07700900461', '07700900123', '31/02/2026 10:00', '5', ''], 6)).toMatchObject({
      line: 6,
      reason: expect.stringMatching(/^start "31\/02\/2026 10:00" is not a date/),
    });
    expect(read(['07700900461', '07700900123', '2026-03-01', 'long', ''], 7)).toMatchObject({
      reason: expect.stringMatching(/^duration "long" is not a duration/),
    });
    expect(read(['07700900461', '07700900123'], 8)).toEqual({ line: 8, reason: 'has 2 cells where the header has 5' });
  });

  it('refuses a header without the named columns, naming every one missing', () => {
    expect(() => linkRowReader(header, { from: 'a_number', to: 'callee', at: 'when' })).toThrow(
      /no column "a_number", "when" \(its columns: caller, callee, start, duration, cell\)/,
    );
  });

  it('reads times and durations as call data gives them, and nothing else', () => {
    expect(parseLinkTime('2026-03-01')).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(parseLinkTime('2026-03-01 23:59')).toEqual(new Date('2026-03-01T23:59:00Z'));
    expect(parseLinkTime('1/3/2026')).toEqual(new Date('2026-03-01T00:00:00Z'));
    for (const bad of ['2026-02-30', '2026-13-01', '32/01/2026', '01/03/2026 24:00', 'yesterday', '']) expect(parseLinkTime(bad), bad).toBeNull();
    expect([parseDuration('0'), parseDuration('59'), parseDuration('2:00'), parseDuration('1:02:03')]).toEqual([0, 59, 120, 3723]);
    for (const bad of ['1:60', '-5', '1.5', 'x']) expect(parseDuration(bad), bad).toBeNull();
  });

  it('reads back any call it is given, written either way', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(Math.floor(ms / 1000) * 1000));
    fc.assert(
      fc.property(instant, fc.nat({ max: 100_000 }), fc.boolean(), (at, seconds, ukStyle) => {
        const pad = (n: number) => String(n).padStart(2, '0');
        const written = ukStyle
          ? `${pad(at.getUTCDate())}/${pad(at.getUTCMonth() + 1)}/${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`
          : at.toISOString();
        const duration = `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
        const row = read(['07700900461', '07700900123', written, duration, ''], 2);
        expect(isRowProblem(row)).toBe(false);
        expect((row as LinkRow).at).toEqual(at);
        expect((row as LinkRow).seconds).toBe(seconds);
      }),
    );
  });

  it('gathers calls by caller and callee, with counts, total time, first and last, and UK hours', () => {
    const at = (d: number, hour = 0) => new Date(Date.UTC(2026, 2, d, hour));
    const hours = (...set: [number, number][]) => {
      const all = new Array<number>(24).fill(0);
      for (const [h, n] of set) all[h] = n;
      return all;
    };
    expect(
      callPairs([
        { from: 'x', to: 'y', at: at(3, 21), seconds: 60 },
        { from: 'x', to: 'y', at: at(4, 21), seconds: 10, weight: 2 },
        { from: 'y', to: 'x', at: at(1, 9), seconds: 30 },
        { from: 'x', to: 'z' },
        { from: 'z', to: 'z', at: at(2) },
      ]),
    ).toEqual([
      { from: 'x', to: 'y', calls: 3, seconds: 70, first: at(3, 21), last: at(4, 21), hours: hours([21, 3]) },
      { from: 'y', to: 'x', calls: 1, seconds: 30, first: at(1, 9), last: at(1, 9), hours: hours([9, 1]) },
      { from: 'x', to: 'z', calls: 1, seconds: 0, first: null, last: null, hours: hours() },
    ]);
    // In summer the UK is an hour ahead of UTC: 20:30 UTC on 1 July is 21:30 in Newport.
    expect(callPairs([{ from: 'x', to: 'y', at: new Date('2026-07-01T20:30:00Z') }])[0]!.hours[21]).toBe(1);
  });
});
