import { randomUUID } from 'node:crypto';
import type { NewReport } from '@harbour/db';

/** A report as the intake repository takes it: a plain officer referral in Newport, with whatever `parts` change. */
export function newReport(parts: Partial<NewReport> = {}): NewReport {
  return {
    id: randomUUID(),
    source: 'officer',
    receivedAt: new Date('2026-11-01T10:00:00Z'),
    language: 'en',
    relation: 'someone_else',
    summary: 'Men living at a car wash.',
    occurred: null,
    localAuthority: 'W06000022',
    town: 'Newport',
    postcode: null,
    locationDescription: null,
    exploitationTypes: ['labour'],
    involvesChild: false,
    triageScore: 10,
    triageBand: 'medium',
    persons: [],
    phones: [],
    vehicles: [],
    businesses: [],
    ...parts,
  };
}

export type ReportedPerson = NewReport['persons'][number];

/** A person as a report names them: a potential victim with nothing known but what `p` says. */
export function reportedPerson(p: Partial<ReportedPerson>): ReportedPerson {
  return { id: randomUUID(), role: 'potential_victim', givenName: null, familyName: null, gender: null, nationality: null, ...p };
}

/** The audit event of a referral taken in, as the intake repository writes it with a report. */
export const submitted = { actorId: null, actorRole: null, action: 'referral.submitted' as const, subjectType: 'report' };
