import { migrate, openStore, repositories, type Repositories, type Store } from '@harbour/db';
import { loadConfig, services, type Config, type Services } from '@harbour/server';

export interface CliContext {
  readonly config: Config;
  readonly store: Store;
  readonly repos: Repositories;
  readonly svc: Services;
}

/** Opens the store the server would use (same environment variables), migrated, for one command. */
export async function withStore<T>(run: (ctx: CliContext) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    if (options.migrate !== false) await migrate(store.db);
    const repos = repositories(store.db);
    return await run({ config, store, repos, svc: services(repos, { store: store.kind, session: config.session }) });
  } finally {
    await store.close();
  }
}

/** A failure the user can act on: printed as one line, exit code 1. */
export class CliError extends Error {}
