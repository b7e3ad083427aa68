import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The store's own modules, not the package: a global setup is loaded by Node itself, which cannot
// load the domain's JSON data the package index brings in.
import { migrate } from '../packages/db/src/migrate';
import { openStore } from '../packages/db/src/store';
import pg from 'pg';

/**
 * Migrated, empty stores made once per run, which each test's store is copied from: making a PGlite
 * store runs initdb in WebAssembly (~4 s on this machine) and migrating either kind takes longer
 * than copying the result. What a test gets is the same as a new store migrated by `migrate`.
 */

/** A PGlite data folder, migrated and closed, to copy. */
export async function makePgliteTemplate(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'harbour-template-'));
  const store = await openStore({ dataDir: dir });
  try {
    await migrate(store.db);
  } finally {
    await store.close();
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A database on the cluster, migrated and with no one connected, to create test databases from. */
export async function makePostgresTemplate(adminUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `harbour_template_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), dataDir: tmpdir(), poolSize: 1 });
  try {
    await migrate(store.db);
  } finally {
    await store.close();
  }
  return { name, drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
