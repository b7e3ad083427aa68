import pg from 'pg';
import { parseDatabaseUrl } from './database-url';

/** No server named in DATABASE_URL takes writes just now (down, a standby, or being promoted). */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
}

export interface WritablePoolOptions {
  readonly max: number;
  readonly connectionTimeoutMillis: number;
}

/**
 * A connection pool over every server in DATABASE_URL that hands out connections only to the one
 * that accepts writes, as libpq's target_session_attrs=read-write does. A new connection is asked
 * `transaction_read_only` once; a standby's is closed and the next server tried. When the primary
 * dies its connections fail and leave the pool, and the next request looks again: once the standby
 * is promoted it is found there. Until then every request is refused (StoreUnavailable), never
 * written to a server that cannot keep it.
 */
export class WritablePool {
  private readonly servers: { name: string; pool: pg.Pool }[];
  private readonly checked = new WeakSet<pg.PoolClient>();
  /** Where the last writable connection was found: tried first. */
  private current = 0;

  constructor(databaseUrl: string, options: WritablePoolOptions) {
    const { urls, names } = parseDatabaseUrl(databaseUrl);
    this.servers = urls.map((url, i) => {
      const pool = new pg.Pool({ connectionString: url, ...options });
      pool.on('error', () => undefined); // an idle connection's failure shows on the next request
      return { name: names[i]!, pool };
    });
  }

  async connect(): Promise<pg.PoolClient> {
    const refusals: string[] = [];
    for (let i = 0; i < this.servers.length; i++) {
      const at = (this.current + i) % this.servers.length;
      const { name, pool } = this.servers[at]!;
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        refusals.push(`${name}: ${(error as Error).message}`);
        continue;
      }
      if (!this.checked.has(client)) {
        const readOnly = await isReadOnly(client).catch((error: unknown) => (error as Error).message);
        if (readOnly !== false) {
          client.release(true);
          refusals.push(`${name}: ${readOnly === true ? 'takes no writes (a standby)' : readOnly}`);
          continue;
        }
        // A connection whose server dies while it is lent out (between a transaction's queries, say)
        // reports the loss as an 'error' event: unheard, it would end the process. The request
        // using it learns of the loss from its next query instead.
        client.on('error', () => undefined);
        this.checked.add(client);
      }
      this.current = at;
      return client;
    }
    throw new StoreUnavailable(`no PostgreSQL server named there takes writes (${refusals.join('; ')})`);
  }

  async query(text: string, values?: unknown[]): Promise<pg.QueryResult | pg.QueryResult[]> {
    const client = await this.connect();
    try {
      const result = (await client.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      client.release();
      return result;
    } catch (error) {
      // A connection that failed is closed, not handed to the next request.
      client.release(isStoreUnavailable(error) ? true : undefined);
      throw error;
    }
  }

  async end(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.pool.end()));
  }
}

async function isReadOnly(client: pg.PoolClient): Promise<boolean> {
  const result = await client.query<{ transaction_read_only: string }>('show transaction_read_only');
  return result.rows[0]?.transaction_read_only === 'on';
}

// SQLSTATE classes and codes that say the server went away or cannot take the write, not that the
// request was wrong: 08 connection exception, 57P01–57P03 shutdown and start-up, 25006 read-only.
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '25006', '53300']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * True when an error means the database could not be reached or lost the connection mid-request:
 * the request is refused for now (503), and whatever it was writing was rolled back or never began.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailable) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_CODES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
  return isConnectionLost(error);
}

function isConnectionLost(error: unknown): boolean {
  return error instanceof Error && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message);
}
