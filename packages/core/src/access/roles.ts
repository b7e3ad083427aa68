import { ROLES, type AgencyKind, type Role } from '@harbour/contract';

export { AGENCY_KINDS, ROLES, type AgencyKind, type Role } from '@harbour/contract';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Every role but a street colleague must use a second factor. */
export function requiresSecondFactor(role: Role): boolean {
  return role !== 'officer';
}

/**
 * Kinds of agency that are NRM First Responder Organisations by statute (police, local
 * authorities, the Home Office, the GLAA). A charity is one only if designated, and health bodies
 * are not: an administrator marks those agencies themselves.
 */
export function firstResponderByKind(kind: AgencyKind): boolean {
  return kind === 'police' || kind === 'local_authority' || kind === 'home_office' || kind === 'glaa';
}
