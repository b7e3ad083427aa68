import type { Draft, ReferralInput, TriageAnswers } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import {
  ageFacts,
  CATALOGUES,
  localDate,
  Forbidden,
  Invalid,
  PERMISSIONS,
  isPartnerRole,
  permittedUser,
  triage,
  type Actor,
  type AgeContradiction,
  type IndicatorCatalogue,
  type TriageResult,
  type UserActor,
  buildReport,
  type IntakeFacts,
} from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';

/** Triage as it stands, and the answers about age that disagree, for the officer to settle. */
export type Preview = TriageResult & { readonly contradictions: readonly AgeContradiction[] };

const CONTRADICTION_MESSAGES: Record<AgeContradiction['code'], string> = {
  age_under_18_but_not_child: 'The age given is under 18 but "under 18" is answered no: say which is right',
  age_18_or_over_but_child: 'The age given is 18 or over but "under 18" is answered yes: say which is right',
  dob_under_18_but_not_child: 'The date of birth makes them under 18 but "under 18" is answered no: say which is right',
  dob_18_or_over_but_child: 'The date of birth makes them 18 or over but "under 18" is answered yes: say which is right',
  dob_and_age_differ: 'The date of birth and the age given disagree: correct one, or leave one empty',
  dob_in_future: 'The date of birth is in the future',
};

/**
 * Referrals from any colleague or partner: the indicator checklist, the victim, consent and the
 * explained triage, stored as one report. Drafts are kept on the server per user.
 */
export class ReferralService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  catalogue(actor: Actor, version: string): IndicatorCatalogue {
    this.user(actor);
    const catalogue = CATALOGUES.get(version);
    if (!catalogue) throw new Invalid('Unknown indicator catalogue', [{ path: 'version', message: `No catalogue ${version}` }]);
    return catalogue;
  }

  /** The score and next steps for what has been entered so far; nothing is stored. */
  preview(actor: Actor, input: TriageAnswers): Preview {
    this.user(actor);
    const facts = this.ageFacts(input);
    return { ...triage(triageInput(input, facts.child)), contradictions: facts.contradictions };
  }

  private ageFacts(input: TriageAnswers) {
    return ageFacts(input.victim, localDate(this.now()));
  }

  async submit(actor: Actor, input: ReferralInput): Promise<{ reference: string; triage: TriageResult }> {
    const user = this.user(actor);
    const facts = this.ageFacts(input);
    if (facts.contradictions.length > 0)
      throw new Invalid(
        'Some answers about the person’s age disagree',
        facts.contradictions.map((c) => ({
          path: c.path,
          message: CONTRADICTION_MESSAGES[c.code],
          reason: c.code,
          ...(c.ageFromDob !== undefined ? { values: { age: c.ageFromDob } } : {}),
        })),
      );
    const result = triage(triageInput(input, facts.child));
    const { reference } = await this.repos.intake.createReport(
      buildReport(referralFacts(input, result, facts.child, user, this.now()), randomUUID),
      auditEntry(user, 'referral.submitted', { type: 'report', id: null }, { band: result.band, guidance: result.guidance }),
    );
    if (input.draftId) await this.repos.intake.deleteDraft(user.userId, input.draftId);
    return { reference, triage: result };
  }

  async saveDraft(actor: Actor, id: string, data: Record<string, unknown>): Promise<Draft> {
    const user = this.user(actor);
    const at = this.now();
    await this.repos.intake.saveDraft(user.userId, id, data, at);
    // Someone else's draft with this id is never overwritten: the upsert only matches the owner's.
    const saved = await this.repos.intake.draft(user.userId, id);
    if (!saved) throw new Forbidden('This draft belongs to someone else');
    return { id, updatedAt: new Date(saved.updated_at).toISOString(), data: saved.data };
  }

  async drafts(actor: Actor): Promise<Draft[]> {
    const user = this.user(actor);
    return (await this.repos.intake.drafts(user.userId)).map((d) => ({ id: d.id, updatedAt: new Date(d.updated_at).toISOString(), data: d.data }));
  }

  async deleteDraft(actor: Actor, id: string): Promise<void> {
    await this.repos.intake.deleteDraft(this.user(actor).userId, id);
  }

  private user(actor: Actor): UserActor {
    return permittedUser(actor, PERMISSIONS.referralsCreate, 'Your role cannot make referrals');
  }
}

/** An age under 18 makes a child whatever the box says; an adult age with the box unticked, an adult. */
function triageInput(input: TriageAnswers, child: 'yes' | 'no' | 'unknown') {
  return {
    catalogueVersion: input.catalogueVersion,
    indicatorIds: input.indicators,
    child,
    riskToLife: input.riskToLife,
    consentToNrm: input.consentToNrm,
    potentialVictims: input.potentialVictims,
    exploitationTypes: input.exploitationTypes,
    interpreterNeeded: input.victim.interpreterNeeded,
  };
}

/** What a colleague or partner told the referral form, as the report builder takes it. */
export function referralFacts(input: ReferralInput, result: TriageResult, child: 'yes' | 'no' | 'unknown', user: UserActor, receivedAt: Date): IntakeFacts {
  const v = input.victim;
  return {
    source: isPartnerRole(user.role) ? 'partner' : 'officer',
    receivedAt,
    language: v.language ?? 'en',
    relation: 'someone_else',
    summary: input.summary,
    place: input.location,
    exploitationTypes: input.exploitationTypes,
    involvesChild: child === 'yes',
    dangerNow: input.riskToLife,
    triage: result,
    indicatorIds: input.indicators,
    victim: { ...v, child, consentToNrm: input.consentToNrm, riskToLife: input.riskToLife, potentialVictims: input.potentialVictims },
    createdBy: user.userId,
    agencyId: user.agencyId,
    persons: [{ role: 'potential_victim', ...v }, ...input.otherPeople],
    phones: input.phones,
    vehicles: input.vehicles,
    businesses: input.businesses,
    addresses: input.addresses,
    online: input.online,
    bankAccounts: input.bankAccounts,
    documents: input.documents,
  };
}
