import type { Role } from '@harbour/core';
import type { Kysely } from 'kysely';
import type { DB, SessionRow } from '../schema';

export interface SessionWithUser extends SessionRow {
  role: Role;
  agency_id: string;
  disabled_at: Date | null;
}

export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(session: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(session).execute();
  }

  async find(tokenHash: string): Promise<SessionWithUser | undefined> {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('sessions')
      .select(['users.role', 'users.agency_id', 'users.disabled_at'])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async touch(tokenHash: string, at: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
  }

  async setStage(tokenHash: string, stage: string): Promise<void> {
    await this.db.updateTable('sessions').set({ stage }).where('token_hash', '=', tokenHash).execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /**
   * Puts a new session in place of one (a fresh token and CSRF token at a change of privilege),
   * together: the old token stops working as the new one starts.
   */
  async replace(oldTokenHash: string, session: SessionRow): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('sessions').where('token_hash', '=', oldTokenHash).execute();
      await tx.insertInto('sessions').values(session).execute();
    });
  }

  /** Ends every session of an account, except the one given (the one changing its password). */
  async deleteForUser(userId: string, exceptTokenHash?: string): Promise<number> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptTokenHash) q = q.where('token_hash', '<>', exceptTokenHash);
    return Number((await q.executeTakeFirst()).numDeletedRows);
  }

  async deleteExpired(now: Date, idleBefore: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
