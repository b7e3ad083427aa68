import { randomUUID } from 'node:crypto';
import { Conflict, Forbidden, Invalid, NotFound, PERMISSIONS, can, type Actor, type Role } from '@harbour/core';
import type { Repositories, UserListRow } from '@harbour/db';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/passwords';
import type { AuditService } from './audit.service';

export interface NewAccount {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agencyId: string;
  readonly password: string;
}

export interface AccountView {
  id: string;
  email: string;
  displayName: string;
  role: string;
  agencyId: string;
  agencyName: string;
  secondFactor: boolean;
  locked: boolean;
  disabled: boolean;
  createdAt: string;
}

export class UserService {
  constructor(
    private readonly repos: Repositories,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<AccountView[]> {
    if (!can(actor, PERMISSIONS.usersRead)) throw new Forbidden('You cannot list accounts');
    const rows = await this.repos.users.list();
    await this.audit.record(actor, { action: 'users.list', details: { count: rows.length } });
    return rows.map(toView);
  }

  /** Creates an account. `actor` null means the command line, run by whoever holds the server. */
  async create(actor: Actor | null, input: NewAccount): Promise<AccountView> {
    if (actor && !can(actor, PERMISSIONS.usersManage)) throw new Forbidden('Only administrators can add accounts');
    if (input.password.length < PASSWORD_MIN_LENGTH || input.password.length > PASSWORD_MAX_LENGTH) {
      throw new Invalid('The password is not acceptable', [
        { path: 'password', message: `Use between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters` },
      ]);
    }
    const agency = await this.repos.agencies.get(input.agencyId);
    if (!agency) throw new Invalid('No such agency', [{ path: 'agencyId', message: 'Choose an existing agency' }]);
    if (input.role !== 'partner' && agency.kind !== 'police') {
      throw new Invalid('Only police accounts can hold a police role', [{ path: 'role', message: `Accounts at ${agency.name} must have the partner role` }]);
    }
    if (input.role === 'partner' && agency.kind === 'police') {
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
      locked_until: null,
      disabled_at: null,
    });
    await this.audit.record(actor, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: row.id,
      details: { role: row.role, agencyId: agency.id, via: actor ? 'web' : 'cli' },
    });
    const view = await this.repos.users.listRow(row.id);
    if (!view) throw new NotFound('The new account could not be read back');
    return toView(view);
  }
}

function toView(row: UserListRow): AccountView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    secondFactor: row.totp_enabled_at !== null,
    locked: row.locked_until !== null && new Date(row.locked_until) > new Date(),
    disabled: row.disabled_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
