import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openStore, repositories, type Repositories, type Store, type StoreKind } from '@harbour/db';
import { inject } from 'vitest';
import { adminQuery } from './store-templates';

export const TEST_STORE: StoreKind = process.env.HARBOUR_TEST_STORE === 'postgres' ? 'postgres' : 'pglite';

/** Where a fresh, empty store lives: a PGlite folder, or a new database on the test cluster. */
export interface StoreLocation {
  readonly kind: StoreKind;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** Environment for a child process (server, CLI) that should use this store. */
  readonly env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A store's place: empty (to test migrating it), or `migrated`, copied from the run's template
 * (see store-templates.ts), which is what a new store is once `migrate` has run.
 */
export async function newStoreLocation(options: { migrated?: boolean } = {}): Promise<StoreLocation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'harbour-test-'));
  if (TEST_STORE === 'pglite') {
    if (options.migrated) cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    return {
      kind: 'pglite',
      dataDir,
      databaseUrl: undefined,
      env: { HARBOUR_DATA_DIR: dataDir, DATABASE_URL: '' },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, options.migrated ? `create database ${name} template ${inject('postgresTemplate')}` : `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    kind: 'postgres',
    dataDir,
    databaseUrl,
    env: { HARBOUR_DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    drop: async () => {
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openAt(location: StoreLocation): Promise<Store> {
  return openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
}

export interface TestStore {
  readonly location: StoreLocation;
  readonly store: Store;
  readonly repos: Repositories;
  close(): Promise<void>;
}

/** A migrated, empty store of the kind under test; close() removes it. */
export async function newTestStore(): Promise<TestStore> {
  const location = await newStoreLocation({ migrated: true });
  const store = await openAt(location);
  // Already migrated: this checks it, and costs a query.
  await migrate(store.db);
  return {
    location,
    store,
    repos: repositories(store.db),
    close: async () => {
      await store.close();
      await location.drop();
    },
  };
}
