import { createHash, randomUUID } from 'node:crypto';
import {
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
import type { Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';

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
  ) {}

  async export(actor: Actor, span: { from?: string | undefined; to?: string | undefined }): Promise<{ from: string; to: string; document: HtcdsDocument }> {
    const user = permittedUser(actor, PERMISSIONS.casesExchange, 'Only a supervisor or an analyst exchanges cases with other systems');
    const to = span.to ?? this.now().toISOString().slice(0, 7);
    const from = span.from ?? addMonths(to, -11);
    const received = await this.repos.caseExchange.received(`${from}-01`, `${to}-01`, MOST_CASES);
    // Intelligence graded C (conditions apply) goes out only under its conditions, not in a bulk file.
    const rows = received.filter((r) => !r.grading?.endsWith('C'));
    const withheld = received.length - rows.length;
    const names = new Map(this.area.localAuthorities.map((la) => [la.code, la.name]));
    const reports: CaseReport[] = rows.map((r) => ({
      reference: r.reference,
      source: r.source,
      receivedAt: new Date(r.received_at),
      status: r.status as CaseReport['status'],
      summary: r.summary,
      localAuthority: r.local_authority,
      localAuthorityName: r.local_authority ? (names.get(r.local_authority) ?? null) : null,
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
    }));
    await this.repos.audit.append(
      auditEntry(
        user,
        'cases.exported',
        { type: 'report', id: null },
        { from, to, cases: reports.length, withheld, references: reports.map((r) => r.reference) },
      ),
    );
    return { from, to, document: { ...toHtcdsDocument(reports), withheld } };
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
