import type { JobName } from '@harbour/contract';
import type { JobQueue, QueueSettings, Repositories } from '@harbour/db';

/** One named piece of background work. */
export interface BackgroundJob {
  readonly name: JobName;
  /** How often each process asks whether the job has work (its beat). */
  readonly everySeconds: number;
  /** Tries after a failed run, the first after `everySeconds`, each later one after twice the wait. */
  readonly retries: number;
  /** A run still going after this long is counted failed. */
  readonly expireSeconds: number;
  /** Cheap: is there work now? Asked at every beat by every process, so it reads, never writes. */
  due(): Promise<boolean>;
  /** Does the work; returns counts of what it did (never a record's content). */
  run(): Promise<Record<string, number>>;
}

export interface JobLog {
  failed(job: JobName, reason: string): void;
}

/**
 * Runs Harbour's background jobs through the queue in the store: every process beats for every
 * job, asking for a run when the job has work; the queue holds one run waiting and one running
 * per job, so however many processes ask, the work is done once, by whichever takes it first.
 * Each run is written down (job_runs) for the administrator's page; a failed run is tried again
 * with backoff, then left until the next beat finds work.
 */
export class BackgroundJobs {
  private readonly beats: NodeJS.Timeout[] = [];
  private stopping = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly runs: Repositories['jobRuns'],
    private readonly jobs: readonly BackgroundJob[],
    private readonly log: JobLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(): Promise<void> {
    for (const job of this.jobs) {
      const settings = queueSettings(job);
      await this.queue.declare(settings);
      await this.runs.declare(job.name, job.everySeconds);
      await this.queue.work(settings, () => this.runOnce(job));
      // At start, at once: work left by a process that stopped is not kept waiting a whole beat.
      void this.beat(job);
      const beat = setInterval(() => void this.beat(job), job.everySeconds * 1_000);
      beat.unref();
      this.beats.push(beat);
    }
  }

  /** Asks for a run of the job now if it has work (used by the beat, and by tests). */
  async beat(job: BackgroundJob): Promise<boolean> {
    if (this.stopping) return false;
    try {
      return (await job.due()) && (await this.queue.request(job.name));
    } catch (error) {
      this.log.failed(job.name, reason(error));
      return false;
    }
  }

  /** Stops asking and taking; waits for the runs in hand (a run cut short is taken up again by the next worker). */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const beat of this.beats.splice(0)) clearInterval(beat);
    await this.queue.stop();
  }

  private async runOnce(job: BackgroundJob): Promise<void> {
    await this.runs.started(job.name, this.now());
    try {
      const summary = await job.run();
      await this.runs.succeeded(job.name, this.now(), summary);
    } catch (error) {
      this.log.failed(job.name, reason(error));
      await this.runs.failed(job.name, this.now(), reason(error)).catch(() => undefined);
      throw error; // the queue tries it again, after a wait
    }
  }
}

function queueSettings(job: BackgroundJob): QueueSettings {
  return {
    name: job.name,
    retries: job.retries,
    retryDelaySeconds: job.everySeconds,
    expireSeconds: job.expireSeconds,
    pollSeconds: Math.max(0.5, Math.min(job.everySeconds / 2, 5)),
  };
}

/**
 * The error's own message, short: the store's and the code's messages name tables and
 * constraints, not values (a PostgreSQL error's `detail`, which can hold values, is left out).
 */
export function reason(error: unknown): string {
  return (error instanceof Error ? error.message : 'the job stopped').slice(0, 300);
}
