import { AGENCY_KINDS, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/index';
import { ACCOUNT_ACTIONS } from '../services/user.service';
import { emailSchema, roleSchema } from './schemas';

const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  secondFactor: z.boolean(),
  locked: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
const agencySchema = z.object({ id: z.string(), name: z.string(), kind: z.string(), firstResponder: z.boolean(), users: z.number() });
const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

/** Accounts, agencies and the audit log: the administrator's routes. */
export function adminRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users',
      {
        config: { permission: PERMISSIONS.usersRead },
        schema: { tags: ['admin'], summary: 'All accounts', response: { 200: z.object({ users: z.array(accountSchema) }) } },
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
          body: z.object({
            email: emailSchema,
            displayName: z.string().trim().min(1, 'Enter a name').max(120),
            role: roleSchema,
            agencyId: z.uuid('Choose an agency'),
            password: z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH),
          }),
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
          params: z.object({ id: z.uuid() }),
          body: z.object({ action: z.enum(ACCOUNT_ACTIONS) }),
          response: { 200: accountSchema },
        },
      },
      async (request) => svc.users.act(request.actor, request.params.id, request.body.action),
    );

    app.get(
      '/api/agencies',
      {
        config: { permission: PERMISSIONS.agenciesRead },
        schema: { tags: ['admin'], summary: 'All agencies', response: { 200: z.object({ agencies: z.array(agencySchema) }) } },
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
          body: z.object({ name: z.string().trim().min(2, 'Enter a name').max(160), kind: z.enum(AGENCY_KINDS), firstResponder: z.boolean().optional() }),
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
          params: z.object({ id: z.uuid() }),
          body: z.object({ firstResponder: z.boolean() }),
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
          response: {
            200: z.object({
              since: z.string(),
              total: z.number(),
              byArea: z.array(z.object({ code: z.string(), name: z.string(), nameCy: z.string(), count: z.number() })),
              bySource: z.array(z.object({ source: z.string(), count: z.number() })),
            }),
          },
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
          querystring: z.object({
            actorId: z.uuid().optional(),
            action: z.string().max(80).optional(),
            subjectId: z.string().max(80).optional(),
            from: z.iso.date().optional(),
            to: z.iso.date().optional(),
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.object({ entries: z.array(auditEntrySchema), actions: z.array(z.string()) }) },
        },
      },
      async (request) => {
        const q = request.query;
        const to = q.to ? new Date(`${q.to}T00:00:00Z`) : undefined;
        if (to) to.setUTCDate(to.getUTCDate() + 1); // "to" includes the whole day
        return svc.audit.list(request.actor, {
          actorId: q.actorId,
          action: q.action || undefined,
          subjectId: q.subjectId || undefined,
          from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
          to,
          before: q.before,
          limit: q.limit,
        });
      },
    );
  };
}
