import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constrainedClusters, strongestFirst } from './cluster';
import { comparePersons, FIELDS, FIELD_COUNT, MISSING, packPattern, unpackPattern } from './comparison';
import { personFeatures, type PersonRecord } from './features';
import { scorePattern } from './model';
import { CoMentions, coMentionWeights, coMentionWeightsOf, groupsOf } from './co-mention';
import { attachNameOnly, nameValues, resolvePersons } from './resolve';
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
    expect(levelOf({ id: 'a', givenName: 'Omar', familyName: 'Ibrahim' }, { id: 'b', givenName: 'Umar', familyName: 'Ebrahim' }, 'name')).toBe(
      'given name exact, family name close',
    );
    expect(levelOf({ id: 'a', givenName: 'Omer', familyName: 'Ibrahim' }, { id: 'b', givenName: 'Umar', familyName: 'Ebrahim' }, 'name')).toBe('both close');
    // A short form of two names (Sam: Samuel, Samantha) is each of them; a family name romanised two ways is one.
    expect(levelOf({ id: 'a', givenName: 'Sam', familyName: 'Wood' }, { id: 'b', givenName: 'Samantha', familyName: 'Wood' }, 'name')).toBe(
      'nickname, family name exact',
    );
    expect(levelOf({ id: 'a', givenName: 'Jon', familyName: 'Bowen' }, { id: 'b', givenName: 'Jonathan', familyName: 'Bowen' }, 'name')).toBe(
      'nickname, family name exact',
    );
    expect(levelOf({ id: 'a', givenName: 'John', familyName: 'Bowen' }, { id: 'b', givenName: 'Jonathan', familyName: 'Bowen' }, 'name')).toBe(
      'family name exact, given name different',
    );
    expect(levelOf({ id: 'a', givenName: 'Wen Yong', familyName: 'Zhang' }, { id: 'b', givenName: 'Wen Yong', familyName: 'Cheung' }, 'name')).toBe(
      'given name exact, family name close',
    );
    // One name, written in the other box: compared with the other record's other name.
    expect(levelOf({ id: 'a', familyName: 'Ornela' }, { id: 'b', givenName: 'Ornela', familyName: 'Leka' }, 'name')).toBe('given name agrees, no family name');
    expect(levelOf({ id: 'a', givenName: 'Wei', familyName: 'Zhang' }, { id: 'b', givenName: '伟', familyName: '张' }, 'name')).toBe('exact');
    expect(levelOf({ id: 'a', givenName: 'Ardit', familyName: 'Hoxha' }, { id: 'b', familyName: 'Hoxha' }, 'name')).toBe('family name exact, no given name');
    expect(levelOf({ id: 'a', givenName: 'Ardit' }, { id: 'b', familyName: 'Hoxha' }, 'name')).toBe('missing');
  });

  it('sees a day and month swapped, one typo, and a number written differently', () => {
    expect(levelOf({ id: 'a', dob: '1990-04-03' }, { id: 'b', dob: '03/04/1990' }, 'dob')).toBe('exact');
    expect(levelOf({ id: 'a', dob: '1990-04-03' }, { id: 'b', dob: '1990-03-04' }, 'dob')).toBe('day and month swapped');
    expect(levelOf({ id: 'a', dob: '1990-04-03' }, { id: 'b', dob: '1991-04-03' }, 'dob')).toBe('one digit apart');
    expect(levelOf({ id: 'a', dob: '1990-04-03' }, { id: 'b', dob: '1991-03-04' }, 'dob')).toBe('two digits apart'); // swapped on one, a year out on the other
    // Swapped, and the year a year or two out however many digits that changes (1989 → 1990); not five years.
    expect(levelOf({ id: 'a', dob: '1989-06-05' }, { id: 'b', dob: '1990-05-06' }, 'dob')).toBe('two digits apart');
    expect(levelOf({ id: 'a', dob: '1989-06-05' }, { id: 'b', dob: '1994-05-06' }, 'dob')).toBe('different');
    expect(levelOf({ id: 'a', dob: '1990-04-03' }, { id: 'b', dob: '1968-11-21' }, 'dob')).toBe('different');
    expect(levelOf({ id: 'a', phone: '07700 900123' }, { id: 'b', phone: '+44 7700 900123' }, 'phone')).toBe('exact');
    // Neighbours: one street, two house numbers, however alike the strings.
    expect(levelOf({ id: 'a', address: '16 Heol Las' }, { id: 'b', address: '145 Heol Las' }, 'address')).toBe('different');
    expect(levelOf({ id: 'a', address: '16 Heol Las' }, { id: 'b', address: '16 Heol Lass' }, 'address')).toBe('jaro-winkler ≥ 0.9');
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

  it('never puts a cannot-link pair together, and refuses only merges that would', () => {
    const edge = fc.tuple(fc.nat(29), fc.nat(29));
    fc.assert(
      fc.property(fc.array(fc.tuple(edge, fc.integer({ min: -20, max: 20 })), { maxLength: 60 }), fc.array(edge, { maxLength: 15 }), (edges, apart) => {
        const cannot = apart.filter(([a, b]) => a !== b);
        const matches = { left: edges.map((e) => e[0][0]), right: edges.map((e) => e[0][1]), weight: edges.map((e) => e[1]), count: edges.length };
        const { labels } = constrainedClusters(30, matches, { left: cannot.map((c) => c[0]), right: cannot.map((c) => c[1]), count: cannot.length });
        for (const [a, b] of cannot) expect(labels[a]).not.toBe(labels[b]);
        // Every match left apart would have joined two records that cannot be linked.
        for (const [[a, b]] of edges) {
          if (labels[a] === labels[b]) continue;
          const joined = (x: number) => labels[x] === labels[a] || labels[x] === labels[b];
          expect(cannot.some(([x, y]) => joined(x) && joined(y) && labels[x] !== labels[y])).toBe(true);
        }
      }),
    );
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

describe('attaching records with nothing but a name', () => {
  const senait = { givenName: 'Senait', familyName: 'Tesfamariam' };
  const rich = (id: string, dob: string) => ({ id, ...senait, dob, town: 'Newport' });
  const setUp = (records: PersonRecord[], labels: number[]) => ({
    values: nameValues(records.map((record) => personFeatures(record))),
    labels: Int32Array.from(labels),
  });
  // Every pair of the same name weighs the same here; the test is about the choice, not the score.
  const weigh = (weight: number) => () => ({ pattern: 1, weight });

  it('joins the only person of that name when the evidence clears the threshold', () => {
    const { values, labels } = setUp([rich('a', '1990-01-01'), rich('b', '1990-01-01'), { id: 'lone', ...senait }], [0, 0, 2]);
    const result = attachNameOnly(values, labels, weigh(2), 0.5);
    expect([...result.labels]).toEqual([0, 0, 0]);
    expect(result.pairs).toHaveLength(1);
    // Evidence too weak (a common name): left alone.
    expect([...attachNameOnly(values, labels, weigh(-4), 0.5).labels]).toEqual([0, 0, 2]);
  });

  it('stays alone between two people of the name equally likely, and joins the one reported far more often', () => {
    const twoPeople = setUp([rich('a', '1990-01-01'), rich('b', '1985-05-05'), { id: 'lone', ...senait }], [0, 1, 2]);
    expect([...attachNameOnly(twoPeople.values, twoPeople.labels, weigh(3), 0.5).labels]).toEqual([0, 1, 2]);
    const records = [...Array.from({ length: 12 }, (_, k) => rich(`a${k}`, '1990-01-01')), rich('b', '1985-05-05'), { id: 'lone', ...senait }];
    const oneFrequent = setUp(records, [...Array.from({ length: 12 }, () => 0), 12, 13]);
    expect(attachNameOnly(oneFrequent.values, oneFrequent.labels, weigh(0), 0.5).labels[13]).toBe(0);
  });

  it('between two people of the name, joins the one reported alongside the same car wash, as m and u say', () => {
    const withContext = (record: PersonRecord, context: string[]) => ({ ...record, context });
    const records = [
      withContext(rich('a1', '1990-01-01'), ['business|sparkle car wash|NP20']),
      withContext(rich('a2', '1990-01-01'), ['business|sparkle car wash|NP20', 'phone|+447700900461']),
      withContext(rich('b1', '1985-05-05'), ['vehicle|CU57ABC']),
      withContext(rich('b2', '1985-05-05'), ['vehicle|CU57ABC']),
      withContext({ id: 'lone', ...senait }, ['phone|+447700900461']),
    ];
    const { values, labels } = setUp(records, [0, 0, 2, 2, 4]);
    const co = new CoMentions(records.map((r) => r.context));
    // Without co-mentions the two people are equally likely and the record stays alone.
    expect([...attachNameOnly(values, labels, weigh(3), 0.5).labels]).toEqual([0, 0, 2, 2, 4]);
    // Too little data here to estimate m and u: the model's are used.
    const result = attachNameOnly(values, labels, weigh(3), 0.5, co, { m: 0.9, u: 0.01 });
    expect([...result.labels]).toEqual([0, 0, 2, 2, 0]);
    expect(result.coMention).toMatchObject({ m: 0.9, u: 0.01 });
    expect(result.pairs[0]!.weight).toBeCloseTo(3 + Math.log2(0.9 / 0.01));
    // Shared with neither: evidence against both, so it stays alone.
    const stranger = [...records.slice(0, 4), withContext({ id: 'lone', ...senait }, ['phone|+447700900999'])];
    const apart = attachNameOnly(values, labels, weigh(3), 0.5, new CoMentions(stranger.map((r) => r.context)), { m: 0.9, u: 0.01 });
    expect([...apart.labels]).toEqual([0, 0, 2, 2, 4]);
  });

  it('never moves a record that has more than a name, nor joins people of another name', () => {
    const { values, labels } = setUp([rich('a', '1990-01-01'), rich('b', '1975-03-03'), { id: 'other', givenName: 'Yonas', familyName: 'Haile' }], [0, 1, 2]);
    expect([...attachNameOnly(values, labels, weigh(20), 0.5).labels]).toEqual([0, 1, 2]);
  });
});

describe('edges strongest first', () => {
  it('orders every edge by weight, heaviest first, ties by index', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -80, max: 80, noNaN: true }), fc.constantFrom(0, 1.5, -3)), { maxLength: 300 }), (weights) => {
        const order = [...strongestFirst(weights, weights.length)];
        expect([...order].sort((a, b) => a - b)).toEqual(weights.map((_, k) => k));
        for (let k = 1; k < order.length; k++) {
          const [a, b] = [order[k - 1]!, order[k]!];
          // Weights closer than 2^-16 count as equal.
          expect(weights[a]!).toBeGreaterThanOrEqual(weights[b]! - 2 ** -16);
          if (weights[a] === weights[b]) expect(a).toBeLessThan(b);
        }
      }),
    );
  });

  it('falls back to a comparison sort for weights too far apart to pack', () => {
    expect([...strongestFirst([1, -1e300, 1e300, 1], 4)]).toEqual([2, 0, 3, 1]);
  });
});

