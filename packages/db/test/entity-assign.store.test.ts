import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newReport } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import type { Assignment } from '../src/index';

/**
 * The picture builder chooses an entity for a record from what it read, then writes: an analyst's
 * merge committing in between must not strand the record on the merged-away entity (the failover
 * drill found one: "merged away but still holds 2 records").
 */
describe(`records joining an entity a merge is moving, on ${TEST_STORE}`, () => {
  let t: TestStore;
  let phoneRecord: string;
  beforeEach(async () => {
    t = await newTestStore();
    const report = newReport({
      source: 'public',
      language: 'en',
      summary: 'Two phones at the car wash',
      phones: [{ id: randomUUID(), number: '07700 900123' }],
    });
    await t.repos.intake.createReport(report, { actorId: null, actorRole: null, action: 'report.public-submitted', subjectType: 'report' });
    await t.repos.picture.extract(null);
    phoneRecord = (await t.store.db.selectFrom('entity_records').select('id').where('kind', '=', 'phone').executeTakeFirstOrThrow()).id;
  });
  afterEach(async () => t?.close());

  const assignment = (entityId: string): Assignment => ({
    recordId: phoneRecord,
    entityId,
    key: '07700900123',
    resolvedBy: 'key',
    probability: null,
    searchText: '07700900123',
    searchCodes: [],
  });

  async function entities(...labels: string[]): Promise<string[]> {
    const made = labels.map((label) => ({ id: randomUUID(), kind: 'phone' as const, label }));
    await t.repos.picture.createEntities(made);
    return made.map((e) => e.id);
  }

  it('sends a record bound for a merged-away entity on to the one it was merged into, through a chain of merges', async () => {
    const [first, second, last] = await entities('07700 900123', '07700 900123 (2)', '07700 900123 (3)');
    await sql`update entities set merged_into = ${second} where id = ${first}`.execute(t.store.db);
    await sql`update entities set merged_into = ${last} where id = ${second}`.execute(t.store.db);
    await t.repos.picture.transaction(async (picture) => picture.assign([assignment(first!)]));
    const record = await t.store.db.selectFrom('entity_records').select('entity_id').where('id', '=', phoneRecord).executeTakeFirstOrThrow();
    expect(record.entity_id).toBe(last);
    const stranded = await sql<{ n: number }>`
      select count(*)::int as n from entity_records r join entities e on e.id = r.entity_id where e.merged_into is not null`.execute(t.store.db);
    expect(stranded.rows[0]!.n).toBe(0);
  });

  // PGlite has one connection: nothing else can run while the transaction is open.
  it.skipIf(TEST_STORE !== 'postgres')('holds the entities it writes to, so a merge waits until the records are in (and then moves them)', async () => {
    const [target] = await entities('07700 900123');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let assigned!: () => void;
    const inside = new Promise<void>((r) => (assigned = r));
    const writing = t.repos.picture.transaction(async (picture) => {
      await picture.assign([assignment(target!)]);
      assigned();
      await held;
    });
    await inside;
    // A merge takes its entities FOR UPDATE: while the records are being written it cannot.
    await expect(sql`select id from entities where id = ${target} for update nowait`.execute(t.store.db)).rejects.toMatchObject({ code: '55P03' });
    release();
    await writing;
    await sql`select id from entities where id = ${target} for update nowait`.execute(t.store.db);
  });
});
