import { isStoreUnavailable } from '@harbour/db';
import { loadConfig } from './config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-accounts';
import { startHarbour } from './harbour';

/** `npm start`: one process serving the API and the web app. */
async function main(): Promise<void> {
  const config = loadConfig();
  const harbour = await startHarbour(config, (line) => console.log(line));
  const lines = [`Harbour is running at ${harbour.url}  (store: ${harbour.store.kind}${harbour.store.kind === 'pglite' ? `, data in ${config.dataDir}` : ''})`];
  if (config.demo) {
    lines.push(
      '',
      `Demo sign-ins (password for all: ${DEMO_PASSWORD})`,
      ...DEMO_ACCOUNTS.map(
        (a) =>
          `  ${a.role.padEnd(13)} ${a.email.padEnd(36)} ${a.role === 'officer' ? 'no second factor' : a.enrolled ? 'authenticator set up' : 'sets up an authenticator at first sign-in'}`,
      ),
      '',
      `Second factor for the demo accounts: the authenticator secret ${DEMO_TOTP_SECRET}`,
      '  (add it to any authenticator app, or run `npx harbour demo-code` for the current code)',
    );
  }
  console.log(lines.join('\n'));
  const stop = async () => {
    await harbour.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

// The job library settles a finished job (done or failed) without waiting for the database's
// answer: while the database changes over to its standby that refusal is nobody's, and would end
// the process. The job is run again once its lease ends. Anything else unheard is a defect: it
// ends the process, as Node does by default.
process.on('unhandledRejection', (reason) => {
  if (isStoreUnavailable(reason)) {
    console.error(`a background job's bookkeeping was refused while the database was unavailable; the job will run again`);
    return;
  }
  console.error(reason);
  process.exit(1);
});

main().catch((error: unknown) => {
  console.error(`Harbour could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
