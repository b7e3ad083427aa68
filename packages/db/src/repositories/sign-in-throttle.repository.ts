import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';

/**
 * Wrong passwords per (email as typed, client), kept in the store so the delay holds across
 * every Harbour process on one database. Keys are hashes: no email or address is stored.
 */
export class SignInThrottleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** When the client may next try this email; null when it may now. */
  async retryAfter(key: string, now: Date): Promise<Date | null> {
    const row = await this.db.selectFrom('sign_in_throttle').select('retry_after').where('key', '=', key).executeTakeFirst();
    return row && new Date(row.retry_after) > now ? new Date(row.retry_after) : null;
  }

  /**
   * Counts a wrong password and sets when the next try may come, from the count (failures after a
   * quiet spell of `forgetHours` start again from one). Returns the new count.
   */
  async fail(key: string, now: Date, forgetHours: number, delaySeconds: (failures: number) => number): Promise<number> {
    const forgetBefore = new Date(now.getTime() - forgetHours * 3_600_000);
    const row = await sql<{ failures: number }>`
      insert into sign_in_throttle (key, failures, retry_after, updated_at) values (${key}, 1, ${now}, ${now})
      on conflict (key) do update set
        failures = case when sign_in_throttle.updated_at < ${forgetBefore} then 1 else sign_in_throttle.failures + 1 end,
        updated_at = ${now}
      returning failures`.execute(this.db);
    const failures = row.rows[0]!.failures;
    const retryAfter = new Date(now.getTime() + delaySeconds(failures) * 1000);
    await this.db.updateTable('sign_in_throttle').set({ retry_after: retryAfter }).where('key', '=', key).execute();
    return failures;
  }

  /** The right password: this client starts afresh for this email. */
  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
  }

  /** Forgets rows untouched since `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    return Number((await this.db.deleteFrom('sign_in_throttle').where('updated_at', '<', before).executeTakeFirst()).numDeletedRows);
  }
}
