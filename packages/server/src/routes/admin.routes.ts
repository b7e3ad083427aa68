import {
  accountActionBody,
  accountListSchema,
  accountSchema,
  agencyActivityQuery,
  agencyActivitySchema,
  agencyListSchema,
  agencySchema,
  auditPageSchema,
  auditQuery,
  firstResponderBody,
  idParams,
  jobRunsSchema,
  newAccountBody,
  newAgencyBody,
  overviewSchema,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

/** Accounts, agencies, the audit log and the background jobs: the administrator's routes. */
export function adminRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users',
      {
        config: { permission: PERMISSIONS.usersRead },
        schema: { tags: ['admin'], summary: 'All accounts', response: { 200: accountListSchema } },
      },
      async (request) => ({ users: await svc.users.list(request.actor) }),
    );

    app.post(
      '/api/users',
      {
        config: { permission: PERMISSIONS.usersManage },
        schema: {
          tags: ['admin'],
          summary: 'Add an account',
          body: newAccountBody,
          response: { 201: accountSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.users.create(request.actor, request.body)),
    );

    app.post(
      '/api/users/:id/actions',
      {
        config: { permission: PERMISSIONS.usersManage },
        schema: {
          tags: ['admin'],
          summary: 'Disable an account (ending its sessions), enable it again, or unlock its second factor',
          params: idParams,
          body: accountActionBody,
          response: { 200: accountSchema },
        },
      },
      async (request) => svc.users.act(request.actor, request.params.id, request.body.action),
    );

    app.get(
      '/api/agencies',
      {
        config: { permission: PERMISSIONS.agenciesRead },
        schema: { tags: ['admin'], summary: 'All agencies', response: { 200: agencyListSchema } },
      },
      async (request) => ({ agencies: await svc.agencies.list(request.actor) }),
    );

    app.post(
      '/api/agencies',
      {
        config: { permission: PERMISSIONS.agenciesManage },
        schema: {
          tags: ['admin'],
          summary: 'Add a partner agency',
          description:
            'An agency is an NRM First Responder Organisation by its kind (police, local authority, Home Office, GLAA) unless `firstResponder` says otherwise.',
          body: newAgencyBody,
          response: { 201: agencySchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.agencies.create(request.actor, request.body)),
    );

    app.put(
      '/api/agencies/:id/first-responder',
      {
        config: { permission: PERMISSIONS.agenciesManage },
        schema: {
          tags: ['admin'],
          summary: "Say whether an agency is an NRM First Responder Organisation (only those may label a referral as the NRM's)",
          params: idParams,
          body: firstResponderBody,
          response: { 200: agencySchema },
        },
      },
      async (request) => svc.agencies.setFirstResponder(request.actor, request.params.id, request.body.firstResponder),
    );

    app.get(
      '/api/overview',
      {
        config: { permission: PERMISSIONS.reportsOverview },
        schema: {
          tags: ['reports'],
          summary: 'Reports received in the last 12 months, by local authority and source',
          response: { 200: overviewSchema },
        },
      },
      async (request) => svc.overview.lastYear(request.actor),
    );

    app.get(
      '/api/audit',
      {
        config: { permission: PERMISSIONS.auditRead },
        schema: {
          tags: ['admin'],
          summary: 'Audit log entries, newest first, with filters',
          querystring: auditQuery,
          response: { 200: auditPageSchema },
        },
      },
      async (request) => {
        const q = request.query;
        return svc.audit.list(request.actor, {
          actorId: q.actorId,
          action: q.action || undefined,
          subjectId: q.subjectId || undefined,
          ...dayRange(q),
          before: q.before,
          limit: q.limit,
        });
      },
    );

    app.get(
      '/api/agency/activity',
      {
        config: { permission: PERMISSIONS.auditAgency },
        schema: {
          tags: ['admin'],
          summary: 'What the accounts of your own agency read and changed, newest first',
          querystring: agencyActivityQuery,
          response: { 200: agencyActivitySchema },
        },
      },
      async (request) => {
        const q = request.query;
        return svc.audit.agencyActivity(request.actor, { actorId: q.actorId, ...dayRange(q), before: q.before, limit: q.limit });
      },
    );

    app.get(
      '/api/admin/jobs',
      {
        config: { permission: PERMISSIONS.jobsRead },
        schema: {
          tags: ['admin'],
          summary: 'The background jobs: how often each runs, its last run and outcome, failures, and runs waiting',
          response: { 200: jobRunsSchema },
        },
      },
      async (request) => ({ jobs: await svc.jobs.list(request.actor) }),
    );
  };
}

/** Whole days, from the start of `from` to the end of `to`. */
function dayRange(q: { from?: string | undefined; to?: string | undefined }): { from: Date | undefined; to: Date | undefined } {
  const to = q.to ? new Date(`${q.to}T00:00:00Z`) : undefined;
  if (to) to.setUTCDate(to.getUTCDate() + 1);
  return { from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined, to };
}
