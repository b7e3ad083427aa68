import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, daysBetween, isCalendarDate } from '../pursue/calendar-dates';
import { NRM_CONSENTS, NRM_DECISIONS, NRM_ROUTES, SUPPORT_STATUSES, checkNrmRecord, nrmPrefill, nrmProgress, type NrmRecord } from './nrm';
import { DOMAIN_REASONS, type Invalid } from '../errors';

const TODAY = '2026-12-03';
const referral: NrmRecord = {
  route: 'nrm',
  child: false,
  consent: 'given',
  referredOn: '2026-11-02',
  rgDecision: null,
  rgDecidedOn: null,
  cgDecision: null,
  cgDecidedOn: null,
  supportStatus: 'not_yet',
};

const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2025-11-01', n));

describe('NRM and Duty to Notify records', () => {
  it('follow the guidance: a child without consent, an adult with it, otherwise the Duty to Notify', () => {
    expect(() => checkNrmRecord(referral, TODAY)).not.toThrow();
    expect(() => checkNrmRecord({ ...referral, child: true, consent: 'not_needed' }, TODAY)).not.toThrow();
    expect(() => checkNrmRecord({ ...referral, child: true, route: 'dtn', consent: 'not_needed' }, TODAY)).toThrow(/child is always referred/);
    expect(() => checkNrmRecord({ ...referral, consent: 'refused' }, TODAY)).toThrow(/Duty to Notify/);
    expect(() => checkNrmRecord({ ...referral, consent: 'refused', route: 'dtn' }, TODAY)).not.toThrow();
    expect(() => checkNrmRecord({ ...referral, consent: 'not_needed' }, TODAY)).toThrow(/consent/);
  });

  it('hold the Conclusive Grounds decision to the recovery period after a positive Reasonable Grounds one', () => {
    const rg = { ...referral, rgDecision: 'positive' as const, rgDecidedOn: '2026-11-05' };
    expect(() => checkNrmRecord({ ...rg, cgDecision: 'positive', cgDecidedOn: '2026-12-04' }, '2026-12-10')).toThrow(/not before 2026-12-05/);
    expect(() => checkNrmRecord({ ...rg, cgDecision: 'positive', cgDecidedOn: '2026-12-05' }, '2026-12-10')).not.toThrow();
    expect(() => checkNrmRecord({ ...rg, rgDecision: 'negative', cgDecision: 'positive', cgDecidedOn: '2026-12-05' }, '2026-12-10')).toThrow(
      /follows a positive/,
    );
  });

  it('flag a Reasonable Grounds decision overdue after 5 working days, weekends and holidays skipped', () => {
    // Referred on Monday 2 November 2026: due Monday 9 November.
    expect(nrmProgress(referral, '2026-11-09')).toMatchObject({ rgDueBy: '2026-11-09', rgOverdue: false });
    expect(nrmProgress(referral, '2026-11-10')).toMatchObject({ rgOverdue: true });
    const holidays = { reasonableGroundsWorkingDays: 5, recoveryPeriodDays: 30, holidays: new Set(['2026-11-04']) };
    expect(nrmProgress(referral, '2026-11-10', holidays)).toMatchObject({ rgDueBy: '2026-11-10', rgOverdue: false });
    const decided = { ...referral, rgDecision: 'positive' as const, rgDecidedOn: '2026-11-06' };
    expect(nrmProgress(decided, '2026-12-05')).toEqual({ rgDueBy: null, rgOverdue: false, cgFrom: '2026-12-06', cgAwaited: false });
    expect(nrmProgress(decided, '2026-12-06').cgAwaited).toBe(true);
    expect(nrmProgress({ ...referral, route: 'dtn', consent: 'refused' }, '2027-06-01').rgOverdue).toBe(false);
  });

  it('whatever is recorded, an accepted record keeps the statutory order', () => {
    const record = fc.record({
      route: fc.constantFrom(...NRM_ROUTES),
      child: fc.boolean(),
      consent: fc.constantFrom(...NRM_CONSENTS),
      referredOn: day,
      rgDecision: fc.option(fc.constantFrom(...NRM_DECISIONS), { nil: null }),
      rgDecidedOn: fc.option(day, { nil: null }),
      cgDecision: fc.option(fc.constantFrom(...NRM_DECISIONS), { nil: null }),
      cgDecidedOn: fc.option(day, { nil: null }),
      supportStatus: fc.constantFrom(...SUPPORT_STATUSES),
    });
    fc.assert(
      fc.property(record, (r) => {
        try {
          checkNrmRecord(r, TODAY);
        } catch (error) {
          // A refusal names each field and says why in a code the team's language words.
          for (const f of (error as Invalid).fields) expect(DOMAIN_REASONS, f.path).toContain(f.reason);
          return;
        }
        if (r.child) expect([r.route, r.consent]).toEqual(['nrm', 'not_needed']);
        else expect(r.route).toBe(r.consent === 'given' ? 'nrm' : 'dtn');
        if (r.route === 'dtn') expect([r.rgDecision, r.cgDecision]).toEqual([null, null]);
        if (r.rgDecidedOn) expect(r.rgDecidedOn >= r.referredOn && r.rgDecidedOn <= TODAY).toBe(true);
        if (r.cgDecision) {
          expect(r.rgDecision).toBe('positive');
          expect(daysBetween(r.rgDecidedOn!, r.cgDecidedOn!)).toBeGreaterThanOrEqual(30);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('prefill the step intake’s guidance gave', () => {
    expect(nrmPrefill(['safeguard_child_now', 'nrm_referral_child'])).toEqual({ route: 'nrm', child: true, consent: 'not_needed' });
    expect(nrmPrefill(['nrm_referral_adult_consented'])).toEqual({ route: 'nrm', child: false, consent: 'given' });
    expect(nrmPrefill(['duty_to_notify', 'book_interpreter'])).toEqual({ route: 'dtn', child: false, consent: 'refused' });
    expect(nrmPrefill(['presume_child_if_in_doubt', 'ask_adult_consent'])).toEqual({ route: null, child: null, consent: null });
  });
});

describe('working days', () => {
  it('land on a weekday, n weekdays on, never on a holiday', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), fc.array(day, { maxLength: 10 }), (from, n, hols) => {
        const holidays = new Set(hols);
        const to = addWorkingDays(from, n, holidays);
        expect(isCalendarDate(to)).toBe(true);
        let weekdays = 0;
        for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
          const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
          if (wd !== 0 && wd !== 6 && !holidays.has(d)) weekdays += 1;
        }
        expect(weekdays).toBe(n);
        if (n > 0) expect(holidays.has(to) || [0, 6].includes(new Date(`${to}T00:00:00Z`).getUTCDay())).toBe(false);
      }),
    );
  });
});
