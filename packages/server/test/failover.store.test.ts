import { describe, expect, it } from 'vitest';
import { failoverDrill } from '../../../bench/src/failover/drill';
import { TEST_STORE } from '../../../test/test-store';

/**
 * The failover drill's short form (`npm run bench -- failover` kills ten primaries): Harbour given
 * a primary and its synchronous standby in DATABASE_URL, the primary killed mid-stream and the
 * standby promoted. A PostgreSQL server's test only: PGlite is one process with no standby.
 */
describe.skipIf(TEST_STORE !== 'postgres')('Harbour losing its PostgreSQL primary', () => {
  it('refuses while no server takes writes, carries on on the promoted standby, and loses nothing acknowledged', { timeout: 300_000 }, async () => {
    const result = await failoverDrill({ rounds: 1, seed: 7, promoteAfterMs: 1_000 });
    expect(result.lost).toEqual([]);
    expect(result.halfWritten).toEqual([]);
    expect(result.auditBreaks).toEqual([]);
    // While the primary is dead every request is refused as unavailable, never failed some other way.
    expect(result.refusedOther).toEqual([]);
    expect(Object.keys(result.probeAnswers).sort()).toEqual(['200', '503']);
    expect(result.acknowledged).toBeGreaterThan(0);
    expect(result.recoveryMs[0]).toBeGreaterThanOrEqual(1_000);
  });
});
