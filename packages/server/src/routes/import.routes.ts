import {
  idParams,
  importListSchema,
  importPreviewSchema,
  importStartBody,
  importSummarySchema,
  importUploadQuery,
  quarantinedRowParams,
  quarantinePageSchema,
  quarantineQuery,
  rowRetriedSchema,
  rowRetryBody,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendError } from '../http/error-handler';
import type { Services } from '../services/index';

/** A spreadsheet of a quarter of a million rows, saved as CSV, fits well inside this. */
const MOST_BYTES = 96 * 1024 * 1024;
const CSV_TYPES = ['text/csv', 'application/vnd.ms-excel', 'text/plain', 'application/octet-stream'];

/** Partner spreadsheets (CSV) imported as referrals: upload, map, progress, quarantine. */
export function importRoutes(svc: Services): FastifyPluginAsyncZod {
  return async (app) => {
    // The file arrives as its bytes, so its encoding can be found rather than guessed by the browser.
    app.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: MOST_BYTES }, (_request, body, done) => done(null, body));

    app.get(
      '/api/imports',
      {
        config: { permission: PERMISSIONS.importsRun },
        schema: { tags: ['imports'], summary: "Your agency's imports, newest first", response: { 200: importListSchema } },
      },
      async (request) => ({ imports: await svc.imports.list(request.actor) }),
    );

    app.post(
      '/api/imports',
      {
        config: { permission: PERMISSIONS.importsRun },
        bodyLimit: MOST_BYTES,
        schema: {
          tags: ['imports'],
          summary:
            'Upload a CSV file (the raw bytes, as text/csv): its encoding (UTF-8 or Windows-1252 unless chosen) and separator are found and its rows counted; it then waits for its column mapping',
          querystring: importUploadQuery,
          response: { 201: importSummarySchema },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) return sendError(reply, 415, 'unsupported_media_type', 'Send the file as text/csv');
        const summary = await svc.imports.upload(request.actor, { fileName: request.query.name, bytes: request.body, encoding: request.query.encoding });
        return reply.code(201).send(summary);
      },
    );

    app.get(
      '/api/imports/:id',
      {
        config: { permission: PERMISSIONS.importsRun },
        schema: { tags: ['imports'], summary: 'An import: its progress and counts (no rows)', params: idParams, response: { 200: importSummarySchema } },
      },
      async (request) => svc.imports.get(request.actor, request.params.id),
    );

    app.get(
      '/api/imports/:id/preview',
      {
        config: { permission: PERMISSIONS.importsRun },
        schema: {
          tags: ['imports'],
          summary: "The file's first rows and a suggested mapping (your agency's last choices first), while it waits for its mapping; audited",
          params: idParams,
          response: { 200: importPreviewSchema },
        },
      },
      async (request) => svc.imports.preview(request.actor, request.params.id),
    );

    app.post(
      '/api/imports/:id/start',
      {
        config: { permission: PERMISSIONS.importsRun },
        schema: {
          tags: ['imports'],
          summary: 'Start an import with a field (or null, left out) for each column; it runs in the background (poll the import for progress)',
          params: idParams,
          body: importStartBody,
          response: { 202: importSummarySchema },
        },
      },
      async (request, reply) => reply.code(202).send(await svc.imports.start(request.actor, request.params.id, request.body)),
    );

    app.get(
      '/api/imports/:id/quarantine',
      {
        config: { permission: PERMISSIONS.importsRun },
        schema: {
          tags: ['imports'],
          summary: 'Rows the import refused, by line, with every problem (field, column, reason); 50 a page; audited',
          params: idParams,
          querystring: quarantineQuery,
          response: { 200: quarantinePageSchema },
        },
      },
      async (request) => svc.imports.quarantine(request.actor, request.params.id, request.query.offset),
    );

    app.get(
      '/api/imports/:id/quarantine.csv',
      {
        config: { permission: PERMISSIONS.importsRun },
        schema: {
          tags: ['imports'],
          summary: "The refused rows as CSV (the file's columns, then line and problems) to put right and import again; audited",
          params: idParams,
        },
      },
      async (request, reply) => {
        const { fileName, csv } = await svc.imports.quarantineCsv(request.actor, request.params.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]+/g, '_')}"`)
          .send(`\ufeff${csv}`);
      },
    );

    app.post(
      '/api/imports/:id/quarantine/:line',
      {
        config: { permission: PERMISSIONS.importsRun },
        schema: {
          tags: ['imports'],
          summary: "Re-submit a refused row put right (its cells, in the file's column order): stored as a report if it now reads, else each problem is named",
          params: quarantinedRowParams,
          body: rowRetryBody,
          response: { 201: rowRetriedSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await svc.imports.fixRow(request.actor, request.params.id, request.params.line, request.body.cells)),
    );

    app.delete(
      '/api/imports/:id/quarantine/:line',
      {
        config: { permission: PERMISSIONS.importsRun },
        schema: { tags: ['imports'], summary: 'Set a refused row aside: its cells are deleted; audited', params: quarantinedRowParams },
      },
      async (request, reply) => {
        await svc.imports.discardRow(request.actor, request.params.id, request.params.line);
        return reply.code(204).send();
      },
    );
  };
}
