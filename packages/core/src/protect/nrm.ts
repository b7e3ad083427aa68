import type { NrmConsent, NrmDecision, NrmRoute, SupportStatus } from '@harbour/contract';
import { Invalid, type FieldProblem, type FieldReason } from '../errors';
import type { GuidanceStep } from '../intake/triage';
import { addDays, addWorkingDays } from '../pursue/calendar-dates';

export {
  NRM_ROUTES,
  NRM_CONSENTS,
  NRM_DECISIONS,
  SUPPORT_STATUSES,
  type NrmRoute,
  type NrmConsent,
  type NrmDecision,
  type SupportStatus,
} from '@harbour/contract';

/**
 * The times the team holds NRM decisions to (configurable, as guidance changes): the Home Office
 * aims to make a Reasonable Grounds decision within 5 working days of a referral, and makes no
 * Conclusive Grounds decision before the 30-day recovery period after a positive one has passed.
 */
export interface NrmSettings {
  readonly reasonableGroundsWorkingDays: number;
  readonly recoveryPeriodDays: number;
  /** Days that are not working days besides weekends (bank holidays), YYYY-MM-DD. */
  readonly holidays: ReadonlySet<string>;
}

export const NRM_DEFAULTS: NrmSettings = { reasonableGroundsWorkingDays: 5, recoveryPeriodDays: 30, holidays: new Set() };

/** A potential victim's referral (NRM) or notification (Duty to Notify), as recorded. */
export interface NrmRecord {
  readonly route: NrmRoute;
  readonly child: boolean;
  readonly consent: NrmConsent;
  readonly referredOn: string;
  readonly rgDecision: NrmDecision | null;
  readonly rgDecidedOn: string | null;
  readonly cgDecision: NrmDecision | null;
  readonly cgDecidedOn: string | null;
  readonly supportStatus: SupportStatus;
}

/**
 * Checks a referral or notification against the statutory guidance: a child is referred without
 * consent; an adult is referred only with consent, and otherwise notified anonymously (Duty to
 * Notify, which has no decisions); a Conclusive Grounds decision follows a positive Reasonable
 * Grounds one, and not before the recovery period has passed.
 */
export function checkNrmRecord(r: NrmRecord, today: string, settings: NrmSettings = NRM_DEFAULTS): void {
  const problems: FieldProblem[] = [];
  const problem = (path: string, message: string, reason: FieldReason, values?: Record<string, number | string>) =>
    problems.push({ path, message, reason, ...(values ? { values } : {}) });
  if (r.child) {
    if (r.route !== 'nrm') problem('route', 'A child is always referred to the NRM: the Duty to Notify is for adults who do not consent', 'child_always_nrm');
    if (r.consent !== 'not_needed') problem('consent', 'A child’s referral needs no consent', 'child_needs_no_consent');
  } else if (r.consent === 'not_needed') {
    problem('consent', 'An adult’s referral needs their consent: record whether they gave it', 'adult_consent_unrecorded');
  } else if (r.consent === 'given' && r.route !== 'nrm') {
    problem('route', 'An adult who consents is referred to the NRM', 'consented_adult_nrm');
  } else if (r.consent === 'refused' && r.route !== 'dtn') {
    problem('route', 'An adult who does not consent is not referred: notify the Home Office anonymously (Duty to Notify)', 'unconsented_adult_dtn');
  }
  if (r.referredOn > today) problem('referredOn', 'The date cannot be in the future', 'date_in_future');
  if ((r.rgDecision === null) !== (r.rgDecidedOn === null))
    problem('rgDecidedOn', 'Give the Reasonable Grounds decision and its date together', 'decision_needs_date');
  if ((r.cgDecision === null) !== (r.cgDecidedOn === null))
    problem('cgDecidedOn', 'Give the Conclusive Grounds decision and its date together', 'decision_needs_date');
  if (r.route === 'dtn' && (r.rgDecision || r.cgDecision))
    problem('rgDecision', 'A Duty to Notify has no decisions: only an NRM referral does', 'dtn_has_no_decisions');
  if (r.rgDecidedOn !== null) {
    if (r.rgDecidedOn < r.referredOn) problem('rgDecidedOn', 'The Reasonable Grounds decision cannot come before the referral', 'rg_before_referral');
    if (r.rgDecidedOn > today) problem('rgDecidedOn', 'The date cannot be in the future', 'date_in_future');
  }
  if (r.cgDecision !== null) {
    if (r.rgDecision !== 'positive')
      problem('cgDecision', 'A Conclusive Grounds decision follows a positive Reasonable Grounds decision', 'cg_needs_positive_rg');
    else if (r.cgDecidedOn !== null && r.rgDecidedOn !== null) {
      const earliest = addDays(r.rgDecidedOn, settings.recoveryPeriodDays);
      if (r.cgDecidedOn < earliest)
        problem(
          'cgDecidedOn',
          `No Conclusive Grounds decision is made within the ${settings.recoveryPeriodDays}-day recovery period: not before ${earliest}`,
          'cg_in_recovery_period',
          { days: settings.recoveryPeriodDays, earliest },
        );
    }
    if (r.cgDecidedOn !== null && r.cgDecidedOn > today) problem('cgDecidedOn', 'The date cannot be in the future', 'date_in_future');
  }
  if (problems.length > 0) throw new Invalid(problems[0]!.message, problems);
}

/** Where a referral stands against the times it is held to. */
export interface NrmProgress {
  /** When the Reasonable Grounds decision is aimed at (NRM only, until it is made). */
  readonly rgDueBy: string | null;
  readonly rgOverdue: boolean;
  /** The first day a Conclusive Grounds decision may be made (after a positive RG, until it is made). */
  readonly cgFrom: string | null;
  /** The recovery period is over and the Conclusive Grounds decision is awaited. */
  readonly cgAwaited: boolean;
}

export function nrmProgress(r: NrmRecord, today: string, settings: NrmSettings = NRM_DEFAULTS): NrmProgress {
  if (r.route === 'dtn') return { rgDueBy: null, rgOverdue: false, cgFrom: null, cgAwaited: false };
  const rgDueBy = r.rgDecision === null ? addWorkingDays(r.referredOn, settings.reasonableGroundsWorkingDays, settings.holidays) : null;
  const cgFrom = r.rgDecision === 'positive' && r.cgDecision === null && r.rgDecidedOn ? addDays(r.rgDecidedOn, settings.recoveryPeriodDays) : null;
  return { rgDueBy, rgOverdue: rgDueBy !== null && rgDueBy < today, cgFrom, cgAwaited: cgFrom !== null && cgFrom <= today };
}

/** What a referral's guidance at intake says the NRM step is, to prefill it on the victim's record. */
export interface NrmPrefill {
  readonly route: NrmRoute | null;
  readonly child: boolean | null;
  readonly consent: NrmConsent | null;
}

export function nrmPrefill(guidance: readonly GuidanceStep[]): NrmPrefill {
  if (guidance.includes('nrm_referral_child')) return { route: 'nrm', child: true, consent: 'not_needed' };
  if (guidance.includes('nrm_referral_adult_consented')) return { route: 'nrm', child: false, consent: 'given' };
  if (guidance.includes('duty_to_notify')) return { route: 'dtn', child: false, consent: 'refused' };
  // Consent not yet asked (or age unknown): nothing to prefill but the question.
  return { route: null, child: guidance.includes('presume_child_if_in_doubt') ? null : false, consent: null };
}
