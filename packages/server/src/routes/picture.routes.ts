import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/index';

const reportRef = z.object({ id: z.string(), reference: z.string(), source: z.string(), receivedAt: z.string(), grading: z.string().nullable() });

const recordView = z.object({
  id: z.string(),
  entityId: z.string().nullable(),
  role: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  resolvedBy: z.string().nullable(),
  matchProbability: z.number().nullable(),
  report: reportRef.extend({ summary: z.string(), occurred: z.string().nullable() }),
});

const reviewView = z.object({
  open: z.number(),
  moreThanCounted: z.boolean(),
  pair: z
    .object({
      id: z.string(),
      probability: z.number(),
      skipped: z.boolean(),
      fields: z.array(
        z.object({
          field: z.string(),
          level: z.string(),
          weight: z.number(),
          agreement: z.enum(['agree', 'close', 'differ', 'missing']),
          a: z.string(),
          b: z.string(),
        }),
      ),
      a: recordView.extend({ entityLabel: z.string(), entityRecords: z.number() }),
      b: recordView.extend({ entityLabel: z.string(), entityRecords: z.number() }),
      sharedMentions: z.array(z.object({ id: z.string(), kind: z.string(), label: z.string() })),
    })
    .nullable(),
});

const settingsView = z.object({
  autoMerge: z.number(),
  review: z.number(),
  updatedAt: z.date().nullable(),
  updatedBy: z.string().nullable(),
  model: z.object({ source: z.enum(['synthetic', 'store']), trainedAt: z.string().nullable(), records: z.number(), decisions: z.number() }),
});

const threshold = (name: string) =>
  z
    .number({ error: `Enter the ${name} threshold as a number` })
    .min(0.05, 'Use a probability from 0.05 to 0.999')
    .max(0.999, 'Use a probability from 0.05 to 0.999');

/** The intelligence picture: search, entity pages, the review queue, merges and splits, thresholds. Thin: services decide. */
export function pictureRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/search',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['picture'],
          summary:
            'One box: people (fuzzy, phonetic, transliterated), phones, vehicles, addresses, businesses, online accounts, bank accounts, documents and report text',
          querystring: z.object({ q: z.string().trim().min(1, 'Enter something to search for').max(200, 'Use 200 characters or fewer') }),
          response: {
            200: z.object({
              query: z.string(),
              groups: z.array(
                z.object({
                  kind: z.string(),
                  items: z.array(z.object({ id: z.string(), label: z.string(), reports: z.number(), latest: z.string() })),
                }),
              ),
              reports: z.array(reportRef.extend({ snippet: z.string() })),
            }),
          },
        },
      },
      async (request) => svc.entities.search(request.actor, request.query.q),
    );

    app.get(
      '/api/entities/:id',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['picture'],
          summary: 'An entity: attributes with their sources and grades, every report, linked entities, a timeline, merges and splits',
          params: z.object({ id: z.uuid() }),
          response: {
            200: z.object({
              id: z.string(),
              kind: z.string(),
              label: z.string(),
              mergedInto: z.string().nullable(),
              attributes: z.array(
                z.object({ name: z.string(), value: z.string(), sources: z.array(reportRef.extend({ recordId: z.string(), role: z.string().nullable() })) }),
              ),
              records: z.array(recordView),
              linked: z.array(z.object({ id: z.string(), kind: z.string(), label: z.string(), roles: z.array(z.string()), reports: z.array(reportRef) })),
              timeline: z.array(
                z.object({
                  at: z.string(),
                  what: z.enum(['reported', 'merge', 'split', 'undo']),
                  report: reportRef.optional(),
                  role: z.string().nullable().optional(),
                  changeId: z.string().optional(),
                  actor: z.string().nullable().optional(),
                }),
              ),
              changes: z.array(
                z.object({
                  id: z.string(),
                  action: z.string(),
                  at: z.string(),
                  actor: z.string().nullable(),
                  records: z.number(),
                  undone: z.boolean(),
                  fromReview: z.boolean(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => svc.entities.entity(request.actor, request.params.id),
    );

    const changed = z.object({ changeId: z.string(), entityId: z.string() });

    app.post(
      '/api/entities/:id/merge',
      {
        config: { permission: PERMISSIONS.pictureResolve },
        schema: {
          tags: ['picture'],
          summary: 'Merge another entity into this one (undoable)',
          params: z.object({ id: z.uuid() }),
          body: z.object({ entityId: z.uuid('Choose the entity to merge') }),
          response: { 200: changed },
        },
      },
      async (request) => svc.entities.merge(request.actor, request.params.id, request.body.entityId),
    );

    app.post(
      '/api/entities/:id/split',
      {
        config: { permission: PERMISSIONS.pictureResolve },
        schema: {
          tags: ['picture'],
          summary: 'Split records off into a new entity (undoable)',
          params: z.object({ id: z.uuid() }),
          body: z.object({ recordIds: z.array(z.uuid()).min(1, 'Choose at least one record').max(1000) }),
          response: { 200: changed },
        },
      },
      async (request) => svc.entities.split(request.actor, request.params.id, request.body.recordIds),
    );

    app.post(
      '/api/entity-changes/:id/undo',
      {
        config: { permission: PERMISSIONS.pictureResolve },
        schema: {
          tags: ['picture'],
          summary: 'Undo a merge or split: every record goes back where it was',
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ changeId: z.string() }) },
        },
      },
      async (request) => svc.entities.undo(request.actor, request.params.id),
    );

    app.get(
      '/api/review',
      {
        config: { permission: PERMISSIONS.pictureResolve },
        schema: { tags: ['picture'], summary: 'The next pair for an analyst to decide, and how many are open', response: { 200: reviewView } },
      },
      async (request) => svc.entities.nextReview(request.actor),
    );

    app.post(
      '/api/review/:id',
      {
        config: { permission: PERMISSIONS.pictureResolve },
        schema: {
          tags: ['picture'],
          summary: 'Accept (same entity: merge), reject (different) or skip a review pair; answers with the next pair',
          params: z.object({ id: z.uuid() }),
          body: z.object({ decision: z.enum(['accept', 'reject', 'skip']) }),
          response: { 200: reviewView },
        },
      },
      async (request) => svc.entities.decide(request.actor, request.params.id, request.body.decision),
    );

    app.get(
      '/api/picture/settings',
      {
        config: { permission: PERMISSIONS.pictureConfigure },
        schema: { tags: ['picture'], summary: 'Matching thresholds and the model in use', response: { 200: settingsView } },
      },
      async (request) => svc.picture.settings(request.actor),
    );

    app.put(
      '/api/picture/settings',
      {
        config: { permission: PERMISSIONS.pictureConfigure },
        schema: {
          tags: ['picture'],
          summary: 'Set the automatic merge and review thresholds (match probabilities)',
          body: z.object({ autoMerge: threshold('automatic merge'), review: threshold('review') }),
          response: { 200: settingsView },
        },
      },
      async (request) => svc.picture.saveSettings(request.actor, request.body.autoMerge, request.body.review),
    );

    app.post(
      '/api/picture/model',
      {
        config: { permission: PERMISSIONS.pictureConfigure },
        schema: {
          tags: ['picture'],
          summary: "Retrain the match model on this store's records and the analysts' decisions",
          response: { 200: settingsView },
        },
      },
      async (request) => svc.picture.train(request.actor),
    );
  };
}
