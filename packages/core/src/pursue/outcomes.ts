import type { CaseEntityRole, CourtResult, Offence, OrderType, OutcomeKind, S45Assessment } from '@harbour/contract';
import { Invalid, type FieldProblem, type FieldReason } from '../errors';
import { addYears } from './calendar-dates';

export {
  OUTCOME_KINDS,
  OFFENCES,
  COURT_RESULTS,
  ORDER_TYPES,
  S45_ASSESSMENTS,
  type OutcomeKind,
  type Offence,
  type CourtResult,
  type OrderType,
  type S45Assessment,
} from '@harbour/contract';

/**
 * The shortest an order may run (Modern Slavery Act 2015): a Prevention Order at least 5 years
 * or until further order (s17); a Risk Order a fixed period of at least 2 years (s24).
 */
export const ORDER_MINIMUM_YEARS: Readonly<Record<OrderType, number>> = { stpo: 5, stro: 2 };

/** What is asked to be recorded against a suspect. */
export interface OutcomeInput {
  readonly kind: OutcomeKind;
  /** When it happened (arrest, charge, result, order made, defence assessed), YYYY-MM-DD. */
  readonly occurredOn: string;
  readonly offence?: Offence | null | undefined;
  /** The code of a related offence (when the offence is "other"), e.g. a Home Office offence code or the Act and section. */
  readonly offenceCode?: string | null | undefined;
  readonly result?: CourtResult | S45Assessment | null | undefined;
  readonly orderType?: OrderType | null | undefined;
  readonly endsOn?: string | null | undefined;
  readonly untilFurtherOrder?: boolean | undefined;
  readonly details: string;
}

/** An outcome as it is stored: every field either meant for its kind or null. */
export interface Outcome {
  readonly kind: OutcomeKind;
  readonly occurredOn: string;
  readonly offence: Offence | null;
  readonly offenceCode: string | null;
  readonly result: CourtResult | S45Assessment | null;
  readonly orderType: OrderType | null;
  readonly endsOn: string | null;
  readonly untilFurtherOrder: boolean;
  readonly details: string;
}

const COURT: readonly string[] = ['convicted', 'acquitted', 'discontinued'];
const S45: readonly string[] = ['may_apply', 'raised', 'does_not_apply'];

/**
 * Checks an outcome against the law and the person's part in the case, and keeps only the fields
 * its kind has. Outcomes are recorded against suspects; the s45 defence only for a suspect who is
 * also a potential victim (criminal exploitation).
 */
export function checkOutcome(input: OutcomeInput, roles: readonly CaseEntityRole[], today: string): Outcome {
  const problems: FieldProblem[] = [];
  const problem = (path: string, message: string, reason: FieldReason = 'required', values?: Record<string, number | string>) =>
    problems.push({ path, message, reason, ...(values ? { values } : {}) });
  if (!roles.includes('suspect'))
    problem('entityId', 'Outcomes are recorded against a suspect in this case: link the person as a suspect first', 'outcome_needs_suspect');
  if (input.occurredOn > today) problem('occurredOn', 'The date cannot be in the future', 'date_in_future');
  const out = {
    kind: input.kind,
    occurredOn: input.occurredOn,
    offence: null as Offence | null,
    offenceCode: null as string | null,
    result: null as CourtResult | S45Assessment | null,
    orderType: null as OrderType | null,
    endsOn: null as string | null,
    untilFurtherOrder: false,
    details: input.details.trim(),
  };
  const code = input.offenceCode?.trim() || null;
  switch (input.kind) {
    case 'arrest':
      break;
    case 'charge':
    case 'court_result':
      if (input.kind === 'charge' && !input.offence) problem('offence', 'Choose the offence charged');
      if (input.offence === 'other' && !code) problem('offenceCode', 'Give the code or the Act and section of the related offence');
      out.offence = input.offence ?? null;
      out.offenceCode = input.offence === 'other' ? code : null;
      if (input.kind === 'court_result') {
        if (!input.result || !COURT.includes(input.result)) problem('result', 'Choose the court’s result');
        else out.result = input.result;
      }
      break;
    case 'order': {
      if (!input.orderType) {
        problem('orderType', 'Choose the order: Prevention Order or Risk Order');
        break;
      }
      out.orderType = input.orderType;
      const minimum = addYears(input.occurredOn, ORDER_MINIMUM_YEARS[input.orderType]);
      if (input.untilFurtherOrder && input.orderType === 'stpo') {
        out.untilFurtherOrder = true;
      } else if (input.untilFurtherOrder) {
        problem('untilFurtherOrder', 'A Risk Order runs for a fixed period: give its end date', 'risk_order_fixed');
      } else if (!input.endsOn) {
        problem('endsOn', input.orderType === 'stpo' ? 'Give the end date, or say it runs until further order' : 'Give the end date');
      } else if (input.endsOn < minimum) {
        problem(
          'endsOn',
          `This order runs at least ${ORDER_MINIMUM_YEARS[input.orderType]} years: the end date cannot be before ${minimum}`,
          'order_too_short',
          {
            years: ORDER_MINIMUM_YEARS[input.orderType],
            minimum,
          },
        );
      } else {
        out.endsOn = input.endsOn;
      }
      break;
    }
    case 's45':
      if (!roles.includes('potential_victim'))
        problem('kind', 'The s45 defence is for a suspect who is also a potential victim: link the person as a potential victim first', 's45_needs_victim');
      if (!input.result || !S45.includes(input.result)) problem('result', 'Say whether the defence may apply, was raised, or does not apply');
      else out.result = input.result;
      if (input.result === 'does_not_apply' && out.details.length < 3)
        problem('details', 'Say why the defence does not apply (e.g. the offence is one Schedule 4 excludes)');
      break;
  }
  if (problems.length > 0) throw new Invalid(problems[0]!.message, problems);
  return out;
}

/** Whether a person's s45 question is still open: a suspect who is also a potential victim with no assessment recorded. */
export function s45Open(roles: readonly CaseEntityRole[], outcomes: readonly Pick<Outcome, 'kind'>[]): boolean {
  return roles.includes('suspect') && roles.includes('potential_victim') && !outcomes.some((o) => o.kind === 's45');
}

/** Whether an order is in force on `today`. */
export function orderInForce(order: Pick<Outcome, 'kind' | 'occurredOn' | 'endsOn' | 'untilFurtherOrder'>, today: string): boolean {
  return order.kind === 'order' && order.occurredOn <= today && (order.untilFurtherOrder || (order.endsOn !== null && order.endsOn >= today));
}
