import type { SharingCategory } from '@harbour/contract';
import { Conflict } from '../errors';
import type { UserActor } from './actor';

export { SHARING_CATEGORIES, type SharingCategory } from '@harbour/contract';

/** An information-sharing agreement's terms, as far as access goes. */
export interface AgreementTerms {
  readonly agencyId: string;
  readonly categories: readonly SharingCategory[];
  /** First and last days it is in force, YYYY-MM-DD (UK dates). */
  readonly startsOn: string;
  readonly endsOn: string;
  /** Ended early by an administrator. */
  readonly endedAt: Date | null;
}

export function agreementInForce(a: AgreementTerms, today: string): boolean {
  return a.endedAt === null && a.startsOn <= today && today <= a.endsOn;
}

/**
 * What an agency may be shared today: the categories of every agreement in force with it
 * together, or null when none is in force (and so nothing may be shared at all).
 */
export function sharingTerms(agreements: readonly AgreementTerms[], agencyId: string, today: string): SharingCategory[] | null {
  const inForce = agreements.filter((a) => a.agencyId === agencyId && agreementInForce(a, today));
  if (inForce.length === 0) return null;
  return [...new Set(inForce.flatMap((a) => a.categories))].sort();
}

/** Refuses sharing with an agency outside an agreement in force, saying why. */
export function checkSharing(agreements: readonly AgreementTerms[], agencyId: string, holderAgencyId: string, today: string): SharingCategory[] {
  if (agencyId === holderAgencyId) throw new Conflict('The case is this agency’s own: there is nothing to share', [], 'share_own_record');
  const terms = sharingTerms(agreements, agencyId, today);
  if (terms === null)
    throw new Conflict('There is no information-sharing agreement in force with this agency: an administrator records one first', [], 'no_agreement_in_force');
  return terms;
}

/** How far an account reaches a case: whole (its agency's own), shared under an agreement's terms, or not at all. */
export type RecordAccess =
  { readonly kind: 'whole' } | { readonly kind: 'shared'; readonly categories: readonly SharingCategory[] } | { readonly kind: 'none' };

/**
 * The one decision on reading a case, for every route that reads one: the holding agency reads it
 * whole; another agency reads it only while it is shared with it (not withdrawn) and an agreement
 * is in force with it, and then only what the agreement's categories allow.
 */
export function recordAccess(
  user: Pick<UserActor, 'agencyId'>,
  holderAgencyId: string,
  share: { readonly revokedAt: Date | null } | undefined,
  agreements: readonly AgreementTerms[],
  today: string,
): RecordAccess {
  if (user.agencyId === holderAgencyId) return { kind: 'whole' };
  if (!share || share.revokedAt !== null) return { kind: 'none' };
  const terms = sharingTerms(agreements, user.agencyId, today);
  return terms === null ? { kind: 'none' } : { kind: 'shared', categories: terms };
}
