import { sql, type Kysely, type Selectable } from 'kysely';
import { JOB_QUEUE_SCHEMA } from '../job-queue';
import type { DB, JobRunsTable } from '../schema';

export type JobRun = Selectable<JobRunsTable>;

/** One row per named background job: when it last ran, how that went, and how often it has failed. */
export class JobRunRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Names the job and how often it is asked for; its history is kept. */
  async declare(name: string, everySeconds: number): Promise<void> {
    await sql`insert into job_runs (name, every_seconds) values (${name}, ${everySeconds})
      on conflict (name) do update set every_seconds = excluded.every_seconds`.execute(this.db);
  }

  async started(name: string, at: Date): Promise<void> {
    await sql`update job_runs set last_started_at = ${at}, runs = runs + 1 where name = ${name}`.execute(this.db);
  }

  async succeeded(name: string, at: Date, summary: Readonly<Record<string, number>>): Promise<void> {
    await sql`update job_runs set last_finished_at = ${at}, last_succeeded_at = ${at}, last_summary = ${JSON.stringify(summary)}::jsonb,
      failing_runs = 0 where name = ${name}`.execute(this.db);
  }

  async failed(name: string, at: Date, failure: string): Promise<void> {
    await sql`update job_runs set last_finished_at = ${at}, last_failed_at = ${at}, last_failure = ${failure},
      failures = failures + 1, failing_runs = failing_runs + 1 where name = ${name}`.execute(this.db);
  }

  async list(): Promise<JobRun[]> {
    return this.db.selectFrom('job_runs').selectAll().orderBy('name').execute();
  }

  /** Per job, runs waiting (asked for, or to be tried again) and running now, in any process; none before the queue first started. */
  async queued(): Promise<Map<string, { waiting: number; running: number }>> {
    const present = await sql<{ present: boolean }>`select to_regclass(${`${JOB_QUEUE_SCHEMA}.job`}) is not null as present`.execute(this.db);
    if (!present.rows[0]?.present) return new Map();
    const rows = await sql<{ name: string; waiting: number; running: number }>`
      select name, count(*) filter (where state in ('created', 'retry'))::int as waiting, count(*) filter (where state = 'active')::int as running
      from ${sql.table(`${JOB_QUEUE_SCHEMA}.job`)} where state < 'completed' group by name`.execute(this.db);
    return new Map(rows.rows.map((r) => [r.name, { waiting: r.waiting, running: r.running }]));
  }
}
