import { FORMAT_REASONS, HarbourError, type ErrorReason, type FieldProblem, type FieldReason } from '@harbour/core';
import { isStoreUnavailable } from '@harbour/db';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** Field problems listed in one answer; more are counted in a last line. */
const MOST_FIELDS_LISTED = 100;

/** The one JSON error shape (DESIGN §7). */
export interface ErrorBody {
  error: { code: string; reason?: ErrorReason; values?: Readonly<Record<string, number>>; message: string; fields: FieldProblem[] };
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fields: readonly FieldProblem[] = [],
  why: { reason?: ErrorReason | undefined; values?: Readonly<Record<string, number>> | undefined } = {},
) {
  const body: ErrorBody = {
    error: { code, ...(why.reason ? { reason: why.reason } : {}), ...(why.values ? { values: why.values } : {}), message, fields: [...fields] },
  };
  return reply.status(status).type('application/json').send(body);
}

/** Maps every failure to the error shape; details of unexpected failures stay in the log. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HarbourError)
      return sendError(reply, error.status, error.code, error.message, error.fields, { reason: error.reason, values: error.values });
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      // A file of a hundred thousand cases each wrong would list a hundred thousand problems: the
      // first hundred say what is wrong, and the rest are counted.
      const fields: FieldProblem[] = error.validation.slice(0, MOST_FIELDS_LISTED).map((v) => ({
        path: [where === 'body' ? '' : where, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.') || where,
        message: v.message ?? 'is not valid',
        ...reasonFor(v.keyword, v.params, v.message),
      }));
      const more = error.validation.length - fields.length;
      if (more > 0) fields.push({ path: where, message: `… and ${more} more problems like these`, reason: 'invalid' });
      return sendError(reply, 400, 'invalid', 'Some of what was sent is not valid', fields);
    }
    // The database is down or changing over to its standby: nothing was kept; try again shortly.
    if (isStoreUnavailable(error)) {
      request.log.warn({ err: { type: error.name, code: error.code } }, 'store unavailable');
      void reply.header('retry-after', '5');
      return sendError(reply, 503, 'store_unavailable', 'Harbour cannot reach its database just now; nothing was saved. Try again in a moment.');
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, 413, 'too_large', 'What was sent is too large');
    if (status === 415) return sendError(reply, 415, 'unsupported_media_type', 'Send JSON (Content-Type: application/json)');
    if (status === 429) return sendError(reply, 429, 'too_many_requests', 'Too many attempts; wait a minute and try again');
    if (status >= 400 && status < 500)
      return sendError(
        reply,
        status,
        'bad_request',
        'The request could not be read',
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? [{ path: 'body', message: 'is not valid JSON' }] : [],
      );
    request.log.error({ err: { type: error.name, code: error.code, message: error.message, stack: error.stack } }, 'request failed');
    return sendError(reply, 500, 'internal', 'Something went wrong on our side; it has been logged');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}`));
}

/** A zod issue as a reason code and limit, so a client can say what is wrong in the user's language. */
export function reasonFor(code: string, params: Record<string, unknown>, message = ''): { reason: FieldReason; limit?: number } {
  const origin = params['origin'];
  const bound = (key: 'maximum' | 'minimum') => {
    const value = params[key];
    return typeof value === 'number' || typeof value === 'bigint' ? { limit: Number(value) } : {};
  };
  if (code === 'too_big') {
    if (origin === 'string') return { reason: 'too_long', ...bound('maximum') };
    if (origin === 'array' || origin === 'set') return { reason: 'too_many', ...bound('maximum') };
    return { reason: 'too_big', ...bound('maximum') };
  }
  if (code === 'too_small') {
    if (origin === 'string') return params['minimum'] === 1 ? { reason: 'required' } : { reason: 'too_short', ...bound('minimum') };
    if (origin === 'array' || origin === 'set') return { reason: 'too_few', ...bound('minimum') };
    return { reason: 'too_small', ...bound('minimum') };
  }
  if (code === 'invalid_type' && /received undefined/.test(message)) return { reason: 'required' };
  if (code === 'invalid_format' && (params['format'] === 'email' || params['format'] === 'date')) return { reason: params['format'] };
  // A refinement names the shape it checks: .refine(ok, { message, params: { reason: 'postcode' } }),
  // or that an answer is needed when the rule for needing it is more than one box's.
  const named = (params['params'] as { reason?: unknown } | undefined)?.reason;
  if (code === 'custom' && (isFormatReason(named) || named === 'required')) return { reason: named };
  return { reason: 'invalid' };
}

function isFormatReason(value: unknown): value is (typeof FORMAT_REASONS)[number] {
  return (FORMAT_REASONS as readonly unknown[]).includes(value);
}
