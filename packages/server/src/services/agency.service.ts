import type { Agency } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import { Conflict, Forbidden, NotFound, PERMISSIONS, can, firstResponderByKind, type Actor, type AgencyKind } from '@harbour/core';
import type { Repositories } from '@harbour/db';
import type { AuditService } from './audit.service';

export class AgencyService {
  constructor(
    private readonly repos: Repositories,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<Agency[]> {
    if (!can(actor, PERMISSIONS.agenciesRead)) throw new Forbidden('You cannot list agencies');
    const rows = await this.repos.agencies.list();
    return rows.map(toView);
  }

  async create(actor: Actor | null, input: { name: string; kind: AgencyKind; firstResponder?: boolean | undefined }): Promise<Agency> {
    if (actor && !can(actor, PERMISSIONS.agenciesManage)) throw new Forbidden('Only administrators can add agencies');
    const name = input.name.trim();
    if (await this.repos.agencies.findByName(name))
      throw new Conflict('An agency with this name exists already', [{ path: 'name', message: 'Use another name' }]);
    const firstResponder = input.firstResponder ?? firstResponderByKind(input.kind);
    const row = await this.repos.agencies.create({ id: randomUUID(), name, kind: input.kind, first_responder: firstResponder });
    await this.audit.record(actor, { action: 'agency.created', subjectType: 'agency', subjectId: row.id, details: { kind: row.kind, firstResponder } });
    return toView({ ...row, users: 0 });
  }

  async setFirstResponder(actor: Actor, id: string, firstResponder: boolean): Promise<Agency> {
    if (!can(actor, PERMISSIONS.agenciesManage)) throw new Forbidden('Only administrators can change agencies');
    if (!(await this.repos.agencies.setFirstResponder(id, firstResponder))) throw new NotFound('No such agency');
    await this.audit.record(actor, { action: 'agency.first-responder-set', subjectType: 'agency', subjectId: id, details: { firstResponder } });
    const row = (await this.repos.agencies.list()).find((a) => a.id === id);
    if (!row) throw new NotFound('No such agency');
    return toView(row);
  }
}

function toView(row: { id: string; name: string; kind: AgencyKind; first_responder: boolean; users: number | string }): Agency {
  return { id: row.id, name: row.name, kind: row.kind, firstResponder: row.first_responder, users: Number(row.users) };
}
