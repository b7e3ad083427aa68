import { GWENT, PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendError } from '../http/error-handler';
import type { Services } from '../services/index';
import { onlineSchema, optional, phoneSchema, postcodeSchema, text, uniqueList } from './schemas';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '../services/photo-cleaner';
import { PUBLIC_PERSON_ROLES, PUBLIC_SIGNS } from '../services/public-report.service';

/** The languages the public form is offered in. */
export const REPORT_LANGUAGES = ['en', 'cy', 'pl', 'ro', 'sq', 'vi', 'ar', 'zh'] as const;

const FOLLOW_UP_RATE = { max: 10, timeWindow: '1 minute' };

export const reportBody = z.object({
  language: z.enum(REPORT_LANGUAGES),
  description: text(10_000).min(1, 'Tell us what is happening'),
  relation: z.enum(['self', 'someone_else', 'not_said']).default('not_said'),
  signs: uniqueList(z.enum(PUBLIC_SIGNS), PUBLIC_SIGNS.length).default([]),
  dangerNow: z.boolean().default(false),
  childInvolved: z.enum(['yes', 'no', 'unknown']).default('unknown'),
  when: optional(200),
  localAuthority: z.enum(GWENT.localAuthorities.map((l) => l.code) as [string, ...string[]]).optional(),
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
  online: z.array(onlineSchema).max(10).default([]),
  formToken: z.string().max(200),
  /** A field people never see; machines fill it in. */
  leaveBlank: z.string().max(500).optional(),
});

/** A message between reporter and team, either way. */
export const messageText = text(5000).min(1, 'Write your message');

const credentials = { reference: z.string().trim().min(4).max(20), passphrase: z.string().trim().min(4).max(40) };
export const messagesSchema = z.array(z.object({ id: z.string(), from: z.enum(['reporter', 'team']), body: z.string(), at: z.string() }));
const followUpSchema = z.object({ reference: z.string(), receivedAt: z.string(), messages: messagesSchema });

/** The entity a mention became in the picture; null until the picture has taken the report in. */

/** Generous for a person, tight for a flood: the portal must stay up for the next person. */
export function publicReportRoutes(svc: Services, limits: { submitPerMinute: number }): FastifyPluginAsyncZod {
  const SUBMIT_RATE = { max: limits.submitPerMinute, timeWindow: '1 minute' };
  return async (app) => {
    // Photos arrive as the raw image; credentials travel in headers so the body is only pixels.
    app.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body));

    app.post(
      '/api/public/follow-up/photos',
      {
        config: { permission: PERMISSIONS.public, rateLimit: FOLLOW_UP_RATE },
        bodyLimit: PHOTO_MAX_BYTES,
        schema: {
          tags: ['public'],
          summary: 'Add a photo (JPEG, PNG or WebP, up to 8 MB); its metadata is removed before it is stored',
          headers: z.object({ 'x-reference': credentials.reference, 'x-passphrase': credentials.passphrase }),
          response: { 201: z.object({ photos: z.number() }) },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) return sendError(reply, 415, 'unsupported_media_type', 'Send the photo as image/jpeg, image/png or image/webp');
        return reply
          .status(201)
          .send(await svc.publicReports.addPhoto(request.headers['x-reference'], request.headers['x-passphrase'], request.body, request.ip));
      },
    );

    app.get(
      '/api/public/form-token',
      {
        config: { permission: PERMISSIONS.public },
        schema: { tags: ['public'], summary: 'A token to send with a public report', response: { 200: z.object({ token: z.string() }) } },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return { token: await svc.publicReports.formToken() };
      },
    );

    app.post(
      '/api/public/reports',
      {
        config: { permission: PERMISSIONS.public, rateLimit: SUBMIT_RATE },
        schema: {
          tags: ['public'],
          summary: 'Report, anonymously; returns a reference code and passphrase for follow-up',
          body: reportBody,
          response: { 201: z.object({ reference: z.string(), passphrase: z.string() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.publicReports.submit(request.body)),
    );

    app.post(
      '/api/public/follow-up',
      {
        config: { permission: PERMISSIONS.public, rateLimit: FOLLOW_UP_RATE },
        schema: {
          tags: ['public'],
          summary: 'Read your report’s messages with its reference and passphrase',
          body: z.object(credentials),
          response: { 200: followUpSchema },
        },
      },
      async (request) => svc.publicReports.followUp(request.body.reference, request.body.passphrase, request.ip),
    );

    app.post(
      '/api/public/follow-up/messages',
      {
        config: { permission: PERMISSIONS.public, rateLimit: FOLLOW_UP_RATE },
        schema: {
          tags: ['public'],
          summary: 'Add information or answer the team',
          body: z.object({ ...credentials, body: messageText }),
          response: { 201: followUpSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await svc.publicReports.addReporterMessage(request.body.reference, request.body.passphrase, request.body.body, request.ip)),
    );
  };
}
