import {
  entityChangeSchema,
  entityViewSchema,
  idParams,
  mergeBody,
  numberCallsSchema,
  pictureSettingsBody,
  pictureSettingsSchema,
  peopleComparisonSchema,
  reviewDecisionBody,
  reviewViewSchema,
  searchQuery,
  searchResultsSchema,
  splitBody,
  undoneSchema,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

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
          querystring: searchQuery,
          response: { 200: searchResultsSchema },
        },
      },
      async (request) => svc.entities.search(request.actor, request.query),
    );

    app.get(
      '/api/entities/:id',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['picture'],
          summary: 'An entity: attributes with their sources and grades, every report, linked entities, a timeline, merges and splits',
          params: idParams,
          response: { 200: entityViewSchema },
        },
      },
      async (request) => svc.entities.entity(request.actor, request.params.id),
    );

    app.get(
      '/api/entities/:id/calls',
      {
        config: { permission: PERMISSIONS.pictureSearch },
        schema: {
          tags: ['picture'],
          summary: "A phone's call data: calls made and received, duration, first and last, busiest hours, and its contacts as people",
          params: idParams,
          response: { 200: numberCallsSchema },
        },
      },
      async (request) => svc.entities.calls(request.actor, request.params.id),
    );

    app.post(
      '/api/entities/:id/merge',
      {
        config: { permission: PERMISSIONS.pictureResolve },
        schema: {
          tags: ['picture'],
          summary: 'Merge another entity into this one (undoable)',
          params: idParams,
          body: mergeBody,
          response: { 200: entityChangeSchema },
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
          params: idParams,
          body: splitBody,
          response: { 200: entityChangeSchema },
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
          params: idParams,
          response: { 200: undoneSchema },
        },
      },
      async (request) => svc.entities.undo(request.actor, request.params.id),
    );

    app.get(
      '/api/review',
      {
        config: { permission: PERMISSIONS.pictureResolve },
        schema: { tags: ['picture'], summary: 'The next pair for an analyst to decide, and how many are open', response: { 200: reviewViewSchema } },
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
          params: idParams,
          body: reviewDecisionBody,
          response: { 200: reviewViewSchema },
        },
      },
      async (request) => svc.entities.decide(request.actor, request.params.id, request.body.decision),
    );

    app.get(
      '/api/picture/settings',
      {
        config: { permission: PERMISSIONS.pictureConfigure },
        schema: { tags: ['picture'], summary: 'Matching thresholds and the model in use', response: { 200: pictureSettingsSchema } },
      },
      async (request) => svc.resolution.settings(request.actor),
    );

    app.put(
      '/api/picture/settings',
      {
        config: { permission: PERMISSIONS.pictureConfigure },
        schema: {
          tags: ['picture'],
          summary: 'Set the automatic merge and review thresholds (match probabilities)',
          body: pictureSettingsBody,
          response: { 200: pictureSettingsSchema },
        },
      },
      async (request) => svc.resolution.saveSettings(request.actor, request.body.autoMerge, request.body.review),
    );

    app.post(
      '/api/picture/model',
      {
        config: { permission: PERMISSIONS.pictureConfigure },
        schema: {
          tags: ['picture'],
          summary: "Retrain the match model on this store's records and the analysts' decisions",
          response: { 200: pictureSettingsSchema },
        },
      },
      async (request) => svc.resolution.train(request.actor),
    );

    app.post(
      '/api/picture/people-comparison',
      {
        config: { permission: PERMISSIONS.pictureConfigure },
        schema: {
          tags: ['picture'],
          summary: "Compare every person with every other and bring the picture in line, keeping analysts' decisions",
          response: { 200: peopleComparisonSchema },
        },
      },
      async (request) => svc.resolution.compareAll(request.actor),
    );
  };
}
