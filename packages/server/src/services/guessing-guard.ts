import { PASSWORD_FAILURES_FORGOTTEN_AFTER_HOURS } from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { sha256 } from '../auth/tokens';

/** One thing a guesser is held back on, and how the wait grows with its failures (core sign-in-guard). */
export interface GuardedKey {
  readonly key: string;
  readonly delaySeconds: (failures: number) => number;
}

/**
 * Slows guessing by delay, kept in the store (`sign_in_throttle`) so it holds across processes:
 * passwords per email and client, follow-up passphrases per reference and client and per
 * reference. Keys are hashes of their parts: no email, reference or address is stored.
 */
export class GuessingGuard {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  /** The stored key for these parts (an email as typed and a client address, say). */
  key(...parts: string[]): string {
    return sha256(parts.join('\n'));
  }

  /** Seconds before any of these keys may be tried again; 0 when all may be tried now. */
  async wait(keys: readonly GuardedKey[]): Promise<number> {
    const now = this.now();
    let until = now.getTime();
    for (const { key } of keys) until = Math.max(until, (await this.repos.signInThrottle.retryAfter(key, now))?.getTime() ?? until);
    return Math.ceil((until - now.getTime()) / 1000);
  }

  /** A wrong guess: each key's count goes up and its wait grows. Returns the first key's count. */
  async failed(keys: readonly GuardedKey[]): Promise<number> {
    const counts: number[] = [];
    for (const { key, delaySeconds } of keys)
      counts.push(await this.repos.signInThrottle.fail(key, this.now(), PASSWORD_FAILURES_FORGOTTEN_AFTER_HOURS, delaySeconds));
    return counts[0] ?? 0;
  }

  /** Forgets the keys left quiet for a day; their next failure counts from one anyway. */
  async prune(): Promise<number> {
    return this.repos.signInThrottle.prune(new Date(this.now().getTime() - PASSWORD_FAILURES_FORGOTTEN_AFTER_HOURS * 3_600_000));
  }

  /** A right answer: this key starts afresh. */
  async passed(key: GuardedKey): Promise<void> {
    await this.repos.signInThrottle.clear(key.key);
  }
}
