import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, SessionStage, UserActor } from './actor';
import { can, mayReach, PERMISSIONS, permissionsOf, type Permission } from './policy';
import { ROLES, requiresSecondFactor } from './roles';

const permission = fc.constantFrom(...(Object.values(PERMISSIONS) as Permission[]));
const role = fc.constantFrom(...ROLES);
const stage = fc.constantFrom<SessionStage>('second-factor', 'enrol-second-factor', 'complete');
const user = fc.record({ role, stage }).map(({ role, stage }): Actor => ({ kind: 'user', userId: 'u', role, agencyId: 'a', sessionId: 's', stage }));

describe('policy', () => {
  it('lets anyone do public things and an anonymous caller nothing else', () => {
    fc.assert(fc.property(permission, (p) => can({ kind: 'anonymous' }, p) === (p === 'public')));
  });

  it('lets a session owing its second factor do nothing but finish signing in', () => {
    fc.assert(
      fc.property(user, permission, (actor, p) => {
        if (actor.kind !== 'user' || actor.stage === 'complete') return true;
        return can(actor, p) === (p === 'public' || p === 'session:second-factor');
      }),
    );
  });

  it('gives partners and officers nothing but their own account and making referrals (officers also take the training and record awareness work, which holds no one’s details; partners work their agency’s tasks and import their spreadsheets)', () => {
    expect(permissionsOf('officer')).toEqual(['public', 'session:second-factor', 'self', 'referrals:create', 'training:take', 'prevent:record']);
    expect(permissionsOf('partner')).toEqual(['public', 'session:second-factor', 'self', 'referrals:create', 'cases:shared', 'tasks:work', 'imports:run']);
  });

  it('reserves the audit log and account management to administrators', () => {
    fc.assert(
      fc.property(role, (r) => {
        const actor: Actor = { kind: 'user', userId: 'u', role: r, agencyId: 'a', sessionId: 's', stage: 'complete' };
        return can(actor, 'audit:read') === (r === 'admin') && can(actor, 'users:manage') === (r === 'admin');
      }),
    );
  });

  it('needs a second factor for every role but officer', () => {
    expect(ROLES.filter((r) => !requiresSecondFactor(r))).toEqual(['officer']);
  });
});

describe('reaching one record', () => {
  const id = fc.constantFrom('a', 'b', 'c');
  const holder = fc.record({ agencyId: fc.option(id, { nil: undefined }), ownerId: fc.option(id, { nil: undefined }) });
  const user = (agencyId: string, userId: string): UserActor => ({ kind: 'user', userId, agencyId, role: 'partner', sessionId: 's', stage: 'complete' });

  it('reaches a record exactly when its agency and its owner, where it has them, are the account’s', () => {
    fc.assert(
      fc.property(id, id, holder, (agencyId, userId, record) => {
        const expected = (record.agencyId === undefined || record.agencyId === agencyId) && (record.ownerId === undefined || record.ownerId === userId);
        expect(mayReach(user(agencyId, userId), record)).toBe(expected);
      }),
    );
  });
});
