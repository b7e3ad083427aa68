import { afterAll, describe, expect, it } from 'vitest';
import { crashDrill } from '../../../bench/src/crash/drill';
import { newStoreLocation, TEST_STORE, type StoreLocation } from '../../../test/test-store';

/**
 * The crash drill's short form (`npm run bench -- crash` kills 50 times per store): Harbour in its
 * own process is killed five times in the middle of public reports, referrals, imports, merges
 * and case work; after each kill the store holds every acknowledged write whole, nothing half
 * written, and an audit chain that verifies.
 */
describe(`Harbour killed mid-write on ${TEST_STORE}`, () => {
  let location: StoreLocation | undefined;
  afterAll(async () => location?.drop());

  it('keeps every acknowledged write whole through five kills, and finishes the imports it was given', { timeout: 420_000 }, async () => {
    // Migrated already, as a store is after its first start: the drill is about kills, not migrations.
    location = await newStoreLocation({ migrated: true });
    const result = await crashDrill({
      location,
      kills: 5,
      seed: 5,
      // On a PostgreSQL server a killed worker's import waits out its one-minute lease; the bench waits for it.
      importsDone: TEST_STORE === 'pglite',
    });
    expect(result.lost).toEqual([]);
    expect(result.halfWritten).toEqual([]);
    expect(result.auditBreaks).toEqual([]);
    expect(result.refused).toEqual([]);
    // The stream really was mixed: something of each kind was acknowledged before some kill.
    expect(Object.keys(result.acknowledged).sort()).toEqual(expect.arrayContaining(['case-opened', 'public-report', 'referral']));
    expect(result.auditEntries).toBeGreaterThan(0);
  });
});
