import { AGE_CONTRADICTION_CODES, CURRENT_CATALOGUE, EXPLOITATION_TYPES, GWENT, PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/index';
import { bankAccountSchema, documentSchema, onlineSchema, optional, phoneSchema, postcodeSchema, text, uniqueList } from './schemas';

const victimSchema = z.object({
  givenName: optional(100),
  familyName: optional(100),
  dob: z.iso
    .date('Enter a date like 2008-04-30')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ageYears: z.number().int().min(0, 'Enter an age from 0 to 120').max(120, 'Enter an age from 0 to 120').optional(),
  child: z.enum(['yes', 'no', 'unknown']).default('unknown'),
  gender: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  nationality: optional(80),
  language: optional(80),
  interpreterNeeded: z.boolean().default(false),
  phone: optional(40),
});

export const referralBody = z.object({
  draftId: z.uuid().optional(),
  catalogueVersion: z.string().max(20).default(CURRENT_CATALOGUE.version),
  indicators: uniqueList(z.string().max(80), 100).default([]),
  exploitationTypes: uniqueList(z.enum(EXPLOITATION_TYPES), EXPLOITATION_TYPES.length).default([]),
  victim: victimSchema.prefault({}),
  consentToNrm: z.enum(['yes', 'no', 'unknown']).default('unknown'),
  riskToLife: z.boolean().default(false),
  potentialVictims: z.number().int().min(1).max(500).default(1),
  location: z
    .object({
      localAuthority: z.enum(GWENT.localAuthorities.map((l) => l.code) as [string, ...string[]]).optional(),
      town: optional(100),
      postcode: postcodeSchema,
      description: optional(1000),
    })
    .prefault({}),
  summary: text(10_000).min(1, 'Describe what you saw and were told'),
  otherPeople: z
    .array(
      z.object({ role: z.enum(['suspect', 'potential_victim', 'witness']), givenName: optional(100), familyName: optional(100), nationality: optional(80) }),
    )
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
  online: z.array(onlineSchema).max(20).default([]),
  bankAccounts: z.array(bankAccountSchema).max(20).default([]),
  documents: z.array(documentSchema).max(20).default([]),
});

const triageSchema = z.object({
  catalogueVersion: z.string(),
  score: z.number(),
  band: z.enum(['low', 'medium', 'high', 'critical']),
  contributions: z.array(z.object({ kind: z.enum(['indicator', 'fact']), id: z.string(), points: z.number() })).readonly(),
  elements: z.object({ act: z.boolean(), means: z.boolean(), purpose: z.boolean() }),
  likelyTypes: z.array(z.string()).readonly(),
  guidance: z.array(z.string()).readonly(),
});

/**
 * What a preview reads: the answers triage and guidance depend on. Anything else the form sends
 * (a half-typed phone, an empty summary) is ignored, so guidance follows from the first answer.
 */
const previewBody = referralBody
  .pick({ catalogueVersion: true, indicators: true, exploitationTypes: true, consentToNrm: true, riskToLife: true, potentialVictims: true })
  .extend({ victim: victimSchema.pick({ dob: true, ageYears: true, child: true, interpreterNeeded: true }).prefault({}) });

const previewSchema = triageSchema.extend({
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

const draftSchema = z.object({ id: z.string(), updatedAt: z.string(), data: z.record(z.string(), z.unknown()) });

export function referralRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const permission = PERMISSIONS.referralsCreate;

    app.get(
      '/api/referrals/catalogue',
      {
        config: { permission },
        schema: {
          tags: ['referrals'],
          summary: 'The indicator catalogue a referral is made with',
          querystring: z.object({ version: z.string().max(20).default(CURRENT_CATALOGUE.version) }),
          response: {
            200: z.object({
              version: z.string(),
              indicators: z.array(
                z.object({
                  id: z.string(),
                  group: z.string(),
                  element: z.string(),
                  types: z.array(z.string()),
                  weight: z.number(),
                  source: z.string(),
                  childOnly: z.boolean().optional(),
                  label: z.object({ en: z.string(), cy: z.string() }),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const catalogue = svc.referrals.catalogue(request.actor, request.query.version);
        return { version: catalogue.version, indicators: catalogue.indicators.map((i) => ({ ...i, types: [...i.types] })) };
      },
    );

    app.post(
      '/api/referrals/preview',
      {
        config: { permission },
        schema: {
          tags: ['referrals'],
          summary: 'Triage score, next steps and any answers about age that disagree, for a referral as it stands; nothing is stored',
          body: previewBody,
          response: { 200: previewSchema },
        },
      },
      async (request) => svc.referrals.preview(request.actor, request.body),
    );

    app.post(
      '/api/referrals',
      {
        config: { permission },
        schema: {
          tags: ['referrals'],
          summary: 'Submit a referral',
          body: referralBody,
          response: { 201: z.object({ reference: z.string(), triage: triageSchema }) },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.referrals.submit(request.actor, request.body)),
    );

    app.get(
      '/api/referrals/drafts',
      { config: { permission }, schema: { tags: ['referrals'], summary: 'Your saved drafts', response: { 200: z.object({ drafts: z.array(draftSchema) }) } } },
      async (request) => ({ drafts: await svc.referrals.drafts(request.actor) }),
    );

    app.put(
      '/api/referrals/drafts/:id',
      {
        config: { permission },
        schema: {
          tags: ['referrals'],
          summary: 'Save a draft (kept on the server so a dropped signal loses nothing)',
          params: z.object({ id: z.uuid() }),
          body: z.object({ data: z.record(z.string(), z.unknown()) }),
          response: { 200: draftSchema },
        },
      },
      async (request) => svc.referrals.saveDraft(request.actor, request.params.id, request.body.data),
    );

    app.delete(
      '/api/referrals/drafts/:id',
      {
        config: { permission },
        schema: { tags: ['referrals'], summary: 'Discard a draft', params: z.object({ id: z.uuid() }), response: { 200: z.object({ ok: z.literal(true) }) } },
      },
      async (request) => {
        await svc.referrals.deleteDraft(request.actor, request.params.id);
        return { ok: true as const };
      },
    );
  };
}
