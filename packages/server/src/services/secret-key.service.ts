import type { AuditAction } from '@harbour/contract';
import type { Repositories } from '@harbour/db';
import type { SecretBox } from '../auth/secret-box';
import type { AuditService } from './audit.service';

const COLUMNS = ['totp_secret', 'totp_pending_secret'] as const;

/** The context a stored authenticator secret is sealed to: its account. */
export function totpContext(userId: string): string {
  return `totp:${userId}`;
}

export class SecretKeyNotConfigured extends Error {}

export interface SecretKeyStanding {
  /** Values sealed again with the current key. */
  readonly resealed: number;
  /** Values already under the current key. */
  readonly current: number;
}

/**
 * Keeps the store's sealed secrets openable: at start, values an older Harbour stored in clear
 * are sealed; a rotation seals every value again under the current key, so the previous key can
 * then be dropped from the configuration.
 */
export class SecretKeyService {
  constructor(
    private readonly repos: Repositories,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
  ) {}

  /**
   * Run at start. Refuses (SecretKeyNotConfigured) when any value is sealed with a key not
   * configured: every holder's second factor would fail, so it is better not to serve at all.
   * Values under a previous key are left for `rotate`: other processes may not have the new key yet.
   */
  async checkAtStart(): Promise<SecretKeyStanding> {
    return this.reseal((standing) => standing === 'plain', 'secret-key.sealed-clear-values');
  }

  /** Seals every value not under the current key again; run once every process has the new key. */
  async rotate(): Promise<SecretKeyStanding> {
    return this.reseal((standing) => standing !== 'current', 'secret-key.rotated');
  }

  private async reseal(needs: (standing: 'previous' | 'plain' | 'current') => boolean, action: AuditAction): Promise<SecretKeyStanding> {
    const rows = await this.repos.users.storedSecrets();
    const values = rows.flatMap((row) => COLUMNS.flatMap((column) => (row[column] === null ? [] : [{ id: row.id, column, value: row[column] }])));
    const unknown = values.filter((v) => this.box.standing(v.value) === 'unknown').length;
    if (unknown > 0) {
      throw new SecretKeyNotConfigured(
        `${unknown} authenticator secret(s) in the store were sealed with a key that is not configured: ` +
          'set HARBOUR_SECRET_KEY to it, or name it in HARBOUR_PREVIOUS_SECRET_KEYS',
      );
    }
    let resealed = 0;
    let current = 0;
    for (const { id, column, value } of values) {
      const standing = this.box.standing(value);
      if (standing === 'unknown') continue;
      if (!needs(standing)) {
        if (standing === 'current') current++;
        continue;
      }
      const plain = standing === 'plain' ? value : this.box.open(value, totpContext(id));
      if (await this.repos.users.replaceStoredSecret(id, column, value, this.box.seal(plain, totpContext(id)))) resealed++;
    }
    if (resealed > 0) await this.audit.record(null, { action, details: { resealed, keyId: this.box.currentKeyId } });
    return { resealed, current: current };
  }
}
