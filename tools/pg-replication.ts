import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { clusterFolder, freePort, postgresTools } from './pg-cluster';

/** One PostgreSQL server of a replicated pair: its port and its data folder. */
export interface Node {
  readonly name: string;
  readonly port: number;
  readonly data: string;
}

/**
 * A PostgreSQL primary with a synchronous streaming standby on 127.0.0.1, from Debian's package, as
 * the production layout runs them on two machines (README): a commit is acknowledged only once the
 * standby has it, so promoting the standby loses nothing acknowledged. For the failover test and
 * bench: kill the primary as a lost machine dies, promote the standby, re-make the old one as the
 * new primary's standby.
 */
export interface ReplicatedPair {
  /** Both servers, libpq style, for DATABASE_URL. */
  readonly url: string;
  /** The server that takes writes now. */
  primary(): Node;
  standby(): Node;
  /** SIGKILL to the primary's postmaster and every process of it: a machine lost, no goodbye. */
  killPrimary(): void;
  /** `pg_ctl promote` on the standby, which from then on takes writes (without a standby of its own). */
  promoteStandby(): Promise<void>;
  /** The killed primary's folder is thrown away and re-made from the new primary as its synchronous standby. */
  rebuildStandby(): Promise<void>;
  stop(): void;
}

const DATABASE = 'postgres';

export async function startReplicatedPair(): Promise<ReplicatedPair> {
  const run = postgresTools();
  const dir = clusterFolder();
  const nodes: Node[] = [
    { name: 'a', port: await freePort(), data: join(dir, 'a') },
    { name: 'b', port: await freePort(), data: join(dir, 'b') },
  ];
  let primaryAt = 0;
  const start = (node: Node) =>
    run('pg_ctl', [
      '-D',
      node.data,
      // fsync off: the test kills processes, not power; the operating system keeps what was written.
      '-o',
      `-p ${node.port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=100 -c wal_level=replica -c max_wal_senders=4 -c wal_sender_timeout=5s -c wal_receiver_status_interval=1s`,
      '-l',
      join(dir, `${node.name}.log`),
      '-w',
      'start',
    ]);
  const makeStandby = async (node: Node, of: Node) => {
    rmSync(node.data, { recursive: true, force: true });
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(of.port), '-U', 'harbour', '-D', node.data, '-R', '-X', 'stream', '-c', 'fast']);
    start(node);
    // Only now may the primary wait for a standby: before, every commit would hang.
    await sql(of, `alter system set synchronous_standby_names = '*'`);
    await sql(of, 'select pg_reload_conf()');
    await waitFor(
      async () => (await sql(of, `select sync_state from pg_stat_replication`)).some((r) => r['sync_state'] === 'sync'),
      'the standby to be synchronous',
    );
  };

  run('initdb', ['-D', nodes[0]!.data, '-A', 'trust', '-U', 'harbour', '-E', 'UTF8', '--no-locale']);
  start(nodes[0]!);
  await makeStandby(nodes[1]!, nodes[0]!);

  const other = () => nodes[1 - primaryAt]!;
  return {
    url: `postgres://harbour@${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}/${DATABASE}?target_session_attrs=read-write`,
    primary: () => nodes[primaryAt]!,
    standby: other,
    killPrimary: () => killTree(postmasterPid(nodes[primaryAt]!)),
    promoteStandby: async () => {
      const node = other();
      run('pg_ctl', ['-D', node.data, '-w', 'promote']);
      // The promoted server keeps the old primary's setting: with no standby yet it must not wait for one.
      await sql(node, `alter system set synchronous_standby_names = ''`);
      await sql(node, 'select pg_reload_conf()');
      primaryAt = 1 - primaryAt;
    },
    rebuildStandby: async () => makeStandby(other(), nodes[primaryAt]!),
    stop: () => {
      for (const node of nodes) {
        try {
          killTree(postmasterPid(node));
        } catch {
          // already gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function sql(node: Node, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ host: '127.0.0.1', port: node.port, user: 'harbour', database: DATABASE });
  await client.connect();
  try {
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function postmasterPid(node: Node): number {
  return Number(readFileSync(join(node.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** The postmaster and every process it started, killed at once so none writes another byte. */
function killTree(pid: number): void {
  process.kill(pid, 'SIGSTOP'); // it starts no new process while its children are found and killed
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // /proc/N/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its ")".
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  for (const child of children) process.kill(child, 'SIGKILL');
  process.kill(pid, 'SIGKILL');
}
