import { ROLES, type AgencyKind, type Role } from '@harbour/contract';

export { AGENCY_KINDS, PARTNER_ROLES, ROLES, type AgencyKind, type Role } from '@harbour/contract';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A partner agency's staff (not the force's): they see only what is shared with their agency. */
export function isPartnerRole(role: Role): boolean {
  return role === 'partner' || role === 'partner_admin';
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
