import { JobQueue, migrate, openStore, repositories, type Store } from '@harbour/db';
import type { FastifyInstance } from 'fastify';
import { buildApp, loggerOptions } from './app';
import type { Config } from './config';
import { configuredSecretBox } from './auth/configured-secret-box';
import { seedDemo } from './demo';
import { ScheduledBackups } from './services/scheduled-backups';
import { publishStarterCourses } from './services/starter-courses';
import { seedDemoCasework } from './demo-casework';
import { services } from './services/index';
import { buildPictureInBulk } from './services/picture-bulk';
import { rekeyPlacesIfDue, typeLinksIfDue } from './services/picture-rekey';
import { BackgroundJobs } from './jobs/background-jobs';
import { harbourJobs } from './jobs/harbour-jobs';

export interface RunningHarbour {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly url: string;
  readonly seededDemo: boolean;
  close(): Promise<void>;
}

/**
 * Opens the store, brings its schema up to date, seeds a demo into an empty store (its picture
 * built before the first page is served), and listens. `progress` hears each step as it starts.
 */
export async function startHarbour(config: Config, progress: (line: string) => void = () => undefined): Promise<RunningHarbour> {
  progress(config.databaseUrl ? 'Opening the PostgreSQL store…' : `Opening the store in ${config.dataDir}…`);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migrated = await migrate(store.db);
    if (migrated.applied.length > 0) progress(`Brought the store's schema up to date (${migrated.applied.length} migrations).`);
    const repos = repositories(store.db);
    // Posters lead to the public site; outside production, with none configured, to this Harbour.
    const own: { url?: string } = {};
    const publicUrl = () => config.publicUrl ?? (config.env === 'production' ? undefined : own.url);
    const svc = services(repos, {
      store: store.kind,
      session: config.session,
      geoDir: config.geoDir,
      publicUrl,
      nrm: config.nrm,
      documents: config.documents,
      retention: config.retention,
      secrets: configuredSecretBox(config),
    });
    // Addresses and businesses under today's rule for one place, once per store.
    const places = await rekeyPlacesIfDue(repos);
    if (places && places.moved > 0) progress(`Brought ${places.moved.toLocaleString('en-GB')} addresses and businesses under the rule for one place.`);
    // Links stored before links said what they are, once per store.
    const typed = await typeLinksIfDue(repos);
    if (typed) progress(`Said what ${typed.toLocaleString('en-GB')} links are (controls, lives at, uses phone…).`);
    const sealed = await svc.secretKeys.checkAtStart();
    if (sealed.resealed > 0) progress(`Sealed ${sealed.resealed} authenticator secret(s) an older Harbour stored in clear.`);
    const courses = await publishStarterCourses(repos, new Date());
    if (courses) progress(`Published ${courses} starter course(s) on modern slavery for colleagues to take.`);
    let seededDemo = false;
    if (config.demo && (await repos.users.count()) === 0) {
      // The demo's picture is built whole now, as after `harbour seed`: the first pages shown
      // have every person and link in them, not a picture still filling in.
      if (await seedDemo(repos, svc, config.demoReports, undefined, progress)) {
        progress('Building the picture of people, phones, places and links…');
        const built = await buildPictureInBulk(repos);
        progress(`Built the picture: ${built.records.toLocaleString('en-GB')} records into ${built.entities.toLocaleString('en-GB')} entities.`);
        const work = await seedDemoCasework(repos, config.demoReports);
        progress(`Opened ${work.cases} demo cases: ${work.referrals} NRM referrals, ${work.notifications} Duty to Notify, ${work.plans} safeguarding plans.`);
        // Figures of people count from the picture as built, so the first dashboard does not wait.
        await svc.figures.countPeople();
      }
      seededDemo = true;
    }
    const { app } = await buildApp({
      services: svc,
      webDir: config.webDir,
      secureCookies: config.session.secureCookies,
      sessionMaxHours: config.session.maxHours,
      logger: loggerOptions(config.logLevel),
      publicReportsPerMinute: config.publicReportsPerMinute,
      signInPerMinute: config.signInPerMinute,
      apiDocsPublic: config.env !== 'production',
    });
    svc.resolution.warm();
    // People written down before nationalities were read are counted under theirs from now on.
    await svc.figures.fillNationalities();
    const address = await app.listen({ port: config.port, host: config.host });
    own.url = address.replace('127.0.0.1', 'localhost');
    // The embedded store is this process's alone (its folder is locked): an import's lease is a
    // stopped process's, and the import goes on now rather than when the lease runs out.
    if (store.kind === 'pglite') await repos.imports.releaseAll();
    // Background work runs as named jobs queued in the store, shared by every process on it.
    const queue = await JobQueue.open(store, {
      onError: (error) => app.log.error({ err: { message: error.message } }, 'job queue upkeep failed'),
      onTakenOver: (job) => {
        app.log.warn({ job }, 'a background run whose process stopped will be tried again');
        void repos.jobRuns.failed(job, new Date(), 'the process running it stopped').catch(() => undefined);
      },
    });
    const jobs = new BackgroundJobs(
      queue,
      repos.jobRuns,
      harbourJobs(
        svc,
        repos,
        queue,
        config.backups.folder ? new ScheduledBackups(store.db, svc.audit, { ...config.backups, folder: config.backups.folder }) : undefined,
      ),
      {
        failed: (job, reason) => app.log.error({ job, reason }, 'background job failed'),
      },
    );
    await jobs.start();
    return {
      app,
      store,
      url: address.replace('127.0.0.1', 'localhost'),
      seededDemo,
      close: async () => {
        // An import in hand stops after its batch, so the queue's wait for its runs is short.
        // So does a run resolving records into the picture.
        const importsStopped = svc.imports.stop();
        const resolutionStopped = svc.resolution.stop();
        await jobs.stop();
        await importsStopped;
        await resolutionStopped;
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
