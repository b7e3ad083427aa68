import type { Repositories } from '@harbour/db';
import { sha256 } from '../auth/tokens';

/**
 * Per-client request limits kept in the store, so "ten a minute" means ten across every Harbour
 * process on one PostgreSQL rather than ten on each. Addresses are hashed before they are stored.
 */
export class RequestLimits {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Counts a request from `client` to `route`: how many in the window so far, and ms until it ends. */
  async hit(route: string, client: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    const now = this.now();
    const { hits, windowEnds } = await this.repos.requestLimits.hit(keyOf(route, client), now, windowMs);
    return { current: hits, ttl: Math.max(0, windowEnds.getTime() - now.getTime()) };
  }

  /** The count so far without counting. */
  async read(route: string, client: string): Promise<{ current: number; ttl: number }> {
    const now = this.now();
    const found = await this.repos.requestLimits.peek(keyOf(route, client), now);
    return found ? { current: found.hits, ttl: found.windowEnds.getTime() - now.getTime() } : { current: 0, ttl: 0 };
  }

  /** Forgets ended windows. */
  prune(): Promise<number> {
    return this.repos.requestLimits.prune(this.now());
  }
}

function keyOf(route: string, client: string): string {
  return sha256(`${route}\n${client}`);
}
