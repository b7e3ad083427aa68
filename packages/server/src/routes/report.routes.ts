import { EXPLOITATION_TYPES, GWENT, PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/index';
import { messagesSchema, messageText } from './public-report.routes';
import { queueItemSchema } from './schemas';

const entityId = z.string().nullable();

const reportViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  language: z.string().nullable(),
  relation: z.string().nullable(),
  summary: z.string(),
  occurred: z.string().nullable(),
  localAuthority: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  locationDescription: z.string().nullable(),
  exploitationTypes: z.array(z.string()),
  involvesChild: z.boolean(),
  triageScore: z.number().nullable(),
  triageBand: z.string().nullable(),
  triage: z.record(z.string(), z.unknown()).nullable(),
  victim: z.record(z.string(), z.unknown()).nullable(),
  indicatorIds: z.array(z.string()),
  catalogueVersion: z.string().nullable(),
  grading: z.string().nullable(),
  assignedTo: z.string().nullable(),
  triagedAt: z.string().nullable(),
  hasFollowUp: z.boolean(),
  referenceCode: z.string().nullable(),
  dangerNow: z.boolean(),
  persons: z.array(
    z.object({
      role: z.string(),
      givenName: z.string().nullable(),
      familyName: z.string().nullable(),
      nationality: z.string().nullable(),
      gender: z.string().nullable(),
      dob: z.string().nullable(),
      phone: z.string().nullable(),
      description: z.string().nullable(),
      entityId,
    }),
  ),
  phones: z.array(z.object({ number: z.string(), entityId })),
  vehicles: z.array(z.object({ registration: z.string(), description: z.string().nullable(), entityId })),
  businesses: z.array(z.object({ name: z.string(), address: z.string().nullable(), entityId })),
  addresses: z.array(z.object({ address: z.string(), postcode: z.string().nullable(), town: z.string().nullable(), entityId })),
  online: z.array(z.object({ identifier: z.string(), platform: z.string().nullable(), description: z.string().nullable(), entityId })),
  bankAccounts: z.array(
    z.object({
      bank: z.string().nullable(),
      sortCode: z.string().nullable(),
      accountNumber: z.string().nullable(),
      iban: z.string().nullable(),
      holder: z.string().nullable(),
      entityId,
    }),
  ),
  documents: z.array(
    z.object({
      type: z.string(),
      number: z.string(),
      country: z.string().nullable(),
      holder: z.string().nullable(),
      description: z.string().nullable(),
      entityId,
    }),
  ),
});

/** The team's routes over stored reports: the triage queue, a report whole, its photos and the thread with its reporter. */
export function reportRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/triage',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'The triage queue: the most urgent first, with filters; a reference (HBR-… or the reporter’s code) finds a report whatever its status',
          querystring: z.object({
            status: z.enum(['new', 'triaged', 'closed']).default('new'),
            area: z.enum(GWENT.localAuthorities.map((l) => l.code) as [string, ...string[]]).optional(),
            source: z.enum(['public', 'officer', 'partner', 'nrm']).optional(),
            child: z.enum(['yes', 'no']).optional(),
            type: z.enum(EXPLOITATION_TYPES).optional(),
            reference: z.string().trim().min(1).max(40).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
          }),
          response: {
            200: z.object({
              items: z.array(queueItemSchema),
            }),
          },
        },
      },
      async (request) => {
        const q = request.query;
        return {
          items: await svc.triageQueue.list(request.actor, {
            status: q.status,
            localAuthority: q.area,
            source: q.source,
            child: q.child === undefined ? undefined : q.child === 'yes',
            exploitationType: q.type,
            reference: q.reference,
            limit: q.limit,
            offset: q.offset,
          }),
        };
      },
    );

    app.get(
      '/api/reports/assignees',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'Team members a report can be assigned to',
          response: { 200: z.object({ assignees: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) }) },
        },
      },
      async (request) => ({ assignees: await svc.reportTriage.assignees(request.actor) }),
    );

    app.get(
      '/api/reports/:id',
      {
        config: { permission: PERMISSIONS.reportsRead },
        schema: { tags: ['reports'], summary: 'One report with all it mentions', params: z.object({ id: z.uuid() }), response: { 200: reportViewSchema } },
      },
      async (request) => svc.reportTriage.detail(request.actor, request.params.id),
    );

    app.post(
      '/api/reports/:id/triage',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'Assign, grade (3x5x2) and mark a report triaged',
          params: z.object({ id: z.uuid() }),
          body: z.object({ assignTo: z.uuid().nullable().optional(), grading: z.string().max(3).optional(), markTriaged: z.boolean().optional() }),
          response: { 200: reportViewSchema },
        },
      },
      async (request) => svc.reportTriage.decide(request.actor, request.params.id, request.body),
    );

    app.get(
      '/api/reports/:id/photos',
      {
        config: { permission: PERMISSIONS.reportsRead },
        schema: {
          tags: ['reports'],
          summary: 'Photos the reporter added',
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ photos: z.array(z.object({ id: z.string(), contentType: z.string(), width: z.number(), height: z.number() })) }) },
        },
      },
      async (request) => ({ photos: await svc.reportTriage.photos(request.actor, request.params.id) }),
    );

    app.get(
      '/api/reports/:id/photos/:photoId',
      {
        config: { permission: PERMISSIONS.reportsRead },
        schema: { tags: ['reports'], summary: 'One photo (audited)', params: z.object({ id: z.uuid(), photoId: z.uuid() }) },
      },
      async (request, reply) => {
        const photo = await svc.reportTriage.photo(request.actor, request.params.id, request.params.photoId);
        return reply.header('cache-control', 'no-store').type(photo.contentType).send(photo.bytes);
      },
    );

    app.get(
      '/api/reports/:id/messages',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'Messages with the reporter',
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ messages: messagesSchema }) },
        },
      },
      async (request) => ({ messages: await svc.publicReports.teamMessages(request.actor, request.params.id) }),
    );

    app.post(
      '/api/reports/:id/messages',
      {
        config: { permission: PERMISSIONS.reportsTriage },
        schema: {
          tags: ['reports'],
          summary: 'Ask the reporter a question (they read it with their reference and passphrase)',
          params: z.object({ id: z.uuid() }),
          body: z.object({ body: messageText }),
          response: { 201: z.object({ messages: messagesSchema }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ messages: await svc.publicReports.addTeamMessage(request.actor, request.params.id, request.body.body) }),
    );
  };
}
