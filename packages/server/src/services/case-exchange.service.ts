import { createHash, randomUUID } from 'node:crypto';
import type { HtcdsPartners } from '@harbour/contract';
import {
  casesForPartner,
  checkSharing,
  localDate,
  sharingTerms,
  type GradedCaseReport,
  EXPLOITATION_TYPES,
  REPORT_SOURCES,
  PERMISSIONS,
  addMonths,
  buildReport,
  fromHtcdsCase,
  permittedUser,
  toHtcdsDocument,
  triageWithoutChecklist,
  type Actor,
  type CaseReport,
  type ExploitationType,
  type ForceArea,
  type HtcdsCase,
  type HtcdsDocument,
  type IntakeFacts,
  type TriageResult,
} from '@harbour/core';
import type { ExchangeCaseRow, Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';
import { agreementTerms, termsOf } from './sharing-terms';

/** Cases in one export at most: a year of a force's reports is well inside it. */
const MOST_CASES = 20_000;

/**
 * Cases exchanged with other systems as HTCDS v2.0 files: Harbour's reports out, with the people
 * they name, and cases in, each stored whole as a report that joins the picture like any other.
 * Both carry personal data, so both are for a supervisor or an analyst and both are audited.
 */
export class CaseExchangeService {
  constructor(
    private readonly repos: Repositories,
    private readonly area: ForceArea,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.areaNames = new Map(area.localAuthorities.map((la) => [la.code, la.name]));
  }

  /** Each local authority's name by its code, for a case's place. */
  private readonly areaNames: ReadonlyMap<string, string>;

  /**
   * A span of months' reports as an HTCDS file: for the force's own use, every one but those graded
   * C (conditions apply: they go out only under their conditions, not in a bulk file); `for` a
   * partner agency, only what is shared with it, as its agreement in force allows (caseForPartner).
   */
  async export(
    actor: Actor,
    span: { from?: string | undefined; to?: string | undefined; for?: string | undefined },
  ): Promise<{ from: string; to: string; document: HtcdsDocument }> {
    const user = permittedUser(actor, PERMISSIONS.casesExchange, 'Only a supervisor or an analyst exchanges cases with other systems');
    const to = span.to ?? this.now().toISOString().slice(0, 7);
    const from = span.from ?? addMonths(to, -11);
    const categories = span.for ? checkSharing(await agreementTerms(this.repos), span.for, user.agencyId, localDate(this.now())) : null;
    const received = (await this.repos.caseExchange.received(`${from}-01`, `${to}-01`, MOST_CASES, span.for)).map((r) => this.caseReport(r));
    const going = categories
      ? casesForPartner(received, categories)
      : received.filter((r) => !r.grading?.endsWith('C')).map((report) => ({ report, shared: report }));
    const reports = going.map((g) => g.shared);
    const withheld = received.length - reports.length;
    await this.repos.audit.append(
      auditEntry(
        user,
        'cases.exported',
        { type: 'report', id: null },
        {
          from,
          to,
          cases: reports.length,
          withheld,
          ...(span.for ? { for: span.for, categories } : {}),
          // A partner's file carries no references: the audit keeps which reports went.
          references: going.map((g) => g.report.reference),
        },
      ),
    );
    return { from, to, document: { ...toHtcdsDocument(reports), withheld } };
  }

  /** The partner agencies a file can be made for today, each with what its agreements allow and how many reports are shared with it. */
  async partners(actor: Actor): Promise<HtcdsPartners['partners']> {
    permittedUser(actor, PERMISSIONS.casesExchange, 'Only a supervisor or an analyst exchanges cases with other systems');
    const [agreements, shared] = await Promise.all([this.repos.sharing.agreements(), this.repos.caseExchange.sharedCounts()]);
    const terms = agreements.map(termsOf);
    const today = localDate(this.now());
    const names = new Map(agreements.map((a) => [a.agency_id, a.agency_name]));
    return [...names]
      .flatMap(([id, name]) => {
        const categories = sharingTerms(terms, id, today);
        return categories ? [{ id, name, categories, shared: shared.get(id) ?? 0 }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private caseReport(r: ExchangeCaseRow): GradedCaseReport {
    return {
      reference: r.reference,
      source: r.source,
      receivedAt: new Date(r.received_at),
      status: r.status as CaseReport['status'],
      summary: r.summary,
      localAuthority: r.local_authority,
      localAuthorityName: r.local_authority ? (this.areaNames.get(r.local_authority) ?? null) : null,
      town: r.town,
      postcode: r.postcode,
      exploitationTypes: r.exploitation_types,
      involvesChild: r.involves_child,
      persons: r.persons.map((p) => ({
        role: p.role as CaseReport['persons'][number]['role'],
        givenName: p.given_name,
        familyName: p.family_name,
        dob: p.dob,
        gender: p.gender,
        nationality: p.nationality,
        nationalityCode: p.nationality_code,
        phone: p.phone,
        address: p.address,
      })),
      grading: r.grading,
      handlingConditions: r.handling_conditions,
      addresses: r.addresses,
    };
  }

  /**
   * Stores each case as a report (whole, or not at all), unless imported before: a case is known by
   * a digest of its content, in the agency's ledger.
   * Returns the new references, in order, and the reports the others already are.
   */
  async import(actor: Actor, cases: readonly HtcdsCase[]): Promise<{ references: string[]; already: string[] }> {
    const user = permittedUser(actor, PERMISSIONS.casesExchange, 'Only a supervisor or an analyst exchanges cases with other systems');
    const byName = new Map(
      this.area.localAuthorities.flatMap((la) => [[la.name.toLowerCase(), la.code] as const, [la.nameCy.toLowerCase(), la.code] as const]),
    );
    const references: string[] = [];
    const already: string[] = [];
    for (const c of cases) {
      const report = fromHtcdsCase(c, (name) => byName.get(name.trim().toLowerCase()) ?? null);
      const scored = triageWithoutChecklist({
        child: report.involvesChild,
        potentialVictims: report.persons.filter((p) => p.role === 'potential_victim').length,
        exploitationTypes: report.exploitationTypes.filter((t): t is ExploitationType => (EXPLOITATION_TYPES as readonly string[]).includes(t)),
      });
      const stored = buildReport({ ...htcdsCaseFacts(report, scored), createdBy: user.userId, agencyId: user.agencyId }, randomUUID);
      const id = stored.id;
      // Known by content: a Harbour reference names a report only in the store that gave it (two
      // forces' Harbours give the same numbers), so it cannot say two cases are one.
      const key = `sha256:${caseDigest(c)}`;
      const result = await this.repos.caseExchange.importCase(user.agencyId, key, {
        report: stored,
        status: report.status,
        auditEvent: auditEntry(user, 'cases.imported', { type: 'report', id }, { standard: 'HTCDS 2.0', from: report.htcdsReference }),
      });
      (result.already ? already : references).push(result.reference);
    }
    return { references, already };
  }
}

/** A case's content as a digest: the same case in the same file twice has the same one, whatever the order of its fields. */
function caseDigest(c: HtcdsCase): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(c)))
    .digest('hex');
}

/** What an HTCDS case says, as the report builder takes it; a source HTCDS does not know is a partner's. */
export function htcdsCaseFacts(report: ReturnType<typeof fromHtcdsCase>, scored: TriageResult): IntakeFacts {
  return {
    source: REPORT_SOURCES.find((s) => s === report.source) ?? 'partner',
    receivedAt: report.receivedAt,
    language: 'en',
    relation: 'someone_else',
    summary: report.summary,
    place: { localAuthority: report.localAuthority, town: report.town, postcode: report.postcode },
    exploitationTypes: report.exploitationTypes,
    involvesChild: report.involvesChild,
    triage: scored,
    persons: report.persons,
  };
}
