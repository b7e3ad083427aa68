import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREE_PASSWORD_FAILURES, MOST_PASSWORD_DELAY_SECONDS, passwordRetryDelaySeconds } from './sign-in-guard';

describe('the delay after wrong passwords', () => {
  it('costs nothing for a slip or two, then doubles from a second, up to fifteen minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 14, 100].map(passwordRetryDelaySeconds)).toEqual([0, 0, 1, 2, 4, 8, 900, 900]);
    expect(FREE_PASSWORD_FAILURES).toBe(3);
  });

  it('never shrinks as failures grow, and never passes the cap', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(passwordRetryDelaySeconds(low)).toBeLessThanOrEqual(passwordRetryDelaySeconds(high));
        expect(passwordRetryDelaySeconds(high)).toBeLessThanOrEqual(MOST_PASSWORD_DELAY_SECONDS);
      }),
    );
  });

  it('lets a guesser from one client try at most about a hundred passwords a day', () => {
    let seconds = 0;
    let tries = 0;
    while (seconds < 86_400) seconds += passwordRetryDelaySeconds(++tries);
    expect(tries).toBeLessThan(110);
  });
});
