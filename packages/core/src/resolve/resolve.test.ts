import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constrainedClusters } from './cluster';
import { comparePersons, FIELDS, FIELD_COUNT, MISSING, packPattern, unpackPattern } from './comparison';
import { personFeatures, type PersonRecord } from './features';
import { scorePattern } from './model';
import { resolvePersons } from './resolve';
import { GWENT } from '../area/gwent';
import { generateSeed } from '../seed/generator';
import { readFebrl as febrl } from '../../../../tools/febrl';

const levelOf = (a: PersonRecord, b: PersonRecord, field: string) => {
  const f = FIELDS.findIndex((x) => x.name === field);
  const l = unpackPattern(comparePersons(personFeatures(a), personFeatures(b)))[f]!;
  return l === MISSING ? 'missing' : FIELDS[f]!.levels[l];
};

describe('comparing two person records', () => {
  it('knows nicknames, other spellings, scripts and names written the other way round', () => {
    expect(levelOf({ id: 'a', givenName: 'Bill', familyName: 'Jones' }, { id: 'b', givenName: 'William', familyName: 'Jones' }, 'name')).toBe(
      'nickname, family name exact',
    );
    expect(levelOf({ id: 'a', givenName: 'Minh', familyName: 'Nguyen' }, { id: 'b', givenName: 'Nguyễn', familyName: 'Minh' }, 'name')).toBe('exact');
    expect(levelOf({ id: 'a', givenName: 'Mohammed', familyName: 'Ali' }, { id: 'b', givenName: 'محمد', familyName: 'Ali' }, 'name')).toBe(
      'given name close, family name exact',
    );
    expect(levelOf({ id: 'a', givenName: 'Omar', familyName: 'Ibrahim' }, { id: 'b', givenName: 'Umar', familyName: 'Ebrahim' }, 'name')).toBe('both close');
    expect(levelOf({ id: 'a', givenName: 'Wei', familyName: 'Zhang' }, { id: 'b', givenName: '伟', familyName: '张' }, 'name')).toBe('exact');
    expect(levelOf({ id: 'a', givenName: 'Ardit', familyName: 'Hoxha' }, { id: 'b', familyName: 'Hoxha' }, 'name')).toBe('family name exact, no given name');
    expect(levelOf({ id: 'a', givenName: 'Ardit' }, { id: 'b', familyName: 'Hoxha' }, 'name')).toBe('missing');
  });

  it('sees a day and month swapped, one typo, and a number written differently', () => {
    expect(levelOf({ id: 'a', dob: '1990-04-03' }, { id: 'b', dob: '03/04/1990' }, 'dob')).toBe('exact');
    expect(levelOf({ id: 'a', dob: '1990-04-03' }, { id: 'b', dob: '1990-03-04' }, 'dob')).toBe('day and month swapped');
    expect(levelOf({ id: 'a', dob: '1990-04-03' }, { id: 'b', dob: '1991-04-03' }, 'dob')).toBe('one digit apart');
    expect(levelOf({ id: 'a', phone: '07700 900123' }, { id: 'b', phone: '+44 7700 900123' }, 'phone')).toBe('exact');
    expect(levelOf({ id: 'a', gender: 'female' }, { id: 'b', gender: 'F' }, 'gender')).toBe('missing'); // agreement is no evidence
    expect(levelOf({ id: 'a', gender: 'female' }, { id: 'b', gender: 'male' }, 'gender')).toBe('different');
  });

  it('packs every combination of levels into one number and back', () => {
    fc.assert(
      fc.property(fc.tuple(...FIELDS.map((f) => fc.integer({ min: -1, max: f.levels.length - 1 }))), (levels) => {
        expect(unpackPattern(packPattern(levels))).toEqual(levels);
      }),
    );
    expect(FIELD_COUNT).toBe(FIELDS.length);
  });
});

