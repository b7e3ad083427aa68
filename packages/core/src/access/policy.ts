import { Forbidden } from '../errors';
import type { Actor, UserActor } from './actor';
import { ROLES, type Role } from './roles';

/**
 * The one place that decides who may do what. Every HTTP route names one of these;
 * the server refuses to register a route that does not.
 */
export const PERMISSIONS = {
  /** Anyone, signed in or not (health, sign-in, the public portal). */
  public: 'public',
  /** A session that has passed the password but may still owe its second factor. */
  secondFactor: 'session:second-factor',
  /** Any fully signed-in account: its own profile, sign-out. */
  self: 'self',
  usersRead: 'users:read',
  usersManage: 'users:manage',
  agenciesRead: 'agencies:read',
  agenciesManage: 'agencies:manage',
  auditRead: 'audit:read',
  /** Aggregate figures of reports (no personal data). */
  reportsOverview: 'reports:overview',
  /**
   * Read a report whole (what it says, what and whom it mentions, its photos): the team, and the
   * researchers and analysts whose picture is built from reports. Audited like every read.
   */
  reportsRead: 'reports:read',
  /** Work the triage queue: question reporters, grade and assign. */
  reportsTriage: 'reports:triage',
  /** Refer a potential victim with the indicator checklist (any colleague or partner). */
  referralsCreate: 'referrals:create',
  /** Search the picture and open its entities (people, phones, vehicles, businesses, addresses). */
  pictureSearch: 'picture:search',
  /** Decide review pairs, merge, split and undo: correct who is who in the picture. */
  pictureResolve: 'picture:resolve',
  /** Set the matching thresholds and retrain the match model. */
  pictureConfigure: 'picture:configure',
  /** Import call data and other link lists into the picture. */
  linksImport: 'links:import',
  /** Export de-identified, k-anonymous case-level rows for research. */
  figuresExport: 'figures:export',
  /** Exchange cases with other systems as HTCDS files (export with people's details, import). */
  casesExchange: 'cases:exchange',
  /** Import a spreadsheet (CSV) of referrals; each agency sees its own imports only. */
  importsRun: 'imports:run',
  /** Grant a researcher named access for a purpose, for a while, and end it. */
  accessGrant: 'access:grant',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

/** Roles granted each permission that needs a complete session. */
const GRANTS: Record<Exclude<Permission, 'public' | 'session:second-factor'>, readonly Role[]> = {
  self: ROLES,
  'users:read': ['admin', 'supervisor'],
  'users:manage': ['admin'],
  'agencies:read': ['admin', 'supervisor'],
  'agencies:manage': ['admin'],
  'audit:read': ['admin'],
  'reports:overview': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'reports:read': ['supervisor', 'investigator', 'analyst'],
  'reports:triage': ['supervisor', 'investigator'],
  'referrals:create': ['supervisor', 'investigator', 'officer', 'partner'],
  'picture:search': ['supervisor', 'investigator', 'analyst'],
  'picture:resolve': ['supervisor', 'investigator', 'analyst'],
  'picture:configure': ['supervisor', 'analyst'],
  'links:import': ['supervisor', 'investigator', 'analyst'],
  'figures:export': ['supervisor', 'researcher', 'analyst'],
  'cases:exchange': ['supervisor', 'analyst'],
  'imports:run': ['supervisor', 'investigator', 'analyst', 'partner'],
  'access:grant': ['supervisor'],
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
