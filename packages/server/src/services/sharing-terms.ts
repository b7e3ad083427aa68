import type { AgreementTerms } from '@harbour/core';
import type { Repositories } from '@harbour/db';

/** Every information-sharing agreement's terms, read afresh: an agreement ended a moment ago no longer counts. */
export async function agreementTerms(repos: Repositories): Promise<AgreementTerms[]> {
  return (await repos.sharing.agreements()).map((a) => ({
    agencyId: a.agency_id,
    categories: a.categories,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    endedAt: a.ended_at,
  }));
}
