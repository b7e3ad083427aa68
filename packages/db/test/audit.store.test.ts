import { AUDIT_ACTIONS } from '@harbour/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditChainVerifier } from '@harbour/core';
import { harbour } from '../../../test/cli';
import { newTestStore, openAt, TEST_STORE, type TestStore } from '../../../test/test-store';
import { repositories } from '../src/index';

async function verify(t: TestStore) {
  const verifier = new AuditChainVerifier();
  for await (const entry of t.repos.audit.walk(3)) {
    const problem = verifier.push(entry);
    if (problem) return problem;
  }
  return null;
}

/** Tampering as someone with direct database access would: around the append-only trigger. */
async function tamper(t: TestStore, statement: string) {
  await sql
    .raw(`alter table audit_log disable trigger audit_log_no_update; ${statement}; alter table audit_log enable trigger audit_log_no_update;`)
    .execute(t.store.db);
}

describe(`audit log on ${TEST_STORE}`, () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await newTestStore();
    for (let i = 1; i <= 8; i++) {
      await t.repos.audit.append({
        actorId: null,
        actorRole: 'admin',
        action: AUDIT_ACTIONS[i]!,
        subjectType: 'report',
        subjectId: `r${i}`,
        details: { i, note: 'ünïcode ✓' },
      });
    }
  });
  afterEach(async () => t?.close());

  it('chains every entry to the one before', async () => {
    expect(await verify(t)).toBeNull();
    const entries = await t.repos.audit.list({ limit: 100 });
    expect(entries.map((e) => e.seq)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('refuses updates, deletes and truncation through ordinary SQL', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(t.store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(t.store.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.store.db)).rejects.toThrow(/append-only/);
  });

  it('names the first altered entry', async () => {
    await tamper(t, `update audit_log set details = '{"i": 99}' where seq = 5`);
    expect(await verify(t)).toMatchObject({ seq: 5, problem: 'altered' });
  });

  it('names the entry after a removed one', async () => {
    await tamper(t, 'delete from audit_log where seq = 3');
    expect(await verify(t)).toMatchObject({ seq: 4, problem: 'broken-link' });
  });

  it('detects reordered entries', async () => {
    await tamper(t, 'update audit_log set seq = 100 where seq = 6; update audit_log set seq = 6 where seq = 7; update audit_log set seq = 7 where seq = 100');
    expect(await verify(t)).toMatchObject({ seq: 6 });
  });

  it('serialises concurrent appends into one unbroken chain', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.repos.audit.append({ actorId: null, actorRole: null, action: AUDIT_ACTIONS[i]! })));
    expect(await verify(t)).toBeNull();
    expect((await t.repos.audit.list({ limit: 200 })).length).toBe(28);
  });

  it('`harbour audit verify` passes an intact log and fails, naming the entry, on a tampered one', async () => {
    await t.store.close(); // PGlite allows one process at a time
    const ok = harbour(t.location, ['audit', 'verify']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/intact: 8 entries/);

    const store = await openAt(t.location);
    const tampered: TestStore = { ...t, store, repos: repositories(store.db) };
    await tamper(tampered, "update audit_log set action = 'nothing.to.see' where seq = 2");
    await store.close();
    const bad = harbour(t.location, ['audit', 'verify']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'harbour: audit log broken at entry 2: its contents do not match its hash (the entry was altered) (1 entries before it are intact)',
    );
  });

  it('`harbour audit anchor` keeps the head elsewhere, and `audit verify --anchor` then finds a removed tail', async () => {
    const key = randomBytes(32).toString('base64url');
    const env = { HARBOUR_SECRET_KEY: key };
    const dir = mkdtempSync(join(tmpdir(), 'harbour-anchor-'));
    const file = join(dir, 'anchor.json');
    await t.store.close();
    const made = harbour(t.location, ['audit', 'anchor', '--out', file], undefined, env);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/^anchored entry 8; keep .* outside this server/);
    const anchor = JSON.parse(readFileSync(file, 'utf8')) as { seq: number; hash: string; signature: string };
    expect(anchor).toMatchObject({ kind: 'harbour-audit-anchor', version: 1, seq: 8 });
    expect(harbour(t.location, ['audit', 'verify', '--anchor', file], undefined, env).stdout).toMatch(
      /intact: 9 entries verified; it holds entry 8 as anchored/,
    );

    // Whoever can write to the database removes the last entries (and the anchoring's own): the chain left still verifies…
    const store = await openAt(t.location);
    await tamper({ ...t, store, repos: repositories(store.db) }, 'delete from audit_log where seq >= 6');
    await store.close();
    expect(harbour(t.location, ['audit', 'verify'], undefined, env).status).toBe(0);
    // …but not against the anchor.
    const caught = harbour(t.location, ['audit', 'verify', '--anchor', file], undefined, env);
    expect(caught.status).toBe(1);
    expect(caught.stderr.trim()).toMatch(
      /^harbour: audit log does not hold what the anchor saw: the log ends at entry 5, but on .* it reached entry 8: entries 6 to 8 were removed$/,
    );

    // Edited anchors and other keys: audit-anchor-file.test.ts.
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
