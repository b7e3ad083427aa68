import { describe, expect, it } from 'vitest';
import { GWENT } from '../area/gwent';
import { generateSeed, type SeedBatch } from './generator';
import { Random } from './random';

const until = new Date('2026-11-01T00:00:00Z');
const all = (reports: number, seed: number | string): SeedBatch => {
  const out: SeedBatch = { reports: [], persons: [], phones: [], vehicles: [], businesses: [] };
  for (const b of generateSeed({ reports, seed, area: GWENT, until }).batches(97)) {
    out.reports.push(...b.reports);
    out.persons.push(...b.persons);
    out.phones.push(...b.phones);
    out.vehicles.push(...b.vehicles);
    out.businesses.push(...b.businesses);
  }
  return out;
};

describe('synthetic force area', () => {
  it('is the same for the same seed and different for another', () => {
    expect(all(500, 1)).toEqual(all(500, 1));
    expect(all(500, 2).persons[0]).not.toEqual(all(500, 1).persons[0]);
  });

  it('covers every local authority, town and the three years before `until`', () => {
    const data = all(3000, 'coverage');
    expect(new Set(data.reports.map((r) => r.localAuthority))).toEqual(new Set(GWENT.localAuthorities.map((l) => l.code)));
    const towns = new Set(GWENT.localAuthorities.flatMap((l) => l.towns.map((t) => t.name)));
    for (const r of data.reports) {
      expect(towns.has(r.town)).toBe(true);
      expect(r.receivedAt.getTime()).toBeLessThanOrEqual(until.getTime());
      expect(r.receivedAt.getTime()).toBeGreaterThan(until.getTime() - 3.1 * 365 * 86_400_000);
      expect(r.postcode).toMatch(/^(NP|CF)\d{1,2} \d[A-Z]{2}$/);
    }
    // Reporting grows: the last year has more reports than the first.
    const year = 365 * 86_400_000;
    const recent = data.reports.filter((r) => r.receivedAt.getTime() > until.getTime() - year).length;
    const oldest = data.reports.filter((r) => r.receivedAt.getTime() < until.getTime() - 2 * year).length;
    expect(recent).toBeGreaterThan(oldest);
  });

  it('plants networks whose members recur across reports under varied names', () => {
    const data = all(3000, 'networks');
    const networkPersons = data.persons.filter((p) => p.networkId);
    const byTruth = new Map<string, Set<string>>();
    for (const p of networkPersons) {
      const names = byTruth.get(p.truePersonId) ?? new Set();
      names.add(`${p.givenName} ${p.familyName}`);
      byTruth.set(p.truePersonId, names);
    }
    const recurring = [...byTruth.values()].filter((names) => names.size > 1).length;
    expect(recurring).toBeGreaterThan(20); // the same person written in different ways
    expect(data.reports.filter((r) => r.networkId).length / data.reports.length).toBeGreaterThan(0.3);
    expect(data.reports.some((r) => r.involvesChild)).toBe(true);
    expect(new Set(data.persons.map((p) => p.nationality)).size).toBeGreaterThan(10);
    // Some names are recorded in their own script.
    expect(data.persons.some((p) => [...`${p.givenName}${p.familyName}`].some((c) => c.codePointAt(0)! > 0x24f))).toBe(true);
    for (const v of data.vehicles) expect(v.trueRegistration).toMatch(/^C[A-Y]\d{2} [A-Z]{3}$/);
    for (const ph of data.phones) expect(ph.trueNumber).toMatch(/^\+447\d{9}$/);
  });

  it('writes every date of birth as a real calendar date', () => {
    for (const batch of generateSeed({ reports: 60_000, seed: 'dates', area: GWENT, until }).batches(10_000)) {
      for (const p of batch.persons) {
        if (!p.dob) continue;
        const d = new Date(`${p.dob}T00:00:00Z`);
        expect(d.toISOString().slice(0, 10), p.dob).toBe(p.dob);
      }
    }
  });

  it('refuses a negative or fractional report count', () => {
    expect(() => generateSeed({ reports: -1, seed: 1, area: GWENT, until })).toThrow(RangeError);
    expect(() => generateSeed({ reports: 1.5, seed: 1, area: GWENT, until })).toThrow(RangeError);
  });

  it('draws uniform numbers in [0, 1) and valid UUIDs', () => {
    const r = new Random('x');
    for (let i = 0; i < 1000; i++) {
      const n = r.next();
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(1);
    }
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
