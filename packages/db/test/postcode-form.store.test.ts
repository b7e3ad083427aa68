import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedPostcode } from '@harbour/core';
import { newReport } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';

const MIGRATION = new URL('../migrations/0028_one_postcode_form.sql', import.meta.url);
const WRITTEN = ['NP201AB', 'np20 1ab', ' NP20  1AB ', 'NP20', 'cf83 1aa', 'SW1A1AA', 'BT9 6AX ', 'not a postcode', '   '];

describe(`the one postcode form on ${TEST_STORE}`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await newTestStore();
  });
  afterAll(async () => t?.close());

  it('puts postcodes stored before it in the form every producer now stores, as core storedPostcode does', async () => {
    for (const [n, postcode] of WRITTEN.entries()) {
      await t.repos.intake.createReport(
        newReport({
          postcode,
          persons: [{ id: randomUUID(), role: 'potential_victim', givenName: 'Ana', familyName: `Pop${n}`, gender: null, nationality: null }],
          addresses: [{ id: randomUUID(), address: `${n} High Street`, postcode, town: null, description: null }],
        }),
        { actorId: null, actorRole: null, action: 'report.imported' },
      );
    }
    // As an older Harbour stored them: exactly as written.
    expect((await t.store.db.selectFrom('reports').select('postcode').execute()).map((r) => r.postcode).sort()).toEqual([...WRITTEN].sort());
    await sql.raw(readFileSync(MIGRATION, 'utf8')).execute(t.store.db);
    const after = (await t.store.db.selectFrom('reports').select('postcode').execute()).map((r) => r.postcode).sort();
    expect(after).toEqual(WRITTEN.map((w) => storedPostcode(w)).sort());
    expect(new Set(after)).toEqual(new Set(['NP20 1AB', 'NP20', 'CF83 1AA', 'SW1A 1AA', 'BT9 6AX', 'NOT A POSTCODE', null]));
    expect((await t.store.db.selectFrom('report_addresses').select('postcode').execute()).map((r) => r.postcode).sort()).toEqual(after);
    // Run again, it changes nothing.
    await sql.raw(readFileSync(MIGRATION, 'utf8')).execute(t.store.db);
    expect((await t.store.db.selectFrom('reports').select('postcode').execute()).map((r) => r.postcode).sort()).toEqual(after);
  });
});
