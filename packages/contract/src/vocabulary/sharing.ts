/**
 * What an information-sharing agreement lets the force share with an agency, beyond the shared
 * record itself (its reference, status, the agency's own tasks and notes): the identities of
 * potential victims, of suspects, addresses, and intelligence graded C (shared only with its
 * recorded handling conditions). Source details are never shared.
 */
export const SHARING_CATEGORIES = ['victim_identity', 'suspect_identity', 'addresses', 'intelligence_c'] as const;
export type SharingCategory = (typeof SHARING_CATEGORIES)[number];

/** What stands in a shared summary where the agreement withholds a name, a place or a number. */
export const REDACTED_MARK = '[withheld]';
