import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GWENT } from '@harbour/core';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harbour } from '../../../test/cli';
import { newStoreLocation, newTestStore, openAt, TEST_STORE, type StoreLocation, type TestStore } from '../../../test/test-store';
import { BACKUP_TABLES, DERIVED_TABLES, seedDatabase, TRANSIENT_TABLES, verifyBackup, type DB } from '../src/index';

/** A digest of every row of every backed-up table, in a stable order. */
async function fingerprint(db: Kysely<DB>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<{ digest: string | null; n: number }>`
      select md5(string_agg(t::text, '|' order by t::text)) as digest, count(*)::int as n from ${sql.table(table)} t`.execute(db);
    out[table] = `${rows[0]!.n}:${rows[0]!.digest}`;
  }
  return out;
}

describe(`backup and restore on ${TEST_STORE}`, () => {
  let source: TestStore;
  let target: StoreLocation;
  let expected: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'harbour-backup-'));
  const file = join(dir, 'harbour.backup.gz');

  beforeAll(async () => {
    source = await newTestStore();
    await source.repos.agencies.create({ id: '00000000-0000-4000-8000-000000000001', name: 'Gwent Police', kind: 'police' });
    await seedDatabase(source.repos, { reports: 250, seed: 'backup', area: GWENT, until: new Date('2026-06-01T00:00:00Z') });
    for (let i = 0; i < 5; i++)
      await source.repos.audit.append({ actorId: null, actorRole: null, action: 'store.seeded', details: { i, nested: { b: [1, 2], a: 'x' } } });
    await importedSpreadsheet(source);
    await source.store.close();
    target = await newStoreLocation();
  });
  afterAll(async () => {
    await source?.close();
    await target?.drop();
  });

  it('backs up every table of the schema but the transient ones (a table added without its backup would be lost in a restore)', async () => {
    const store = await openAt(source.location);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(store.db);
    await store.close();
    const left = new Set<string>(['schema_migrations', ...TRANSIENT_TABLES, ...DERIVED_TABLES]);
    expect(
      tables.rows
        .map((t) => t.table_name)
        .filter((t) => !left.has(t))
        .sort(),
    ).toEqual([...BACKUP_TABLES].sort());
  });

  // Three command-line runs (each loads Harbour and, on PGlite, compiles its WebAssembly): about
  // 30 s alone, twice that beside a heavy file in the other worker.
  it('round-trips every row through `harbour backup` and `harbour restore`, keeping the audit chain intact', { timeout: 180_000 }, async () => {
    const backup = harbour(source.location, ['backup', file]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/250 reports/);
    expect(existsSync(file)).toBe(true);

    const src = await openAt(source.location);
    expected = await fingerprint(src.db);
    await src.close();

    const restore = harbour(target, ['restore', file]);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);

    const restored = await openAt(target);
    const actual = await fingerprint(restored.db);
    await restored.close();
    // The restore adds its own audit entry after the restored ones; compare everything else exactly.
    const { audit_log: _a, ...rest } = actual;
    const { audit_log: _b, ...restExpected } = expected;
    expect(rest).toEqual(restExpected);
    expect(Number(actual.audit_log!.split(':')[0])).toBe(Number(expected.audit_log!.split(':')[0]) + 1);

    expect(restore.stdout).toMatch(/checked: every table holds the rows the backup counts; the audit chain of \d+ entries verifies/);
    const verify = harbour(target, ['audit', 'verify']);
    expect(verify.status).toBe(0);
  });

  it('verifies a backup without a store: every line, every count and the audit chain; names what is wrong with a damaged one', async () => {
    const good = harbour(target, ['backup', 'verify', file]);
    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(/a whole backup of .*250 reports/);
    expect(good.stdout).toMatch(/the audit chain of \d+ entries verifies/);

    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    // The command line once (above); the damaged files through the function it calls.
    const damaged = async (name: string, edited: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, gzipSync(edited.join('\n') + '\n'));
      return verifyBackup(path).then(
        () => ({ stderr: '' }),
        (error: Error) => ({ stderr: error.message }),
      );
    };
    // Cut short: the last line, which counts the rows, is missing.
    expect((await damaged('cut.gz', lines.slice(0, -1))).stderr).toMatch(/cut short: it ends at line \d+ without its last line/);
    // A report taken out: the counts no longer agree.
    const report = lines.findIndex((l) => l.startsWith('{"t":"reports"'));
    // What PostgreSQL computes (a report's search words) is not carried: the restore computes it
    // again, and the round trip above finds it the same.
    expect(Object.keys((JSON.parse(lines[report]!) as { r: object }).r)).not.toContain('summary_words');
    expect(Object.keys((JSON.parse(lines[report]!) as { r: object }).r)).toContain('summary');
    expect((await damaged('less.gz', lines.toSpliced(report, 1))).stderr).toMatch(/table reports: the backup says 250 rows but holds 249/);
    // An audit entry altered: the chain says where.
    const entry = lines.findIndex((l) => l.startsWith('{"t":"audit_log"') && l.includes('store.seeded'));
    const altered = lines.with(entry, lines[entry]!.replace('"store.seeded"', '"store.restored"'));
    expect((await damaged('altered.gz', altered)).stderr).toMatch(/audit log in the backup is broken at entry \d+: its contents do not match its hash/);
    // Bytes cut from the compressed file itself.
    const bytes = readFileSync(file);
    writeFileSync(join(dir, 'torn.gz'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(verifyBackup(join(dir, 'torn.gz'))).rejects.toThrow(/damaged or cut short/);
  });

  it('refuses to restore over data, and says why', async () => {
    const again = harbour(target, ['restore', file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^harbour: cannot restore: table \w+ already has data/);
  });

  it('refuses a file that is not a backup', async () => {
    const bogus = harbour(target, ['restore', join(dir, 'missing.gz')]);
    expect(bogus.status).toBe(1);
    expect(bogus.stderr).toMatch(/does not exist/);
  });

  it('refuses to overwrite an existing backup file without --force', () => {
    const again = harbour(source.location, ['backup', file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
  });

  it('leaves an empty store empty when a restore fails part-way', async () => {
    const empty = await newStoreLocation({ migrated: true });
    const store = await openAt(empty);
    // A damaged file: valid header, then a line that is not JSON.
    const damaged = join(dir, 'damaged.gz');
    const header = JSON.stringify({ format: 'harbour-backup', version: 2, createdAt: new Date().toISOString(), migrations: [] });
    writeFileSync(
      damaged,
      gzipSync(
        `${header}\n${JSON.stringify({ t: 'agencies', r: { id: '00000000-0000-4000-8000-000000000002', name: 'X', kind: 'police', created_at: new Date().toISOString() } })}\n{not json\n`,
      ),
    );
    await store.close();
    const result = harbour(empty, ['restore', damaged]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/damaged at line 3/);
    const check = await openAt(empty);
    const agencies = await check.db.selectFrom('agencies').selectAll().execute();
    await check.close();
    await empty.drop();
    expect(agencies).toEqual([]);
  });
});

/** A spreadsheet import with its remembered mapping, a quarantined row and a ledger key (text arrays and JSON). */
async function importedSpreadsheet(t: TestStore): Promise<void> {
  const agency = '00000000-0000-4000-8000-000000000001';
  const user = await t.repos.users.create({
    id: randomUUID(),
    agency_id: agency,
    email: 'partner@example.org',
    display_name: 'A partner',
    role: 'partner',
    password_hash: 'x',
  });
  const id = randomUUID();
  const audit = { actorId: user.id, actorRole: 'partner', action: 'import.uploaded' as const, subjectType: 'import', subjectId: id };
  await t.repos.imports.saveMapping(agency, user.id, { Date: 'received', 'Our "ref"': 'reference', Flag: null }, 'dmy', 'partner');
  await t.repos.imports.create(
    {
      id,
      agencyId: agency,
      createdBy: user.id,
      fileName: 'register.csv',
      encoding: 'windows-1252',
      delimiter: ';',
      header: ['Our "ref"', 'Date', 'Flag'],
      body: 'x',
      rowsTotal: 2,
    },
    audit,
  );
  await t.repos.imports.start(id, { columns: ['reference', 'received', null], dateOrder: 'dmy', source: 'partner' }, new Date(), audit);
  await t.repos.imports.storeBatch(id, agency, 1, {
    reports: [],
    quarantined: [
      { line: 2, cells: ['R-1', '31/02/2026', 'Zoë, "quoted"'], problems: [{ field: 'received', column: 'Date', reason: '"31/02/2026" is not a day' }] },
    ],
    empty: 0,
    rows: 1,
    lastLine: 2,
  });
  const report = await t.store.db.selectFrom('reports').select('id').limit(1).executeTakeFirstOrThrow();
  await t.store.db.insertInto('imported_rows').values({ agency_id: agency, row_key: 'ref:abc', report_id: report.id, import_id: id, line: 3 }).execute();
}
