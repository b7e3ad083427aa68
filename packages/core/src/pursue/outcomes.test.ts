import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_ENTITY_ROLES } from './case-workflow';
import { addYears, addDays } from './calendar-dates';
import { COURT_RESULTS, OFFENCES, ORDER_TYPES, OUTCOME_KINDS, S45_ASSESSMENTS, checkOutcome, orderInForce, s45Open, type OutcomeInput } from './outcomes';

const TODAY = '2026-12-03';

describe('outcomes against a suspect', () => {
  it('record a charge under the Modern Slavery Act, or a related offence by its code', () => {
    const charge = checkOutcome({ kind: 'charge', occurredOn: '2026-11-20', offence: 'msa_s2', offenceCode: 'ignored', details: '' }, ['suspect'], TODAY);
    expect(charge).toMatchObject({ kind: 'charge', offence: 'msa_s2', offenceCode: null, result: null });
    expect(() => checkOutcome({ kind: 'charge', occurredOn: '2026-11-20', offence: 'other', details: '' }, ['suspect'], TODAY)).toThrow(/code/);
    expect(() => checkOutcome({ kind: 'arrest', occurredOn: '2026-11-20', details: '' }, ['potential_victim'], TODAY)).toThrow(/suspect/);
    expect(() => checkOutcome({ kind: 'arrest', occurredOn: '2026-12-04', details: '' }, ['suspect'], TODAY)).toThrow(/future/);
  });

  it('hold orders to their statutory minimum: a Prevention Order 5 years or until further order, a Risk Order 2 years', () => {
    const made = '2024-02-29';
    const stpo = { kind: 'order' as const, occurredOn: made, orderType: 'stpo' as const, details: '' };
    expect(() => checkOutcome({ ...stpo, endsOn: '2029-02-27' }, ['suspect'], TODAY)).toThrow(/at least 5 years/);
    expect(checkOutcome({ ...stpo, endsOn: '2029-02-28' }, ['suspect'], TODAY).endsOn).toBe('2029-02-28');
    expect(checkOutcome({ ...stpo, untilFurtherOrder: true }, ['suspect'], TODAY)).toMatchObject({ untilFurtherOrder: true, endsOn: null });
    expect(() => checkOutcome({ ...stpo, orderType: 'stro', untilFurtherOrder: true }, ['suspect'], TODAY)).toThrow(/fixed period/);
  });

  it('ask the s45 question only of a suspect who is also a potential victim, and keep it open until answered', () => {
    const s45: OutcomeInput = { kind: 's45', occurredOn: TODAY, result: 'may_apply', details: '' };
    expect(() => checkOutcome(s45, ['suspect'], TODAY)).toThrow(/also a potential victim/);
    expect(checkOutcome(s45, ['suspect', 'potential_victim'], TODAY).result).toBe('may_apply');
    expect(() => checkOutcome({ ...s45, result: 'does_not_apply' }, ['suspect', 'potential_victim'], TODAY)).toThrow(/why/);
    expect(s45Open(['suspect', 'potential_victim'], [])).toBe(true);
    expect(s45Open(['suspect', 'potential_victim'], [{ kind: 's45' }])).toBe(false);
    expect(s45Open(['suspect'], [])).toBe(false);
  });

  it('whatever is asked, an accepted outcome keeps only its kind’s fields and the law’s minimums', () => {
    const date = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2016-01-01', n));
    const input = fc.record({
      kind: fc.constantFrom(...OUTCOME_KINDS),
      occurredOn: date,
      offence: fc.option(fc.constantFrom(...OFFENCES), { nil: null }),
      offenceCode: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
      result: fc.option(fc.constantFrom(...COURT_RESULTS, ...S45_ASSESSMENTS), { nil: null }),
      orderType: fc.option(fc.constantFrom(...ORDER_TYPES), { nil: null }),
      endsOn: fc.option(date, { nil: null }),
      untilFurtherOrder: fc.boolean(),
      details: fc.string({ maxLength: 5 }),
    });
    const roles = fc.subarray([...CASE_ENTITY_ROLES]);
    fc.assert(
      fc.property(input, roles, (i, r) => {
        let o;
        try {
          o = checkOutcome(i, r, TODAY);
        } catch {
          return;
        }
        expect(r).toContain('suspect');
        expect(o.occurredOn <= TODAY).toBe(true);
        if (o.kind !== 'order') expect([o.orderType, o.endsOn, o.untilFurtherOrder]).toEqual([null, null, false]);
        if (o.kind === 'order') {
          if (o.untilFurtherOrder) expect(o.orderType).toBe('stpo');
          else expect(o.endsOn! >= addYears(o.occurredOn, o.orderType === 'stpo' ? 5 : 2)).toBe(true);
        }
        if (o.kind === 's45') expect(r).toContain('potential_victim');
        if (o.offence !== 'other') expect(o.offenceCode).toBeNull();
        if (o.kind === 'charge') expect(o.offence).not.toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('know when an order is in force', () => {
    const order = { kind: 'order' as const, occurredOn: '2025-01-10', endsOn: '2027-01-10', untilFurtherOrder: false };
    expect(orderInForce(order, TODAY)).toBe(true);
    expect(orderInForce(order, '2027-01-11')).toBe(false);
    expect(orderInForce({ ...order, endsOn: null, untilFurtherOrder: true }, '2040-01-01')).toBe(true);
  });
});
