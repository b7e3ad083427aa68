import { can, type Permission } from '@harbour/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sameSecret } from '../auth/tokens';
import type { Services } from '../services/index';
import { sendError } from './error-handler';
import { CSRF_HEADER, sessionCookieName } from './types';

export const API_DOCS_PREFIX = '/api/docs';

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly permission: Permission;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route must say which permission it needs, or Harbour will not start. Before any route
 * runs, the session is resolved, the permission checked on the server, and state-changing
 * requests checked for cross-site forgery (same origin, and the session's CSRF token).
 */
export function installAccessControl(app: FastifyInstance, svc: Services, registered: RegisteredRoute[], secureCookies: boolean, docsPublic: boolean): void {
  const cookieName = sessionCookieName(secureCookies);
  // Declared up front (null) so every request object has the same shape; set in onRequest below.
  app.decorateRequest('actor', null as never);

  app.addHook('onRoute', (route) => {
    // The API browser's own pages and files: open while developing, signed-in staff in production.
    if (route.url.startsWith(API_DOCS_PREFIX)) route.config = { ...route.config, permission: docsPublic ? 'public' : 'self' };
    const permission = route.config?.permission;
    if (!permission) throw new Error(`route ${String(route.method)} ${route.url} declares no permission: add config.permission`);
    for (const method of [route.method].flat()) registered.push({ method: String(method), url: route.url, permission });
  });

  // A signed-in account refused anything is audited: its role, its second factor, its anti-forgery
  // token, or a service's own rule. Strangers' refusals are not (they would flood the record).
  app.addHook('onSend', async (request, reply, payload) => {
    const status = reply.statusCode;
    if ((status !== 401 && status !== 403) || request.actor?.kind !== 'user' || !request.routeOptions.url) return payload;
    const code = typeof payload === 'string' ? (/"code":"([a-z_]+)"/.exec(payload)?.[1] ?? 'refused') : 'refused';
    await svc.audit.refused(request.actor, { method: request.method, pattern: request.routeOptions.url }, code).catch(() => undefined);
    return payload;
  });

  app.addHook('onRequest', async (request, reply) => {
    const { actor, csrfToken } = await svc.auth.resolve(request.cookies[cookieName]);
    request.actor = actor;
    const permission = request.routeOptions.config?.permission;
    if (!permission) return; // no route matched: the not-found handler answers

    if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
      return sendError(reply, 403, 'cross_site', 'Cross-site requests are refused');
    }
    if (!can(request.actor, permission)) {
      if (request.actor.kind === 'anonymous') return sendError(reply, 401, 'unauthenticated', 'Sign in first');
      if (request.actor.stage !== 'complete') return sendError(reply, 401, 'second_factor_required', 'Finish signing in with your second factor first');
      return sendError(reply, 403, 'not_permitted', 'Your role does not allow this');
    }
    if (!SAFE_METHODS.has(request.method) && request.actor.kind === 'user') {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !csrfToken || !sameSecret(sent, csrfToken)) {
        return sendError(reply, 403, 'csrf', 'The request is missing its anti-forgery token; reload the page and try again');
      }
    }
  });
}

/** A browser names the page's origin on cross-site requests; it must be this host. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
