import { caseSchema, documentParams, documentUploadHeaders, idParams, removeDocumentBody } from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendError } from '../http/error-handler';
import type { Services } from '../services/index';

/** Uploads travel as the file itself; the type Harbour keeps is decided from the bytes, not this header. */
const UPLOAD_TYPE = 'application/octet-stream';

/**
 * A case's documents. A download is always an attachment, typed as what the bytes were found to
 * be, never sniffed and sandboxed besides: a document can never run as a page of Harbour.
 */
export function caseDocumentRoutes(svc: Services): FastifyPluginAsyncZod {
  // Room over the limit so a file just too large reaches the domain's check and its specific refusal.
  const bodyLimit = svc.documentSettings.maxBytes + 1024 * 1024;
  return async (app) => {
    app.addContentTypeParser(UPLOAD_TYPE, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
    const tags = ['cases'];

    app.post(
      '/api/cases/:id/documents',
      {
        config: { permission: PERMISSIONS.casesWork },
        bodyLimit,
        schema: {
          tags,
          summary: 'Keep a document on the case (PDF, Word, Excel, OpenDocument, JPEG, PNG or plain text), sent as the file itself',
          params: idParams,
          headers: documentUploadHeaders,
          response: { 201: caseSchema },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) return sendError(reply, 415, 'unsupported_media_type', `Send the file itself as ${UPLOAD_TYPE}`);
        const view = await svc.cases.addDocument(request.actor, request.params.id, {
          fileName: request.headers['x-file-name'],
          description: request.headers['x-description'],
          bytes: request.body,
        });
        return reply.status(201).send(view);
      },
    );

    app.get(
      '/api/cases/:id/documents/:documentId',
      {
        config: { permission: PERMISSIONS.casesRead },
        schema: { tags, summary: 'Download a document of the case (audited); always as an attachment', params: documentParams },
      },
      async (request, reply) => {
        const file = await svc.cases.document(request.actor, request.params.id, request.params.documentId);
        return reply
          .header('content-disposition', `attachment; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'no-store')
          .type(file.contentType)
          .send(file.bytes);
      },
    );

    app.post(
      '/api/cases/:id/documents/:documentId/remove',
      {
        config: { permission: PERMISSIONS.casesWork },
        schema: {
          tags,
          summary: 'Take a document off the case, with the reason (its file is deleted)',
          params: documentParams,
          body: removeDocumentBody,
          response: { 200: caseSchema },
        },
      },
      async (request) => svc.cases.removeDocument(request.actor, request.params.id, request.params.documentId, request.body.reason),
    );
  };
}

/** The name for clients that read only the plain `filename`: ASCII, without quotes or backslashes. */
function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
