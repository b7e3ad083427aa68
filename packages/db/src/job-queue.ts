import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Store } from './store';

/** How often a process notes that it is alive, and how long its silence means it has stopped. */
const HEARTBEAT_SECONDS = 5;
const SILENT_SECONDS = 30;

/** The queue's tables live apart from Harbour's, in a schema of their own. */
export const JOB_QUEUE_SCHEMA = 'pgboss';
const SCHEMA = JOB_QUEUE_SCHEMA;

/** What the queue tells its owner. */
export interface QueueEvents {
  onError(error: Error): void;
  /** A run of this job, held by a process that stopped, was failed so that it is tried again. */
  onTakenOver?(job: string): void;
}

interface Hold {
  job_id: string;
  job_name: string;
}

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
  /** This process, as job_workers knows it. */
  private readonly workerId = randomUUID();
  /** The runs this process is running now (by job id). */
  private readonly inHand = new Set<string>();
  private heartbeat: NodeJS.Timeout | undefined;

  private constructor(
    private readonly boss: PgBoss,
    private readonly store: Store,
    private readonly events: QueueEvents,
  ) {}

  /**
   * Creates or brings up to date the queue's schema and starts its upkeep (expiring stuck runs,
   * archiving old ones), notes this process as a worker, and takes over the runs of processes
   * that stopped without finishing them.
   */
  static async open(store: Store, events: QueueEvents): Promise<JobQueue> {
    const boss = new PgBoss({
      db: { executeSql: (text, values) => store.executeSql(text, values) },
      schema: SCHEMA,
      // Harbour's jobs are asked for by each process's own beat, not by cron.
      schedule: false,
      // A finished run is history after an hour and forgotten after a day; job_runs keeps the summary.
      archiveCompletedAfterSeconds: 3_600,
      deleteAfterDays: 1,
    });
    boss.on('error', (error) => events.onError(error));
    await boss.start();
    const queue = new JobQueue(boss, store, events);
    await store.executeSql('insert into job_workers (id) values ($1)', [queue.workerId]);
    // The embedded store is opened by one process at a time: any other worker it remembers has stopped.
    await queue.takeOverStopped(store.kind === 'pglite');
    queue.heartbeat = setInterval(() => void queue.beat().catch((error: Error) => events.onError(error)), HEARTBEAT_SECONDS * 1_000);
    queue.heartbeat.unref();
    return queue;
  }

  private async beat(): Promise<void> {
    // An upsert: a live process wrongly taken for stopped comes back.
    await this.store.executeSql('insert into job_workers (id) values ($1) on conflict (id) do update set seen_at = now()', [this.workerId]);
    await this.takeOverStopped(false);
  }

  /**
   * Fails the runs held by processes that stopped (silent for SILENT_SECONDS, or, with
   * `everyOther`, every process but this one), so the queue tries them again after its retry
   * delay instead of waiting out their expiry. Each stopped process's runs are taken by one live
   * process only (whichever deletes its row). Returns the names of the jobs taken over.
   */
  async takeOverStopped(everyOther: boolean): Promise<string[]> {
    const silent = `make_interval(secs => ${SILENT_SECONDS})`;
    const gone = (
      (await this.store.executeSql(`delete from job_workers where id <> $1 and ($2 or seen_at < now() - ${silent}) returning id`, [this.workerId, everyOther]))
        .rows as { id: string }[]
    ).map((r) => r.id);
    // Also runs whose worker's row is gone (a process that took over from it died half way), and
    // this process's own runs that ended while the database was unreachable: their ending was
    // never written, so the queue still counts them as running.
    const held = (
      await this.store.executeSql(
        `update job_holds h set worker_id = $1
         where h.worker_id = any($2::uuid[]) or (h.worker_id <> $1 and not exists (select 1 from job_workers w where w.id = h.worker_id))
           or (h.worker_id = $1 and not h.job_id = any($3::uuid[]))
         returning job_id, job_name`,
        [this.workerId, gone, [...this.inHand]],
      )
    ).rows as Hold[];
    // A process killed between taking a run and noting it left a run no one holds.
    const unheld = (
      await this.store.executeSql(
        `insert into job_holds (job_id, job_name, worker_id)
         select j.id, j.name, $1 from ${SCHEMA}.job j
         where j.state = 'active' and ($2 or j.started_on < now() - ${silent}) and not exists (select 1 from job_holds h where h.job_id = j.id)
         on conflict do nothing returning job_id, job_name`,
        [this.workerId, everyOther],
      )
    ).rows as Hold[];
    const taken: string[] = [];
    for (const hold of [...held, ...unheld]) {
      await this.boss.fail(hold.job_name, hold.job_id, { reason: 'the process running it stopped' });
      await this.store.executeSql('delete from job_holds where job_id = $1', [hold.job_id]);
      this.events.onTakenOver?.(hold.job_name);
      taken.push(hold.job_name);
    }
    return taken;
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
    await this.boss.work(settings.name, { pollingIntervalSeconds: settings.pollSeconds, batchSize: 1 }, async ([job]) => {
      this.inHand.add(job!.id);
      try {
        // Noted first, so that if this process dies mid-run, a live one knows whose run it was.
        await this.store.executeSql(
          'insert into job_holds (job_id, job_name, worker_id) values ($1, $2, $3) on conflict (job_id) do update set worker_id = $3',
          [job!.id, settings.name, this.workerId],
        );
        try {
          await run();
        } finally {
          await this.store.executeSql('delete from job_holds where job_id = $1', [job!.id]);
        }
      } finally {
        this.inHand.delete(job!.id);
      }
    });
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
    clearInterval(this.heartbeat);
    await this.boss.stop({ graceful: true, wait: true, timeout: waitMs, close: false });
    await this.store.executeSql('delete from job_workers where id = $1', [this.workerId]);
  }
}
