/** Roles a Harbour account can hold (DESIGN §1). One role per account. */
export const ROLES = ['admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Every role but a street colleague must use a second factor. */
export function requiresSecondFactor(role: Role): boolean {
  return role !== 'officer';
}

export const AGENCY_KINDS = ['police', 'local_authority', 'health', 'charity', 'glaa', 'home_office', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/**
 * Kinds of agency that are NRM First Responder Organisations by statute (police, local
 * authorities, the Home Office, the GLAA). A charity is one only if designated, and health bodies
 * are not: an administrator marks those agencies themselves.
 */
export function firstResponderByKind(kind: AgencyKind): boolean {
  return kind === 'police' || kind === 'local_authority' || kind === 'home_office' || kind === 'glaa';
}
