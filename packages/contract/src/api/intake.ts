import { z } from 'zod';
import {
  EXPLOITATION_TYPES,
  GENDERS,
  INDICATOR_GROUPS,
  INDICATOR_SOURCES,
  OFFENCE_ELEMENTS,
  REFERRAL_PERSON_ROLES,
  TRIAGE_BANDS,
  YES_NO_UNKNOWN,
} from '../vocabulary/domain';
import { PUBLIC_PERSON_ROLES, PUBLIC_SIGNS, REPORTER_RELATIONS, REPORT_LANGUAGES } from '../vocabulary/public-report';
import { AWARENESS_SETTINGS, CAMPAIGN_CODE } from '../vocabulary/prevent';
import { AGE_CONTRADICTION_CODES } from '../vocabulary/reasons';
import { documentSchema, optional, phoneSchema, postcodeSchema, text, uniqueList } from './fields';

/**
 * The two forms people send reports with: the public portal and the referral. Their bodies are
 * built from what the server configures and checks: the force's area codes, and the readers of
 * online identities and bank accounts that live in core (the server refines these shapes with
 * them). The types are the same either way.
 */
export const onlineShape = z.object({
  identifier: text(2000).min(1, 'Enter a web address, user name or e-mail address'),
  platform: optional(60),
  description: optional(300),
});
export const bankAccountShape = z.object({
  bank: optional(100),
  sortCode: optional(12),
  accountNumber: optional(24),
  iban: optional(42),
  holder: optional(200),
});

export interface IntakeChecks {
  readonly areaCodes: readonly [string, ...string[]];
  readonly online: typeof onlineShape;
  readonly bankAccount: typeof bankAccountShape;
}

export const publicReportBody = (checks: IntakeChecks) =>
  z
    .object({
      language: z.enum(REPORT_LANGUAGES),
      /** The reporter's words: required, unless a self-check for a setting ticks what was seen. */
      description: text(10_000),
      relation: z.enum(REPORTER_RELATIONS).default('not_said'),
      signs: uniqueList(z.enum(PUBLIC_SIGNS), PUBLIC_SIGNS.length).default([]),
      dangerNow: z.boolean().default(false),
      childInvolved: z.enum(YES_NO_UNKNOWN).default('unknown'),
      when: optional(200),
      localAuthority: z.enum(checks.areaCodes).optional(),
      town: optional(100),
      postcode: postcodeSchema,
      locationDescription: optional(1000),
      people: z
        .array(
          z.object({
            role: z.enum(PUBLIC_PERSON_ROLES).default('unknown'),
            name: optional(200),
            gender: optional(40),
            nationality: optional(80),
            description: optional(1000),
          }),
        )
        .max(20)
        .default([]),
      phones: z.array(phoneSchema).max(10).default([]),
      vehicles: z
        .array(z.object({ registration: text(12).min(2), description: optional(200) }))
        .max(10)
        .default([]),
      businesses: z
        .array(z.object({ name: text(200).min(1), address: optional(300) }))
        .max(10)
        .default([]),
      online: z.array(checks.online).max(10).default([]),
      /** A self-check's place: the kind of business or home the signs were seen at. */
      setting: z.enum(AWARENESS_SETTINGS).optional(),
      /** The campaign tag of the QR code the reporter scanned; a tag that is not one is dropped, never the report. */
      campaign: z.string().regex(CAMPAIGN_CODE).optional().catch(undefined),
      formToken: z.string().max(200),
      /** A field people never see; machines fill it in. */
      leaveBlank: z.string().max(500).optional(),
    })
    .refine(
      (r) => (typeof r.description === 'string' && r.description.length > 0) || (r.setting !== undefined && Array.isArray(r.signs) && r.signs.length > 0),
      {
        path: ['description'],
        message: 'Tell us what is happening',
        params: { reason: 'required' },
        // Whatever else is wrong, but only once the words are text: a missing one is already named.
        when: (payload) => typeof (payload.value as { description?: unknown } | null)?.description === 'string',
      },
    );
export type PublicReportInput = z.output<ReturnType<typeof publicReportBody>>;
export type PublicReportRequest = z.input<ReturnType<typeof publicReportBody>>;

export const victimSchema = z.object({
  givenName: optional(100),
  familyName: optional(100),
  dob: z.iso
    .date('Enter a date like 2008-04-30')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ageYears: z.number().int().min(0, 'Enter an age from 0 to 120').max(120, 'Enter an age from 0 to 120').optional(),
  child: z.enum(YES_NO_UNKNOWN).default('unknown'),
  gender: z.enum(GENDERS).optional(),
  nationality: optional(80),
  language: optional(80),
  interpreterNeeded: z.boolean().default(false),
  phone: optional(40),
});

