import { randomUUID } from 'node:crypto';
import { Conflict, Forbidden, PERMISSIONS, can, type Actor, type AgencyKind } from '@harbour/core';
import type { Repositories } from '@harbour/db';
import type { AuditService } from './audit.service';

export interface AgencyView {
  id: string;
  name: string;
  kind: string;
  users: number;
}

export class AgencyService {
  constructor(
    private readonly repos: Repositories,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<AgencyView[]> {
    if (!can(actor, PERMISSIONS.agenciesRead)) throw new Forbidden('You cannot list agencies');
    const rows = await this.repos.agencies.list();
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, users: Number(r.users) }));
  }

  async create(actor: Actor | null, input: { name: string; kind: AgencyKind }): Promise<AgencyView> {
    if (actor && !can(actor, PERMISSIONS.agenciesManage)) throw new Forbidden('Only administrators can add agencies');
    const name = input.name.trim();
    if (await this.repos.agencies.findByName(name))
      throw new Conflict('An agency with this name exists already', [{ path: 'name', message: 'Use another name' }]);
    const row = await this.repos.agencies.create({ id: randomUUID(), name, kind: input.kind });
    await this.audit.record(actor, { action: 'agency.create', subjectType: 'agency', subjectId: row.id, details: { kind: row.kind } });
    return { id: row.id, name: row.name, kind: row.kind, users: 0 };
  }
}
