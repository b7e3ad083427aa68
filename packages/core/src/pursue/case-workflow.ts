import { CASE_STATUSES, type CaseStatus } from '@harbour/contract';
import { Conflict, Forbidden, Invalid, type FieldReason } from '../errors';
import type { Role } from '../access/roles';

export {
  CASE_KINDS,
  CASE_STATUSES,
  CASE_ENTITY_ROLES,
  TASK_STATUSES,
  type CaseKind,
  type CaseStatus,
  type CaseEntityRole,
  type TaskStatus,
} from '@harbour/contract';

/** The outcomes a case is closed after: closing needs one of them recorded first. */
export const CASE_OUTCOMES: readonly CaseStatus[] = ['charged', 'no_further_action', 'referred'];

/**
 * Where a case may go from each status (closing and reopening aside): on from new, to an outcome
 * once investigated, and back to investigating when new information comes.
 */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['investigating', 'no_further_action', 'referred'],
  investigating: ['charged', 'no_further_action', 'referred'],
  charged: ['investigating'],
  no_further_action: ['investigating'],
  referred: ['investigating'],
  closed: [],
};

/** Who approves closing a case, and reopens a closed one: the detective sergeant. */
const APPROVES: readonly Role[] = ['supervisor'];

export interface CaseState {
  readonly status: CaseStatus;
  /** A request to close waiting for a supervisor's decision. */
  readonly closeRequested: boolean;
}

/** What a status change does: move the case now, or put a request to close before a supervisor. */
export type StatusDecision = { readonly kind: 'move'; readonly to: CaseStatus } | { readonly kind: 'ask-to-close' };

/** Where a case can be moved from its status by someone of this role (for the page's choices). */
export function nextStatuses(state: CaseState, role: Role): CaseStatus[] {
  return CASE_STATUSES.filter((to) => {
    try {
      decideStatusChange(state, to, role);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Decides a change of status asked for by someone working the case. Closing is approved by a
 * supervisor: theirs closes at once, anyone else's becomes a request; only a supervisor reopens.
 */
export function decideStatusChange(state: CaseState, to: CaseStatus, role: Role): StatusDecision {
  const from = state.status;
  const problem = (message: string, reason: FieldReason) => new Invalid(message, [{ path: 'to', message, reason }]);
  if (to === from) throw problem('The case is at this status already', 'status_unchanged');
  if (from === 'closed') {
    if (to !== 'investigating') throw problem('A closed case can only be reopened, to investigating', 'closed_reopens_only');
    if (!APPROVES.includes(role)) throw new Forbidden('Only a supervisor reopens a closed case');
    return { kind: 'move', to };
  }
  if (to === 'closed') {
    if (!CASE_OUTCOMES.includes(from)) throw problem('Record the outcome (charged, no further action or referred) before closing', 'outcome_before_closing');
    if (APPROVES.includes(role)) return { kind: 'move', to };
    if (state.closeRequested) throw new Conflict('Closing this case has been asked for already and waits for a supervisor', [], 'close_asked_already');
    return { kind: 'ask-to-close' };
  }
  if (!NEXT[from].includes(to)) throw problem(`A case at "${from}" can move to ${NEXT[from].map((s) => `"${s}"`).join(', ')} or be closed`, 'status_not_next');
  return { kind: 'move', to };
}

/** A supervisor's decision on a request to close. */
export function decideClosing(state: CaseState, role: Role): void {
  if (!APPROVES.includes(role)) throw new Forbidden('Only a supervisor approves or declines closing a case');
  if (!state.closeRequested) throw new Conflict('Nobody has asked to close this case', [], 'close_not_asked');
}
