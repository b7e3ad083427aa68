import {
  catalogueQuery,
  catalogueSchema,
  draftBody,
  draftListSchema,
  draftSchema,
  idParams,
  okSchema,
  referralBody,
  referralPreviewBody,
  referralPreviewSchema,
  referralReceiptSchema,
  sentReferralDetailSchema,
  sentReferralListSchema,
  sentReferralMessageBody,
} from '@harbour/contract';
import { CURRENT_CATALOGUE, PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';
import { intakeChecks } from './intake-checks';

export function referralRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const permission = PERMISSIONS.referralsCreate;
    const body = referralBody(intakeChecks(svc.areaCodes), CURRENT_CATALOGUE.version);

    app.get(
      '/api/referrals/catalogue',
      {
        config: { permission },
        schema: {
          tags: ['referrals'],
          summary: 'The indicator catalogue a referral is made with',
          querystring: catalogueQuery(CURRENT_CATALOGUE.version),
          response: { 200: catalogueSchema },
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
          body: referralPreviewBody(CURRENT_CATALOGUE.version),
          response: { 200: referralPreviewSchema },
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
          body,
          response: { 201: referralReceiptSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.referrals.submit(request.actor, request.body)),
    );

    app.get(
      '/api/referrals/drafts',
      { config: { permission }, schema: { tags: ['referrals'], summary: 'Your saved drafts', response: { 200: draftListSchema } } },
      async (request) => ({ drafts: await svc.referrals.drafts(request.actor) }),
    );

    app.put(
      '/api/referrals/drafts/:id',
      {
        config: { permission },
        schema: {
          tags: ['referrals'],
          summary: 'Save a draft (kept on the server so a dropped signal loses nothing)',
          params: idParams,
          body: draftBody,
          response: { 200: draftSchema },
        },
      },
      async (request) => svc.referrals.saveDraft(request.actor, request.params.id, request.body.data),
    );

    app.delete(
      '/api/referrals/drafts/:id',
      {
        config: { permission },
        schema: { tags: ['referrals'], summary: 'Discard a draft', params: idParams, response: { 200: okSchema } },
      },
      async (request) => {
        await svc.referrals.deleteDraft(request.actor, request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/referrals/sent',
      {
        config: { permission },
        schema: {
          tags: ['referrals'],
          summary: 'Referrals you (a partner: your agency) sent, and where each stands',
          response: { 200: sentReferralListSchema },
        },
      },
      async (request) => ({ referrals: await svc.sentReferrals.list(request.actor) }),
    );

    app.get(
      '/api/referrals/sent/:id',
      {
        config: { permission },
        schema: {
          tags: ['referrals'],
          summary: 'One referral you sent: where it stands, the team’s questions and your answers',
          params: idParams,
          response: { 200: sentReferralDetailSchema },
        },
      },
      async (request) => svc.sentReferrals.get(request.actor, request.params.id),
    );

    app.post(
      '/api/referrals/sent/:id/messages',
      {
        config: { permission },
        schema: {
          tags: ['referrals'],
          summary: 'Answer the team on a referral you sent',
          params: idParams,
          body: sentReferralMessageBody,
          response: { 200: sentReferralDetailSchema },
        },
      },
      async (request) => svc.sentReferrals.answer(request.actor, request.params.id, request.body.body),
    );
  };
}
