import type { ReportView, Triage, TriageDecision } from '@harbour/contract';
import { isGrading } from '@harbour/contract';
import { Forbidden, Invalid, NotFound, PERMISSIONS, permittedUser, type Actor, type UserActor } from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';

/** Opening, assigning, grading (3x5x2) and marking reports triaged. */
export class ReportTriageService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async detail(actor: Actor, id: string): Promise<ReportView> {
    const user = this.reader(actor);
    const found = await this.repos.intake.reportDetail(id);
    if (!found) throw new NotFound('No such report');
    await this.repos.audit.append(auditEntry(user, 'report.viewed', { type: 'report', id }));
    const r = found.report;
    const entityOf = (recordId: string) => found.entityOf.get(recordId) ?? null;
    return {
      id: r.id,
      reference: r.reference,
      source: r.source,
      status: r.status,
      receivedAt: new Date(r.received_at).toISOString(),
      language: r.language,
      campaign: r.campaign,
      setting: r.setting,
      relation: r.reporter_relation,
      summary: r.summary,
      occurred: r.occurred,
      localAuthority: r.local_authority,
      town: r.town,
      postcode: r.postcode,
      locationDescription: r.location_description,
      exploitationTypes: r.exploitation_types,
      involvesChild: r.involves_child,
      triageScore: r.triage_score,
      triageBand: r.triage_band,
      // Stored by the producers as they scored it (see the contract's triage schema).
      triage: r.triage as Triage | null,
      victim: r.victim,
      indicatorIds: r.indicator_ids,
      catalogueVersion: r.catalogue_version,
      grading: r.grading,
      handlingConditions: r.handling_conditions,
      assignedTo: r.assigned_to,
      triagedAt: r.triaged_at ? new Date(r.triaged_at).toISOString() : null,
      hasFollowUp: found.hasFollowUp,
      referenceCode: found.referenceCode,
      dangerNow: r.danger_now,
      persons: found.persons.map((p) => ({
        role: p.role,
        givenName: p.given_name,
        familyName: p.family_name,
        nationality: p.nationality,
        gender: p.gender,
        dob: p.dob,
        phone: p.phone,
        description: p.description,
        entityId: entityOf(p.id),
      })),
      phones: found.phones.map((p) => ({ number: p.number, entityId: entityOf(p.id) })),
      vehicles: found.vehicles.map((v) => ({
        registration: v.registration,
        description: [v.colour, v.make, v.model].filter(Boolean).join(' ') || null,
        entityId: entityOf(v.id),
      })),
      businesses: found.businesses.map((b) => ({ name: b.name, address: b.address, entityId: entityOf(b.id) })),
      addresses: found.addresses.map((a) => ({ address: a.address, postcode: a.postcode, town: a.town, entityId: entityOf(a.id) })),
      online: found.online.map((o) => ({ identifier: o.identifier, platform: o.platform, description: o.description, entityId: entityOf(o.id) })),
      bankAccounts: found.bankAccounts.map((b) => ({
        bank: b.bank,
        sortCode: b.sort_code,
        accountNumber: b.account_number,
        iban: b.iban,
        holder: b.holder,
        entityId: entityOf(b.id),
      })),
      documents: found.documents.map((d) => ({
        type: d.type,
        number: d.number,
        country: d.country,
        holder: d.holder,
        description: d.description,
        entityId: entityOf(d.id),
      })),
    };
  }

  async photos(actor: Actor, reportId: string): Promise<{ id: string; contentType: string; width: number; height: number }[]> {
    this.reader(actor);
    return (await this.repos.intake.photos(reportId)).map((p) => ({ id: p.id, contentType: p.content_type, width: p.width, height: p.height }));
  }

  async photo(actor: Actor, reportId: string, photoId: string): Promise<{ contentType: string; bytes: Buffer }> {
    const user = this.reader(actor);
    const found = await this.repos.intake.photo(reportId, photoId);
    if (!found) throw new NotFound('No such photo');
    await this.repos.audit.append(auditEntry(user, 'report.photo-viewed', { type: 'report', id: reportId }, { photoId }));
    return { contentType: found.content_type, bytes: found.bytes };
  }

  async assignees(actor: Actor): Promise<{ id: string; name: string; role: string }[]> {
    this.team(actor);
    return (await this.repos.intake.teamMembers()).map((m) => ({ id: m.id, name: m.display_name, role: m.role }));
  }

  async decide(actor: Actor, id: string, decision: TriageDecision): Promise<ReportView> {
    const user = this.team(actor);
    if (decision.assignTo === undefined && decision.grading === undefined && !decision.markTriaged)
      throw new Invalid('Nothing to change: assign, grade or mark the report triaged', [
        { path: 'assignTo', message: 'Choose whom to assign it to, a grading, or mark it triaged', reason: 'required' },
      ]);
    if (decision.grading !== undefined && !isGrading(decision.grading)) {
      throw new Invalid('The grading is not valid', [{ path: 'grading', message: 'Use source 1–3, assessment A–E and handling P or C, e.g. 2BP' }]);
    }
    const current = await this.repos.intake.assignment(id);
    if (!current) throw new NotFound('No such report');
    const conditions = handlingChange(decision, current);
    // Sending the assignment the report already has changes nothing (the form always sends it).
    const reassign = decision.assignTo !== undefined && decision.assignTo !== current.assigned_to;
    if (reassign && user.role !== 'supervisor') {
      // The DS gives out work; an investigator may take an unassigned report, or give back one
      // they took themselves, but not take or clear one the DS gave out.
      if (decision.assignTo !== null && decision.assignTo !== user.userId) throw new Forbidden('Only a supervisor can assign a report to someone else');
      const theirsToChange = current.assigned_to === null || (current.assigned_to === user.userId && current.assigned_by === user.userId);
      if (!theirsToChange) throw new Forbidden('Only a supervisor can change an assignment a supervisor made');
    }
    if (reassign && decision.assignTo !== null && decision.assignTo !== undefined) {
      const members = await this.repos.intake.teamMembers();
      if (!members.some((m) => m.id === decision.assignTo))
        throw new Invalid('Assign to a member of the team', [{ path: 'assignTo', message: 'Choose a supervisor or investigator' }]);
    }
    // Saved as it was: nothing to write.
    if (!reassign && decision.grading === undefined && conditions === undefined && !decision.markTriaged) return this.detail(actor, id);
    const at = this.now();
    const ok = await this.repos.intake.updateTriage(
      id,
      {
        ...(reassign ? { assignedTo: decision.assignTo ?? null, assignedBy: user.userId } : {}),
        ...(decision.grading !== undefined ? { grading: decision.grading } : {}),
        ...(conditions !== undefined ? { handlingConditions: conditions } : {}),
        ...(decision.markTriaged ? { triagedBy: user.userId, triagedAt: at } : {}),
      },
      // The conditions are the team's words: the audit says only that they changed.
      auditEntry(
        user,
        'report.triaged',
        { type: 'report', id },
        { ...withoutConditions(decision), ...(conditions !== undefined ? { handlingConditions: conditions !== null } : {}) },
      ),
    );
    if (!ok) throw new NotFound('No such report');
    return this.detail(actor, id);
  }

  private reader(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.reportsRead, 'Only the team and its analysts read reports');
  }

  private team(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.reportsTriage, 'Only the team works the triage queue');
  }
}

/**
 * What a decision does to the handling conditions: intelligence graded C must carry them (given
 * now, or recorded before); graded P, any are cleared. Undefined: no change.
 */
function handlingChange(decision: TriageDecision, current: { grading: string | null; handling_conditions: string | null }): string | null | undefined {
  const grading = decision.grading ?? current.grading;
  const given = decision.handlingConditions?.trim();
  if (!grading?.endsWith('C')) {
    if (given)
      throw new Invalid('Handling conditions go with a C handling code', [
        { path: 'handlingConditions', message: 'Grade the handling C, or leave the conditions empty', reason: 'handling_needs_c' },
      ]);
    return current.handling_conditions === null ? undefined : null;
  }
  if (given) return given === current.handling_conditions ? undefined : given;
  if (current.handling_conditions === null)
    throw new Invalid('Intelligence graded C needs its handling conditions', [
      { path: 'handlingConditions', message: 'Say on what conditions this may be passed on, and to whom', reason: 'required' },
    ]);
  return undefined;
}

function withoutConditions(decision: TriageDecision): Omit<TriageDecision, 'handlingConditions'> {
  const { handlingConditions: _, ...rest } = decision;
  return rest;
}
