import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '@harbour/db';
import { startReplicatedPair, type ReplicatedPair } from '../../../tools/pg-replication';
import { DRILL_ENV, importsFinished, signInDrillAccounts } from '../crash/drill';
import type { StaffClient } from '../crash/http-client';
import { checkStore, mergeCandidates } from '../crash/store-checks';
import { FormTokens, random, Workload, type Acknowledged } from '../crash/workload';
import { startServer } from '../server-process';

export interface FailoverOptions {
  /** Primaries killed, one after another (the killed one is re-made as the new primary's standby between rounds). */
  readonly rounds: number;
  readonly seed: number;
  /** From the primary's death to the standby's promotion: how long the operator (or pg_auto_failover) takes to decide. */
  readonly promoteAfterMs?: number;
  readonly workers?: number;
  readonly log?: (line: string) => void;
}

export interface FailoverResult {
  readonly rounds: number;
  readonly acknowledged: number;
  /** From each primary's death to Harbour serving again (a request that needs a writable server answered), in ms. */
  readonly recoveryMs: number[];
  readonly lost: string[];
  readonly halfWritten: string[];
  readonly auditBreaks: string[];
  /** Requests refused during the switches, by status (503 is the honest answer; anything else is a defect). */
  readonly refusedByStatus: Record<string, number>;
  readonly refusedOther: { kind: string; status: number; text: string }[];
  /** How the probe (a request every 100 ms from each death until served again) was answered, by status. */
  readonly probeAnswers: Record<string, number>;
}

/**
 * Losing the database server: Harbour, given both servers of a primary and its synchronous standby
 * in DATABASE_URL, takes the crash drill's mixed stream of writes; the primary is killed (SIGKILL to
 * every process of it), and after `promoteAfterMs` the standby is promoted. Harbour must refuse
 * (503) while no server takes writes, carry on once the standby does, and the new primary must hold
 * every write Harbour acknowledged, whole, with an audit chain that verifies.
 */
export async function failoverDrill(options: FailoverOptions): Promise<FailoverResult> {
  const pair = await startReplicatedPair();
  const dataDir = mkdtempSync(join(tmpdir(), 'harbour-failover-'));
  try {
    return await drillOn(pair, dataDir, options);
  } finally {
    pair.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function drillOn(pair: ReplicatedPair, dataDir: string, options: FailoverOptions): Promise<FailoverResult> {
  const log = options.log ?? (() => undefined);
  const next = random(options.seed);
  const location = { dataDir, databaseUrl: pair.url };
  const acknowledged: Acknowledged[] = [];
  const refused: FailoverResult['refusedOther'] = [];
  const recoveryMs: number[] = [];
  const probeAnswers: Record<string, number> = {};
  const server = await startServer(location, DRILL_ENV);
  try {
    const base = () => server.url;
    const accounts = await signInDrillAccounts(base);
    const tokens = new FormTokens();
    for (let round = 1; round <= options.rounds; round++) {
      if (round > 1) await pair.rebuildStandby();
      const pairs = await withStore(pair.url, (store) => mergeCandidates(store, 6));
      await tokens.topUp(server.url, 80);
      const workload = new Workload(base, accounts, tokens, pairs, next);
      const running = workload.run(options.workers ?? 4);
      await sleep(1_000 + next() * 2_000);
      const killedAt = performance.now();
      pair.killPrimary();
      const served = firstServedAfter(accounts.supervisor, killedAt, 60_000);
      served.catch(() => undefined); // awaited below; a failure before then is not unhandled
      await sleep(options.promoteAfterMs ?? 2_000);
      await pair.promoteStandby();
      const { at: recovered, answers } = await served;
      await sleep(1_500);
      workload.stop();
      await running;
      acknowledged.push(...workload.acknowledged);
      refused.push(...workload.refused);
      recoveryMs.push(recovered - killedAt);
      for (const [status, n] of Object.entries(answers)) probeAnswers[status] = (probeAnswers[status] ?? 0) + n;
      log(
        `round ${round}/${options.rounds}: ${workload.acknowledged.length} writes acknowledged, ${workload.refused.length} refused; served again ${Math.round(recovered - killedAt)} ms after the primary died (probe answers ${JSON.stringify(answers)})`,
      );
    }
    await importsFinished(accounts.partner, acknowledged, log);
  } catch (error) {
    // Harbour itself must live through its database's loss: if it died, say how.
    await sleep(1_000);
    if (server.exited()) throw new Error(`Harbour exited while its database changed over:\n${server.stderr().slice(-3_000)}`, { cause: error });
    throw error;
  } finally {
    await server.stop();
  }
  const findings = await withStore(pair.url, (store) => checkStore(store, acknowledged, { importsDone: true }));
  const refusedByStatus: Record<string, number> = {};
  for (const r of refused) refusedByStatus[r.status] = (refusedByStatus[r.status] ?? 0) + 1;
  return {
    rounds: options.rounds,
    acknowledged: acknowledged.length,
    recoveryMs,
    lost: findings.lost,
    halfWritten: findings.halfWritten,
    auditBreaks: findings.auditBreak ? [findings.auditBreak] : [],
    refusedByStatus,
    refusedOther: refused.filter((r) => r.status !== 503),
    probeAnswers,
  };
}

async function withStore<T>(databaseUrl: string, use: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl, dataDir: '' });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * Asks Harbour for the supervisor's cases every 100 ms (a read that writes its audit entry, so it
 * needs a server that takes writes) until one sent after the primary's death is answered; returns
 * when that answer came, and how the requests before it were answered.
 */
async function firstServedAfter(supervisor: StaffClient, since: number, timeoutMs: number): Promise<{ at: number; answers: Record<string, number> }> {
  const until = performance.now() + timeoutMs;
  const answers: Record<string, number> = {};
  for (;;) {
    const answer = await supervisor.request('GET', '/api/cases');
    answers[answer.status] = (answers[answer.status] ?? 0) + 1;
    if (answer.status === 200) return { at: performance.now(), answers };
    if (performance.now() > until) throw new Error(`Harbour did not serve again within ${timeoutMs} ms of the primary's death: ${JSON.stringify(answers)}`);
    await sleep(100);
  }
}
