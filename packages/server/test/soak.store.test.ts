import { describe, expect, it } from 'vitest';
import { soak } from '../../../bench/src/soak/soak';
import { SOAK_KINDS } from '../../../bench/src/soak/traffic';
import { newStoreLocation, TEST_STORE } from '../../../test/test-store';

/**
 * The soak's short form (`npm run bench -- soak` runs 30 minutes, then 30 at twice the rate): two
 * Harbour processes on one PostgreSQL database, every kind of traffic spread across both, for
 * 12 seconds. PostgreSQL only: a PGlite folder is held by one process.
 */
describe.skipIf(TEST_STORE !== 'postgres')('two Harbour processes on one database under mixed traffic', () => {
  it('answers every request of every kind, sheds none, and loses nothing acknowledged', { timeout: 240_000 }, async () => {
    const location = await newStoreLocation({ migrated: true });
    try {
      const result = await soak({ location, phases: [{ rate: 1, ms: 12_000 }], demoReports: 20, seed: 5 });
      const [phase] = result.phases;
      expect(result.refused).toEqual([]);
      expect(phase!.failures).toEqual({});
      expect(phase!.shed).toBe(0);
      // Every kind was sent and answered; the import's rows were all stored (its lag measured).
      for (const kind of SOAK_KINDS) expect(phase!.byKind[kind].n, kind).toBeGreaterThan(0);
      expect(phase!.importLagMs.max).toBeGreaterThanOrEqual(0);
      expect(result.lost).toEqual([]);
      expect(result.halfWritten).toEqual([]);
      expect(result.auditBreaks).toEqual([]);
      // Both processes were measured all along.
      expect(phase!.rssLastMb.every((mb) => mb > 0)).toBe(true);
      expect(phase!.rssLastMb).toHaveLength(2);
    } finally {
      await location.drop();
    }
  });
});
