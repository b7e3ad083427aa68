import {
  attemptAnswersBody,
  attemptParams,
  attemptSchema,
  certificateParams,
  authoredCourseListSchema,
  authoredCourseSchema,
  courseDraftBody,
  courseListSchema,
  courseParams,
  courseSchema,
  markedAttemptSchema,
  newCourseBody,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';
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
