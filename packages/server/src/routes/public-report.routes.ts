import {
  followUpBody,
  followUpMessageBody,
  followUpPhotoHeaders,
  followUpSchema,
  formTokenSchema,
  photoCountSchema,
  publicReportBody,
  reportReceiptSchema,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendError } from '../http/error-handler';
import type { Services } from '../services/index';
import { intakeChecks } from './intake-checks';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '../services/photo-cleaner';

const FOLLOW_UP_RATE = { max: 10, timeWindow: '1 minute' };

/** Generous for a person, tight for a flood: the portal must stay up for the next person. */
export function publicReportRoutes(svc: Services, limits: { submitPerMinute: number }): FastifyPluginAsyncZod {
  const SUBMIT_RATE = { max: limits.submitPerMinute, timeWindow: '1 minute' };
  const reportBody = publicReportBody(intakeChecks(svc.areaCodes));
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
          headers: followUpPhotoHeaders,
          response: { 201: photoCountSchema },
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
        schema: { tags: ['public'], summary: 'A token to send with a public report', response: { 200: formTokenSchema } },
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
          response: { 201: reportReceiptSchema },
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
          body: followUpBody,
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
          body: followUpMessageBody,
          response: { 201: followUpSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await svc.publicReports.addReporterMessage(request.body.reference, request.body.passphrase, request.body.body, request.ip)),
    );
  };
}
