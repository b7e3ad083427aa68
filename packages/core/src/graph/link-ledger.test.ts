import { describe, expect, it } from 'vitest';
import { LinkLedger } from './link-ledger';

const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const facts = (d: number, grading: string | null = null) => ({ receivedAt: day(d), grading, exploitationTypes: ['labour'], involvesChild: false, area: null });

function pairs(ledger: LinkLedger, filter = {}): string[] {
  const { graph } = ledger.evidence().filtered(filter);
  const out: string[] = [];
  for (let v = 0; v < graph.nodeCount; v++) for (const u of graph.neighbours(v)) if (u > v) out.push([graph.ids[v], graph.ids[u]].sort().join('–'));
  return out.sort();
}

describe('the link ledger, kept up to date piece by piece', () => {
  it('replaces a link under its key when its records move (a merge), instead of adding another', () => {
    const ledger = new LinkLedger();
    for (const id of ['ann', 'bob', 'phone']) ledger.entity(id, id === 'phone' ? 'phone' : 'person', false);
    ledger.report('r1', facts(1));
    ledger.link(10, { a: 'ann', b: 'phone', report: 'r1' });
    ledger.link(11, { a: 'bob', b: 'phone', report: 'r1' });
    expect(pairs(ledger)).toEqual(['ann–phone', 'bob–phone']);
    const before = ledger.evidence();
    expect(ledger.evidence()).toBe(before);
    // Catching up reads some rows again: the same rows change nothing, and nothing is rebuilt.
    ledger.entity('ann', 'person', false);
    ledger.report('r1', facts(1));
    ledger.link(11, { a: 'bob', b: 'phone', report: 'r1' });
    expect(ledger.evidence()).toBe(before);

    // Bob is merged into Ann: link 11 now joins Ann and the phone, which link 10 already does.
    ledger.link(11, { a: 'ann', b: 'phone', report: 'r1' });
    expect(ledger.links).toBe(2);
    expect(ledger.evidence()).not.toBe(before);
    expect(pairs(ledger)).toEqual(['ann–phone']);
    expect(ledger.evidence().filtered().link(ledger.evidence().indexOf('ann')!, ledger.evidence().indexOf('phone')!)?.reports).toBe(1);
  });

  it('keeps a link of an entity not yet known, and counts it once the link is given again with it', () => {
    const ledger = new LinkLedger();
    ledger.entity('ann', 'person', false);
    ledger.report('r1', facts(1));
    ledger.link(1, { a: 'ann', b: 'newcomer', report: 'r1' });
    expect(pairs(ledger)).toEqual([]);
    ledger.entity('newcomer', 'vehicle', false);
    ledger.link(1, { a: 'ann', b: 'newcomer', report: 'r1' });
    expect(pairs(ledger)).toEqual(['ann–newcomer']);
  });

  it('takes keys out of order (a transaction that committed late) and still finds each', () => {
    const ledger = new LinkLedger();
    for (const id of ['a', 'b', 'c', 'd']) ledger.entity(id, 'phone', false);
    ledger.report('r', facts(1));
    ledger.link(5, { a: 'a', b: 'b', report: 'r' });
    ledger.link(9, { a: 'b', b: 'c', report: 'r' });
    ledger.link(7, { a: 'c', b: 'd', report: 'r' });
    ledger.link(5, { a: 'a', b: 'd', report: 'r' });
    ledger.link(7, { a: 'c', b: 'a', report: 'r' });
    expect(ledger.links).toBe(3);
    expect(pairs(ledger)).toEqual(['a–c', 'a–d', 'b–c']);
  });

  it("follows a report's new facts: graded at triage, it passes a grading filter", () => {
    const ledger = new LinkLedger();
    ledger.entity('ann', 'person', true);
    ledger.entity('flat', 'address', false);
    ledger.report('r1', facts(1));
    ledger.link(1, { a: 'ann', b: 'flat', report: 'r1' });
    expect(pairs(ledger, { ungraded: false })).toEqual([]);
    ledger.report('r1', facts(1, '2BP'));
    expect(pairs(ledger, { ungraded: false })).toEqual(['ann–flat']);
    expect(ledger.evidence().filtered().networkFacts()[0]).toMatchObject({ size: 2, victims: 1 });
  });

  it('counts a link asserted by hand beside the reports, under its own date and grading, and takes it away when withdrawn', () => {
    const ledger = new LinkLedger();
    for (const id of ['boss', 'worker']) ledger.entity(id, 'person', id === 'worker');
    ledger.entity('phone', 'phone', false);
    ledger.report('r1', facts(1));
    ledger.link(5, { a: 'worker', b: 'phone', report: 'r1' });
    const asserted = { receivedAt: day(20), grading: '2BC', exploitationTypes: [], involvesChild: false, area: null, asserted: true };
    ledger.report('x1', asserted);
    ledger.handLink('x1', { a: 'boss', b: 'phone', report: 'x1', relation: 'uses_phone' });
    // A report link keyed after the assertion keeps its place: keys of reports' links stay in order.
    ledger.link(6, { a: 'boss', b: 'worker', report: 'r1' });
    expect(ledger.links).toBe(2);
    expect(pairs(ledger)).toEqual(['boss–phone', 'boss–worker', 'phone–worker']);
    const evidence = ledger.evidence();
    const link = evidence.filtered().link(evidence.indexOf('boss')!, evidence.indexOf('phone')!)!;
    expect(link).toMatchObject({ reports: 1, asserted: 1, relations: ['uses_phone'], direction: 'forward', firstSeen: day(20).getTime() });
    expect(evidence.filtered().link(evidence.indexOf('worker')!, evidence.indexOf('phone')!)).toMatchObject({ reports: 1, asserted: 0 });
    // Its grading and date filter it as a report's would; a filter by exploitation does not leave it out.
    expect(pairs(ledger, { evaluations: ['3'] })).toEqual(['boss–worker', 'phone–worker']);
    expect(pairs(ledger, { ungraded: false })).toEqual(['boss–phone']);
    expect(pairs(ledger, { from: day(10) })).toEqual(['boss–phone']);
    expect(pairs(ledger, { exploitationTypes: ['sexual'] })).toEqual(['boss–phone']);

    // Read again unchanged: nothing rebuilt. Withdrawn: gone.
    ledger.report('x1', asserted);
    ledger.handLink('x1', { a: 'boss', b: 'phone', report: 'x1', relation: 'uses_phone' });
    expect(ledger.evidence()).toBe(evidence);
    ledger.handLink('x1', null);
    expect(pairs(ledger)).toEqual(['boss–worker', 'phone–worker']);
  });
});
