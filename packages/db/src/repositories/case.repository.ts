import type { CaseEntityRole, CaseKind, CaseStatus } from '@harbour/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CasesTable, DB, EntityKind } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { auditedTransaction } from './audited-transaction';

export type CaseRow = Selectable<CasesTable> & { officer_name: string | null; close_requested_by_name: string | null };

export interface NewCase {
  readonly id: string;
  readonly kind: CaseKind;
  readonly title: string;
  readonly summary: string;
  readonly agencyId: string;
  readonly officerInCharge: string | null;
  readonly openedBy: string;
  readonly at: Date;
}

export interface CaseListFilter {
  readonly id?: string | undefined;
  readonly status?: CaseStatus | 'open' | undefined;
  readonly officer?: string | undefined;
}

export interface CaseListRow {
  readonly id: string;
  readonly reference: string;
  readonly kind: CaseKind;
  readonly title: string;
  readonly status: CaseStatus;
  readonly officer_name: string | null;
  readonly opened_at: Date;
  readonly updated_at: Date;
  readonly close_requested: boolean;
  readonly reports: number;
  readonly victims: number;
  readonly suspects: number;
}

/** Cases (investigations and operations): their links to reports and the picture, status history and notes. */
export class CaseRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  /** Runs `work` in one transaction, with a repository bound to it and an audit append in the same transaction. */
  transaction<T>(work: (cases: CaseRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return auditedTransaction(this.db, this.audit, (tx) => new CaseRepository(tx), work);
  }

  /** Stores a new case under the next reference (HBC-year-number); returns the reference. */
  async create(c: NewCase): Promise<string> {
    const n = (await sql<{ n: string }>`select nextval('case_numbers')::text as n`.execute(this.db)).rows[0]!.n;
    const reference = `HBC-${c.at.getUTCFullYear()}-${n.padStart(5, '0')}`;
    await this.db
      .insertInto('cases')
      .values({
        id: c.id,
        reference,
        kind: c.kind,
        title: c.title,
        summary: c.summary,
        agency_id: c.agencyId,
        officer_in_charge: c.officerInCharge,
        opened_by: c.openedBy,
        opened_at: c.at,
        updated_at: c.at,
      })
      .execute();
    return reference;
  }

  async get(id: string): Promise<CaseRow | undefined> {
    return this.db
      .selectFrom('cases as c')
      .leftJoin('users as o', 'o.id', 'c.officer_in_charge')
      .leftJoin('users as r', 'r.id', 'c.close_requested_by')
      .selectAll('c')
      .select(['o.display_name as officer_name', 'r.display_name as close_requested_by_name'])
      .where('c.id', '=', id)
      .executeTakeFirst();
  }

  /** Locks the case's row for a change of status, so two changes cannot both read the old status. */
  async lock(id: string): Promise<CaseRow | undefined> {
    await sql`select id from cases where id = ${id} for update`.execute(this.db);
    return this.get(id);
  }

  /** Cases newest-changed first, with how many reports, potential victims and suspects each holds. */
  async list(filter: CaseListFilter, limit: number): Promise<CaseListRow[]> {
    let query = this.db
      .selectFrom('cases as c')
      .leftJoin('users as o', 'o.id', 'c.officer_in_charge')
      .select([
        'c.id',
        'c.reference',
        'c.kind',
        'c.title',
        'c.status',
        'o.display_name as officer_name',
        'c.opened_at',
        'c.updated_at',
        sql<boolean>`c.close_requested_at is not null`.as('close_requested'),
        sql<number>`(select count(*)::int from case_reports r where r.case_id = c.id)`.as('reports'),
        sql<number>`(select count(distinct entity_id)::int from case_entities e where e.case_id = c.id and e.role = 'potential_victim')`.as('victims'),
        sql<number>`(select count(distinct entity_id)::int from case_entities e where e.case_id = c.id and e.role = 'suspect')`.as('suspects'),
      ]);
    if (filter.status === 'open') query = query.where('c.status', '<>', 'closed');
    else if (filter.status) query = query.where('c.status', '=', filter.status);
    if (filter.id) query = query.where('c.id', '=', filter.id);
    if (filter.officer) query = query.where('c.officer_in_charge', '=', filter.officer);
    return query.orderBy('c.updated_at', 'desc').orderBy('c.id').limit(limit).execute();
  }

  async setStatus(id: string, to: CaseStatus, at: Date): Promise<void> {
    await this.db
      .updateTable('cases')
      .set({
        status: to,
        updated_at: at,
        closed_at: to === 'closed' ? at : null,
        close_requested_by: null,
        close_requested_at: null,
        close_reason: null,
      })
      .where('id', '=', id)
      .execute();
  }

  async requestClose(id: string, by: string, reason: string, at: Date): Promise<void> {
    await this.db
      .updateTable('cases')
      .set({ close_requested_by: by, close_requested_at: at, close_reason: reason, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async clearCloseRequest(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('cases')
      .set({ close_requested_by: null, close_requested_at: null, close_reason: null, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async addStatusChange(change: {
    id: string;
    caseId: string;
    from: CaseStatus | null;
    to: CaseStatus;
    reason: string;
    by: string;
    at: Date;
    requestedBy?: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('case_status_changes')
      .values({
        id: change.id,
        case_id: change.caseId,
        from_status: change.from,
        to_status: change.to,
        reason: change.reason,
        changed_by: change.by,
        changed_at: change.at,
        requested_by: change.requestedBy ?? null,
      })
      .execute();
  }

  async history(caseId: string) {
    return this.db
      .selectFrom('case_status_changes as h')
      .innerJoin('users as u', 'u.id', 'h.changed_by')
      .leftJoin('users as q', 'q.id', 'h.requested_by')
      .select(['h.id', 'h.from_status', 'h.to_status', 'h.reason', 'h.changed_at', 'u.display_name as changed_by_name', 'q.display_name as requested_by_name'])
      .where('h.case_id', '=', caseId)
      .orderBy('h.changed_at')
      .orderBy('h.id')
      .execute();
  }

  async setOfficer(id: string, userId: string, at: Date): Promise<void> {
    await this.db.updateTable('cases').set({ officer_in_charge: userId, updated_at: at }).where('id', '=', id).execute();
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.updateTable('cases').set({ updated_at: at }).where('id', '=', id).execute();
  }

  /** Links reports; returns how many were new to the case. */
  async addReports(caseId: string, reportIds: readonly string[], by: string, at: Date): Promise<number> {
    if (reportIds.length === 0) return 0;
    const added = await this.db
      .insertInto('case_reports')
      .values(reportIds.map((reportId) => ({ case_id: caseId, report_id: reportId, added_by: by, added_at: at })))
      .onConflict((oc) => oc.doNothing())
      .returning('case_id')
      .execute();
    return added.length;
  }

  async removeReport(caseId: string, reportId: string): Promise<boolean> {
    const removed = await this.db.deleteFrom('case_reports').where('case_id', '=', caseId).where('report_id', '=', reportId).executeTakeFirst();
    return Number(removed.numDeletedRows) > 0;
  }

  async reports(caseId: string) {
    return this.db
      .selectFrom('case_reports as cr')
      .innerJoin('reports as r', 'r.id', 'cr.report_id')
      .select(['r.id', 'r.reference', 'r.received_at', 'r.source', 'r.summary', 'r.triage_band', 'r.local_authority', 'cr.added_at'])
      .where('cr.case_id', '=', caseId)
      .orderBy('r.received_at')
      .orderBy('r.id')
      .execute();
  }

  /** The reports of a case with what a partner's redacted view is made from: grading, summary, the people and addresses they name. */
  async intelligence(caseId: string) {
    const ids = await this.db.selectFrom('case_reports').select('report_id').where('case_id', '=', caseId).execute();
    return this.reportsIntelligence(ids.map((r) => r.report_id));
  }

  /** Reports as a partner's redacted view is made from them, oldest first. */
  async reportsIntelligence(reportIds: readonly string[]) {
    if (reportIds.length === 0) return [];
    const [reports, persons, addresses] = await Promise.all([
      this.db
        .selectFrom('reports as r')
        .select(['r.id', 'r.agency_id', 'r.received_at', 'r.grading', 'r.handling_conditions', 'r.exploitation_types', 'r.town', 'r.summary'])
        .where('r.id', 'in', reportIds)
        .orderBy('r.received_at')
        .orderBy('r.id')
        .execute(),
      this.db.selectFrom('report_persons').select(['id', 'report_id', 'role', 'given_name', 'family_name']).where('report_id', 'in', reportIds).execute(),
      this.db.selectFrom('report_addresses').select(['report_id', 'address', 'postcode']).where('report_id', 'in', reportIds).execute(),
    ]);
    return reports.map((r) => ({
      ...r,
      persons: persons.filter((p) => p.report_id === r.id),
      addresses: addresses.filter((a) => a.report_id === r.id),
    }));
  }

  /** Links entities in roles; returns how many links were new. */
  async addEntities(caseId: string, links: readonly { entityId: string; role: CaseEntityRole }[], by: string, at: Date): Promise<number> {
    if (links.length === 0) return 0;
    const added = await this.db
      .insertInto('case_entities')
      .values(links.map((l) => ({ case_id: caseId, entity_id: l.entityId, role: l.role, added_by: by, added_at: at })))
      .onConflict((oc) => oc.doNothing())
      .returning('case_id')
      .execute();
    return added.length;
  }

  async removeEntity(caseId: string, entityId: string, role: CaseEntityRole): Promise<boolean> {
    const removed = await this.db
      .deleteFrom('case_entities')
      .where('case_id', '=', caseId)
      .where('entity_id', '=', entityId)
      .where('role', '=', role)
      .executeTakeFirst();
    return Number(removed.numDeletedRows) > 0;
  }

  /**
   * The case's people and things as the picture holds them now: a linked entity merged since is
   * read as the entity it was merged into (one row per entity and role).
   */
  async entities(caseId: string): Promise<{ entity_id: string; linked_id: string; kind: EntityKind; label: string; role: CaseEntityRole; added_at: Date }[]> {
    const rows = await sql<{ entity_id: string; linked_id: string; kind: EntityKind; label: string; role: CaseEntityRole; added_at: Date }>`
      with recursive chain(linked_id, id, merged_into, depth) as (
        select ce.entity_id, e.id, e.merged_into, 0 from case_entities ce join entities e on e.id = ce.entity_id where ce.case_id = ${caseId}
        union all
        select c.linked_id, e.id, e.merged_into, c.depth + 1 from chain c join entities e on e.id = c.merged_into where c.depth < 50
      ),
      current as (select distinct on (linked_id) linked_id, id from chain where merged_into is null order by linked_id, depth desc)
      select distinct on (cur.id, ce.role) cur.id as entity_id, ce.entity_id as linked_id, e.kind, e.label, ce.role, ce.added_at
      from case_entities ce join current cur on cur.linked_id = ce.entity_id join entities e on e.id = cur.id
      where ce.case_id = ${caseId}
      order by cur.id, ce.role, ce.added_at`.execute(this.db);
    return rows.rows;
  }

  /** The people of a report as the picture resolved them, with their part in it: what a case opened from it links. */
  /** Each entity's kind, and whether any report records it as a suspect or a potential victim. */
  async partsInReports(entityIds: readonly string[]): Promise<{ id: string; kind: string; suspect: boolean; victim: boolean }[]> {
    if (entityIds.length === 0) return [];
    const rows = await sql<{ id: string; kind: string; suspect: boolean; victim: boolean }>`
      select e.id, e.kind,
        coalesce(bool_or(er.role = 'suspect'), false) as suspect,
        coalesce(bool_or(er.role = 'potential_victim'), false) as victim
      from entities e left join entity_records er on er.entity_id = e.id
      where e.id in (${sql.join(entityIds)})
      group by e.id, e.kind`.execute(this.db);
    return rows.rows;
  }

  async reportPeople(reportId: string): Promise<{ entity_id: string; role: string | null }[]> {
    const rows = await sql<{ entity_id: string; role: string | null }>`
      select distinct er.entity_id, er.role from entity_records er
      where er.report_id = ${reportId} and er.kind = 'person' and er.entity_id is not null`.execute(this.db);
    return rows.rows;
  }

  async addNote(note: { id: string; caseId: string; body: string; authorId: string; at: Date }): Promise<void> {
    await this.db
      .insertInto('case_notes')
      .values({ id: note.id, case_id: note.caseId, body: note.body, author_id: note.authorId, written_at: note.at })
      .execute();
  }

  async notes(caseId: string) {
    return this.db
      .selectFrom('case_notes as n')
      .innerJoin('users as u', 'u.id', 'n.author_id')
      .innerJoin('agencies as a', 'a.id', 'u.agency_id')
      .select(['n.id', 'n.body', 'n.written_at', 'u.display_name as author_name', 'u.agency_id as author_agency_id', 'a.name as author_agency'])
      .where('n.case_id', '=', caseId)
      .orderBy('n.written_at')
      .orderBy('n.id')
      .execute();
  }

  /** The cases a report is in (for the report's page). */
  async ofReport(reportId: string): Promise<{ id: string; reference: string; title: string; status: CaseStatus }[]> {
    return this.db
      .selectFrom('case_reports as cr')
      .innerJoin('cases as c', 'c.id', 'cr.case_id')
      .select(['c.id', 'c.reference', 'c.title', 'c.status'])
      .where('cr.report_id', '=', reportId)
      .orderBy('c.opened_at')
      .execute();
  }
}
