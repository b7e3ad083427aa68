import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPLOITATION_TYPES } from '../domain';
import { RECORD_KINDS, type RecordKind } from '../resolve/keys';
import { LinkEvidence, linkType, type GraphFilter, type LinkMention, type ReportFacts } from './link-evidence';

const day = (d: number) => new Date(Date.UTC(2026, 0, d));

/** Ann (person) –r1– 0770 (phone) –r2– Bob (person); Bob –r3, r4– 1 High St (address); Cat alone. */
function sample(): LinkEvidence {
  const entities: { id: string; kind: RecordKind; victim?: boolean }[] = [
    { id: 'ann', kind: 'person', victim: true },
    { id: 'phone', kind: 'phone' },
    { id: 'bob', kind: 'person' },
    { id: 'flat', kind: 'address' },
    { id: 'cat', kind: 'person' },
  ];
  const reports = new Map<string, ReportFacts>([
    ['r1', { receivedAt: day(1), grading: '1AP', exploitationTypes: ['sexual'], involvesChild: false, area: 'W06000022' }],
    ['r2', { receivedAt: day(5), grading: '3EC', exploitationTypes: ['labour'], involvesChild: true, area: null }],
    ['r3', { receivedAt: day(10), grading: null, exploitationTypes: ['labour', 'criminal'], involvesChild: false, area: 'W06000018' }],
    ['r4', { receivedAt: day(20), grading: '2BP', exploitationTypes: [], involvesChild: false, area: 'W06000022' }],
  ]);
  const mentions: LinkMention[] = [
    { a: 'ann', b: 'phone', report: 'r1' },
    { a: 'phone', b: 'ann', report: 'r1' },
    { a: 'bob', b: 'phone', report: 'r2' },
    { a: 'bob', b: 'flat', report: 'r3' },
    { a: 'flat', b: 'bob', report: 'r4' },
    { a: 'bob', b: 'bob', report: 'r4' },
    { a: 'bob', b: 'ghost', report: 'r4' },
  ];
  return LinkEvidence.from(entities, reports, mentions);
}

function linked(evidence: LinkEvidence, filter: GraphFilter): string[] {
  const { graph } = evidence.filtered(filter);
  const out: string[] = [];
  for (let v = 0; v < graph.nodeCount; v++) for (const u of graph.neighbours(v)) if (u > v) out.push([graph.ids[v], graph.ids[u]].sort().join('–'));
  return out.sort();
}

