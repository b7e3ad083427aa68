import type { Role, UserActor } from '@harbour/core';
import { JobQueue, repositories, type Store } from '@harbour/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestStore, openAt, TEST_STORE, type TestStore } from '../../../test/test-store';
import { BackgroundJobs, type BackgroundJob } from '../src/jobs/background-jobs';
import { JobRunService } from '../src/services/job-run.service';

const quiet = { failed: () => undefined };
const actor = (role: Role): UserActor => ({ kind: 'user', userId: 'u1', role, agencyId: 'a1', sessionId: 's1', stage: 'complete' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Two "processes" on one store: on PostgreSQL each has its own store (its own connections, as two
 * Harbour processes would); PGlite is one process's store, so there both share it.
 */
describe(`background jobs queued in the store (${TEST_STORE})`, () => {
  let t: TestStore;
  let second: Store;
  const running: BackgroundJobs[] = [];

  beforeAll(async () => {
    t = await newTestStore();
    second = TEST_STORE === 'postgres' ? await openAt(t.location) : t.store;
  });
  afterAll(async () => {
    for (const jobs of running) await jobs.stop();
    if (second !== t.store) await second.close();
    await t?.close();
  });

  async function processOn(store: Store, job: BackgroundJob): Promise<BackgroundJobs> {
    const queue = await JobQueue.open(store, { onError: () => undefined });
    const jobs = new BackgroundJobs(queue, repositories(store.db).jobRuns, [job], quiet);
    await jobs.start();
    running.push(jobs);
    return jobs;
  }

  it('two processes asking for the same job at once do the work once per run, never side by side', async () => {
    let open = false;
    let inHand = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const job: BackgroundJob = {
      name: 'figures',
      everySeconds: 1,
      retries: 0,
      expireSeconds: 60,
      due: async () => open,
      run: async () => {
        inHand++;
        mostAtOnce = Math.max(mostAtOnce, inHand);
        await sleep(40);
        runs++;
        inHand--;
        return { runs };
      },
    };
    const a = await processOn(t.store, job);
    const b = await processOn(second, job);

    open = true;
    let accepted = 0;
    for (let i = 0; i < 15; i++) {
      const asked = await Promise.all([a.beat(job), b.beat(job), a.beat(job), b.beat(job)]);
      accepted += asked.filter(Boolean).length;
      await sleep(30);
    }
    open = false;
    await until(async () => {
      const queued = (await t.repos.jobRuns.queued()).get('figures');
      return !queued || (queued.waiting === 0 && queued.running === 0);
    }, 'the queue to empty');

    expect(mostAtOnce).toBe(1);
    // Sixty asks, but at most one run waiting at a time: far fewer runs, each asked-for run done once.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(60);
    expect(runs).toBe(accepted);
    const [row] = (await t.repos.jobRuns.list()).filter((r) => r.name === 'figures');
    expect(Number(row!.runs)).toBe(runs);
    expect(Number(row!.failures)).toBe(0);
    expect(row!.last_summary).toEqual({ runs });
  });

  it('a failing run is written down and tried again after a wait; the next success clears the failing count', async () => {
    let tries = 0;
    const triedAt: number[] = [];
    const job: BackgroundJob = {
      name: 'housekeeping',
      everySeconds: 1,
      retries: 3,
      expireSeconds: 60,
      due: async () => tries === 0,
      run: async () => {
        tries++;
        triedAt.push(Date.now());
        if (tries <= 2) throw new Error(`store unavailable (try ${tries})`);
        return { cleared: 7 };
      },
    };
    // Starting beats once at once: the job has work, so a run is asked for without waiting a beat.
    await processOn(t.store, job);

    await until(async () => tries >= 2, 'two failed tries');
    const view = new JobRunService(t.repos);
    const admin = actor('admin');
    const failing = (await view.list(admin)).find((j) => j.name === 'housekeeping')!;
    expect(failing.failures).toBe(2);
    expect(failing.failingRuns).toBe(2);
    expect(failing.lastFailure).toBe('store unavailable (try 2)');
    expect(failing.lastSucceededAt).toBeNull();

    await until(async () => tries >= 3, 'the third try');
    await until(async () => (await view.list(admin)).find((j) => j.name === 'housekeeping')!.lastSucceededAt !== null, 'the success written down');
    const well = (await view.list(admin)).find((j) => j.name === 'housekeeping')!;
    expect(well).toMatchObject({ runs: 3, failures: 2, failingRuns: 0, lastSummary: { cleared: 7 }, everySeconds: 1 });
    // Tried again after a wait, and a longer wait the second time (backoff).
    expect(triedAt[1]! - triedAt[0]!).toBeGreaterThanOrEqual(900);
    expect(triedAt[2]! - triedAt[1]!).toBeGreaterThan(triedAt[1]! - triedAt[0]!);
  });

  it('a run whose process fell silent is failed and tried again by a live one, not left until it expires', async () => {
    let release = () => undefined as void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    let finished = 0;
    const job: BackgroundJob = {
      name: 'imports',
      everySeconds: 1,
      retries: 3,
      // An hour: without the take-over, the second run would wait that long.
      expireSeconds: 3600,
      due: async () => finished === 0,
      run: async () => {
        started++;
        // The first run hangs, as a run does in a process that was killed.
        if (started === 1) await stuck;
        finished++;
        return {};
      },
    };
    const dying = await JobQueue.open(t.store, { onError: () => undefined });
    const dyingJobs = new BackgroundJobs(dying, t.repos.jobRuns, [job], quiet);
    const taken: string[] = [];
    const live = await JobQueue.open(second, { onError: () => undefined, onTakenOver: (name) => taken.push(name) });
    const liveJobs = new BackgroundJobs(live, repositories(second.db).jobRuns, [job], quiet);
    await dyingJobs.start();
    await until(async () => started === 1, 'the first run');
    // The dying process's last sign of life, a minute ago.
    await t.store.db
      .updateTable('job_workers')
      .set({ seen_at: new Date(Date.now() - 60_000) })
      .where('id', 'in', (eb) => eb.selectFrom('job_holds').select('worker_id').where('job_name', '=', 'imports'))
      .execute();
    expect(await live.takeOverStopped(false)).toEqual(['imports']);
    expect(taken).toEqual(['imports']);
    // The live process works the queue too (the dying one is busy with its hung run).
    await liveJobs.start();
    // Retried after its delay, while the first run still hangs.
    await until(async () => finished === 1, 'the run tried again');
    expect(started).toBe(2);
    release();
    await dyingJobs.stop();
    await liveJobs.stop();
  });

  it('a run of its own whose end could not be written (the database was changing over) is failed and tried again, not left running', async () => {
    const workers = async () => (await t.store.executeSql('select id from job_workers')).rows.map((r) => (r as { id: string }).id);
    const others = await workers();
    const queue = await JobQueue.open(t.store, { onError: () => undefined });
    try {
      const workerId = (await workers()).find((id) => !others.includes(id))!;
      await queue.declare({ name: 'figures', retries: 3, retryDelaySeconds: 1, expireSeconds: 3600, pollSeconds: 1 });
      expect(await queue.request('figures')).toBe(true);
      // What the queue holds after a run ended while the database was unreachable: the job still
      // active, its hold still this live process's, and nothing here running it.
      const job = await t.store.executeSql(
        `update pgboss.job set state = 'active', started_on = now() where name = 'figures' and state = 'created' returning id`,
      );
      const jobId = (job.rows[0] as { id: string }).id;
      await t.store.executeSql('insert into job_holds (job_id, job_name, worker_id) values ($1, $2, $3)', [jobId, 'figures', workerId]);
      expect(await queue.takeOverStopped(false)).toEqual(['figures']);
      const after = await t.store.executeSql('select state from pgboss.job where id = $1', [jobId]);
      expect((after.rows[0] as { state: string }).state).toBe('retry');
      expect((await t.store.executeSql('select 1 from job_holds where job_id = $1', [jobId])).rows).toEqual([]);
    } finally {
      await queue.stop();
    }
  });

  it('only an administrator or a supervisor sees the jobs', async () => {
    const view = new JobRunService(t.repos);
    await expect(view.list(actor('officer'))).rejects.toThrow(/administrator or a supervisor/);
  });
});
