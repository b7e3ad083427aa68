import {
  attemptAnswersBody,
  attemptParams,
  attemptSchema,
  certificateParams,
  authoredCourseListSchema,
  authoredCourseSchema,
  courseDraftBody,
  courseImageParams,
  courseImageSchema,
  courseListSchema,
  courseParams,
  courseSchema,
  markedAttemptSchema,
  newCourseBody,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';
import { sendError } from '../http/error-handler';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '../services/photo-cleaner';
import { sendMarkedPdf } from './marked-file';

/** The force's courses on trafficking: taken by colleagues, written by the team (issue 22). */
export function trainingRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const take = { config: { permission: PERMISSIONS.trainingTake } };
    const author = { config: { permission: PERMISSIONS.trainingAuthor } };
    const tags = ['training'];

    app.get(
      '/api/training/courses',
      { ...take, schema: { tags, summary: 'The published courses, and where the colleague stands with each', response: { 200: courseListSchema } } },
      async (request) => svc.training.courses(request.actor),
    );

    app.get(
      '/api/training/courses/:id',
      { ...take, schema: { tags, summary: 'A course to read, every module whole (not the quiz)', params: courseParams, response: { 200: courseSchema } } },
      async (request) => svc.training.course(request.actor, request.params.id),
    );

    app.post(
      '/api/training/courses/:id/attempts',
      {
        ...take,
        schema: {
          tags,
          summary: 'Begin the quiz: questions drawn afresh, those not asked last time first, without their answers',
          params: courseParams,
          response: { 201: attemptSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.training.startAttempt(request.actor, request.params.id)),
    );

    app.post(
      '/api/training/attempts/:id',
      {
        ...take,
        schema: {
          tags,
          summary: 'Send the answers: marked once, with feedback on every answer; a pass completes the course',
          params: attemptParams,
          body: attemptAnswersBody,
          response: { 200: markedAttemptSchema },
        },
      },
      async (request) => svc.training.submitAttempt(request.actor, request.params.id, request.body.answers),
    );

    app.get(
      '/api/training/certificates/:certificate',
      {
        ...take,
        schema: {
          tags,
          summary: 'The colleague’s own certificate of completion, a bilingual PDF (A4), to download; audited',
          params: certificateParams,
        },
      },
      async (request, reply) => sendMarkedPdf(reply, await svc.training.certificate(request.actor, request.params.certificate)),
    );

    // Pictures arrive as the raw image, as a reporter's photo does.
    app.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body));

    app.post(
      '/api/training/images',
      {
        ...author,
        bodyLimit: PHOTO_MAX_BYTES,
        schema: {
          tags,
          summary: 'Add a picture for a module (JPEG, PNG or WebP, up to 8 MB): re-encoded so nothing but its pixels is kept; its address goes in the Markdown',
          response: { 201: courseImageSchema },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) return sendError(reply, 415, 'unsupported_media_type', 'Send the picture as image/jpeg, image/png or image/webp');
        return reply.status(201).send(await svc.training.addImage(request.actor, request.body));
      },
    );

    app.get(
      '/api/training/images/:image',
      { ...take, schema: { tags, summary: 'A picture in a module', params: courseImageParams } },
      async (request, reply) => {
        const image = await svc.training.image(request.actor, request.params.image);
        return reply.type(image.contentType).send(image.bytes);
      },
    );

    app.get(
      '/api/training/authoring',
      {
        ...author,
        schema: { tags, summary: 'Every course as its authors see it: the newest version, draft or published', response: { 200: authoredCourseListSchema } },
      },
      async (request) => svc.training.authored(request.actor),
    );

    app.post(
      '/api/training/authoring',
      {
        ...author,
        schema: {
          tags,
          summary: 'Write a new course, in English and Welsh; a draft until published',
          body: newCourseBody,
          response: { 201: authoredCourseSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.training.createCourse(request.actor, request.body.slug, request.body.content)),
    );

    app.put(
      '/api/training/authoring/:id',
      {
        ...author,
        schema: {
          tags,
          summary: 'Save the draft; the published version stays as colleagues read it until this is published',
          params: courseParams,
          body: courseDraftBody,
          response: { 200: authoredCourseSchema },
        },
      },
      async (request) => svc.training.saveDraft(request.actor, request.params.id, request.body.content),
    );

    app.post(
      '/api/training/authoring/:id/publish',
      {
        ...author,
        schema: { tags, summary: 'Publish the draft: colleagues take this version from now on', params: courseParams, response: { 200: authoredCourseSchema } },
      },
      async (request) => svc.training.publish(request.actor, request.params.id),
    );
  };
}
