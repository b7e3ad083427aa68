import { setTimeout as sleep } from 'node:timers/promises';
import type { Accounts, FormTokens, Workload } from '../crash/workload';

/** What the soak sends: the writes of the crash drill's workload and the team's everyday reads. */
export type SoakKind = 'public-report' | 'import' | 'search' | 'dashboard' | 'graph';
export const SOAK_KINDS: readonly SoakKind[] = ['public-report', 'import', 'search', 'dashboard', 'graph'];

/** Requests a second of each kind at rate 1: about twenty times a busy team's day, squeezed into its peak. */
export const BASE_RATES: Readonly<Record<SoakKind, number>> = {
  'public-report': 0.5,
  import: 1 / 60,
  search: 2,
  dashboard: 1,
  graph: 1,
};

/** One request (an import is its upload, preview and start) as it was answered. */
export interface Sent {
  readonly kind: SoakKind;
  /** ms since the traffic began. */
  readonly at: number;
  readonly ms: number;
  readonly ok: boolean;
  /** HTTP status of a failed read, or 'refused' for a write the workload recorded, or 'network'. */
  readonly failure?: string;
}

const SEARCHES = ['Ana Popescu', 'Mai Tran', 'car wash', 'Zofia', 'Hoxha', '07700 9', 'nail bar', 'Li Wei', 'Newport', 'Sparkle'];
const DASHBOARDS = ['', '?granularity=quarter', '?area=W06000022', '?type=labour', '?source=public'];

/**
 * Open-loop traffic at a steady rate: each kind's requests start on their own schedule whether or
 * not earlier ones have been answered (as users do), so a slow Harbour shows as latency and a
 * growing queue, not as a politely slower client. At most `cap` requests of a kind wait at once;
 * beyond that a request is not sent and counts as shed: the client gave up on an overloaded server.
 */
export class SteadyTraffic {
  readonly sent: Sent[] = [];
  /** Requests not sent because `cap` of their kind were already waiting. */
  readonly shed: { kind: SoakKind; at: number }[] = [];
  private readonly inFlight: Record<SoakKind, number> = { 'public-report': 0, import: 0, search: 0, dashboard: 0, graph: 0 };
  private readonly pending = new Set<Promise<void>>();
  private readonly started = performance.now();
  private networkIds: string[] = [];
  private entityIds: string[] = [];

  constructor(
    private readonly accounts: Accounts,
    private readonly workload: Workload,
    private readonly tokens: FormTokens,
    private readonly servers: readonly string[],
    private readonly next: () => number,
    private readonly cap = 64,
  ) {}

  /** ms since the traffic began. */
  now(): number {
    return performance.now() - this.started;
  }

  /** Sends every kind at `rate` times its base rate for `ms`, then waits for the answers still due. */
  async run(rate: number, ms: number): Promise<void> {
    const until = this.now() + ms;
    await Promise.all([...SOAK_KINDS.map((kind) => this.schedule(kind, BASE_RATES[kind] * rate, until)), this.keepTokens(rate, until)]);
    await Promise.all(this.pending);
  }

  private async schedule(kind: SoakKind, perSecond: number, until: number): Promise<void> {
    const gap = 1_000 / perSecond;
    // Each kind starts at a random point of its first gap (or first 5 s), so the kinds do not arrive in step.
    let due = this.now() + this.next() * Math.min(gap, 5_000);
    while (due < until) {
      const wait = due - this.now();
      if (wait > 0) await sleep(wait);
      if (this.inFlight[kind] >= this.cap) this.shed.push({ kind, at: this.now() });
      else this.launch(kind);
      due += gap;
    }
  }

  /** Public reports need a form token some seconds old: fetched ahead, as the page does while a reporter types. */
  private async keepTokens(rate: number, until: number): Promise<void> {
    const stock = Math.ceil(BASE_RATES['public-report'] * rate * 10) + 5;
    while (this.now() < until) {
      await this.tokens.topUp(this.server(), stock);
      await sleep(1_000);
    }
  }

  private server(): string {
    return this.servers[Math.floor(this.next() * this.servers.length)]!;
  }

  private launch(kind: SoakKind): void {
    this.inFlight[kind]++;
    const at = this.now();
    const done = this.send(kind)
      .then(
        (failure) => ({ failure }),
        (error: unknown) => ({ failure: `network: ${(error as Error).message}` }),
      )
      .then(({ failure }) => {
        this.sent.push({ kind, at, ms: this.now() - at, ok: failure === undefined, ...(failure ? { failure } : {}) });
        this.inFlight[kind]--;
        this.pending.delete(done);
      });
    this.pending.add(done);
  }

  /** Sends one request of the kind; undefined when it was answered as it should be, else what went wrong. */
  private async send(kind: SoakKind): Promise<string | undefined> {
    switch (kind) {
      case 'public-report':
      case 'import':
        return (await this.workload.send(kind)) ? undefined : 'refused';
      case 'search': {
        const q = SEARCHES[Math.floor(this.next() * SEARCHES.length)]!;
        const answer = await this.accounts.analyst.request('GET', `/api/search?q=${encodeURIComponent(q)}`);
        return answer.status === 200 ? undefined : String(answer.status);
      }
      case 'dashboard': {
        const query = DASHBOARDS[Math.floor(this.next() * DASHBOARDS.length)]!;
        const answer = await this.accounts.supervisor.request('GET', `/api/figures/dashboard${query}`);
        return answer.status === 200 ? undefined : String(answer.status);
      }
      case 'graph':
        return this.graph();
    }
  }

  /** An analyst's link chart: the networks by risk, then one network, then one entity's neighbourhood, in turn. */
  private async graph(): Promise<string | undefined> {
    const analyst = this.accounts.analyst;
    const r = this.next();
    if (this.networkIds.length === 0 || r < 0.34) {
      const answer = await analyst.request('GET', '/api/graph/networks?order=risk&limit=20');
      if (answer.status !== 200) return String(answer.status);
      const networks = answer.json<{ networks: { id: string; keyPlayers: { id: string }[] }[] }>().networks;
      this.networkIds = networks.map((n) => n.id);
      this.entityIds = networks.flatMap((n) => n.keyPlayers.map((k) => k.id));
      return undefined;
    }
    const path =
      r < 0.67 || this.entityIds.length === 0
        ? `/api/graph/networks/${this.networkIds[Math.floor(this.next() * this.networkIds.length)]}`
        : `/api/graph/entities/${this.entityIds[Math.floor(this.next() * this.entityIds.length)]}?hops=2`;
    const answer = await analyst.request('GET', path);
    // A network or entity merged away since the list was read is gone: an honest answer.
    return answer.status === 200 || answer.status === 404 ? undefined : String(answer.status);
  }
}
