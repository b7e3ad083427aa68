import { JOB_NAMES, type JobName, type JobRunView } from '@harbour/contract';
import { PERMISSIONS, permittedUser, type Actor } from '@harbour/core';
import type { JobRun, Repositories } from '@harbour/db';

/** The administrator's view of background work: each job's last run, what it did, and what failed. */
export class JobRunService {
  constructor(private readonly repos: Repositories) {}

  /** Every job that has been declared, in the order the jobs are listed; no personal data, so not audited. */
  async list(actor: Actor): Promise<JobRunView[]> {
    permittedUser(actor, PERMISSIONS.jobsRead, 'Only an administrator or a supervisor sees the background jobs');
    const [rows, queued] = await Promise.all([this.repos.jobRuns.list(), this.repos.jobRuns.queued()]);
    return rows
      .filter((row): row is JobRun & { name: JobName } => (JOB_NAMES as readonly string[]).includes(row.name))
      .sort((a, b) => JOB_NAMES.indexOf(a.name) - JOB_NAMES.indexOf(b.name))
      .map((row) => ({
        name: row.name,
        everySeconds: row.every_seconds,
        lastStartedAt: row.last_started_at?.toISOString() ?? null,
        lastFinishedAt: row.last_finished_at?.toISOString() ?? null,
        lastSucceededAt: row.last_succeeded_at?.toISOString() ?? null,
        lastFailedAt: row.last_failed_at?.toISOString() ?? null,
        lastFailure: row.last_failure,
        lastSummary: row.last_summary,
        runs: Number(row.runs),
        failures: Number(row.failures),
        failingRuns: row.failing_runs,
        waiting: queued.get(row.name)?.waiting ?? 0,
        running: queued.get(row.name)?.running ?? 0,
      }));
  }
}
