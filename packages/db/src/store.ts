import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockFolder } from './folder-lock';
import { WritablePool } from './writable-pool';
import type { DB } from './schema';

export type StoreKind = 'pglite' | 'postgres';

export interface StoreOptions {
  /**
   * A postgres:// URL selects a PostgreSQL server (or several, libpq style: the one that takes
   * writes is used; see writable-pool.ts); otherwise PGlite in `dataDir`.
   */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  /** Connections to a PostgreSQL server (PGlite always has one). */
  readonly poolSize?: number;
}

export interface Store {
  readonly kind: StoreKind;
  readonly db: Kysely<DB>;
  /** Plain SQL on the store's own connections, for a library that writes its own (the job queue). */
  executeSql(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

// bigint (int8) and numeric arrive as text by default; counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` stays a plain YYYY-MM-DD string, not a local-midnight Date.
pg.types.setTypeParser(1082, (v) => v);

/**
 * Opens the store. Both kinds go through node-postgres and Kysely, so every query, migration
 * and repository is the same code on PGlite and on a PostgreSQL server.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    const pool = new WritablePool(options.databaseUrl, { max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end();
      throw new Error(`cannot reach the PostgreSQL server in DATABASE_URL: ${(error as Error).message}`, { cause: error });
    }
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', db, executeSql: plainSql(pool), close: once(() => db.destroy()) };
  }

  const unlock = lockFolder(options.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm, fuzzystrmatch, unaccent } });
  } catch (error) {
    unlock();
    throw error;
  }
  // PGlite has a single connection: the pool must hand out exactly one client at a time.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'pglite',
    db,
    executeSql: plainSql({ query: (text, values) => pool.query(text, values) }),
    close: once(async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        unlock();
      }
    }),
  };
}

function plainSql(pool: { query(text: string, values?: unknown[]): Promise<pg.QueryResult | pg.QueryResult[]> }): Store['executeSql'] {
  return async (text, values) => {
    const result = await pool.query(text, values ? [...values] : undefined);
    // Several statements in one text answer with one result each: the last is the answer.
    return Array.isArray(result) ? (result.at(-1) as pg.QueryResult) : result;
  };
}

/** Closing twice is harmless: the second call waits for the first. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}
