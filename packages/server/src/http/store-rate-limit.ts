import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RouteOptions } from 'fastify';
import type { RequestLimits } from '../services/request-limits';

type Done = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * @fastify/rate-limit's store, backed by the database (RequestLimits) instead of each process's
 * memory. The plugin makes one per limited route (`child`), naming the route in its keys.
 */
export function storeRateLimit(limits: RequestLimits): FastifyRateLimitStoreCtor {
  class StoreRateLimit implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly route = '',
    ) {}

    incr(key: string, done: Done, timeWindow: number): void {
      limits.hit(this.route, key, timeWindow).then((r) => done(null, r), done);
    }

    read(key: string, done: Done): void {
      limits.read(this.route, key).then((r) => done(null, r), done);
    }

    child(routeOptions: RouteOptions & { path: string; prefix: string; routeInfo?: { method?: string | string[]; url?: string } }): FastifyRateLimitStore {
      const method = [routeOptions.routeInfo?.method ?? routeOptions.method].flat().join(',');
      return new StoreRateLimit(routeOptions, `${method} ${routeOptions.routeInfo?.url ?? routeOptions.url}`);
    }
  }
  return StoreRateLimit;
}
