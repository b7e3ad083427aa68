import { randomUUID } from 'node:crypto';
import { triageWithoutChecklist, type ImportMapping, type ImportedReferral } from '@harbour/core';
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
  const id = randomUUID();
  const persons: NewReport['persons'] = [];
  if (r.victim)
    persons.push({
      id: randomUUID(),
      role: 'potential_victim',
      givenName: r.victim.givenName,
      familyName: r.victim.familyName,
      gender: r.victim.gender,
      nationality: r.victim.nationality,
      dob: r.victim.dob,
      phone: r.victim.phone,
      address: r.address,
    });
  if (r.suspect)
    persons.push({
      id: randomUUID(),
      role: 'suspect',
      givenName: r.suspect.givenName,
      familyName: r.suspect.familyName,
      gender: null,
      nationality: null,
      phone: r.suspect.phone,
    });
  const mapping = row.mapping as ImportMapping;
  return {
    key: r.key,
    report: {
      id,
      source: mapping.source,
      // A day received is counted in its own month in Wales whatever the hour: noon is safe.
      receivedAt: r.received ? new Date(`${r.received}T12:00:00Z`) : (row.started_at ?? now),
      language: 'en',
      relation: 'someone_else',
      summary: r.summary ?? `Referral imported from ${row.file_name}, line ${line}${r.reference ? ` (their reference ${r.reference})` : ''}.`,
      occurred: null,
      localAuthority: r.localAuthority,
      town: r.town,
      postcode: r.postcode,
      locationDescription: null,
      exploitationTypes: r.exploitationTypes,
      involvesChild: r.involvesChild,
      triageScore: scored.score,
      triageBand: scored.band,
      createdBy: row.created_by,
      agencyId: row.agency_id,
      catalogueVersion: scored.catalogueVersion,
      indicatorIds: [],
      victim: r.victim ? { child: r.involvesChild ? 'yes' : 'unknown', ageYears: r.victim.ageYears ?? undefined, potentialVictims: 1 } : undefined,
      triage: { ...scored },
      persons,
      phones: r.suspect?.phone ? [{ id: randomUUID(), number: r.suspect.phone }] : [],
      vehicles: r.vehicle ? [{ id: randomUUID(), registration: r.vehicle, make: null, colour: null }] : [],
      businesses: r.business ? [{ id: randomUUID(), name: r.business, kind: null, address: null }] : [],
      addresses: r.address ? [{ id: randomUUID(), address: r.address, postcode: r.postcode, town: r.town, description: null }] : [],
    },
    auditEvent: {
      ...by,
      action: 'report.imported',
      subjectType: 'report',
      details: { import: row.id, line, ...(r.reference ? { theirReference: r.reference } : {}) },
    },
  };
}
