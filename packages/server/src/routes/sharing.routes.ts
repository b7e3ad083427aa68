import {
  agreementListSchema,
  agreementSchema,
  caseNoteBody,
  caseSchema,
  caseShareParams,
  endAgreementBody,
  idParams,
  newAgreementBody,
  reportShareParams,
  reportSharingSchema,
  shareCaseBody,
  shareReportBody,
  sharedCaseListSchema,
  sharedCaseSchema,
  sharedReportListSchema,
  sharedReportSchema,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

/** Information-sharing agreements, sharing cases under them, and partner agencies' reading of what is shared. */
export function sharingRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const manage = { config: { permission: PERMISSIONS.sharingManage } };
    const share = { config: { permission: PERMISSIONS.casesShare } };
    const shared = { config: { permission: PERMISSIONS.casesShared } };
    const tags = ['sharing'];

    app.get(
      '/api/admin/agreements',
      { ...manage, schema: { tags, summary: 'Information-sharing agreements with partner agencies, newest first', response: { 200: agreementListSchema } } },
      async (request) => svc.sharing.agreements(request.actor),
    );

    app.post(
      '/api/admin/agreements',
      {
        ...manage,
        schema: {
          tags,
          summary: 'Record an agreement: the agency, purpose, lawful basis, categories of data and the dates it is in force',
          body: newAgreementBody,
          response: { 201: agreementSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.sharing.createAgreement(request.actor, request.body)),
    );

    app.post(
      '/api/admin/agreements/:id/end',
      {
        ...manage,
        schema: {
          tags,
          summary: 'End an agreement early: sharing under it stops at once',
          params: idParams,
          body: endAgreementBody,
          response: { 200: agreementSchema },
        },
      },
      async (request) => svc.sharing.endAgreement(request.actor, request.params.id, request.body.reason),
    );

    app.post(
      '/api/cases/:id/shares',
      {
        ...share,
        schema: {
          tags,
          summary: 'Share a case with a partner agency, inside an agreement in force',
          params: idParams,
          body: shareCaseBody,
          response: { 200: caseSchema },
        },
      },
      async (request) => {
        await svc.sharing.share(request.actor, request.params.id, request.body.agencyId, request.body.reason);
        return svc.cases.get(request.actor, request.params.id);
      },
    );

    app.delete(
      '/api/cases/:id/shares/:agencyId',
      { ...share, schema: { tags, summary: 'Withdraw a case from a partner agency, at once', params: caseShareParams, response: { 200: caseSchema } } },
      async (request) => {
        await svc.sharing.unshare(request.actor, request.params.id, request.params.agencyId);
        return svc.cases.get(request.actor, request.params.id);
      },
    );

    app.get(
      '/api/reports/:id/shares',
      {
        config: { permission: PERMISSIONS.reportsRead },
        schema: {
          tags,
          summary: 'Who a report is shared with, and the agencies it could be shared with now',
          params: idParams,
          response: { 200: reportSharingSchema },
        },
      },
      async (request) => svc.reportSharing.ofReport(request.actor, request.params.id),
    );

    app.post(
      '/api/reports/:id/shares',
      {
        ...share,
        schema: {
          tags,
          summary:
            'Share one graded report with a partner agency, inside an agreement in force (graded C only where the agreement allows intelligence graded C); never with the agency that sent it',
          params: idParams,
          body: shareReportBody,
          response: { 200: reportSharingSchema },
        },
      },
      async (request) => svc.reportSharing.share(request.actor, request.params.id, request.body.agencyId, request.body.reason),
    );

    app.delete(
      '/api/reports/:id/shares/:agencyId',
      {
        ...share,
        schema: { tags, summary: 'Withdraw a report from a partner agency, at once', params: reportShareParams, response: { 200: reportSharingSchema } },
      },
      async (request) => svc.reportSharing.unshare(request.actor, request.params.id, request.params.agencyId),
    );

    app.get(
      '/api/shared/reports',
      { ...shared, schema: { tags, summary: 'The reports shared with my agency that it may read now', response: { 200: sharedReportListSchema } } },
      async (request) => svc.reportSharing.sharedReports(request.actor),
    );

    app.get(
      '/api/shared/reports/:id',
      {
        ...shared,
        schema: {
          tags,
          summary: 'A report shared with my agency, as far as its agreement allows: never its reference or its source',
          params: idParams,
          response: { 200: sharedReportSchema },
        },
      },
      async (request) => svc.reportSharing.sharedReport(request.actor, request.params.id),
    );

    app.get(
      '/api/shared/cases',
      { ...shared, schema: { tags, summary: 'The cases shared with my agency, while its agreement is in force', response: { 200: sharedCaseListSchema } } },
      async (request) => svc.sharing.sharedCases(request.actor),
    );

    app.get(
      '/api/shared/cases/:id',
      {
        ...shared,
        schema: {
          tags,
          summary: 'A case shared with my agency, as far as its agreement allows: its own tasks and notes',
          params: idParams,
          response: { 200: sharedCaseSchema },
        },
      },
      async (request) => svc.sharing.sharedCase(request.actor, request.params.id),
    );

    app.post(
      '/api/shared/cases/:id/notes',
      {
        ...shared,
        schema: { tags, summary: 'Add my agency’s note to a case shared with it', params: idParams, body: caseNoteBody, response: { 200: sharedCaseSchema } },
      },
      async (request) => svc.sharing.addNote(request.actor, request.params.id, request.body.body),
    );
  };
}
