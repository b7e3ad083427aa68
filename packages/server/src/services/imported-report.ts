import { randomUUID } from 'node:crypto';
import { buildReport, triageWithoutChecklist, type ImportMapping, type ImportedReferral, type IntakeFacts, type TriageResult } from '@harbour/core';
import type { AuditEvent, ImportRow, NewReport } from '@harbour/db';

/**
 * The report a spreadsheet row becomes: the referral read from it, scored without a checklist,
 * with its people, phones, vehicle, business and address, and the audit entry that goes with it.
 */
export function importedReport(
  r: ImportedReferral,
  row: ImportRow,
  line: number,
  by: { actorId: string; actorRole: string },
  now: Date,
): { report: NewReport; key: string; auditEvent: AuditEvent } {
  const scored = triageWithoutChecklist({ child: r.involvesChild, potentialVictims: 1, exploitationTypes: r.exploitationTypes });
  const mapping = row.mapping as ImportMapping;
  // A day received is counted in its own month in Wales whatever the hour: noon is safe.
  const receivedAt = r.received ? new Date(`${r.received}T12:00:00Z`) : (row.started_at ?? now);
  return {
    key: r.key,
    report: buildReport(
      {
        ...importedReferralFacts(r, scored, receivedAt),
        source: mapping.source,
        summary: r.summary ?? `Referral imported from ${row.file_name}, line ${line}${r.reference ? ` (their reference ${r.reference})` : ''}.`,
        createdBy: row.created_by,
        agencyId: row.agency_id,
      },
      randomUUID,
    ),
    auditEvent: {
      ...by,
      action: 'report.imported',
      subjectType: 'report',
      details: { import: row.id, line, ...(r.reference ? { theirReference: r.reference } : {}) },
    },
  };
}

/** What a spreadsheet row says, as the report builder takes it (its source and summary are the import's to add). */
export function importedReferralFacts(r: ImportedReferral, scored: TriageResult, receivedAt: Date): Omit<IntakeFacts, 'source' | 'summary'> {
  const persons: IntakeFacts['persons'] = [
    ...(r.victim ? [{ role: 'potential_victim', ...r.victim, address: r.address }] : []),
    ...(r.suspect ? [{ role: 'suspect', givenName: r.suspect.givenName, familyName: r.suspect.familyName, phone: r.suspect.phone }] : []),
  ];
  return {
    receivedAt,
    language: 'en',
    relation: 'someone_else',
    place: { localAuthority: r.localAuthority, town: r.town, postcode: r.postcode },
    exploitationTypes: r.exploitationTypes,
    involvesChild: r.involvesChild,
    triage: scored,
    victim: r.victim ? { child: r.involvesChild ? 'yes' : 'unknown', ageYears: r.victim.ageYears ?? undefined, potentialVictims: 1 } : undefined,
    persons,
    phones: r.suspect?.phone ? [r.suspect.phone] : [],
    vehicles: r.vehicle ? [{ registration: r.vehicle }] : [],
    businesses: r.business ? [{ name: r.business }] : [],
    addresses: r.address ? [{ address: r.address, postcode: r.postcode, town: r.town }] : [],
  };
}
