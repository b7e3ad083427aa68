import type { Kysely } from 'kysely';
import type { DB } from '../schema';

export interface AccessGrantRow {
  id: string;
  user_id: string;
  user_name: string;
  granted_by: string;
  granted_by_name: string;
  purpose: string;
  granted_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export class AccessGrantRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(grant: { id: string; user_id: string; granted_by: string; purpose: string; granted_at: Date; expires_at: Date }): Promise<void> {
    await this.db.insertInto('access_grants').values(grant).execute();
  }

  /** The account's grant in force at `now` (the latest to end, if several), or none. */
  async activeFor(userId: string, now: Date): Promise<{ id: string } | undefined> {
    return this.db
      .selectFrom('access_grants')
      .select('id')
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('granted_at', '<=', now)
      .where('expires_at', '>', now)
      .orderBy('expires_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Grants in force, and those that ended since `endedSince`, newest first. */
  async list(endedSince: Date): Promise<AccessGrantRow[]> {
    return this.named()
      .where((eb) => eb.or([eb('g.revoked_at', 'is', null).and('g.expires_at', '>', endedSince), eb('g.revoked_at', '>', endedSince)]))
      .orderBy('g.granted_at', 'desc')
      .orderBy('g.id')
      .limit(500)
      .execute();
  }

  async get(id: string): Promise<AccessGrantRow | undefined> {
    return this.named().where('g.id', '=', id).executeTakeFirst();
  }

  /** Grants with the names of the researcher and the supervisor. */
  private named() {
    return this.db
      .selectFrom('access_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .innerJoin('users as by', 'by.id', 'g.granted_by')
      .selectAll('g')
      .select(['u.display_name as user_name', 'by.display_name as granted_by_name']);
  }

  /** Ends a grant now; false if it had ended already. */
  async revoke(id: string, by: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('access_grants')
      .set({ revoked_at: at, revoked_by: by })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
