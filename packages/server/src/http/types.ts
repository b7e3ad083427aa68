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
export const CSRF_HEADER = 'x-csrf-token';
