import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles';
import { CASE_OUTCOMES, CASE_STATUSES, decideClosing, decideStatusChange, nextStatuses, type CaseState } from './case-workflow';

describe('a case’s status', () => {
  it('goes new → investigating → an outcome → closed, with closing a supervisor’s', () => {
    let state: CaseState = { status: 'new', closeRequested: false };
    expect(decideStatusChange(state, 'investigating', 'investigator')).toEqual({ kind: 'move', to: 'investigating' });
    state = { status: 'charged', closeRequested: false };
    expect(decideStatusChange(state, 'closed', 'investigator')).toEqual({ kind: 'ask-to-close' });
    expect(decideStatusChange(state, 'closed', 'supervisor')).toEqual({ kind: 'move', to: 'closed' });
    expect(() => decideStatusChange({ status: 'investigating', closeRequested: false }, 'closed', 'supervisor')).toThrow(/outcome/);
    expect(() => decideClosing({ status: 'charged', closeRequested: true }, 'investigator')).toThrow(/supervisor/);
    expect(nextStatuses({ status: 'closed', closeRequested: false }, 'investigator')).toEqual([]);
    expect(nextStatuses({ status: 'closed', closeRequested: false }, 'supervisor')).toEqual(['investigating']);
  });

  it('whatever is asked, by whoever: a case is closed only by a supervisor, and only after an outcome', () => {
    const step = fc.record({ to: fc.constantFrom(...CASE_STATUSES), role: fc.constantFrom(...ROLES), approve: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state: CaseState = { status: 'new', closeRequested: false };
        for (const { to, role, approve } of steps) {
          const before = state;
          try {
            if (approve && state.closeRequested) {
              decideClosing(state, role);
              state = { status: 'closed', closeRequested: false };
              expect(role).toBe('supervisor');
            } else {
              const decision = decideStatusChange(state, to, role);
              state = decision.kind === 'ask-to-close' ? { ...state, closeRequested: true } : { status: decision.to, closeRequested: false };
            }
          } catch {
            continue;
          }
          if (state.status === 'closed' && before.status !== 'closed') {
            expect(CASE_OUTCOMES).toContain(before.status);
            expect(role).toBe('supervisor');
          }
          if (before.status === 'closed') expect(role).toBe('supervisor');
        }
      }),
      { numRuns: 500 },
    );
  });
});
