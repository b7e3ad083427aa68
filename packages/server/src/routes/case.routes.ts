import {
  caseClosingBody,
  caseEntityBody,
  caseEntityParams,
  caseListQuery,
  caseListSchema,
  caseNoteBody,
  caseOfficerBody,
  caseReportBody,
  caseReportParams,
  caseSchema,
  caseStatusBody,
  finishTaskBody,
  idParams,
  newCaseBody,
  newTaskBody,
  taskListSchema,
  taskOwnersSchema,
  taskSchema,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

/** The force's cases (Pursue): open, read, move on, link and note; and the tasks given on them. */
export function caseRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const work = { config: { permission: PERMISSIONS.casesWork } };

    app.get(
      '/api/cases',
      {
        config: { permission: PERMISSIONS.casesRead },
        schema: {
          tags: ['cases'],
          summary: 'Cases, most recently changed first; open ones, one status, or the reader’s own',
          querystring: caseListQuery,
          response: { 200: caseListSchema },
        },
      },
      async (request) => svc.cases.list(request.actor, request.query),
    );

    app.post(
      '/api/cases',
      {
        ...work,
        schema: {
          tags: ['cases'],
          summary: 'Open a case, from a report (its people linked as the picture resolved them) or from entities',
          body: newCaseBody,
          response: { 201: caseSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.cases.open(request.actor, request.body)),
    );

    app.get(
      '/api/cases/:id',
      {
        config: { permission: PERMISSIONS.casesRead },
        schema: {
          tags: ['cases'],
          summary: 'A case whole: status and history, reports, people and things, notes',
          params: idParams,
          response: { 200: caseSchema },
        },
      },
      async (request) => svc.cases.get(request.actor, request.params.id),
    );

    app.post(
      '/api/cases/:id/status',
      {
        ...work,
        schema: {
          tags: ['cases'],
          summary: 'Move a case on, with the reason; closing by anyone but a supervisor becomes a request for one',
          params: idParams,
          body: caseStatusBody,
          response: { 200: caseSchema },
        },
      },
      async (request) => svc.cases.changeStatus(request.actor, request.params.id, request.body.to, request.body.reason),
    );

    app.post(
      '/api/cases/:id/closing',
      {
        ...work,
        schema: {
          tags: ['cases'],
          summary: 'A supervisor approves or declines a request to close a case',
          params: idParams,
          body: caseClosingBody,
          response: { 200: caseSchema },
        },
      },
      async (request) => svc.cases.decideClosing(request.actor, request.params.id, request.body.decision, request.body.reason),
    );

    app.post(
      '/api/cases/:id/notes',
      { ...work, schema: { tags: ['cases'], summary: 'Add a note to a case', params: idParams, body: caseNoteBody, response: { 200: caseSchema } } },
      async (request) => svc.cases.addNote(request.actor, request.params.id, request.body.body),
    );

    app.put(
      '/api/cases/:id/officer',
      {
        ...work,
        schema: { tags: ['cases'], summary: 'Put an officer in charge of a case', params: idParams, body: caseOfficerBody, response: { 200: caseSchema } },
      },
      async (request) => svc.cases.assignOfficer(request.actor, request.params.id, request.body.userId),
    );

    app.post(
      '/api/cases/:id/reports',
      { ...work, schema: { tags: ['cases'], summary: 'Link a report to a case', params: idParams, body: caseReportBody, response: { 200: caseSchema } } },
      async (request) => svc.cases.linkReport(request.actor, request.params.id, request.body.reportId),
    );

    app.delete(
      '/api/cases/:id/reports/:reportId',
      { ...work, schema: { tags: ['cases'], summary: 'Take a report off a case', params: caseReportParams, response: { 200: caseSchema } } },
      async (request) => svc.cases.unlinkReport(request.actor, request.params.id, request.params.reportId),
    );

    app.post(
      '/api/cases/:id/entities',
      {
        ...work,
        schema: {
          tags: ['cases'],
          summary: 'Link a person or thing of the picture to a case, in a role',
          params: idParams,
          body: caseEntityBody,
          response: { 200: caseSchema },
        },
      },
      async (request) => svc.cases.linkEntity(request.actor, request.params.id, request.body.entityId, request.body.role),
    );

    app.delete(
      '/api/cases/:id/entities/:entityId/:role',
      {
        ...work,
        schema: { tags: ['cases'], summary: 'Take a person or thing off a case, in one role', params: caseEntityParams, response: { 200: caseSchema } },
      },
      async (request) => svc.cases.unlinkEntity(request.actor, request.params.id, request.params.entityId, request.params.role),
    );

    app.get(
      '/api/cases/task-owners',
      { ...work, schema: { tags: ['cases'], summary: 'Who a task can be given to: the team and the partner agencies', response: { 200: taskOwnersSchema } } },
      async (request) => svc.tasks.owners(request.actor),
    );

    app.post(
      '/api/cases/:id/tasks',
      {
        ...work,
        schema: {
          tags: ['cases'],
          summary: 'Give a task on a case to an account of the team or to a partner agency, with a due date',
          params: idParams,
          body: newTaskBody,
          response: { 201: taskSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.tasks.create(request.actor, request.params.id, request.body)),
    );

    app.get(
      '/api/tasks/mine',
      {
        config: { permission: PERMISSIONS.tasksWork },
        schema: { tags: ['cases'], summary: 'My open tasks (and my agency’s, for a partner), overdue first', response: { 200: taskListSchema } },
      },
      async (request) => svc.tasks.mine(request.actor),
    );

    app.get(
      '/api/tasks',
      {
        config: { permission: PERMISSIONS.tasksOversee },
        schema: { tags: ['cases'], summary: 'Every open task on the agency’s cases, overdue first', response: { 200: taskListSchema } },
      },
      async (request) => svc.tasks.open(request.actor),
    );

    app.post(
      '/api/tasks/:id/finish',
      {
        config: { permission: PERMISSIONS.tasksWork },
        schema: {
          tags: ['cases'],
          summary: 'Record what was done on a task, or why it was cancelled',
          params: idParams,
          body: finishTaskBody,
          response: { 200: taskSchema },
        },
      },
      async (request) => svc.tasks.finish(request.actor, request.params.id, request.body.status, request.body.outcome),
    );
  };
}
