import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditChainVerifier } from '@harbour/core';
import { newReport } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import type { NewReport } from '../src/index';

function report(n: number, referenceCode = `CODE${n}`): NewReport {
  return newReport({
    source: 'public',
    language: 'cy',
    summary: `Report ${n}`,
    persons: [{ id: randomUUID(), role: 'potential_victim', givenName: 'Ardit', familyName: `Hoxha${n}`, gender: null, nationality: 'Albanian' }],
    phones: [{ id: randomUUID(), number: `07700 900${String(n).padStart(3, '0')}` }],
    vehicles: [{ id: randomUUID(), registration: `CU${n} ABC`, make: null, colour: null }],
    followUp: { referenceCode, passphraseHash: `hash${n}` },
  });
}

const event = { actorId: null, actorRole: null, action: 'report.public-submitted' as const, subjectType: 'report' };

async function count(t: TestStore, table: 'reports' | 'report_persons' | 'report_phones' | 'report_vehicles' | 'report_follow_up' | 'audit_log') {
  return Number(
    (
      await t.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

describe(`concurrent report writes on ${TEST_STORE}`, () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await newTestStore();
  });
  afterEach(async () => t?.close());

  it('stores every acknowledged report with all it mentions, one audit entry each, chain intact', async () => {
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => t.repos.intake.createReport(report(i), event)));
    expect(new Set(results.map((r) => r.reference)).size).toBe(60);
    expect(await count(t, 'reports')).toBe(60);
    expect(await count(t, 'report_persons')).toBe(60);
    expect(await count(t, 'report_phones')).toBe(60);
    expect(await count(t, 'report_vehicles')).toBe(60);
    expect(await count(t, 'report_follow_up')).toBe(60);
    expect(await count(t, 'audit_log')).toBe(60);
    const verifier = new AuditChainVerifier();
    const references = new Set<string>();
    for await (const entry of t.repos.audit.walk(7)) {
      expect(verifier.push(entry)).toBeNull();
      references.add(String(entry.details['reference']));
    }
    expect(references).toEqual(new Set(results.map((r) => r.reference)));
  });

  it('refuses only the write that breaks a constraint; the others sharing its moment are stored whole', async () => {
    await t.repos.intake.createReport(report(0, 'TAKEN'), event);
    const settled = await Promise.allSettled([
      t.repos.intake.createReport(report(1), event),
      t.repos.intake.createReport(report(2), event),
      t.repos.intake.createReport(report(3, 'TAKEN'), event), // reference code already in use
      t.repos.intake.createReport(report(4), event),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await count(t, 'reports')).toBe(4);
    expect(await count(t, 'report_persons')).toBe(4);
    expect(await count(t, 'audit_log')).toBe(4);
    const summaries = (await t.store.db.selectFrom('reports').select('summary').execute()).map((r) => r.summary).sort();
    expect(summaries).toEqual(['Report 0', 'Report 1', 'Report 2', 'Report 4']);
  });
});