function seededPersons(reports: number): PersonRecord[] {
  const seed = generateSeed({ reports, seed: 'resolve-test', area: GWENT, until: new Date('2026-11-01') });
  return [...seed.batches(reports)].flatMap((b) => b.persons);
}

describe('co-mentions', () => {
  it('tells whether a record, or a group of records, shares a co-mention with a person', () => {
    const co = new CoMentions([['x'], [], ['y', 'z', 'y'], ['x'], []]);
    const labels = [0, 0, 2, 0, 4];
    const groups = groupsOf(labels);
    expect([...groups.order.subarray(groups.start[0], groups.start[1])]).toEqual([0, 1, 3]);
    const shared = co.byPerson(labels);
    expect(shared.sharesWithOwn(0)).toBe(true); // record 3 of the same person mentions x too
    expect(shared.sharesWithOwn(2)).toBe(false); // y twice in one record is one mention
    expect(shared.recordSharesWith(2, 0)).toBe(false);
    expect(shared.recordSharesWith(3, 0)).toBe(true);
    const mine = new Set<number>();
    co.addTo(2, mine);
    expect(shared.setSharesWith(mine, 0)).toBe(false);
    expect(shared.setSharesWith(mine, 2)).toBe(true);
    expect(co.has(1)).toBe(false);
    expect(new CoMentions([[], []]).any).toBe(false);
  });

  it('estimates m from records sharing with their own person and u from namesakes, and weighs sharing by them', () => {
    // 40 people of one name, two records each: each person's records share a phone of their own.
    const contexts = Array.from({ length: 80 }, (_, i) => [`phone|${Math.floor(i / 2)}`]);
    const labels = Array.from({ length: 80 }, (_, i) => i - (i % 2));
    const sizes = Array.from({ length: 80 }, (_, i) => (i % 2 === 0 ? 2 : 0));
    const co = new CoMentions(contexts);
    const weights = coMentionWeights(co, co.byPerson(labels), labels, sizes, () => true, new Int32Array(80), 50)!;
    expect(weights.m).toBeGreaterThan(0.95);
    expect(weights.u).toBeLessThan(0.01);
    expect(weights.agree).toBeGreaterThan(6);
    expect(weights.disagree).toBeLessThan(-4);
    // Nobody shares anything: sharing says nothing.
    const alone = Array.from({ length: 80 }, (_, i) => [`phone|${i}`]);
    const none = new CoMentions(alone);
    expect(coMentionWeights(none, none.byPerson(labels), labels, sizes, () => true, new Int32Array(80), 50)).toBeNull();
    expect(coMentionWeightsOf({ m: 0.2, u: 0.3 })).toBeNull();
    expect(coMentionWeightsOf({ m: 0.9, u: 0.01 })!.agree).toBeCloseTo(Math.log2(90));
  });
});
