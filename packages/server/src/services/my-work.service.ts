import type { MyWork } from '@harbour/contract';
import { orderWork, permittedUser, PERMISSIONS, TRIAGE_BANDS, type Actor, type TriageBand } from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { queueItem } from './triage-queue.service';
import { auditEntry } from './audit.service';

/** The most open reports one person's home lists; a DS spreads work long before this. */
const MOST_LISTED = 200;

/** "My work": the reports assigned to the signed-in team member, in the order to work them. */
export class MyWorkService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor): Promise<MyWork> {
    const user = permittedUser(actor, PERMISSIONS.reportsTriage, 'Only the team is assigned reports');
    const rows = await this.repos.intake.assignedTo(user.userId, MOST_LISTED);
    const ordered = orderWork(
      rows.map((row) => ({ row, receivedAt: new Date(row.received_at), band: bandOf(row.triage_band), awaitingTriage: row.status === 'new' })),
      this.now(),
    );
    await this.repos.audit.append(auditEntry(user, 'work.listed', null, { reports: ordered.map((w) => w.item.row.id) }));
    return {
      reports: ordered.map((w) => ({ ...queueItem(w.item.row), dueBy: w.dueBy?.toISOString() ?? null, overdue: w.overdue })),
      overdue: ordered.filter((w) => w.overdue).length,
    };
  }
}

function bandOf(stored: string | null): TriageBand | null {
  return TRIAGE_BANDS.find((b) => b === stored) ?? null;
}
