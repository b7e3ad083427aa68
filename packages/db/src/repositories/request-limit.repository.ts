import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';

/** Requests counted per key in fixed windows, shared by every process on the store. */
export class RequestLimitRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Counts one request; a key whose window has ended starts a new one. Returns the count and when the window ends. */
  async hit(key: string, now: Date, windowMs: number): Promise<{ hits: number; windowEnds: Date }> {
    const ends = new Date(now.getTime() + windowMs);
    const row = await sql<{ hits: number; window_ends: Date }>`
      insert into request_limits (key, hits, window_ends) values (${key}, 1, ${ends})
      on conflict (key) do update set
        hits = case when request_limits.window_ends <= ${now} then 1 else request_limits.hits + 1 end,
        window_ends = case when request_limits.window_ends <= ${now} then ${ends} else request_limits.window_ends end
      returning hits, window_ends`.execute(this.db);
    const { hits, window_ends } = row.rows[0]!;
    return { hits: Number(hits), windowEnds: new Date(window_ends) };
  }

  /** The count in the key's current window, without counting; none when no window is open. */
  async peek(key: string, now: Date): Promise<{ hits: number; windowEnds: Date } | undefined> {
    const row = await this.db
      .selectFrom('request_limits')
      .select(['hits', 'window_ends'])
      .where('key', '=', key)
      .where('window_ends', '>', now)
      .executeTakeFirst();
    return row ? { hits: Number(row.hits), windowEnds: new Date(row.window_ends) } : undefined;
  }

  /** Forgets windows that ended before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    return Number((await this.db.deleteFrom('request_limits').where('window_ends', '<', before).executeTakeFirst()).numDeletedRows);
  }
}
