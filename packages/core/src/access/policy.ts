import { PERMISSIONS, type Permission } from '@harbour/contract';
import { Forbidden } from '../errors';
import type { Actor, UserActor } from './actor';
import { ROLES, type Role } from './roles';

export { PERMISSIONS, type Permission } from '@harbour/contract';

/** Roles granted each permission that needs a complete session. */
const GRANTS: Record<Exclude<Permission, 'public' | 'session:second-factor'>, readonly Role[]> = {
  self: ROLES,
  'users:read': ['admin', 'supervisor'],
  'users:manage': ['admin'],
  'agencies:read': ['admin', 'supervisor'],
  'agencies:manage': ['admin'],
  'audit:read': ['admin'],
  'audit:agency': ['partner_admin'],
  'jobs:read': ['admin', 'supervisor'],
  'reports:overview': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'reports:read': ['supervisor', 'investigator', 'analyst'],
  'reports:triage': ['supervisor', 'investigator'],
  'referrals:create': ['supervisor', 'investigator', 'officer', 'partner', 'partner_admin'],
  'picture:search': ['supervisor', 'investigator', 'analyst'],
  'picture:resolve': ['supervisor', 'investigator', 'analyst'],
  'picture:configure': ['supervisor', 'analyst'],
  'links:import': ['supervisor', 'investigator', 'analyst'],
  'figures:export': ['supervisor', 'researcher', 'analyst'],
  'cases:read': ['supervisor', 'investigator', 'analyst'],
  'cases:work': ['supervisor', 'investigator'],
  'cases:share': ['supervisor'],
  'cases:shared': ['partner', 'partner_admin'],
  'sharing:manage': ['admin'],
  'tasks:work': ['supervisor', 'investigator', 'partner', 'partner_admin'],
  'tasks:oversee': ['supervisor'],
  'records:review': ['admin', 'supervisor'],
  'cases:exchange': ['supervisor', 'analyst'],
  'imports:run': ['supervisor', 'investigator', 'analyst', 'partner', 'partner_admin'],
  'access:grant': ['supervisor'],
  'training:take': ['admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'training:author': ['supervisor', 'investigator'],
  'training:manage': ['admin', 'supervisor'],
  'prevent:record': ['supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
};

/**
 * A researcher works on de-identified and aggregate data (DESIGN §1). What a supervisor's grant
 * adds, for its purpose and while it lasts: reading reports and the picture, never changing who
 * is who, importing, or exchanging cases.
 */
export const NAMED_ACCESS: readonly Permission[] = ['reports:read', 'picture:search'];

/** The roles a grant of named access can be given to. */
export const GRANTABLE_ROLES: readonly Role[] = ['researcher'];

export function can(actor: Actor, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (actor.kind !== 'user') return false;
  if (permission === 'session:second-factor') return true;
  if (actor.stage !== 'complete') return false;
  if (GRANTS[permission].includes(actor.role)) return true;
  return actor.grant !== undefined && GRANTABLE_ROLES.includes(actor.role) && NAMED_ACCESS.includes(permission);
}

/** The signed-in user acting, when they hold the permission; otherwise refused, in the given words. */
export function permittedUser(actor: Actor, permission: Permission, refusal = 'Your role does not allow this'): UserActor {
  if (!can(actor, permission) || actor.kind !== 'user') throw new Forbidden(refusal);
  return actor;
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (Object.values(PERMISSIONS) as string[]).includes(value);
}

/** Permissions a role holds once fully signed in (with a grant of named access, if any); drives the navigation the web app shows. */
export function permissionsOf(role: Role, grant?: { readonly id: string }): Permission[] {
  const actor: Actor = { kind: 'user', userId: '', role, agencyId: '', sessionId: '', stage: 'complete', ...(grant ? { grant } : {}) };
  return (Object.values(PERMISSIONS) as Permission[]).filter((p) => can(actor, p));
}

/** Who holds one record: the agency it belongs to, the account that owns it (absent: no such rule). */
export interface RecordHolder {
  readonly agencyId?: string | null | undefined;
  readonly ownerId?: string | null | undefined;
}

/**
 * Whether a signed-in account may reach one record of a kind its permission covers: the one place
 * rules per record live. A record held by an agency is that agency's alone, and one owned by an
 * account is its owner's alone; sharing with partner agencies will add its rules here.
 */
export function mayReach(user: UserActor, record: RecordHolder): boolean {
  if (record.agencyId != null && record.agencyId !== user.agencyId) return false;
  if (record.ownerId != null && record.ownerId !== user.userId) return false;
  return true;
}
