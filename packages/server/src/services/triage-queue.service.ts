import type { QueueItem } from '@harbour/contract';
import { PERMISSIONS, permittedUser, type Actor } from '@harbour/core';
import type { QueueFilter, QueueRow, Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';

/** The team's triage queue: every new report and referral in one list, most urgent first. */
export class TriageQueueService {
  constructor(private readonly repos: Repositories) {}

  async list(actor: Actor, filter: QueueFilter): Promise<QueueItem[]> {
    const user = permittedUser(actor, PERMISSIONS.reportsTriage, 'Only the team works the triage queue');
    const rows = await this.repos.intake.queue(filter);
    await this.repos.audit.append(auditEntry(user, 'triage.listed', null, { filter: { ...filter }, reports: rows.map((r) => r.id) }));
    return rows.map(queueItem);
  }
}

/** A stored report as one line of a list. */
export function queueItem(r: QueueRow): QueueItem {
  return {
    id: r.id,
    reference: r.reference,
    source: r.source,
    receivedAt: new Date(r.received_at).toISOString(),
    localAuthority: r.local_authority,
    town: r.town,
    exploitationTypes: r.exploitation_types,
    involvesChild: r.involves_child,
    triageScore: r.triage_score,
    triageBand: r.triage_band,
    status: r.status,
    language: r.language,
    summary: r.summary,
  };
}
