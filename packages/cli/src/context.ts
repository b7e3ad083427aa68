import type { Repositories, Store } from '@harbour/db';
import type { Config, SecretBox, Services } from '@harbour/server';

export interface CliContext {
  readonly config: Config;
  readonly store: Store;
  readonly repos: Repositories;
  readonly svc: Services;
  /** Seals secrets and signs what Harbour hands out (HARBOUR_SECRET_KEY). */
  readonly secrets: SecretBox;
  /** The store's and the server's packages, loaded only by the commands that open a store. */
  readonly db: typeof import('@harbour/db');
  readonly server: typeof import('@harbour/server');
}

/**
 * Opens the store the server would use (same environment variables), migrated, for one command.
 * The store and server packages are loaded here, not when the program starts, so commands that
 * need neither (help, demo-code, resolve, graph) start at once.
 */
export async function withStore<T>(run: (ctx: CliContext) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const [db, server] = await Promise.all([import('@harbour/db'), import('@harbour/server')]);
  const config = server.loadConfig();
  const store = await db.openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    if (options.migrate !== false) await db.migrate(store.db);
    const repos = db.repositories(store.db);
    const secrets = server.configuredSecretBox(config);
    return await run({ config, store, repos, secrets, svc: server.services(repos, { store: store.kind, session: config.session, secrets }), db, server });
  } finally {
    await store.close();
  }
}

/** A failure the user can act on: printed as one line, exit code 1. */
export class CliError extends Error {}
