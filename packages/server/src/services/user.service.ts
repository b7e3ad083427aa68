import type { Account, NewAccount } from '@harbour/contract';
import type { AccountAction } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import { Conflict, Forbidden, Invalid, NotFound, PERMISSIONS, can, isPartnerRole, passwordProblem, type Actor } from '@harbour/core';
import type { Repositories, UserListRow } from '@harbour/db';
import { isCommonPassword } from '../auth/common-passwords';
import { hashPassword } from '../auth/passwords';
import type { AuditService } from './audit.service';

/** What an administrator can do to an existing account. */

export class UserService {
  constructor(
    private readonly repos: Repositories,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Disables an account (ending all its sessions at once), enables it again, or unlocks its second
   * factor after too many wrong codes; each audited. `actor` null is the command line.
   */
  async act(actor: Actor | null, id: string, action: AccountAction): Promise<Account> {
    // `actor` null: the command line, run by whoever holds the server.
    if (actor && !can(actor, PERMISSIONS.usersManage)) throw new Forbidden('Only administrators can change accounts');
    if (action === 'disable' && actor?.kind === 'user' && id === actor.userId)
      throw new Invalid('You cannot disable your own account', [{ path: 'id', message: 'Ask another administrator', reason: 'invalid' }]);
    const users = this.repos.users;
    let details: Record<string, unknown> = {};
    if (action === 'disable') {
      if (!(await users.setDisabled(id, this.now()))) throw new NotFound('No such account');
      details = { sessionsEnded: await this.repos.sessions.deleteForUser(id) };
    } else if (action === 'enable') {
      if (!(await users.setDisabled(id, null))) throw new NotFound('No such account');
    } else if (!(await users.unlockSecondFactor(id))) throw new NotFound('No such account');
    const verb = ({ disable: 'user.disabled', enable: 'user.enabled', 'unlock-second-factor': 'user.second-factor-unlocked' } as const)[action];
    await this.audit.record(actor, { action: verb, subjectType: 'user', subjectId: id, details });
    const view = await users.listRow(id);
    if (!view) throw new NotFound('No such account');
    return toView(view);
  }

  async list(actor: Actor): Promise<Account[]> {
    if (!can(actor, PERMISSIONS.usersRead)) throw new Forbidden('You cannot list accounts');
    const rows = await this.repos.users.list();
    await this.audit.record(actor, { action: 'users.listed', details: { count: rows.length } });
    return rows.map(toView);
  }

  /** Creates an account. `actor` null means the command line, run by whoever holds the server. */
  async create(actor: Actor | null, input: NewAccount): Promise<Account> {
    if (actor && !can(actor, PERMISSIONS.usersManage)) throw new Forbidden('Only administrators can add accounts');
    const weak = passwordProblem(input.password, input, isCommonPassword);
    if (weak) throw new Invalid('The password is not acceptable', [weak]);
    const agency = await this.repos.agencies.get(input.agencyId);
    if (!agency) throw new Invalid('No such agency', [{ path: 'agencyId', message: 'Choose an existing agency' }]);
    if (!isPartnerRole(input.role) && agency.kind !== 'police') {
      throw new Invalid('Only police accounts can hold a police role', [{ path: 'role', message: `Accounts at ${agency.name} must have a partner role` }]);
    }
    if (isPartnerRole(input.role) && agency.kind === 'police') {
      throw new Invalid('Partner accounts belong to partner agencies', [{ path: 'agencyId', message: 'Choose a partner agency for a partner account' }]);
    }
    if (await this.repos.users.findByEmail(input.email))
      throw new Conflict('An account with this email address exists already', [{ path: 'email', message: 'Use another email address' }]);
    const row = await this.repos.users.create({
      id: randomUUID(),
      agency_id: agency.id,
      email: input.email.trim(),
      display_name: input.displayName.trim(),
      role: input.role,
      password_hash: await hashPassword(input.password),
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      disabled_at: null,
    });
    await this.audit.record(actor, {
      action: 'user.created',
      subjectType: 'user',
      subjectId: row.id,
      details: { role: row.role, agencyId: agency.id, via: actor ? 'web' : 'cli' },
    });
    const view = await this.repos.users.listRow(row.id);
    if (!view) throw new NotFound('The new account could not be read back');
    return toView(view);
  }
}

function toView(row: UserListRow): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    secondFactor: row.totp_enabled_at !== null,
    locked: row.second_factor_locked_at !== null,
    disabled: row.disabled_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
