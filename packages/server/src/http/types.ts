import type { Actor, Permission } from '@harbour/core';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route needs; every route must declare one. */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export const SESSION_COOKIE = 'harbour_session';

/**
 * The session cookie's name: over HTTPS (production) with the __Host- prefix, which the browser
 * accepts only as Secure, for the whole site and this host alone (no Domain): no sibling host or
 * plain-HTTP page can set or overwrite it.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}
export const CSRF_HEADER = 'x-csrf-token';
