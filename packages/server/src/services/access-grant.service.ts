import type { AccessGrant } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import { GRANTABLE_ROLES, Invalid, NotFound, PERMISSIONS, isRole, permittedUser, type Actor } from '@harbour/core';
import type { AccessGrantRow, Repositories } from '@harbour/db';
import type { AuditService } from './audit.service';

/** Ended grants stay in the list this long, so a supervisor sees what was granted lately. */
const ENDED_SHOWN_DAYS = 90;
const DAY = 86_400_000;

/**
 * A supervisor grants a researcher named access (reports and the picture, read only) for a
 * stated purpose and a number of days, and may end it early (DESIGN §1). Audited both ways; what
 * the researcher reads meanwhile is audited under the grant.
 */
export class AccessGrantService {
  constructor(
    private readonly repos: Repositories,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor): Promise<AccessGrant[]> {
    const user = permittedUser(actor, PERMISSIONS.accessGrant, 'Only a supervisor can grant named access');
    const now = this.now();
    const rows = await this.repos.accessGrants.list(new Date(now.getTime() - ENDED_SHOWN_DAYS * DAY));
    await this.audit.record(user, { action: 'access-grants.listed', details: { count: rows.length } });
    return rows.map((row) => toView(row, now));
  }

  async grant(actor: Actor, input: { userId: string; purpose: string; days: number }): Promise<AccessGrant> {
    const user = permittedUser(actor, PERMISSIONS.accessGrant, 'Only a supervisor can grant named access');
    const holder = await this.repos.users.get(input.userId);
    if (!holder) throw new NotFound('No such account');
    if (!isRole(holder.role) || !GRANTABLE_ROLES.includes(holder.role)) {
      throw new Invalid('Named access is granted to researchers only', [
        { path: 'userId', message: 'Choose a researcher: the rest of the team sees named data by its role', reason: 'invalid' },
      ]);
    }
    if (holder.disabled_at) throw new Invalid('This account is disabled', [{ path: 'userId', message: 'Choose an account that is in use', reason: 'invalid' }]);
    const now = this.now();
    const id = randomUUID();
    await this.repos.accessGrants.create({
      id,
      user_id: holder.id,
      granted_by: user.userId,
      purpose: input.purpose.trim(),
      granted_at: now,
      expires_at: new Date(now.getTime() + input.days * DAY),
    });
    await this.audit.record(user, { action: 'access.granted', subjectType: 'user', subjectId: holder.id, details: { grant: id, days: input.days } });
    return toView((await this.repos.accessGrants.get(id))!, now);
  }

  async revoke(actor: Actor, id: string): Promise<AccessGrant> {
    const user = permittedUser(actor, PERMISSIONS.accessGrant, 'Only a supervisor can end named access');
    const now = this.now();
    const grant = await this.repos.accessGrants.get(id);
    if (!grant) throw new NotFound('No such grant');
    if (!(await this.repos.accessGrants.revoke(id, user.userId, now))) {
      throw new Invalid('This grant has ended already', [{ path: 'id', message: 'This grant has ended already', reason: 'invalid' }]);
    }
    await this.audit.record(user, { action: 'access.revoked', subjectType: 'user', subjectId: grant.user_id, details: { grant: id } });
    return toView((await this.repos.accessGrants.get(id))!, now);
  }
}

function toView(row: AccessGrantRow, now: Date): AccessGrant {
  const expiresAt = new Date(row.expires_at);
  const revokedAt = row.revoked_at ? new Date(row.revoked_at) : null;
  return {
    id: row.id,
    userId: row.user_id,
    userName: row.user_name,
    grantedBy: row.granted_by_name,
    purpose: row.purpose,
    grantedAt: new Date(row.granted_at).toISOString(),
    expiresAt: expiresAt.toISOString(),
    revokedAt: revokedAt?.toISOString() ?? null,
    inForce: revokedAt === null && expiresAt > now,
  };
}
