import type { CaseRecords, NrmView, OutcomeView, PlanView, ProtectPrefill } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import {
  EXPLOITATION_TYPES,
  Invalid,
  NotFound,
  checkNextReview,
  checkNrmRecord,
  checkOutcome,
  localDate,
  nrmPrefill,
  nrmProgress,
  orderInForce,
  reviewOverdue,
  s45Open,
  type CaseEntityRole,
  type ExploitationType,
  type GuidanceStep,
  type NrmSettings,
  type OutcomeInput,
  type UserActor,
} from '@harbour/core';
import type { NrmRow, PlanRow, Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';

/** A person of the case as the picture holds them now, and as first linked. */
export interface CasePerson {
  readonly entityId: string;
  readonly linkedId: string;
  readonly role: CaseEntityRole;
}

export interface NrmInput {
  readonly entityId: string;
  readonly route: 'nrm' | 'dtn';
  readonly child: boolean;
  readonly consent: 'given' | 'refused' | 'not_needed';
  readonly referredOn: string;
  readonly firstResponder: string;
  readonly exploitationTypes: readonly ExploitationType[];
  readonly homeOfficeReference?: string | null | undefined;
  readonly rgDecision: 'positive' | 'negative' | null;
  readonly rgDecidedOn?: string | null | undefined;
  readonly cgDecision: 'positive' | 'negative' | null;
  readonly cgDecidedOn?: string | null | undefined;
  readonly supportStatus: 'not_yet' | 'offered' | 'receiving' | 'declined' | 'ended';
  readonly notes: string;
}

export interface PlanInput {
  readonly entityId: string;
  readonly immediateRisks: string;
  readonly accommodation: string;
  readonly supportProvider: string;
  readonly interpreterNeeded: boolean;
  readonly language?: string | null | undefined;
  readonly leadAgencyId?: string | null | undefined;
  readonly nextReviewOn: string;
}

/**
 * What a case records against its suspects (arrests, charges, court results, orders, the s45
 * question) and for its potential victims (the NRM referral or Duty to Notify, the safeguarding
 * plan and its reviews). Callers have already decided the user may work the case; every change
 * here is checked against the law and the person's part in the case, and audited.
 */
export class CaseRecordsService {
  constructor(
    private readonly repos: Repositories,
    private readonly nrmSettings: NrmSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async recordOutcome(user: UserActor, caseId: string, people: readonly CasePerson[], input: OutcomeInput & { entityId: string }): Promise<void> {
    const outcome = checkOutcome(input, rolesOf(people, input.entityId), this.today());
    const at = this.now();
    await this.repos.protection.transaction(async (records, audit) => {
      const id = randomUUID();
      await records.addOutcome({
        id,
        case_id: caseId,
        entity_id: input.entityId,
        kind: outcome.kind,
        occurred_on: outcome.occurredOn,
        offence: outcome.offence,
        offence_code: outcome.offenceCode,
        result: outcome.result,
        order_type: outcome.orderType,
        ends_on: outcome.endsOn,
        until_further_order: outcome.untilFurtherOrder,
        details: outcome.details,
        recorded_by: user.userId,
        recorded_at: at,
      });
      await audit(auditEntry(user, 'case.outcome-recorded', { type: 'case', id: caseId }, { outcome: id, kind: outcome.kind, entity: input.entityId }));
    });
  }

  /** Takes back an outcome recorded in error; the reason stays in the audit log. */
  async withdrawOutcome(user: UserActor, caseId: string, outcomeId: string, reason: string): Promise<void> {
    await this.repos.protection.transaction(async (records, audit) => {
      if (!(await records.removeOutcome(caseId, outcomeId))) throw new NotFound('No such outcome on this case');
      await audit(auditEntry(user, 'case.outcome-withdrawn', { type: 'case', id: caseId }, { outcome: outcomeId, reason: reason.length }));
    });
  }

  async recordNrm(user: UserActor, caseId: string, people: readonly CasePerson[], input: NrmInput): Promise<void> {
    this.potentialVictim(people, input.entityId);
    const values = this.nrmValues(input);
    const at = this.now();
    await this.repos.protection.transaction(async (records, audit) => {
      if (await records.nrmOf(caseId, input.entityId))
        throw new Invalid('Already recorded', [{ path: 'entityId', message: 'This person’s referral is recorded on this case already: update it instead' }]);
      const id = randomUUID();
      await records.addNrm({
        id,
        case_id: caseId,
        entity_id: input.entityId,
        ...values,
        recorded_by: user.userId,
        recorded_at: at,
        updated_by: user.userId,
        updated_at: at,
      });
      await audit(auditEntry(user, 'nrm.recorded', { type: 'case', id: caseId }, { nrm: id, route: input.route, entity: input.entityId }));
    });
  }

  async updateNrm(user: UserActor, caseId: string, nrmId: string, input: Omit<NrmInput, 'entityId'>): Promise<void> {
    const values = this.nrmValues(input);
    const at = this.now();
    await this.repos.protection.transaction(async (records, audit) => {
      const before = await records.nrmRecord(caseId, nrmId);
      if (!before) throw new NotFound('No such referral on this case');
      await records.updateNrm(nrmId, { ...values, updated_by: user.userId, updated_at: at });
      const changed = (['route', 'rg_decision', 'cg_decision', 'support_status'] as const).filter((k) => before[k] !== values[k]);
      await audit(auditEntry(user, 'nrm.updated', { type: 'case', id: caseId }, { nrm: nrmId, changed }));
    });
  }

  async recordPlan(user: UserActor, caseId: string, people: readonly CasePerson[], input: PlanInput): Promise<void> {
    this.potentialVictim(people, input.entityId);
    const values = await this.planValues(input);
    const at = this.now();
    await this.repos.protection.transaction(async (records, audit) => {
      if (await records.planOf(caseId, input.entityId))
        throw new Invalid('Already recorded', [{ path: 'entityId', message: 'This person has a safeguarding plan on this case already: update it instead' }]);
      const id = randomUUID();
      await records.addPlan({
        id,
        case_id: caseId,
        entity_id: input.entityId,
        ...values,
        recorded_by: user.userId,
        recorded_at: at,
        updated_by: user.userId,
        updated_at: at,
      });
      await audit(auditEntry(user, 'safeguarding.plan-recorded', { type: 'case', id: caseId }, { plan: id, entity: input.entityId }));
    });
  }

  async updatePlan(user: UserActor, caseId: string, planId: string, input: Omit<PlanInput, 'entityId'>): Promise<void> {
    const values = await this.planValues(input);
    const at = this.now();
    await this.repos.protection.transaction(async (records, audit) => {
      if (!(await records.plan(caseId, planId))) throw new NotFound('No such safeguarding plan on this case');
      await records.updatePlan(planId, { ...values, updated_by: user.userId, updated_at: at });
      await audit(auditEntry(user, 'safeguarding.plan-updated', { type: 'case', id: caseId }, { plan: planId }));
    });
  }

  /** Records a review of a plan and moves its next review on. */
  async reviewPlan(user: UserActor, caseId: string, planId: string, input: { reviewedOn: string; note: string; nextReviewOn: string }): Promise<void> {
    const today = this.today();
    if (input.reviewedOn > today)
      throw new Invalid('The date cannot be in the future', [{ path: 'reviewedOn', message: 'The review cannot be dated in the future' }]);
    checkNextReview(input.nextReviewOn, today);
    const at = this.now();
    await this.repos.protection.transaction(async (records, audit) => {
      if (!(await records.plan(caseId, planId))) throw new NotFound('No such safeguarding plan on this case');
      await records.addReview({ id: randomUUID(), planId, reviewedOn: input.reviewedOn, note: input.note, by: user.userId, at });
      await records.updatePlan(planId, { next_review_on: input.nextReviewOn, updated_by: user.userId, updated_at: at });
      await audit(auditEntry(user, 'safeguarding.plan-reviewed', { type: 'case', id: caseId }, { plan: planId }));
    });
  }

  /** The case's records, each read as belonging to the person the picture holds now. */
  async of(user: UserActor, caseId: string, people: readonly CasePerson[]): Promise<CaseRecords> {
    const [outcomes, nrm, plans, reviews, agencies, agency] = await Promise.all([
      this.repos.protection.outcomes(caseId),
      this.repos.protection.nrmRecords(caseId),
      this.repos.protection.plansOf(caseId),
      this.repos.protection.reviews(caseId),
      this.repos.agencies.list(),
      this.repos.agencies.get(user.agencyId),
    ]);
    const current = await this.currentIds(
      people,
      [...outcomes, ...nrm, ...plans].map((r) => r.entity_id),
    );
    const today = this.today();
    const outcomeViews: OutcomeView[] = outcomes.map((o) => ({
      id: o.id,
      entityId: current(o.entity_id),
      kind: o.kind,
      occurredOn: o.occurred_on,
      offence: o.offence,
      offenceCode: o.offence_code,
      result: o.result,
      orderType: o.order_type,
      endsOn: o.ends_on,
      untilFurtherOrder: o.until_further_order,
      inForce: orderInForce({ kind: o.kind, occurredOn: o.occurred_on, endsOn: o.ends_on, untilFurtherOrder: o.until_further_order }, today),
      details: o.details,
      by: o.recorded_by_name,
    }));
    const suspects = new Set(people.filter((p) => p.role === 'suspect').map((p) => p.entityId));
    return {
      outcomes: outcomeViews,
      nrm: nrm.map((n) => this.nrmView(n, current(n.entity_id), today)),
      plans: plans.map((p) =>
        planView(
          p,
          current(p.entity_id),
          reviews.filter((r) => r.plan_id === p.id),
          today,
        ),
      ),
      prefill: await this.prefill(caseId, people),
      s45Open: [...suspects].filter((id) =>
        s45Open(
          rolesOf(people, id),
          outcomeViews.filter((o) => o.entityId === id),
        ),
      ),
      agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      firstResponder: agency?.name ?? '',
    };
  }

  private today(): string {
    return localDate(this.now());
  }

  private potentialVictim(people: readonly CasePerson[], entityId: string): void {
    if (!rolesOf(people, entityId).includes('potential_victim'))
      throw new Invalid('Not a potential victim in this case', [
        { path: 'entityId', message: 'Referrals and safeguarding plans are for a potential victim in this case: link the person in that role first' },
      ]);
  }

  private nrmValues(input: Omit<NrmInput, 'entityId'>) {
    const record = {
      route: input.route,
      child: input.child,
      consent: input.consent,
      referredOn: input.referredOn,
      rgDecision: input.rgDecision,
      rgDecidedOn: input.rgDecidedOn ?? null,
      cgDecision: input.cgDecision,
      cgDecidedOn: input.cgDecidedOn ?? null,
      supportStatus: input.supportStatus,
    };
    checkNrmRecord(record, this.today(), this.nrmSettings);
    return {
      route: record.route,
      child: record.child,
      consent: record.consent,
      referred_on: record.referredOn,
      first_responder: input.firstResponder,
      exploitation_types: [...new Set(input.exploitationTypes)],
      home_office_reference: input.homeOfficeReference?.trim() || null,
      rg_decision: record.rgDecision,
      rg_decided_on: record.rgDecidedOn,
      cg_decision: record.cgDecision,
      cg_decided_on: record.cgDecidedOn,
      support_status: record.supportStatus,
      notes: input.notes,
    };
  }

  private async planValues(input: Omit<PlanInput, 'entityId'>) {
    checkNextReview(input.nextReviewOn, this.today());
    if (input.leadAgencyId && !(await this.repos.agencies.get(input.leadAgencyId)))
      throw new Invalid('No such agency', [{ path: 'leadAgencyId', message: 'Choose the lead agency from the list' }]);
    return {
      immediate_risks: input.immediateRisks,
      accommodation: input.accommodation,
      support_provider: input.supportProvider,
      interpreter_needed: input.interpreterNeeded,
      language: input.language?.trim() || null,
      lead_agency_id: input.leadAgencyId ?? null,
      next_review_on: input.nextReviewOn,
    };
  }

  private nrmView(n: NrmRow, entityId: string, today: string): NrmView {
    const progress = nrmProgress(
      {
        route: n.route,
        child: n.child,
        consent: n.consent,
        referredOn: n.referred_on,
        rgDecision: n.rg_decision,
        rgDecidedOn: n.rg_decided_on,
        cgDecision: n.cg_decision,
        cgDecidedOn: n.cg_decided_on,
        supportStatus: n.support_status,
      },
      today,
      this.nrmSettings,
    );
    return {
      id: n.id,
      entityId,
      route: n.route,
      child: n.child,
      consent: n.consent,
      referredOn: n.referred_on,
      firstResponder: n.first_responder,
      exploitationTypes: n.exploitation_types,
      homeOfficeReference: n.home_office_reference,
      rgDecision: n.rg_decision,
      rgDecidedOn: n.rg_decided_on,
      cgDecision: n.cg_decision,
      cgDecidedOn: n.cg_decided_on,
      supportStatus: n.support_status,
      notes: n.notes,
      ...progress,
      updatedBy: n.updated_by_name,
      updatedAt: n.updated_at.toISOString(),
    };
  }

  /** Maps each recorded entity to the one the picture holds it as now (the case's people first, then merges). */
  private async currentIds(people: readonly CasePerson[], recorded: readonly string[]): Promise<(id: string) => string> {
    const map = new Map<string, string>();
    for (const p of people) {
      map.set(p.entityId, p.entityId);
      map.set(p.linkedId, p.entityId);
    }
    for (const id of new Set(recorded)) {
      if (!map.has(id)) map.set(id, (await this.repos.entities.mergedTarget(id)) ?? id);
    }
    return (id) => map.get(id) ?? id;
  }

  /** For each potential victim, what intake's guidance on the newest report naming them says the NRM step is. */
  private async prefill(caseId: string, people: readonly CasePerson[]): Promise<ProtectPrefill[]> {
    const victims = people.filter((p) => p.role === 'potential_victim');
    const rows = await this.repos.protection.victimReports(caseId, [...new Set(victims.map((v) => v.entityId))]);
    const out: ProtectPrefill[] = [];
    for (const victim of victims) {
      const row = rows.find((r) => r.entity_id === victim.entityId);
      if (!row) continue;
      const triage = row.triage as { guidance?: GuidanceStep[] } | null;
      const facts = (row.victim ?? {}) as { interpreterNeeded?: unknown; language?: unknown };
      const step = nrmPrefill(triage?.guidance ?? []);
      const language = typeof facts.language === 'string' ? facts.language : row.language && !['en', 'cy'].includes(row.language) ? row.language : null;
      out.push({
        entityId: victim.entityId,
        ...step,
        exploitationTypes: row.exploitation_types.filter((t): t is ExploitationType => (EXPLOITATION_TYPES as readonly string[]).includes(t)),
        interpreterNeeded: facts.interpreterNeeded === true || (triage?.guidance ?? []).includes('book_interpreter'),
        language,
        fromReport: row.reference,
      });
    }
    return out;
  }
}

function rolesOf(people: readonly CasePerson[], entityId: string): CaseEntityRole[] {
  return people.filter((p) => p.entityId === entityId).map((p) => p.role);
}

function planView(
  p: PlanRow,
  entityId: string,
  reviews: readonly { id: string; reviewed_on: string; note: string; reviewed_by_name: string }[],
  today: string,
): PlanView {
  return {
    id: p.id,
    entityId,
    immediateRisks: p.immediate_risks,
    accommodation: p.accommodation,
    supportProvider: p.support_provider,
    interpreterNeeded: p.interpreter_needed,
    language: p.language,
    leadAgencyId: p.lead_agency_id,
    leadAgency: p.lead_agency_name,
    nextReviewOn: p.next_review_on,
    reviewOverdue: reviewOverdue({ nextReviewOn: p.next_review_on }, today),
    updatedBy: p.updated_by_name,
    updatedAt: p.updated_at.toISOString(),
    reviews: reviews.map((r) => ({ id: r.id, reviewedOn: r.reviewed_on, note: r.note, by: r.reviewed_by_name })),
  };
}
