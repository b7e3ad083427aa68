import type { Kysely, Transaction } from 'kysely';
import { countryOf, type StoredReport } from '@harbour/core';
import { sql } from 'kysely';
import type { AuditRepository, AuditEvent } from './audit.repository';
import type { DB } from '../schema';
import { GroupCommit } from '../group-commit';
import { reportsByReference } from './report-reference';

/** A report as the store takes it: built by core's one report builder (see buildReport). */
export type NewReport = StoredReport;

export interface QueueFilter {
  readonly status: 'new' | 'triaged' | 'closed';
  readonly localAuthority?: string | undefined;
  readonly source?: string | undefined;
  readonly child?: boolean | undefined;
  readonly exploitationType?: string | undefined;
  /** A report's reference or the code its reporter was given; finds it in any status. */
  readonly reference?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface QueueRow {
  id: string;
  reference: string;
  source: string;
  received_at: Date;
  local_authority: string | null;
  town: string | null;
  exploitation_types: string[];
  involves_child: boolean;
  triage_score: number | null;
  triage_band: string | null;
  status: string;
  language: string | null;
  summary: string;
}

export interface FollowUpRow {
  report_id: string;
  reference_code: string;
  passphrase_hash: string;
  received_at: Date;
}

export interface MessageRow {
  id: string;
  author: string;
  body: string;
  created_at: Date;
}

export class IntakeRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditRepository,
  ) {}

  // Concurrent submissions share a transaction (see GroupCommit); each still stands alone on failure.
  private readonly writer = new GroupCommit<{ report: NewReport; auditEvent: AuditEvent }, { reference: string }>((items) => this.createReports(items));

  /** Stores a report with all it mentions, its follow-up channel if any, and its audit entry; or nothing. */
  createReport(report: NewReport, auditEvent: AuditEvent): Promise<{ reference: string }> {
    return this.writer.write({ report, auditEvent });
  }

  /** Stores several reports in one transaction: a few multi-row inserts whatever the count. */
  private async createReports(items: readonly { report: NewReport; auditEvent: AuditEvent }[]): Promise<{ reference: string }[]> {
    return this.db.transaction().execute(async (tx) => insertReports(tx, this.audit, items));
  }

  /**
   * The triage queue: the most urgent band first; within a band a child or anyone in danger now
   * first; then the highest score, then the oldest.
   */
  async queue(filter: QueueFilter): Promise<QueueRow[]> {
    let q = this.queueRows();
    if (filter.reference) {
      // Typed as read out or copied: any case, with or without spaces and hyphens; any status.
      const reference = filter.reference;
      q = q.where(sql<boolean>`id in (${reportsByReference(reference)})`);
    } else q = q.where('status', '=', filter.status);
    if (filter.localAuthority) q = q.where('local_authority', '=', filter.localAuthority);
    if (filter.source) q = q.where('source', '=', filter.source);
    if (filter.child !== undefined) q = q.where('involves_child', '=', filter.child);
    if (filter.exploitationType) q = q.where(sql<boolean>`${filter.exploitationType} = any(exploitation_types)`);
    return q
      .orderBy(sql`case triage_band when 'critical' then 4 when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end`, 'desc')
      .orderBy(sql`involves_child or coalesce(triage -> 'contributions' @> '[{"id": "risk_to_life"}]'::jsonb, false)`, 'desc')
      .orderBy(sql`coalesce(triage_score, -1)`, 'desc')
      .orderBy('received_at', 'asc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
  }

  /**
   * The open reports assigned to one person (awaiting triage or in hand), with those awaiting
   * triage first so a cap never hides one that may be overdue; the caller puts them in working order.
   */
  async assignedTo(userId: string, limit: number): Promise<QueueRow[]> {
    return this.queueRows()
      .where('assigned_to', '=', userId)
      .where('status', '<>', 'closed')
      .orderBy(sql`status = 'new'`, 'desc')
      .orderBy('received_at', 'asc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** A report as one line of a list: the queue and a person's work. */
  private queueRows() {
    return this.db
      .selectFrom('reports')
      .select([
        'id',
        'reference',
        'source',
        'received_at',
        'local_authority',
        'town',
        'exploitation_types',
        'involves_child',
        'triage_score',
        'triage_band',
        'status',
        'language',
      ])
      .select(sql<string>`left(summary, 240)`.as('summary'));
  }

  /** Everything the team sees of one report. */
  async reportDetail(id: string) {
    const report = await this.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!report) return undefined;
    const [persons, phones, vehicles, businesses, addresses, online, bankAccounts, documents, followUp, resolved] = await Promise.all([
      this.db.selectFrom('report_persons').selectAll().where('report_id', '=', id).orderBy('role').orderBy('id').execute(),
      this.db.selectFrom('report_phones').selectAll().where('report_id', '=', id).orderBy('id').execute(),
      this.db.selectFrom('report_vehicles').selectAll().where('report_id', '=', id).orderBy('id').execute(),
      this.db.selectFrom('report_businesses').selectAll().where('report_id', '=', id).orderBy('id').execute(),
      this.db.selectFrom('report_addresses').selectAll().where('report_id', '=', id).orderBy('id').execute(),
      this.db.selectFrom('report_online').selectAll().where('report_id', '=', id).orderBy('id').execute(),
      this.db.selectFrom('report_bank_accounts').selectAll().where('report_id', '=', id).orderBy('id').execute(),
      this.db.selectFrom('report_documents').selectAll().where('report_id', '=', id).orderBy('id').execute(),
      this.db.selectFrom('report_follow_up').select(['report_id', 'reference_code']).where('report_id', '=', id).executeTakeFirst(),
      // What each mention became in the picture (a record has the id of the row it was taken from).
      this.db.selectFrom('entity_records').select(['id', 'entity_id']).where('report_id', '=', id).where('entity_id', 'is not', null).execute(),
    ]);
    const entityOf = new Map(resolved.map((r) => [r.id, r.entity_id!]));
    return {
      report,
      persons,
      phones,
      vehicles,
      businesses,
      addresses,
      online,
      bankAccounts,
      documents,
      hasFollowUp: !!followUp,
      referenceCode: followUp?.reference_code ?? null,
      entityOf,
    };
  }

  /** Whom a report is assigned to, and who assigned it; undefined when there is no such report. */
  async assignment(
    id: string,
  ): Promise<{ assigned_to: string | null; assigned_by: string | null; grading: string | null; handling_conditions: string | null } | undefined> {
    return this.db.selectFrom('reports').select(['assigned_to', 'assigned_by', 'grading', 'handling_conditions']).where('id', '=', id).executeTakeFirst();
  }

  /** Applies triage decisions and their audit entry together. */
  async updateTriage(
    id: string,
    change: {
      assignedTo?: string | null;
      assignedBy?: string;
      grading?: string;
      handlingConditions?: string | null;
      triagedBy?: string;
      triagedAt?: Date;
    },
    auditEvent: AuditEvent,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const values: Record<string, unknown> = {};
      if (change.assignedTo !== undefined) {
        values.assigned_to = change.assignedTo;
        values.assigned_by = change.assignedTo === null ? null : (change.assignedBy ?? null);
      }
      if (change.grading !== undefined) values.grading = change.grading;
      if (change.handlingConditions !== undefined) values.handling_conditions = change.handlingConditions;
      if (change.triagedBy !== undefined) {
        values.triaged_by = change.triagedBy;
        values.triaged_at = change.triagedAt;
        values.status = 'triaged';
      }
      const result = await tx.updateTable('reports').set(values).where('id', '=', id).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await this.audit.appendIn(tx, auditEvent);
      return true;
    });
  }

  /** Marks a form token used; false when it was used already (a token is good for one report). */
  async claimFormToken(tokenHash: string, at: Date): Promise<boolean> {
    const row = await this.db
      .insertInto('used_form_tokens')
      .values({ token_hash: tokenHash, used_at: at })
      .onConflict((oc) => oc.column('token_hash').doNothing())
      .returning('token_hash')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Forgets used tokens that would have expired anyway; returns how many. */
  async pruneFormTokens(before: Date): Promise<number> {
    return Number((await this.db.deleteFrom('used_form_tokens').where('used_at', '<', before).executeTakeFirst()).numDeletedRows);
  }

  async countPhotos(reportId: string): Promise<number> {
    const row = await this.db
      .selectFrom('report_photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async addPhoto(
    photo: { id: string; reportId: string; contentType: string; bytes: Buffer; width: number; height: number; sha256: string },
    auditEvent: AuditEvent,
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('report_photos')
        .values({
          id: photo.id,
          report_id: photo.reportId,
          content_type: photo.contentType,
          bytes: photo.bytes,
          width: photo.width,
          height: photo.height,
          sha256: photo.sha256,
        })
        .execute();
      await this.audit.appendIn(tx, auditEvent);
    });
  }

  async photos(reportId: string): Promise<{ id: string; content_type: string; width: number; height: number; created_at: Date }[]> {
    return this.db
      .selectFrom('report_photos')
      .select(['id', 'content_type', 'width', 'height', 'created_at'])
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .execute();
  }

  async photo(reportId: string, id: string): Promise<{ content_type: string; bytes: Buffer } | undefined> {
    return this.db.selectFrom('report_photos').select(['content_type', 'bytes']).where('report_id', '=', reportId).where('id', '=', id).executeTakeFirst();
  }

  async teamMembers(): Promise<{ id: string; display_name: string; role: string }[]> {
    return this.db
      .selectFrom('users')
      .select(['id', 'display_name', 'role'])
      .where('role', 'in', ['supervisor', 'investigator'])
      .where('disabled_at', 'is', null)
      .orderBy('display_name')
      .execute();
  }

  async findFollowUp(referenceCode: string): Promise<FollowUpRow | undefined> {
    return this.db
      .selectFrom('report_follow_up')
      .innerJoin('reports', 'reports.id', 'report_follow_up.report_id')
      .select(['report_follow_up.report_id', 'report_follow_up.reference_code', 'report_follow_up.passphrase_hash', 'reports.received_at'])
      .where('report_follow_up.reference_code', '=', referenceCode)
      .executeTakeFirst();
  }

  async messages(reportId: string): Promise<MessageRow[]> {
    return this.db
      .selectFrom('report_messages')
      .select(['id', 'author', 'body', 'created_at'])
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async addMessage(
    message: { id: string; reportId: string; author: 'reporter' | 'team'; authorUserId: string | null; body: string },
    auditEvent: AuditEvent,
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('report_messages')
        .values({ id: message.id, report_id: message.reportId, author: message.author, author_user_id: message.authorUserId, body: message.body })
        .execute();
      await this.audit.appendIn(tx, auditEvent);
    });
  }

  async reportExists(reportId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('reports').select('id').where('id', '=', reportId).executeTakeFirst());
  }

  async saveDraft(userId: string, id: string, data: Record<string, unknown>, at: Date): Promise<void> {
    await this.db
      .insertInto('referral_drafts')
      .values({ id, user_id: userId, data: JSON.stringify(data), updated_at: at })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({ data: JSON.stringify(data), updated_at: at })
          .where('referral_drafts.user_id', '=', userId),
      )
      .execute();
  }

  async drafts(userId: string): Promise<DraftRow[]> {
    return this.db.selectFrom('referral_drafts').select(['id', 'data', 'updated_at']).where('user_id', '=', userId).orderBy('updated_at', 'desc').execute();
  }

  async draft(userId: string, id: string): Promise<DraftRow | undefined> {
    return this.db.selectFrom('referral_drafts').select(['id', 'data', 'updated_at']).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  }

  async deleteDraft(userId: string, id: string): Promise<void> {
    await this.db.deleteFrom('referral_drafts').where('user_id', '=', userId).where('id', '=', id).execute();
  }

  /** The key that signs public form tokens, made on first use and shared by every server. */
  async secret(name: string, make: () => string): Promise<string> {
    await this.db
      .insertInto('app_secrets')
      .values({ name, value: make() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db.selectFrom('app_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return row.value;
  }
}

export interface DraftRow {
  id: string;
  data: Record<string, unknown>;
  updated_at: Date;
}

/**
 * Inserts reports with all they mention and their audit entries, inside the caller's transaction:
 * a few multi-row inserts whatever the count. Returns each report's new reference, in order.
 */
export async function insertReports(
  tx: Transaction<DB>,
  audit: AuditRepository,
  items: readonly { report: NewReport; auditEvent: AuditEvent }[],
): Promise<{ reference: string }[]> {
  const numbers = await sql<{ n: string }>`select nextval('report_number_seq')::text as n from generate_series(1, ${items.length})`.execute(tx);
  const references = items.map(({ report }, i) => `HBR-${report.receivedAt.getUTCFullYear()}-${numbers.rows[i]!.n}`);
  const reports = items.map((i) => i.report);
  await tx
    .insertInto('reports')
    .values(
      reports.map((report, i) => ({
        id: report.id,
        reference: references[i]!,
        source: report.source,
        received_at: report.receivedAt,
        local_authority: report.localAuthority,
        town: report.town,
        postcode: report.postcode,
        summary: report.summary,
        exploitation_types: report.exploitationTypes,
        involves_child: report.involvesChild,
        status: 'new',
        reporter_relation: report.relation,
        language: report.language,
        campaign: report.campaign ?? null,
        setting: report.setting ?? null,
        occurred: report.occurred,
        location_description: report.locationDescription,
        triage_score: report.triageScore,
        triage_band: report.triageBand,
        created_by: report.createdBy ?? null,
        agency_id: report.agencyId ?? null,
        catalogue_version: report.catalogueVersion ?? null,
        indicator_ids: report.indicatorIds ?? [],
        victim: report.victim ? JSON.stringify(report.victim) : null,
        triage: report.triage ? JSON.stringify(report.triage) : null,
        danger_now: report.dangerNow ?? false,
      })),
    )
    .execute();
  const persons = reports.flatMap((r) =>
    r.persons.map((p) => ({
      id: p.id,
      report_id: r.id,
      role: p.role,
      given_name: p.givenName,
      family_name: p.familyName,
      dob: p.dob ?? null,
      gender: p.gender,
      nationality: p.nationality,
      nationality_code: countryOf(p.nationality)?.code ?? null,
      phone: p.phone ?? null,
      address: p.address ?? null,
      postcode: null,
      town: null,
      description: p.description ?? null,
    })),
  );
  if (persons.length > 0) await tx.insertInto('report_persons').values(persons).execute();
  const phones = reports.flatMap((r) => r.phones.map((p) => ({ id: p.id, report_id: r.id, number: p.number })));
  if (phones.length > 0) await tx.insertInto('report_phones').values(phones).execute();
  const vehicles = reports.flatMap((r) =>
    r.vehicles.map((v) => ({ id: v.id, report_id: r.id, registration: v.registration, make: v.make, model: null, colour: v.colour })),
  );
  if (vehicles.length > 0) await tx.insertInto('report_vehicles').values(vehicles).execute();
  const businesses = reports.flatMap((r) =>
    r.businesses.map((b) => ({ id: b.id, report_id: r.id, name: b.name, kind: b.kind, address: b.address, postcode: null, town: null })),
  );
  if (businesses.length > 0) await tx.insertInto('report_businesses').values(businesses).execute();
  const addresses = reports.flatMap((r) =>
    (r.addresses ?? []).map((a) => ({ id: a.id, report_id: r.id, address: a.address, postcode: a.postcode, town: a.town, description: a.description })),
  );
  if (addresses.length > 0) await tx.insertInto('report_addresses').values(addresses).execute();
  const online = reports.flatMap((r) => (r.online ?? []).map((o) => ({ ...o, report_id: r.id })));
  if (online.length > 0) await tx.insertInto('report_online').values(online).execute();
  const bankAccounts = reports.flatMap((r) =>
    (r.bankAccounts ?? []).map((b) => ({
      id: b.id,
      report_id: r.id,
      bank: b.bank,
      sort_code: b.sortCode,
      account_number: b.accountNumber,
      iban: b.iban,
      holder: b.holder,
    })),
  );
  if (bankAccounts.length > 0) await tx.insertInto('report_bank_accounts').values(bankAccounts).execute();
  const documents = reports.flatMap((r) => (r.documents ?? []).map((d) => ({ ...d, report_id: r.id })));
  if (documents.length > 0) await tx.insertInto('report_documents').values(documents).execute();
  const followUps = reports.flatMap((r) =>
    r.followUp ? [{ report_id: r.id, reference_code: r.followUp.referenceCode, passphrase_hash: r.followUp.passphraseHash }] : [],
  );
  if (followUps.length > 0) await tx.insertInto('report_follow_up').values(followUps).execute();
  await audit.appendManyIn(
    tx,
    items.map(({ report, auditEvent }, i) => ({
      ...auditEvent,
      subjectId: report.id,
      details: { ...auditEvent.details, reference: references[i]! },
    })),
  );
  return references.map((reference) => ({ reference }));
}
