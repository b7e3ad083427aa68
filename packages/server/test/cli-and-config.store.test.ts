import { sql } from 'kysely';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harbour } from '../../../test/cli';
import { newStoreLocation, openAt, TEST_STORE, type StoreLocation } from '../../../test/test-store';
import { loadConfig, ConfigError, newSecretKey } from '../src/index';
import { openStore } from '@harbour/db';
import { generateSeed, GWENT } from '@harbour/core';

describe(`command line on ${TEST_STORE}`, () => {
  let location: StoreLocation;
  beforeAll(async () => {
    location = await newStoreLocation();
  });
  afterAll(async () => location?.drop());

  it('migrates, seeds deterministically, adds a user and refuses bad input with one line and exit 1', async () => {
    const migrate = harbour(location, ['migrate']);
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toMatch(/applied 0001_foundation\.sql/);
    expect(harbour(location, ['migrate']).stdout).toMatch(/up to date/);

    const seed = harbour(location, ['seed', '--reports', '120', '--seed', '42', '--until', '2026-10-01']);
    expect(seed.stderr.split('\n').filter((l) => l && !l.includes('seeding:') && !l.startsWith('picture: '))).toEqual([]);
    expect(seed.status).toBe(0);
    expect(seed.stdout).toMatch(/^seeded 120 reports and \d+ planted networks/);
    expect(seed.stdout).toMatch(/built the picture: \d+ records into \d+ entities/);
    expect(harbour(location, ['seed', '--reports', '5']).stderr).toMatch(/has 120 reports already/);

    const badRole = harbour(location, ['user', 'add', '--email', 'x@y.example', '--name', 'X', '--role', 'boss', '--agency', 'Gwent Police']);
    expect(badRole.status).toBe(1);
    expect(badRole.stderr.trim()).toBe('harbour: --role must be one of admin, supervisor, investigator, researcher, analyst, officer, partner, partner_admin');

    const add = harbour(
      location,
      [
        'user',
        'add',
        '--email',
        'dc.new@gwent.police.example',
        '--name',
        'DC New',
        '--role',
        'investigator',
        '--agency',
        'Gwent Police',
        '--agency-kind',
        'police',
        '--password-stdin',
      ],
      'correct horse battery staple\n',
    );
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/added investigator dc.new@gwent.police.example at Gwent Police/);
    const short = harbour(
      location,
      ['user', 'add', '--email', 'b@gwent.police.example', '--name', 'B', '--role', 'officer', '--agency', 'Gwent Police', '--password-stdin'],
      'short\n',
    );
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password: Use at least 12 characters/);
    const disable = harbour(location, ['user', 'disable', 'DC.New@gwent.police.example']);
    expect(disable.stdout).toMatch(/^dc.new@gwent.police.example is disabled; its sessions have ended/);
    expect(harbour(location, ['user', 'enable', 'nobody@gwent.police.example']).stderr.trim()).toBe('harbour: no account nobody@gwent.police.example');

    const store = await openAt(location);
    const reports = await store.db.selectFrom('reports').select('reference').orderBy('reference').limit(2).execute();
    const first = await store.db.selectFrom('report_persons').select(['given_name', 'family_name', 'dob']).orderBy('id').limit(5).execute();
    await store.close();
    // The same seed gives the same data as the generator does in-process.
    const generated = [...generateSeed({ reports: 120, seed: 42, area: GWENT, until: new Date('2026-10-01T00:00:00Z') }).batches(1000)][0]!;
    expect(reports.map((r) => r.reference)).toEqual(
      generated.reports
        .map((r) => r.reference)
        .sort()
        .slice(0, 2),
    );
    const expectedPersons = [...generated.persons].sort((a, b) => a.id.localeCompare(b.id)).slice(0, 5);
    expect(first).toEqual(expectedPersons.map((p) => ({ given_name: p.givenName, family_name: p.familyName, dob: p.dob })));

    // A store from before today's match rules has fewer keys: rekeying puts back every one, once.
    const keysStore = await openAt(location);
    const keys = async () =>
      (await sql<{ key: number; record_id: string }>`select key, record_id from person_block_keys order by 1, 2`.execute(keysStore.db)).rows;
    const built = await keys();
    expect(built.length).toBeGreaterThan(100);
    await sql`delete from person_block_keys where key::bigint % 3 = 0`.execute(keysStore.db);
    expect((await keys()).length).toBeLessThan(built.length);
    await keysStore.close();
    const rekey = harbour(location, ['picture', 'rekey']);
    expect(rekey.status).toBe(0);
    expect(rekey.stdout).toMatch(new RegExp(`^\\d+ people, ${built.length} blocking keys in place`));
    expect(harbour(location, ['picture', 'rekey']).status).toBe(0);
    const after = await openAt(location);
    expect((await sql<{ key: number; record_id: string }>`select key, record_id from person_block_keys order by 1, 2`.execute(after.db)).rows).toEqual(built);
    await after.close();

    const help = harbour(location, ['backup', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: harbour backup/);
  }, 300_000); // eleven command-line runs, each opening the store afresh
});

describe('configuration', () => {
  it('refuses a DATABASE_URL that is not postgres://, naming the setting', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });

  it('refuses demo accounts in production and defaults to secure cookies there', () => {
    const key = newSecretKey();
    expect(() => loadConfig({ NODE_ENV: 'production', HARBOUR_DEMO: 'on', HARBOUR_SECRET_KEY: key })).toThrow(/refused in production/);
    const config = loadConfig({ NODE_ENV: 'production', HARBOUR_SECRET_KEY: key });
    expect(config.demo).toBe(false);
    expect(config.session.secureCookies).toBe(true);
  });

  it('refuses to run in production without a key to seal authenticator secrets, and refuses a short key anywhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/HARBOUR_SECRET_KEY is required in production/);
    expect(() => loadConfig({ HARBOUR_SECRET_KEY: 'too-short' })).toThrow(/HARBOUR_SECRET_KEY: must be at least 32 characters/);
    expect(() => loadConfig({ HARBOUR_SECRET_KEY: newSecretKey(), HARBOUR_PREVIOUS_SECRET_KEYS: `${newSecretKey()}, short` })).toThrow(
      /HARBOUR_PREVIOUS_SECRET_KEYS.*each must be at least 32 characters/,
    );
    const old = [newSecretKey(), newSecretKey()];
    expect(loadConfig({ HARBOUR_PREVIOUS_SECRET_KEYS: ` ${old[0]} ,${old[1]}` }).secretKeys).toEqual({ current: undefined, previous: old });
  });

  it('`npm start` against an unreachable PostgreSQL server exits 1 with one clear line', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, DATABASE_URL: 'postgres://harbour@127.0.0.1:1/harbour', PORT: '0', HARBOUR_LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Harbour could not start: cannot reach the PostgreSQL server in DATABASE_URL: .*ECONNREFUSED/);
  });

  it('`npm start` with a malformed setting names it and exits 1', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Harbour could not start: invalid configuration: PORT: /);
  });

  it('says clearly when the PostgreSQL server cannot be reached', async () => {
    await expect(openStore({ databaseUrl: 'postgres://harbour@127.0.0.1:1/none', dataDir: '.' })).rejects.toThrow(
      /cannot reach the PostgreSQL server in DATABASE_URL/,
    );
  });
});
