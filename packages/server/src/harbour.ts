import { migrate, openStore, repositories, type Store } from '@harbour/db';
import type { FastifyInstance } from 'fastify';
import { buildApp, loggerOptions } from './app';
import type { Config } from './config';
import { configuredSecretBox } from './auth/configured-secret-box';
import { seedDemo } from './demo';
import { services } from './services/index';
import { buildPictureInBulk } from './services/picture-bulk';

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
    const svc = services(repos, { store: store.kind, session: config.session, geoDir: config.geoDir, secrets: configuredSecretBox(config) });
    const sealed = await svc.secretKeys.checkAtStart();
    if (sealed.resealed > 0) progress(`Sealed ${sealed.resealed} authenticator secret(s) an older Harbour stored in clear.`);
    let seededDemo = false;
    if (config.demo && (await repos.users.count()) === 0) {
      // The demo's picture is built whole now, as after `harbour seed`: the first pages shown
      // have every person and link in them, not a picture still filling in.
      if (await seedDemo(repos, svc, config.demoReports, undefined, progress)) {
        progress('Building the picture of people, phones, places and links…');
        const built = await buildPictureInBulk(repos);
        progress(`Built the picture: ${built.records.toLocaleString('en-GB')} records into ${built.entities.toLocaleString('en-GB')} entities.`);
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
      apiDocsPublic: config.env !== 'production',
    });
    svc.resolution.warm();
    // People written down before nationalities were read are counted under theirs from now on.
    await svc.figures.fillNationalities();
    const address = await app.listen({ port: config.port, host: config.host });
    // Ended sessions are refused as they are met; this also clears the ones never met again, and
    // the used form tokens that have expired anyway.
    const pruning = setInterval(() => {
      void svc.auth.pruneSessions().catch(() => undefined);
      void svc.publicReports.pruneFormTokens().catch(() => undefined);
      void svc.requestLimits.prune().catch(() => undefined);
    }, 10 * 60_000);
    pruning.unref();
    // New reports' people, phones… join the picture within seconds, outside the intake transaction;
    // while reports are pouring in, resolution waits (it shares the store, and reporters come first).
    const reportersBusy = () => Date.now() - svc.publicReports.lastSubmissionAt < 1_000;
    const resolving = setInterval(() => {
      if (reportersBusy()) return;
      svc.resolution
        .drain(50, reportersBusy)
        .catch((error: unknown) => app.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'resolution failed'));
    }, 2_000);
    resolving.unref();
    // Figures read the tallies plus the deltas not yet folded in: folding keeps that sum short.
    let fold: Promise<unknown> = Promise.resolve();
    const folding = setInterval(() => {
      if (reportersBusy()) return;
      fold = svc.figures
        .fold()
        .catch((error: unknown) => app.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'folding figures failed'));
    }, 10_000);
    folding.unref();
    // Imports left running by a process that stopped are taken up again from their last batch.
    const importing = setInterval(() => {
      svc.imports
        .work()
        .catch((error: unknown) => app.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'import failed'));
    }, 5_000);
    importing.unref();
    return {
      app,
      store,
      url: address.replace('127.0.0.1', 'localhost'),
      seededDemo,
      close: async () => {
        clearInterval(pruning);
        clearInterval(resolving);
        clearInterval(folding);
        clearInterval(importing);
        await svc.imports.stop();
        await fold;
        await svc.resolution.settled();
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
