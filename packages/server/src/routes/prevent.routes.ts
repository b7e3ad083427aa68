import {
  areaBoundariesSchema,
  campaignBody,
  campaignListSchema,
  campaignSchema,
  eventBody,
  eventListSchema,
  eventQuery,
  eventSchema,
  materialBody,
  materialListSchema,
  materialParams,
  materialSchema,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../services/index';

/** Awareness work (issue 22, Prevent): campaigns, the resource library of posters and leaflets, and events. */
export function preventRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const record = { config: { permission: PERMISSIONS.preventRecord } };
    const tags = ['prevent'];

    app.get(
      '/api/prevent/campaigns',
      {
        ...record,
        schema: {
          tags,
          summary: 'Every campaign, with its materials, events and the public reports its QR codes brought',
          response: { 200: campaignListSchema },
        },
      },
      async (request) => svc.prevent.campaigns(request.actor),
    );

    app.post(
      '/api/prevent/campaigns',
      {
        ...record,
        schema: { tags, summary: 'Start a campaign; its code, from its name, tags its QR codes', body: campaignBody, response: { 201: campaignSchema } },
      },
      async (request, reply) => reply.status(201).send(await svc.prevent.addCampaign(request.actor, request.body.name)),
    );

    app.get(
      '/api/prevent/materials',
      {
        ...record,
        schema: { tags, summary: 'The resource library: posters (A4) and leaflets (A5) made, newest first', response: { 200: materialListSchema } },
      },
      async (request) => svc.prevent.materials(request.actor),
    );

    app.post(
      '/api/prevent/materials',
      {
        ...record,
        schema: {
          tags,
          summary: 'Make a poster or leaflet for a campaign: a setting’s signs, the helplines and a QR code to the reporting form, in one of its languages',
          body: materialBody,
          response: { 201: materialSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await svc.prevent.makeMaterial(request.actor, request.body)),
    );

    app.get(
      '/api/prevent/materials/:material',
      { ...record, schema: { tags, summary: 'A poster or leaflet as a PDF to print; audited', params: materialParams } },
      async (request, reply) => {
        const { pdf, filename } = await svc.prevent.materialPdf(request.actor, request.params.material);
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
      },
    );

    app.get(
      '/api/prevent/boundaries',
      {
        ...record,
        schema: { tags, summary: 'The force’s local-authority boundaries as GeoJSON, to place an event on the map', response: { 200: areaBoundariesSchema } },
      },
      async (request) => svc.prevent.areaBoundaries(request.actor),
    );

    app.get(
      '/api/prevent/events',
      {
        ...record,
        schema: {
          tags,
          summary: 'Awareness events held in a span (the last year unless asked), each with the reports in its area in the four weeks before and from it',
          querystring: eventQuery,
          response: { 200: eventListSchema },
        },
      },
      async (request) => svc.prevent.events(request.actor, request.query),
    );

    app.post(
      '/api/prevent/events',
      { ...record, schema: { tags, summary: 'Record an awareness event once held', body: eventBody, response: { 201: eventSchema } } },
      async (request, reply) => reply.status(201).send(await svc.prevent.recordEvent(request.actor, request.body)),
    );
  };
}