describe('link evidence', () => {
  it('links each pair once, with its distinct reports, leaving out self-links and unknown entities', () => {
    const evidence = sample();
    expect(evidence.pairCount).toBe(3);
    const { graph, link } = evidence.filtered();
    expect(graph.nodeCount).toBe(5);
    expect(linked(evidence, {})).toEqual(['ann–phone', 'bob–flat', 'bob–phone']);
    const [bob, flat, ann, phone] = ['bob', 'flat', 'ann', 'phone'].map((id) => evidence.indexOf(id)!) as [number, number, number, number];
    expect(link(bob, flat)).toEqual({
      reports: 2,
      firstSeen: day(10).getTime(),
      lastSeen: day(20).getTime(),
      relations: ['mentioned'],
      direction: 'none',
      calls: 0,
      asserted: 0,
    });
    expect(link(flat, bob)).toEqual(link(bob, flat));
    expect(link(phone, ann)?.reports).toBe(1);
    expect(link(ann, bob)).toBeUndefined();
    expect(graph.weight(bob, flat)).toBe(2);
  });

  it('says what a link is and which way it runs, from whichever end it is asked', () => {
    const evidence = LinkEvidence.from(
      [
        { id: 'boss', kind: 'person' },
        { id: 'ann', kind: 'person', victim: true },
        { id: 'flat', kind: 'address' },
        { id: 'p1', kind: 'phone' },
        { id: 'p2', kind: 'phone' },
      ],
      new Map([
        ['r1', { receivedAt: day(1), grading: null, exploitationTypes: [], involvesChild: false, area: null }],
        ['r2', { receivedAt: day(2), grading: null, exploitationTypes: [], involvesChild: false, area: null }],
        ['r3', { receivedAt: day(3), grading: null, exploitationTypes: [], involvesChild: false, area: null }],
      ]),
      [
        { a: 'boss', b: 'ann', report: 'r1', relation: 'controls' },
        { a: 'boss', b: 'ann', report: 'r2' },
        { a: 'ann', b: 'flat', report: 'r1', relation: 'lives_at' },
        { a: 'boss', b: 'flat', report: 'r1' },
        { a: 'p1', b: 'p2', report: 'r2', relation: 'called', calls: 5 },
        { a: 'p2', b: 'p1', report: 'r3', relation: 'called', calls: 2 },
      ],
    );
    const [boss, ann, flat, p1, p2] = ['boss', 'ann', 'flat', 'p1', 'p2'].map((id) => evidence.indexOf(id)!) as [number, number, number, number, number];
    const { link } = evidence.filtered();
    expect(link(boss, ann)).toMatchObject({ reports: 2, relations: ['controls', 'mentioned'], direction: 'forward' });
    expect(link(ann, boss)).toMatchObject({ relations: ['controls', 'mentioned'], direction: 'backward' });
    expect(link(flat, ann)).toMatchObject({ relations: ['lives_at'], direction: 'backward' });
    expect(link(boss, flat)).toMatchObject({ relations: ['mentioned'], direction: 'none' });
    expect(link(p1, p2)).toMatchObject({ reports: 2, relations: ['called'], direction: 'both', calls: 7 });

    // Restricted to what links say: only the reports saying it count, and only those links are left.
    const controls = evidence.filtered({ relations: ['controls'] });
    expect(controls.link(boss, ann)).toMatchObject({ reports: 1, relations: ['controls'], direction: 'forward' });
    expect(controls.link(ann, flat)).toBeUndefined();
    expect(linked(evidence, { relations: ['controls', 'lives_at'] })).toEqual(['ann–boss', 'ann–flat']);
    expect(linked(evidence, { relations: ['called'], from: day(3) })).toEqual(['p1–p2']);
    expect(evidence.filtered({ relations: ['called'], from: day(3) }).link(p2, p1)).toMatchObject({ reports: 1, direction: 'forward', calls: 2 });
  });

  it('keeps only the reports within the dates', () => {
    const evidence = sample();
    expect(linked(evidence, { from: day(5), until: day(11) })).toEqual(['bob–flat', 'bob–phone']);
    const { link } = evidence.filtered({ from: day(15) });
    expect(link(evidence.indexOf('bob')!, evidence.indexOf('flat')!)).toMatchObject({ reports: 1, firstSeen: day(20).getTime(), lastSeen: day(20).getTime() });
  });

  it('filters by grading, counting ungraded reports unless told not to', () => {
    const evidence = sample();
    expect(linked(evidence, { evaluations: ['1', '2'] })).toEqual(['ann–phone', 'bob–flat']);
    expect(linked(evidence, { evaluations: ['1', '2'], ungraded: false })).toEqual(['ann–phone', 'bob–flat']);
    expect(evidence.filtered({ evaluations: ['1', '2'], ungraded: false }).link(evidence.indexOf('bob')!, evidence.indexOf('flat')!)?.reports).toBe(1);
    expect(linked(evidence, { assessments: ['E'], ungraded: false })).toEqual(['bob–phone']);
  });

  it('filters by exploitation, entity kind and link type', () => {
    const evidence = sample();
    expect(linked(evidence, { exploitationTypes: ['labour'] })).toEqual(['bob–flat', 'bob–phone']);
    expect(linked(evidence, { exploitationTypes: ['criminal', 'sexual'] })).toEqual(['ann–phone', 'bob–flat']);
    expect(linked(evidence, { kinds: ['person', 'phone'] })).toEqual(['ann–phone', 'bob–phone']);
    expect(linked(evidence, { linkTypes: ['person-address'] })).toEqual(['bob–flat']);
    expect(linkType('address', 'person')).toBe('person-address');
  });

  it('dates a link by when it was seen where the evidence says (calls), not when the list arrived', () => {
    const facts = new Map<string, ReportFacts>([['calls', { receivedAt: day(30), grading: '1AP', exploitationTypes: [], involvesChild: false, area: null }]]);
    const evidence = LinkEvidence.from(
      [
        { id: 'a', kind: 'phone' },
        { id: 'b', kind: 'phone' },
        { id: 'c', kind: 'phone' },
      ],
      facts,
      [
        { a: 'a', b: 'b', report: 'calls', first: day(2), last: day(3) },
        { a: 'b', b: 'a', report: 'calls', first: day(8), last: day(9) },
        { a: 'b', b: 'c', report: 'calls', first: day(20), last: day(20) },
      ],
    );
    const [a, b] = [evidence.indexOf('a')!, evidence.indexOf('b')!];
    expect(evidence.filtered().link(a, b)).toMatchObject({ reports: 1, firstSeen: day(2).getTime(), lastSeen: day(9).getTime() });
    expect(linked(evidence, { from: day(1), until: day(10) })).toEqual(['a–b']);
    expect(linked(evidence, { from: day(4), until: day(5) })).toEqual(['a–b']);
    expect(linked(evidence, { from: day(10) })).toEqual(['b–c']);
    expect(evidence.reportFilter({ until: day(2) })('calls')).toBe(false);
    expect(evidence.reportFilter({ from: day(15), until: day(25) })('calls')).toBe(true);
  });

  it("sums up each network's reports under the filter", () => {
    const evidence = sample();
    const all = evidence.filtered();
    expect(all.networks.sizes).toEqual([4, 1]);
    expect(all.networkFacts()[0]).toEqual({
      size: 4,
      links: 3,
      victims: 1,
      children: true,
      exploitationTypes: ['sexual', 'labour', 'criminal'],
      areas: ['W06000018', 'W06000022'],
      firstSeen: day(1).getTime(),
      lastSeen: day(20).getTime(),
    });
    const later = evidence.filtered({ from: day(6) });
    expect(later.networks.sizes).toEqual([2, 1, 1, 1]);
    expect(later.networkFacts()[0]).toMatchObject({
      size: 2,
      links: 1,
      victims: 0,
      children: false,
      exploitationTypes: ['labour', 'criminal'],
      firstSeen: day(10).getTime(),
    });
  });

  it('matches a graph built directly from the passing mentions, for any evidence and filter', () => {
    const kinds = fc.constantFrom(...RECORD_KINDS);
    const input = fc.record({
      kinds: fc.array(kinds, { minLength: 1, maxLength: 12 }),
      reports: fc.array(
        fc.record({
          day: fc.integer({ min: 1, max: 30 }),
          grading: fc.option(fc.constantFrom('1AP', '2BC', '3EP', '2DP'), { nil: null }),
          types: fc.subarray([...EXPLOITATION_TYPES]),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      mentions: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 40 }),
      filter: fc.record(
        {
          from: fc.integer({ min: 1, max: 30 }).map(day),
          evaluations: fc.subarray(['1', '2', '3'] as const),
          ungraded: fc.boolean(),
          exploitationTypes: fc.subarray([...EXPLOITATION_TYPES]),
          kinds: fc.subarray([...RECORD_KINDS]),
        },
        { requiredKeys: [] },
      ),
    });
    fc.assert(
      fc.property(input, ({ kinds: entityKinds, reports, mentions, filter }) => {
        const entities = entityKinds.map((kind, i) => ({ id: `e${i}`, kind }));
        const facts = new Map(
          reports.map((r, i) => [`r${i}`, { receivedAt: day(r.day), grading: r.grading, exploitationTypes: r.types, involvesChild: false, area: null }]),
        );
        const links = mentions.map(([a, b, r]) => ({ a: `e${a % entities.length}`, b: `e${b % entities.length}`, report: `r${r % reports.length}` }));
        const evidence = LinkEvidence.from(entities, facts, links);
        const { graph, link } = evidence.filtered(filter);

        const expected = new Map<string, Set<string>>();
        for (const m of links) {
          const f = facts.get(m.report)!;
          const kindA = entities[Number(m.a.slice(1))]!.kind;
          const kindB = entities[Number(m.b.slice(1))]!.kind;
          const grade = f.grading?.[0];
          const pass =
            m.a !== m.b &&
            (!filter.from || f.receivedAt >= filter.from) &&
            (grade === undefined ? (filter.ungraded ?? true) : !filter.evaluations || (filter.evaluations as string[]).includes(grade)) &&
            (!filter.exploitationTypes || f.exploitationTypes.some((t) => filter.exploitationTypes!.includes(t))) &&
            (!filter.kinds || (filter.kinds.includes(kindA) && filter.kinds.includes(kindB)));
          if (!pass) continue;
          const key = [m.a, m.b].sort().join('|');
          expected.set(key, (expected.get(key) ?? new Set()).add(m.report));
        }
        expect(graph.linkCount).toBe(expected.size);
        for (const [key, reportsOf] of expected) {
          const [a, b] = key.split('|').map((id) => evidence.indexOf(id)!) as [number, number];
          expect(link(a, b)?.reports).toBe(reportsOf.size);
          expect(graph.weight(a, b)).toBe(reportsOf.size);
        }
      }),
    );
  });
});
