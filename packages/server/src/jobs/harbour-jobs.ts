import type { JobQueue, Repositories } from '@harbour/db';
import type { Services } from '../services/index';
import type { ScheduledBackups } from '../services/scheduled-backups';
import type { BackgroundJob } from './background-jobs';

/** Reports resolved per batch: small, so requests are served between batches. */
const RESOLUTION_BATCH = 50;

/**
 * Harbour's background jobs. Resolution and folding give way while reports are pouring in
 * (they share the store, and reporters come first); imports and housekeeping do not.
 */
export function harbourJobs(svc: Services, repos: Repositories, queue: JobQueue, backups?: ScheduledBackups): BackgroundJob[] {
  const reportersBusy = () => svc.publicReports.reportersBusy();
  return [
    ...(backups
      ? [
          {
            // A whole backup into the configured folder when the newest there is older than the schedule.
            name: 'backup' as const,
            everySeconds: 5 * 60,
            retries: 2,
            expireSeconds: 6 * 3600,
            due: async () => backups.due(),
            run: () => backups.run(),
          },
        ]
      : []),
    {
      // New reports' people, phones… join the picture within seconds, outside the intake transaction.
      name: 'resolution',
      everySeconds: 2,
      retries: 5,
      expireSeconds: 15 * 60,
      due: async () => !reportersBusy() && (await repos.picture.hasPending()),
      run: async () => ({ ...(await svc.resolution.drain(RESOLUTION_BATCH, reportersBusy)) }),
    },
    {
      // The people new records joined, compared whole with those around them, just behind resolution.
      name: 'comparison',
      everySeconds: 5,
      retries: 5,
      expireSeconds: 15 * 60,
      due: async () => !reportersBusy() && (await repos.picture.hasQueuedComparisons()),
      run: async () => ({ ...(await svc.resolution.compareChanged()) }),
    },
    {
      // The match model learns again from the store's records and the analysts' decisions once
      // there are enough new ones, and everyone is compared again with it.
      name: 'matching',
      everySeconds: 3600,
      retries: 2,
      expireSeconds: 60 * 60,
      due: async () => !reportersBusy(),
      run: async () => {
        const { retrained, moved } = await svc.resolution.retrainIfDue();
        return { retrained: retrained ? 1 : 0, moved };
      },
    },
    {
      // Figures read the tallies plus the deltas not yet folded in: folding keeps that sum short.
      // Figures of people count changed records again before they are read: counting them
      // here keeps that wait short.
      name: 'figures',
      everySeconds: 10,
      retries: 3,
      expireSeconds: 15 * 60,
      due: async () => !reportersBusy() && ((await repos.tallies.hasDeltas()) || (await repos.people.waiting())),
      run: async () => ({ folded: await svc.figures.fold(), people: await svc.figures.countPeople() }),
    },
    {
      // An import is read through by the process that started it; one left by a process that
      // stopped is taken up again here, from its last stored batch.
      name: 'imports',
      everySeconds: 5,
      retries: 3,
      // A large import takes a while; its lease, not this, keeps two workers off one import.
      expireSeconds: 4 * 3600,
      due: () => repos.imports.waiting(),
      run: async () => ({ imports: await svc.imports.work() }),
    },
    {
      // Ended sessions are refused as they are met; this clears the ones never met again, the
      // used form tokens that have expired anyway, ended request windows, and the queue's dead rows.
      name: 'housekeeping',
      everySeconds: 10 * 60,
      retries: 2,
      expireSeconds: 10 * 60,
      due: async () => true,
      run: async () => {
        const sessions = await svc.auth.pruneSessions();
        const formTokens = await svc.publicReports.pruneFormTokens();
        const requestWindows = await svc.requestLimits.prune();
        await queue.tidy();
        return { sessions, formTokens, requestWindows };
      },
    },
  ];
}
