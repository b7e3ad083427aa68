import PgBoss from 'pg-boss';
import type { Store } from './store';

/** The queue's tables live apart from Harbour's, in a schema of their own. */
export const JOB_QUEUE_SCHEMA = 'pgboss';
const SCHEMA = JOB_QUEUE_SCHEMA;

/** How one named job is queued. */
export interface QueueSettings {
  readonly name: string;
  /** Tries after a failed run, each after twice the wait of the one before. */
  readonly retries: number;
  readonly retryDelaySeconds: number;
  /** A run still going after this long is counted failed (and may be tried again). */
  readonly expireSeconds: number;
  /** How often a waiting run is looked for. */
  readonly pollSeconds: number;
}

/**
 * Named jobs queued in the store itself (pg-boss), so every Harbour process on one database
 * shares them: each job is a "stately" queue, holding at most one run waiting and one running,
 * whichever process asked for it and whichever runs it. The same code runs on PGlite, where the
 * one process is its only worker.
 */
export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly store: Store,
  ) {}

  /** Creates or brings up to date the queue's schema and starts its upkeep (expiring stuck runs, archiving old ones). */
  static async open(store: Store, onError: (error: Error) => void): Promise<JobQueue> {
    const boss = new PgBoss({
      db: { executeSql: (text, values) => store.executeSql(text, values) },
      schema: SCHEMA,
      // Harbour's jobs are asked for by each process's own beat, not by cron.
      schedule: false,
      // A finished run is history after an hour and forgotten after a day; job_runs keeps the summary.
      archiveCompletedAfterSeconds: 3_600,
      deleteAfterDays: 1,
    });
    boss.on('error', onError);
    await boss.start();
    return new JobQueue(boss, store);
  }

  /** Declares the queue, or updates its retry and expiry settings if another start declared it already. */
  async declare(settings: QueueSettings): Promise<void> {
    const options = {
      name: settings.name,
      policy: 'stately' as const,
      retryLimit: settings.retries,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: settings.expireSeconds,
    };
    if (await this.boss.getQueue(settings.name)) return this.boss.updateQueue(settings.name, options);
    try {
      await this.boss.createQueue(settings.name, options);
    } catch (error) {
      // Another process declared it between the look and the create.
      if (!(await this.boss.getQueue(settings.name))) throw error;
      await this.boss.updateQueue(settings.name, options);
    }
  }

  /** Asks for a run. A run already waiting (asked for by any process) is enough: then false. */
  async request(name: string): Promise<boolean> {
    return (await this.boss.send(name, {})) !== null;
  }

  /** Runs the job here whenever a run is waiting; a run that throws is retried, with backoff, up to its limit. */
  async work(settings: QueueSettings, run: () => Promise<void>): Promise<void> {
    await this.boss.work(settings.name, { pollingIntervalSeconds: settings.pollSeconds, batchSize: 1 }, () => run());
  }

  /**
   * Clears the dead rows each run leaves in the queue's tables. The embedded store has no
   * autovacuum, so without this they would grow for ever; a PostgreSQL server vacuums by itself.
   */
  async tidy(): Promise<void> {
    if (this.store.kind === 'pglite') await this.store.executeSql(`vacuum ${SCHEMA}.job, ${SCHEMA}.archive`);
  }

  /** Stops looking for work and waits (up to `waitMs`) for the runs in hand to finish. */
  async stop(waitMs = 30_000): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: waitMs, close: false });
  }
}