/** The answers triage and guidance depend on, as both the referral and its preview take them. */
const triageAnswerFields = (currentCatalogue: string) => ({
  catalogueVersion: z.string().max(20).default(currentCatalogue),
  indicators: uniqueList(z.string().max(80), 100).default([]),
  exploitationTypes: uniqueList(z.enum(EXPLOITATION_TYPES), EXPLOITATION_TYPES.length).default([]),
  consentToNrm: z.enum(YES_NO_UNKNOWN).default('unknown'),
  riskToLife: z.boolean().default(false),
  potentialVictims: z.number().int().min(1).max(500).default(1),
});

export const referralBody = (checks: IntakeChecks, currentCatalogue: string) =>
  z.object({
    draftId: z.uuid().optional(),
    ...triageAnswerFields(currentCatalogue),
    victim: victimSchema.prefault({}),
    location: z
      .object({
        localAuthority: z.enum(checks.areaCodes).optional(),
        town: optional(100),
        postcode: postcodeSchema,
        description: optional(1000),
      })
      .prefault({}),
    summary: text(10_000).min(1, 'Describe what you saw and were told'),
    otherPeople: z
      .array(z.object({ role: z.enum(REFERRAL_PERSON_ROLES), givenName: optional(100), familyName: optional(100), nationality: optional(80) }))
      .max(30)
      .default([]),
    phones: z.array(phoneSchema).max(20).default([]),
    vehicles: z
      .array(z.object({ registration: text(12).min(2), description: optional(200) }))
      .max(20)
      .default([]),
    addresses: z
      .array(z.object({ address: text(300).min(1), postcode: optional(10), town: optional(100) }))
      .max(20)
      .default([]),
    businesses: z
      .array(z.object({ name: text(200).min(1), kind: optional(60), address: optional(300) }))
      .max(20)
      .default([]),
    online: z.array(checks.online).max(20).default([]),
    bankAccounts: z.array(checks.bankAccount).max(20).default([]),
    documents: z.array(documentSchema).max(20).default([]),
  });
export type ReferralInput = z.output<ReturnType<typeof referralBody>>;
export type ReferralRequest = z.input<ReturnType<typeof referralBody>>;

/**
 * What a preview reads: the answers triage and guidance depend on. Anything else the form sends
 * (a half-typed phone, an empty summary) is ignored, so guidance follows from the first answer.
 */
export const referralPreviewBody = (currentCatalogue: string) =>
  z.object({
    ...triageAnswerFields(currentCatalogue),
    victim: victimSchema.pick({ dob: true, ageYears: true, child: true, interpreterNeeded: true }).prefault({}),
  });
export type TriageAnswers = z.output<ReturnType<typeof referralPreviewBody>>;

export const triageSchema = z.object({
  catalogueVersion: z.string(),
  score: z.number(),
  band: z.enum(TRIAGE_BANDS),
  contributions: z.array(z.object({ kind: z.enum(['indicator', 'fact']), id: z.string(), points: z.number() })).readonly(),
  elements: z.object({ act: z.boolean(), means: z.boolean(), purpose: z.boolean() }),
  likelyTypes: z.array(z.string()).readonly(),
  guidance: z.array(z.string()).readonly(),
});
export type Triage = z.output<typeof triageSchema>;

export const referralPreviewSchema = triageSchema.extend({
  contradictions: z
    .array(
      z.object({
        code: z.enum(AGE_CONTRADICTION_CODES),
        path: z.enum(['victim.child', 'victim.dob']),
        ageFromDob: z.number().optional(),
      }),
    )
    .readonly(),
});
export type ReferralPreview = z.output<typeof referralPreviewSchema>;
export const referralReceiptSchema = z.object({ reference: z.string(), triage: triageSchema });
export type ReferralReceipt = z.output<typeof referralReceiptSchema>;

export const catalogueQuery = (currentCatalogue: string) => z.object({ version: z.string().max(20).default(currentCatalogue) });
export const indicatorSchema = z.object({
  id: z.string(),
  group: z.enum(INDICATOR_GROUPS),
  element: z.enum(OFFENCE_ELEMENTS),
  types: z.array(z.string()),
  weight: z.number(),
  source: z.enum(INDICATOR_SOURCES),
  childOnly: z.boolean().optional(),
  label: z.object({ en: z.string(), cy: z.string() }),
});
export type Indicator = z.output<typeof indicatorSchema>;
export const catalogueSchema = z.object({ version: z.string(), indicators: z.array(indicatorSchema) });
export type Catalogue = z.output<typeof catalogueSchema>;

export const draftSchema = z.object({ id: z.string(), updatedAt: z.string(), data: z.record(z.string(), z.unknown()) });
export type Draft = z.output<typeof draftSchema>;
export const draftListSchema = z.object({ drafts: z.array(draftSchema) });
export type DraftList = z.output<typeof draftListSchema>;
export const draftBody = z.object({ data: z.record(z.string(), z.unknown()) });
