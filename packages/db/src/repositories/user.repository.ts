import type { Kysely } from 'kysely';
import type { DB, NewUser, UserRow } from '../schema';

export interface UserListRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  agency_id: string;
  agency_name: string;
  totp_enabled_at: Date | null;
  locked_until: Date | null;
  disabled_at: Date | null;
  created_at: Date;
}

export class UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(user: NewUser): Promise<UserRow> {
    return this.db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
  }

  async get(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async list(): Promise<UserListRow[]> {
    return this.listQuery().orderBy('users.display_name').execute();
  }

  async listRow(id: string): Promise<UserListRow | undefined> {
    return this.listQuery().where('users.id', '=', id).executeTakeFirst();
  }

  private listQuery() {
    return this.db
      .selectFrom('users')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'users.id',
        'users.email',
        'users.display_name',
        'users.role',
        'users.agency_id',
        'agencies.name as agency_name',
        'users.totp_enabled_at',
        'users.locked_until',
        'users.disabled_at',
        'users.created_at',
      ]);
  }

  /** Counts a failed sign-in atomically and returns the new count. */
  async recordFailedSignIn(id: string, lockAfter: number, lockUntil: Date): Promise<number> {
    const row = await this.db
      .updateTable('users')
      .set((eb) => ({
        failed_sign_ins: eb('failed_sign_ins', '+', 1),
        locked_until: eb
          .case()
          .when('failed_sign_ins', '>=', lockAfter - 1)
          .then(lockUntil)
          .else(eb.ref('locked_until'))
          .end(),
      }))
      .where('id', '=', id)
      .returning('failed_sign_ins')
      .executeTakeFirstOrThrow();
    return row.failed_sign_ins;
  }

  async clearFailedSignIns(id: string): Promise<void> {
    await this.db.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', id).execute();
  }

  async setPendingTotpSecret(id: string, secret: string): Promise<void> {
    await this.db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', id).execute();
  }

  /** Turns the pending secret into the active one and replaces the recovery codes, together. */
  async enableTotp(id: string, secret: string, recoveryCodeHashes: string[], at: Date): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ totp_secret: secret, totp_pending_secret: null, totp_enabled_at: at }).where('id', '=', id).execute();
      await tx.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
      if (recoveryCodeHashes.length > 0) {
        await tx
          .insertInto('recovery_codes')
          .values(recoveryCodeHashes.map((code_hash) => ({ user_id: id, code_hash, used_at: null })))
          .execute();
      }
    });
  }

  /** Records the TOTP time step just used; false if it (or a later one) was used already. */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  }

  /** Marks an unused recovery code as used; false if there was none. */
  async useRecoveryCode(id: string, codeHash: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', id)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async unusedRecoveryCodes(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
