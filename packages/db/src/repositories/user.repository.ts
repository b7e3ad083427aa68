import type { Role } from '@harbour/core';
import type { Kysely } from 'kysely';
import type { DB, NewUser, UserRow } from '../schema';

export interface UserListRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  agency_id: string;
  agency_name: string;
  totp_enabled_at: Date | null;
  second_factor_locked_at: Date | null;
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
        'users.second_factor_locked_at',
        'users.disabled_at',
        'users.created_at',
      ]);
  }

  /**
   * Counts a wrong second-factor code atomically; the `lockAfter`-th in a row locks the second
   * factor (until an administrator unlocks it). Returns the count and whether this one locked it.
   */
  async recordSecondFactorFailure(id: string, lockAfter: number, at: Date): Promise<{ failures: number; lockedNow: boolean }> {
    const before = await this.db.selectFrom('users').select('second_factor_locked_at').where('id', '=', id).executeTakeFirst();
    const row = await this.db
      .updateTable('users')
      .set((eb) => ({
        second_factor_failures: eb('second_factor_failures', '+', 1),
        second_factor_locked_at: eb
          .case()
          .when('second_factor_failures', '>=', lockAfter - 1)
          .then(eb.fn.coalesce('second_factor_locked_at', eb.val(at)))
          .else(eb.ref('second_factor_locked_at'))
          .end(),
      }))
      .where('id', '=', id)
      .returning(['second_factor_failures', 'second_factor_locked_at'])
      .executeTakeFirstOrThrow();
    return { failures: row.second_factor_failures, lockedNow: !before?.second_factor_locked_at && row.second_factor_locked_at !== null };
  }

  /** A right code: the count of wrong ones starts again. */
  async clearSecondFactorFailures(id: string): Promise<void> {
    await this.db.updateTable('users').set({ second_factor_failures: 0 }).where('id', '=', id).execute();
  }

  /** An administrator lets a locked second factor be tried again. */
  async unlockSecondFactor(id: string): Promise<boolean> {
    const result = await this.db.updateTable('users').set({ second_factor_failures: 0, second_factor_locked_at: null }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Disables an account (or enables it again, with null). */
  async setDisabled(id: string, at: Date | null): Promise<boolean> {
    const result = await this.db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Every stored authenticator secret, active or pending, as stored (sealed), for a key check or rotation. */
  async storedSecrets(): Promise<{ id: string; totp_secret: string | null; totp_pending_secret: string | null }[]> {
    return this.db
      .selectFrom('users')
      .select(['id', 'totp_secret', 'totp_pending_secret'])
      .where((eb) => eb.or([eb('totp_secret', 'is not', null), eb('totp_pending_secret', 'is not', null)]))
      .orderBy('id')
      .execute();
  }

  /**
   * Replaces one stored secret with the same secret sealed again, only if it is still `was`: an
   * enrolment finished meanwhile is not overwritten. True if replaced.
   */
  async replaceStoredSecret(id: string, column: 'totp_secret' | 'totp_pending_secret', was: string, sealed: string): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ [column]: sealed })
      .where('id', '=', id)
      .where(column, '=', was)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
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
