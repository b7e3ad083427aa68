import {
  caseSchema,
  idParams,
  newOutcomeBody,
  nrmBody,
  nrmParams,
  outcomeParams,
  planBody,
  planParams,
  planReviewBody,
  withdrawOutcomeBody,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

/** What a case records against its suspects (outcomes) and for its potential victims (NRM, safeguarding). */
export function caseRecordRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const work = { config: { permission: PERMISSIONS.casesWork } };
    const tags = ['cases'];

    app.post(
      '/api/cases/:id/outcomes',
      {
        ...work,
        schema: {
          tags,
          summary: 'Record an arrest, a charge, a court result, an order, or the s45 question against a suspect',
          params: idParams,
          body: newOutcomeBody,
          response: { 200: caseSchema },
        },
      },
      async (request) => svc.cases.recordOutcome(request.actor, request.params.id, request.body),
    );

    app.post(
      '/api/cases/:id/outcomes/:outcomeId/withdraw',
      {
        ...work,
        schema: {
          tags,
          summary: 'Take back an outcome recorded in error, with the reason',
          params: outcomeParams,
          body: withdrawOutcomeBody,
          response: { 200: caseSchema },
        },
      },
      async (request) => svc.cases.withdrawOutcome(request.actor, request.params.id, request.params.outcomeId, request.body.reason),
    );

    app.post(
      '/api/cases/:id/nrm',
      {
        ...work,
        schema: { tags, summary: 'Record a potential victim’s NRM referral or Duty to Notify', params: idParams, body: nrmBody, response: { 200: caseSchema } },
      },
      async (request) => svc.cases.recordNrm(request.actor, request.params.id, request.body),
    );

    app.put(
      '/api/cases/:id/nrm/:nrmId',
      {
        ...work,
        schema: {
          tags,
          summary: 'Record the Reasonable and Conclusive Grounds decisions and support on a referral, or correct it',
          params: nrmParams,
          body: nrmBody.omit({ entityId: true }),
          response: { 200: caseSchema },
        },
      },
      async (request) => svc.cases.updateNrm(request.actor, request.params.id, request.params.nrmId, request.body),
    );

    app.post(
      '/api/cases/:id/safeguarding',
      {
        ...work,
        schema: { tags, summary: 'Record a potential victim’s safeguarding plan', params: idParams, body: planBody, response: { 200: caseSchema } },
      },
      async (request) => svc.cases.recordPlan(request.actor, request.params.id, request.body),
    );

    app.put(
      '/api/cases/:id/safeguarding/:planId',
      {
        ...work,
        schema: { tags, summary: 'Change a safeguarding plan', params: planParams, body: planBody.omit({ entityId: true }), response: { 200: caseSchema } },
      },
      async (request) => svc.cases.updatePlan(request.actor, request.params.id, request.params.planId, request.body),
    );

    app.post(
      '/api/cases/:id/safeguarding/:planId/reviews',
      {
        ...work,
        schema: {
          tags,
          summary: 'Record a review of a safeguarding plan and set the next',
          params: planParams,
          body: planReviewBody,
          response: { 200: caseSchema },
        },
      },
      async (request) => svc.cases.reviewPlan(request.actor, request.params.id, request.params.planId, request.body),
    );
  };
}
