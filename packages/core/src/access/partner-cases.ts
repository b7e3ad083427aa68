import type { SharingCategory } from '@harbour/contract';
import type { CaseReport } from '../interop/htcds';
import { redact } from './shared-intelligence';

/** A report as the exchange reads it, with what decides what a partner may have of it. */
export interface GradedCaseReport extends CaseReport {
  /** 3x5x2; its last letter says whether conditions apply to passing it on. */
  readonly grading: string | null;
  readonly handlingConditions: string | null;
  /** Every address it records, to be taken out of its words where addresses are not shared. */
  readonly addresses: readonly { readonly address: string; readonly postcode: string | null }[];
}

/**
 * A report as a partner agency may have it in a file of cases, under its agreement, by the rules a
 * shared case is read by: only one the team has graded, and of those graded C (conditions apply)
 * only under `intelligence_c`, its conditions heading its details; its source (reporters,
 * witnesses) never; phone numbers never; victims' and suspects' names and dates of birth only as
 * the agreement allows; addresses, towns and postcodes only under `addresses`; its words with
 * every name, place and number withheld taken out. Its reference is its place in the file, so
 * nothing leads back to a report. Null when it may not go at all.
 */
export function caseForPartner(report: GradedCaseReport, categories: readonly SharingCategory[], n: number): CaseReport | null {
  const allowed = new Set(categories);
  const handling = report.grading?.at(2);
  const conditional = handling === 'C';
  if (handling !== 'P' && !(conditional && allowed.has('intelligence_c') && report.handlingConditions)) return null;
  const places = allowed.has('addresses');
  const identified = (role: string) =>
    (role === 'potential_victim' && allowed.has('victim_identity')) || (role === 'suspect' && allowed.has('suspect_identity'));
  const withheldNames = report.persons
    .filter((p) => !identified(p.role))
    .flatMap((p) => {
      const parts = [p.givenName, p.familyName].filter((x): x is string => !!x?.trim());
      return [...parts, parts.join(' ')];
    });
  const withheldPlaces = places
    ? []
    : [...report.addresses.flatMap((a) => [a.address, ...(a.postcode ? [a.postcode] : [])]), ...report.persons.flatMap((p) => (p.address ? [p.address] : []))];
  const words = redact(report.summary, [...withheldNames, ...withheldPlaces], { postcodes: !places });
  return {
    ...report,
    reference: `shared-${n}`,
    summary: conditional ? `Handling conditions: ${report.handlingConditions}\n\n${words}` : words,
    town: places ? report.town : null,
    postcode: places ? report.postcode : null,
    persons: report.persons
      .filter((p) => p.role === 'potential_victim' || p.role === 'suspect')
      .map((p) => {
        const named = identified(p.role);
        return {
          ...p,
          givenName: named ? p.givenName : null,
          familyName: named ? p.familyName : null,
          dob: named ? p.dob : null,
          phone: null,
          address: places ? p.address : null,
        };
      }),
  };
}

/** The reports a partner may have, each beside what it may have of it, numbered in order from 1. */
export function casesForPartner(
  reports: readonly GradedCaseReport[],
  categories: readonly SharingCategory[],
): { readonly report: GradedCaseReport; readonly shared: CaseReport }[] {
  const out: { report: GradedCaseReport; shared: CaseReport }[] = [];
  for (const report of reports) {
    const shared = caseForPartner(report, categories, out.length + 1);
    if (shared) out.push({ report, shared });
  }
  return out;
}
