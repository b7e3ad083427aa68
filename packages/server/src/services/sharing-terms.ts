import type { ReportSharing } from '@harbour/contract';
import type { AgreementTerms, CaseIntelligence } from '@harbour/core';
import type { AgreementRow, Repositories } from '@harbour/db';

/** Every information-sharing agreement's terms, read afresh: an agreement ended a moment ago no longer counts. */
export async function agreementTerms(repos: Repositories): Promise<AgreementTerms[]> {
  return (await repos.sharing.agreements()).map(termsOf);
}

/** An agreement's terms, as far as access goes. */
export function termsOf(a: AgreementRow): AgreementTerms {
  return { agencyId: a.agency_id, categories: a.categories, startsOn: a.starts_on, endsOn: a.ends_on, endedAt: a.ended_at };
}

type IntelligenceRow = Awaited<ReturnType<Repositories['cases']['reportsIntelligence']>>[number];

/** A report as core's redaction reads it. */
export function asIntelligence(r: IntelligenceRow): CaseIntelligence {
  return {
    receivedAt: new Date(r.received_at),
    grading: r.grading,
    handlingConditions: r.handling_conditions,
    exploitationTypes: r.exploitation_types,
    town: r.town,
    summary: r.summary,
    persons: r.persons.map((p) => ({ role: p.role, givenName: p.given_name, familyName: p.family_name })),
    addresses: r.addresses,
  };
}

/** One share as the holding team's page lists it; `reading`: the agency reads the record now. */
export function shareView(
  s: { agency_id: string; agency_name: string; reason: string; shared_by_name: string; shared_at: Date; revoked_at: Date | null },
  reading: boolean,
): ReportSharing['shares'][number] {
  return {
    agencyId: s.agency_id,
    agency: s.agency_name,
    reason: s.reason,
    sharedBy: s.shared_by_name,
    sharedAt: s.shared_at.toISOString(),
    revokedAt: s.revoked_at?.toISOString() ?? null,
    reading: s.revoked_at === null && reading,
  };
}