describe('resolving person records', () => {
  const people: PersonRecord[] = [
    { id: 'r1', givenName: 'Ardian', familyName: 'Kelmendi', dob: '1998-02-11', phone: '07700 900461', town: 'Newport' },
    { id: 'r2', givenName: 'Ardian', familyName: 'Kelmendi', dob: '11/02/1998', town: 'Newport' },
    { id: 'r3', givenName: 'Ardiani', familyName: 'Kelmendi', phone: '+447700900461' },
    { id: 'r4', givenName: 'Ardian', familyName: 'Kelmendi', dob: '1975-07-30', gender: 'male', town: 'Cwmbran' }, // another man of that name
    { id: 'r5', givenName: 'Bill', familyName: 'Llewellyn', dob: '1980-01-05', postcode: 'NP20 1AB' },
    { id: 'r6', givenName: 'William', familyName: 'Llewellyn', dob: '1980-05-01', postcode: 'np201ab' },
    { id: 'r7', givenName: 'Senait', familyName: 'Tesfamariam', dob: '2001-09-09' },
  ];

  it('finds the same person under other spellings and formats, and keeps namesakes apart', () => {
    // Among a few thousand synthetic records, so there are enough pairs to estimate the model from.
    const all = [...people, ...seededPersons(3000)];
    const { clusters } = resolvePersons(all);
    const of = (id: string) => clusters[all.findIndex((p) => p.id === id)];
    expect(of('r2')).toBe(of('r1'));
    expect(of('r3')).toBe(of('r1'));
    expect(of('r4')).not.toBe(of('r1'));
    expect(of('r6')).toBe(of('r5'));
    expect(new Set([of('r1'), of('r4'), of('r5'), of('r7')]).size).toBe(4);
  });

  it('explains every pair field by field; the weights sum to the score', () => {
    const { model } = resolvePersons(febrl('dataset1.csv'));
    const pattern = comparePersons(personFeatures(people[0]!), personFeatures(people[1]!));
    const score = scorePattern(model, pattern);
    const prior = Math.log2(model.lambda / (1 - model.lambda));
    expect(score.evidence.reduce((sum, e) => sum + e.weight, prior)).toBeCloseTo(score.weight, 9);
    expect(score.evidence.find((e) => e.field === 'name')).toMatchObject({ level: 'exact' });
    expect(score.evidence.find((e) => e.field === 'dob')!.weight).toBeGreaterThan(0);
  });

  it('estimates its model without labels and links FEBRL dataset 1 with F1 ≥ 0.99', () => {
    const records = febrl('dataset1.csv');
    const { clusters, stats } = resolvePersons(records);
    const truth = records.map((r) => r.id.replace(/-(org|dup-\d+)$/, ''));
    let tp = 0;
    let predicted = 0;
    for (let i = 0; i < records.length; i++) {
      for (let j = i + 1; j < records.length; j++) {
        if (clusters[i] !== clusters[j]) continue;
        predicted++;
        if (truth[i] === truth[j]) tp++;
      }
    }
    const precision = tp / predicted;
    const recall = tp / 500;
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.99);
    expect(stats.candidatePairs).toBeLessThan(20_000); // blocking: far fewer than the 499,500 possible pairs
  });

  it('handles no records, one record, and records with nothing in them', () => {
    expect(resolvePersons([]).clusters).toHaveLength(0);
    expect([...resolvePersons([{ id: 'only' }]).clusters]).toEqual([0]);
    expect([...resolvePersons([{ id: 'a' }, { id: 'b', givenName: '' }]).clusters]).toEqual([0, 1]);
  });
});

describe('clustering with cannot-link constraints', () => {
  it('refuses a merge that would join two records judged different people, however the chain runs', () => {
    // 0–1 and 1–2 look like matches, but 0 and 2 are known to be different people.
    const matches = { left: [0, 1], right: [1, 2], weight: [10, 5], count: 2 };
    const { labels, refused } = constrainedClusters(3, matches, { left: [0], right: [2], count: 1 });
    expect(labels[0]).toBe(labels[1]);
    expect(labels[2]).not.toBe(labels[0]);
    expect(refused).toBe(1);
  });

  it('without constraints, clusters are the connected components', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(19), fc.nat(19)), { maxLength: 40 }), (edges) => {
        const { labels } = constrainedClusters(
          20,
          { left: edges.map((e) => e[0]), right: edges.map((e) => e[1]), weight: edges.map(() => 1), count: edges.length },
          { left: [], right: [], count: 0 },
        );
        for (const [a, b] of edges) expect(labels[a]).toBe(labels[b]);
        // Each label is the smallest member of its cluster.
        labels.forEach((label, i) => expect(label).toBeLessThanOrEqual(i));
      }),
    );
  });
});

function seededPersons(reports: number): PersonRecord[] {
  const seed = generateSeed({ reports, seed: 'resolve-test', area: GWENT, until: new Date('2026-11-01') });
  return [...seed.batches(reports)].flatMap((b) => b.persons);
}
