import { randomUUID } from 'node:crypto';
import {
  ageFacts,
  CATALOGUES,
  localDate,
  Forbidden,
  Invalid,
  PERMISSIONS,
  permittedUser,
  triage,
  type Actor,
  type DocumentType,
  type AgeContradiction,
  type ExploitationType,
  type IndicatorCatalogue,
  type TriageResult,
  type UserActor,
  storedPostcode,
} from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { auditedBy } from './audit.service';

/** A referral as an officer or partner fills it in (validated at the route). */
export interface ReferralInput {
  readonly catalogueVersion: string;
  readonly indicators: readonly string[];
  readonly exploitationTypes: readonly ExploitationType[];
  readonly victim: {
    readonly givenName?: string | undefined;
    readonly familyName?: string | undefined;
    readonly dob?: string | undefined;
    readonly ageYears?: number | undefined;
    readonly child: 'yes' | 'no' | 'unknown';
    readonly gender?: string | undefined;
    readonly nationality?: string | undefined;
    readonly language?: string | undefined;
    readonly interpreterNeeded: boolean;
    readonly phone?: string | undefined;
  };
  readonly consentToNrm: 'yes' | 'no' | 'unknown';
  readonly riskToLife: boolean;
  readonly potentialVictims: number;
  readonly location: {
    readonly localAuthority?: string | undefined;
    readonly town?: string | undefined;
    readonly postcode?: string | undefined;
    readonly description?: string | undefined;
  };
  readonly summary: string;
  readonly otherPeople: readonly {
    role: 'suspect' | 'potential_victim' | 'witness';
    givenName?: string | undefined;
    familyName?: string | undefined;
    nationality?: string | undefined;
  }[];
  readonly phones: readonly string[];
  readonly vehicles: readonly { registration: string; description?: string | undefined }[];
  readonly addresses: readonly { address: string; postcode?: string | undefined; town?: string | undefined }[];
  readonly businesses: readonly { name: string; kind?: string | undefined; address?: string | undefined }[];
  readonly online?: readonly { identifier: string; platform?: string | undefined; description?: string | undefined }[];
  readonly bankAccounts?: readonly {
    bank?: string | undefined;
    sortCode?: string | undefined;
    accountNumber?: string | undefined;
    iban?: string | undefined;
    holder?: string | undefined;
  }[];
  readonly documents?: readonly {
    type: DocumentType;
    number: string;
    country?: string | undefined;
    holder?: string | undefined;
    description?: string | undefined;
  }[];
  readonly draftId?: string | undefined;
}

/** The answers triage and guidance depend on: all a preview needs, so it works from the first answer. */
export type TriageAnswers = Pick<
  ReferralInput,
  'catalogueVersion' | 'indicators' | 'exploitationTypes' | 'consentToNrm' | 'riskToLife' | 'potentialVictims'
> & {
  readonly victim: Pick<ReferralInput['victim'], 'dob' | 'ageYears' | 'child' | 'interpreterNeeded'>;
};

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

export interface DraftView {
  id: string;
  updatedAt: string;
  data: Record<string, unknown>;
}

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
    const v = input.victim;
    const id = randomUUID();
    const { reference } = await this.repos.intake.createReport(
      {
        id,
        source: user.role === 'partner' ? 'partner' : 'officer',
        receivedAt: this.now(),
        language: v.language ?? 'en',
        relation: 'someone_else',
        summary: input.summary,
        occurred: null,
        localAuthority: input.location.localAuthority ?? null,
        town: input.location.town ?? null,
        postcode: storedPostcode(input.location.postcode),
        locationDescription: input.location.description ?? null,
        exploitationTypes:
          input.exploitationTypes.length > 0 ? [...input.exploitationTypes] : result.likelyTypes.length > 0 ? [...result.likelyTypes.slice(0, 2)] : ['unknown'],
        involvesChild: facts.child === 'yes',
        dangerNow: input.riskToLife,
        triageScore: result.score,
        triageBand: result.band,
        createdBy: user.userId,
        agencyId: user.agencyId,
        catalogueVersion: result.catalogueVersion,
        indicatorIds: [...new Set(input.indicators)],
        victim: { ...v, child: facts.child, consentToNrm: input.consentToNrm, riskToLife: input.riskToLife, potentialVictims: input.potentialVictims },
        triage: { ...result },
        persons: [
          {
            id: randomUUID(),
            role: 'potential_victim',
            givenName: v.givenName ?? null,
            familyName: v.familyName ?? null,
            gender: v.gender ?? null,
            nationality: v.nationality ?? null,
            dob: v.dob ?? null,
            phone: v.phone ?? null,
          },
          ...input.otherPeople.map((p) => ({
            id: randomUUID(),
            role: p.role,
            givenName: p.givenName ?? null,
            familyName: p.familyName ?? null,
            gender: null,
            nationality: p.nationality ?? null,
          })),
        ],
        phones: input.phones.map((number) => ({ id: randomUUID(), number })),
        vehicles: input.vehicles.map((x) => ({ id: randomUUID(), registration: x.registration.toUpperCase(), make: x.description ?? null, colour: null })),
        businesses: input.businesses.map((b) => ({ id: randomUUID(), name: b.name, kind: b.kind ?? null, address: b.address ?? null })),
        addresses: input.addresses.map((a) => ({
          id: randomUUID(),
          address: a.address,
          postcode: storedPostcode(a.postcode),
          town: a.town ?? null,
          description: null,
        })),
        online: (input.online ?? []).map((o) => ({
          id: randomUUID(),
          identifier: o.identifier,
          platform: o.platform ?? null,
          description: o.description ?? null,
        })),
        bankAccounts: (input.bankAccounts ?? []).map((b) => ({
          id: randomUUID(),
          bank: b.bank ?? null,
          sortCode: b.sortCode ?? null,
          accountNumber: b.accountNumber ?? null,
          iban: b.iban ?? null,
          holder: b.holder ?? null,
        })),
        documents: (input.documents ?? []).map((d) => ({
          id: randomUUID(),
          type: d.type,
          number: d.number,
          country: d.country ?? null,
          holder: d.holder ?? null,
          description: d.description ?? null,
        })),
      },
      {
        ...auditedBy(user),
        action: 'referral.submitted',
        subjectType: 'report',
        details: { band: result.band, guidance: result.guidance },
      },
    );
    if (input.draftId) await this.repos.intake.deleteDraft(user.userId, input.draftId);
    return { reference, triage: result };
  }

  async saveDraft(actor: Actor, id: string, data: Record<string, unknown>): Promise<DraftView> {
    const user = this.user(actor);
    const at = this.now();
    await this.repos.intake.saveDraft(user.userId, id, data, at);
    // Someone else's draft with this id is never overwritten: the upsert only matches the owner's.
    const saved = await this.repos.intake.draft(user.userId, id);
    if (!saved) throw new Forbidden('This draft belongs to someone else');
    return { id, updatedAt: new Date(saved.updated_at).toISOString(), data: saved.data };
  }

  async drafts(actor: Actor): Promise<DraftView[]> {
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
