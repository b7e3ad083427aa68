import type { RetentionView } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  NotFound,
  PERMISSIONS,
  RETENTION_DEFAULTS,
  checkDeletable,
  checkRetain,
  localDate,
  permittedUser,
  type Actor,
  type DeletionReason,
  type RetentionSchedule,
} from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';

/** Due records listed at most at once: a review is worked through, not read as an archive. */
const MOST_DUE = 500;

/**
 * Records management under the retention schedule (MoPI-style review): what is due, keeping a
 * record with a reason and a next review, and deleting it whole. A deletion leaves an audit entry
 * and a count of what went (reports, people, entities; the months received), never whose it was.
 */
export class RetentionService {
  constructor(
    private readonly repos: Repositories,
    private readonly schedule: RetentionSchedule = RETENTION_DEFAULTS,
    private readonly hooks: { pictureChanged?: () => void; documentFolder?: string | undefined } = {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  async due(actor: Actor): Promise<RetentionView> {
    const user = permittedUser(actor, PERMISSIONS.recordsReview, 'Your role does not review records');
    const [rows, deleted] = await Promise.all([this.repos.retention.due(this.schedule, this.today(), MOST_DUE), this.repos.retention.deletions()]);
    await this.repos.audit.append(auditEntry(user, 'retention.listed', null, { due: rows.length }));
    return {
      schedule: { ...this.schedule },
      due: rows.map((r) => ({
        recordType: r.record_type,
        id: r.id,
        reference: r.reference,
        startedOn: r.started_on,
        dueOn: r.due_on,
        lastReview: r.last_reason !== null && r.last_at ? { reason: r.last_reason, by: r.last_by ?? '', at: r.last_at.toISOString() } : null,
      })),
      deleted,
    };
  }

  /** Keeps a record under review, with why it is still needed and when it is looked at again. */
  async retain(actor: Actor, kind: 'report' | 'case', id: string, input: { reason: string; nextReviewOn: string }): Promise<void> {
    const user = permittedUser(actor, PERMISSIONS.recordsReview, 'Your role does not review records');
    const kept = checkRetain(input, this.today());
    await this.repos.retention.transaction(async (records, audit) => {
      if (!(await records.one(this.schedule, kind, id))) throw new NotFound(notReviewable(kind));
      await records.retain({
        id: randomUUID(),
        recordType: kind,
        recordId: id,
        reason: kept.reason,
        nextReviewOn: kept.nextReviewOn,
        by: user.userId,
        at: this.now(),
      });
      await audit(auditEntry(user, 'retention.retained', { type: kind, id }, { nextReviewOn: kept.nextReviewOn }));
    });
  }

  /** Deletes a record whose review is due, whole: it leaves the store, the picture and the figures. */
  async delete(actor: Actor, kind: 'report' | 'case', id: string, reason: DeletionReason): Promise<void> {
    const user = permittedUser(actor, PERMISSIONS.recordsReview, 'Your role does not review records');
    const deleted = await this.repos.retention.transaction(async (records, audit) => {
      const row = await records.one(this.schedule, kind, id);
      if (!row) throw new NotFound(notReviewable(kind));
      checkDeletable(row.due_on, this.today());
      const gone = kind === 'report' ? await records.deleteReport(id) : await records.deleteCase(id);
      await records.recordDeletion({
        id: randomUUID(),
        record_type: row.record_type,
        reason,
        reports: gone.reports,
        potential_victims: gone.potentialVictims,
        entities: gone.entities,
        first_month: gone.firstMonth,
        last_month: gone.lastMonth,
        deleted_by: user.userId,
        deleted_at: this.now(),
      });
      await audit(
        auditEntry(
          user,
          'retention.deleted',
          { type: kind, id },
          { recordType: row.record_type, reason, reports: gone.reports, potentialVictims: gone.potentialVictims, entities: gone.entities },
        ),
      );
      return gone;
    });
    const folder = this.hooks.documentFolder;
    if (folder) for (const document of deleted.folderDocuments) await rm(join(folder, document), { force: true });
    this.hooks.pictureChanged?.();
    // What the people tally kept of the deleted people (dates of birth, nationalities) goes now, not at the next figure.
    await this.repos.people.catchUp();
  }

  private today(): string {
    return localDate(this.now());
  }
}

function notReviewable(kind: 'report' | 'case'): string {
  return kind === 'report' ? 'No such report on no case' : 'No such closed case';
}
