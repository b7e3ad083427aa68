import { openStore } from '@harbour/db';
import { startServer, type ServerProcess } from '../server-process';
import { StaffClient } from './http-client';
import { checkStore, mergeCandidates, type StoreFindings } from './store-checks';
import { FormTokens, random, Workload, type Acknowledged, type Accounts } from './workload';

export interface DrillOptions {
  readonly location: { dataDir: string; databaseUrl: string | undefined };
  readonly kills: number;
  readonly seed: number;
  /** Writes in flight at once. */
  readonly workers?: number;
  /** A round runs between 0.2 s and this long before its kill. */
  readonly longestRoundMs?: number;
  /** At the end, wait for every acknowledged import to finish (a killed worker's lease runs out in a minute) and check each whole. */
  readonly importsDone?: boolean;
  /** Also time a restart after a clean stop, as the baseline for restarts after kills. */
  readonly timeCleanRestart?: boolean;
  readonly log?: (line: string) => void;
}

export interface DrillResult {
  readonly kills: number;
  /** Acknowledged writes by kind. */
  readonly acknowledged: Record<string, number>;
  /** Acknowledged writes missing after a crash (each named, once). */
  readonly lost: string[];
  /** Writes found in part after a crash (each named, once). */
  readonly halfWritten: string[];
  readonly auditBreaks: string[];
  /** Writes refused while the server was up (not crash damage, but each is a defect to explain). */
  readonly refused: { kind: string; status: number; text: string }[];
  /** From starting Harbour again after a kill to its answering, in ms (the store's own recovery included). */
  readonly restartMs: number[];
  /** The same after a clean stop, once at the end (when asked for): the baseline for restartMs. */
  readonly cleanRestartMs: number | undefined;
  readonly auditEntries: number;
}

/** A demo Harbour with its accounts, the per-client report limit lifted: the drill is one client. */
export const DRILL_ENV = {
  NODE_ENV: 'development',
  HARBOUR_DEMO: 'on',
  HARBOUR_DEMO_REPORTS: '20',
  HARBOUR_PUBLIC_REPORTS_PER_MINUTE: '1000000',
};

const ACCOUNTS = {
  officer: 'pc.davies@gwent.police.example',
  supervisor: 'ds.jones@gwent.police.example',
  analyst: 'analyst@gwent.police.example',
  partner: 'safeguarding@newport.gov.example',
} as const;

/**
 * The crash drill: Harbour in its own process takes a mixed stream of writes and is killed
 * (SIGKILL) at a random moment, `kills` times. After each kill, with no process holding the
 * store, the store is read: every write Harbour acknowledged must be there whole, nothing may be
 * half written, the audit chain must verify. Then Harbour starts again on the same store.
 */
export async function crashDrill(options: DrillOptions): Promise<DrillResult> {
  const log = options.log ?? (() => undefined);
  const next = random(options.seed);
  const acknowledged: Acknowledged[] = [];
  const refused: DrillResult['refused'] = [];
  const lost = new Set<string>();
  const halfWritten = new Set<string>();
  const auditBreaks = new Set<string>();
  const restartMs: number[] = [];
  let auditEntries = 0;
  const note = (findings: StoreFindings) => {
    for (const l of findings.lost) lost.add(l);
    for (const h of findings.halfWritten) halfWritten.add(h);
    if (findings.auditBreak) auditBreaks.add(findings.auditBreak);
    auditEntries = findings.auditEntries;
  };

  let server: ServerProcess = await startServer(options.location, DRILL_ENV);
  const base = () => server.url;
  const accounts = await signInDrillAccounts(base);
  const tokens = new FormTokens();
  let pairs: [string, string][] = [];
  try {
    for (let kill = 1; kill <= options.kills; kill++) {
      await tokens.topUp(server.url, 120);
      const workload = new Workload(base, accounts, tokens, pairs, next);
      const running = workload.run(options.workers ?? 4);
      await new Promise((r) => setTimeout(r, 200 + next() * ((options.longestRoundMs ?? 3_000) - 200)));
      await server.kill();
      workload.stop();
      await running;
      acknowledged.push(...workload.acknowledged);
      refused.push(...workload.refused);

      const store = await openStore(options.location);
      try {
        note(await checkStore(store, acknowledged));
        pairs = await mergeCandidates(store, 6);
      } finally {
        await store.close();
      }
      const restarting = performance.now();
      server = await startServer(options.location, DRILL_ENV);
      restartMs.push(performance.now() - restarting);
      log(`kill ${kill}/${options.kills}: ${workload.acknowledged.length} writes acknowledged; lost ${lost.size}, half written ${halfWritten.size}`);
    }
    if (options.importsDone) await importsFinished(accounts.partner, acknowledged, log);
  } finally {
    await server.stop();
  }
  const store = await openStore(options.location);
  try {
    note(await checkStore(store, acknowledged, { importsDone: options.importsDone ?? false }));
  } finally {
    await store.close();
  }
  let cleanRestartMs: number | undefined;
  if (options.timeCleanRestart) {
    const restarting = performance.now();
    await (await startServer(options.location, DRILL_ENV)).stop();
    cleanRestartMs = performance.now() - restarting;
  }
  const counts: Record<string, number> = {};
  for (const a of acknowledged) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
  return {
    kills: options.kills,
    acknowledged: counts,
    lost: [...lost],
    halfWritten: [...halfWritten],
    auditBreaks: [...auditBreaks],
    refused,
    restartMs,
    cleanRestartMs,
    auditEntries,
  };
}

/** The demo accounts the drill writes as, each signed in (second factor included). */
export async function signInDrillAccounts(base: () => string): Promise<Accounts> {
  return {
    officer: await StaffClient.signIn(base, ACCOUNTS.officer),
    supervisor: await StaffClient.signIn(base, ACCOUNTS.supervisor),
    analyst: await StaffClient.signIn(base, ACCOUNTS.analyst),
    partner: await StaffClient.signIn(base, ACCOUNTS.partner),
  };
}

/** Waits (up to three minutes) until no acknowledged import is still running. */
export async function importsFinished(partner: StaffClient, acknowledged: readonly Acknowledged[], log: (line: string) => void): Promise<void> {
  const ids = acknowledged.flatMap((a) => (a.kind === 'import' ? [a.importId] : []));
  const deadline = Date.now() + 180_000;
  for (;;) {
    const statuses = await Promise.all(ids.map(async (id) => (await partner.request('GET', `/api/imports/${id}`)).json<{ status: string }>().status));
    const running = statuses.filter((s) => s === 'running').length;
    if (running === 0 || Date.now() > deadline) return;
    log(`waiting for ${running} imports a killed worker or a lost connection left (a lease runs out within a minute)`);
    await new Promise((r) => setTimeout(r, 2_000));
  }
}
