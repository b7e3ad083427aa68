import { randomUUID } from 'node:crypto';
import { publicPost, type StaffClient } from './http-client';

/**
 * What the drill sends while Harbour may die at any moment: public reports, officers' referrals,
 * partners' CSV imports, analysts' merges and a supervisor's case work. Each write the server
 * acknowledged is kept as an `Acknowledged`, which the store must hold whole after the crash.
 */
export type Acknowledged =
  | { kind: 'public-report' | 'referral'; marker: string; expected: Counts }
  | { kind: 'import'; importId: string; rows: number; refused: number }
  | { kind: 'merge'; target: string; other: string }
  | { kind: 'case-opened'; caseId: string }
  | { kind: 'case-status'; caseId: string; to: string; reason: string }
  | { kind: 'case-note'; caseId: string; body: string };

export interface Counts {
  readonly people: number;
  readonly phones: number;
  readonly vehicles: number;
  readonly businesses: number;
}

export type WriteKind = 'public-report' | 'referral' | 'import' | 'merge' | 'case';

/**
 * A report's own record of what it was sent with, written into its text: after a crash, a report
 * whose people, phones, vehicles or businesses differ from its marker was stored in part.
 */
export function marker(id: string, c: Counts): string {
  return `[drill ${id} p=${c.people} ph=${c.phones} v=${c.vehicles} b=${c.businesses}]`;
}
export const MARKER = /\[drill ([0-9a-z-]+) p=(\d+) ph=(\d+) v=(\d+) b=(\d+)\]/;

export interface Accounts {
  readonly officer: StaffClient;
  readonly supervisor: StaffClient;
  readonly analyst: StaffClient;
  readonly partner: StaffClient;
}

/** Form tokens fetched ahead: the form refuses one sent within seconds of being issued. */
export class FormTokens {
  private readonly tokens: { token: string; at: number }[] = [];
  async topUp(base: string, wanted: number): Promise<void> {
    while (this.tokens.length < wanted) {
      const batch = await Promise.all(
        Array.from(
          { length: Math.min(25, wanted - this.tokens.length) },
          async () => ((await (await fetch(`${base}/api/public/form-token`)).json()) as { token: string }).token,
        ),
      );
      for (const token of batch) this.tokens.push({ token, at: Date.now() });
    }
  }
  /** The oldest token, once it is old enough to be accepted; undefined when none is left. */
  async take(): Promise<string | undefined> {
    const next = this.tokens.shift();
    if (!next) return undefined;
    const wait = next.at + 3_500 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    return next.token;
  }
}

/** A small seeded generator (mulberry32), so a drill's choices can be replayed from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Ardit Hoxha', 'Ana Popescu', 'Mai Tran', 'Zofia Nowak', 'Li Wei', 'Ion Rusu', 'Besnik Gashi', 'Huong Pham'];
const AREAS = ['W06000022', 'W06000018', 'W06000021', 'W06000019', 'W06000020'];

export class Workload {
  readonly acknowledged: Acknowledged[] = [];
  /** Writes that answered with anything but success while the server was up: each is a defect to explain. */
  readonly refused: { kind: WriteKind; status: number; text: string }[] = [];
  private stopped = false;

  constructor(
    private readonly base: () => string,
    private readonly accounts: Accounts,
    private readonly tokens: FormTokens,
    private readonly pairs: [string, string][],
    private readonly next: () => number,
  ) {}

  stop(): void {
    this.stopped = true;
  }

  /** `workers` loops, each sending one write after another until stopped or the server is gone. */
  async run(workers: number): Promise<void> {
    await Promise.all(Array.from({ length: workers }, () => this.loop()));
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const kind = this.pick();
      const refusedBefore = this.refused.length;
      try {
        await this.send(kind);
      } catch {
        // The connection failed: the server died with this write in flight. Not acknowledged.
        return;
      }
      // Refused (the database changing over, say): a person waits a moment before sending again.
      if (this.refused.length > refusedBefore) await new Promise((r) => setTimeout(r, 250));
    }
  }

  private pick(): WriteKind {
    const r = this.next();
    if (r < 0.35) return 'public-report';
    if (r < 0.55) return 'referral';
    if (r < 0.7) return 'case';
    if (r < 0.85 && this.pairs.length > 0) return 'merge';
    return 'import';
  }

  /** Sends one write of the kind; true when Harbour acknowledged it (false: refused, or no form token left). */
  async send(kind: WriteKind): Promise<boolean> {
    switch (kind) {
      case 'public-report':
        return this.publicReport();
      case 'referral':
        return this.referral();
      case 'import':
        return this.importFile();
      case 'merge':
        return this.merge();
      case 'case':
        return this.caseWork();
    }
  }

  private counts(maxPeople: number): Counts {
    return {
      people: 1 + Math.floor(this.next() * maxPeople),
      phones: Math.floor(this.next() * 3),
      vehicles: Math.floor(this.next() * 2),
      businesses: Math.floor(this.next() * 2),
    };
  }

  /** The phones, vehicles and businesses a report is sent with, as many as its counts say. */
  private things(c: Counts, plateLetters: string, businessName: string) {
    return {
      phones: Array.from({ length: c.phones }, (_, i) => `07700 9${String(Math.floor(this.next() * 9000) + 1000 + i).padStart(5, '0')}`),
      vehicles: Array.from({ length: c.vehicles }, () => ({ registration: `CF${10 + Math.floor(this.next() * 80)} ${plateLetters}` })),
      businesses: Array.from({ length: c.businesses }, () => ({ name: `${businessName} ${Math.floor(this.next() * 100)}` })),
    };
  }

  private acknowledge(write: Acknowledged): void {
    this.acknowledged.push(write);
  }

  private ok(kind: WriteKind, status: number, expected: number, text: string): boolean {
    if (status === expected) return true;
    if (!this.stopped) this.refused.push({ kind, status, text: text.slice(0, 300) });
    return false;
  }

  private async publicReport(): Promise<boolean> {
    const formToken = await this.tokens.take();
    if (!formToken || this.stopped) return false;
    const id = randomUUID();
    const c = this.counts(4);
    const body = {
      language: this.next() < 0.5 ? 'cy' : 'en',
      description: `Men live at the car wash and work all day without pay. ${marker(id, c)}`,
      relation: 'someone_else',
      signs: ['ho.lives_at_workplace', 'ilo.withholding_wages'],
      localAuthority: AREAS[Math.floor(this.next() * AREAS.length)],
      postcode: 'NP20 1AB',
      people: Array.from({ length: c.people }, (_, i) => ({ name: NAMES[(i + Math.floor(this.next() * 8)) % 8], nationality: 'Albanian' })),
      ...this.things(c, 'ABC', 'Sparkle Hand Car Wash'),
      formToken,
    };
    const answer = await publicPost(this.base(), '/api/public/reports', body);
    if (!this.ok('public-report', answer.status, 201, answer.text)) return false;
    this.acknowledge({ kind: 'public-report', marker: id, expected: c });
    return true;
  }

  private async referral(): Promise<boolean> {
    const id = randomUUID();
    const c = this.counts(3);
    const body = {
      indicators: ['ho.county_lines_phone', 'ilo.withholding_wages'],
      victim: {
        givenName: 'Kyle',
        familyName: `Drill${Math.floor(this.next() * 1000)}`,
        ageYears: 24,
        child: 'no',
        gender: 'male',
        nationality: 'British',
        interpreterNeeded: false,
      },
      consentToNrm: 'yes',
      location: { localAuthority: AREAS[Math.floor(this.next() * AREAS.length)], town: 'Newport', postcode: 'np190aa' },
      summary: `Found at a flat with cash and two phones; owes money to older men. ${marker(id, c)}`,
      otherPeople: Array.from({ length: c.people - 1 }, (_, i) => ({ role: 'suspect', givenName: NAMES[i % 8]!.split(' ')[0], nationality: 'British' })),
      ...this.things(c, 'XYZ', 'Maindee Nails'),
    };
    const answer = await this.accounts.officer.request('POST', '/api/referrals', body);
    if (!this.ok('referral', answer.status, 201, answer.text)) return false;
    this.acknowledge({ kind: 'referral', marker: id, expected: c });
    return true;
  }

  /** A partner's spreadsheet: 50 to 1,500 rows (up to three of the importer's batches), one in 17 refused. */
  private async importFile(): Promise<boolean> {
    const rows = 50 + Math.floor(this.next() * 1450);
    const id = randomUUID().slice(0, 8);
    const lines = ['Our ID,Date received,Type,Local authority,Town,Postcode,Client name,Gender,Nationality,Notes'];
    let refused = 0;
    for (let i = 1; i <= rows; i++) {
      const bad = i % 17 === 0;
      if (bad) refused++;
      const c = { people: 1, phones: 0, vehicles: 0, businesses: 0 };
      lines.push(
        `D${id}-${i},${bad ? '31/02/2026' : '14/02/2026'},Labour,Newport,Newport,NP20 1AB,${NAMES[i % 8]},F,Polish,Seen at a car wash ${marker(`${id}-${i}`, c)}`,
      );
    }
    const uploaded = await this.accounts.partner.request('POST', `/api/imports?name=drill-${id}.csv`, lines.join('\r\n') + '\r\n', 'text/csv');
    if (!this.ok('import', uploaded.status, 201, uploaded.text)) return false;
    const importId = uploaded.json<{ id: string }>().id;
    const preview = await this.accounts.partner.request('GET', `/api/imports/${importId}/preview`);
    if (!this.ok('import', preview.status, 200, preview.text)) return false;
    const suggested = preview.json<{ suggested: (string | null)[] }>().suggested;
    const started = await this.accounts.partner.request('POST', `/api/imports/${importId}/start`, {
      columns: suggested.map((field, at) => (at === 0 ? 'reference' : field)),
      dateOrder: 'dmy',
      source: 'partner',
      remember: false,
    });
    if (!this.ok('import', started.status, 202, started.text)) return false;
    this.acknowledge({ kind: 'import', importId, rows, refused });
    return true;
  }

  private async merge(): Promise<boolean> {
    const pair = this.pairs.shift();
    if (!pair) return false;
    const [target, other] = pair;
    const answer = await this.accounts.analyst.request('POST', `/api/entities/${target}/merge`, { entityId: other });
    if (!this.ok('merge', answer.status, 200, answer.text)) return false;
    this.acknowledge({ kind: 'merge', target, other });
    return true;
  }

  /** A supervisor opens an operation, moves it to investigating and writes a note: three writes. */
  private async caseWork(): Promise<boolean> {
    const id = randomUUID();
    const supervisor = this.accounts.supervisor;
    const opened = await supervisor.request('POST', '/api/cases', { kind: 'operation', title: `Op Drill ${id.slice(0, 8)}`, summary: `drill ${id}` });
    if (!this.ok('case', opened.status, 201, opened.text)) return false;
    const caseId = opened.json<{ id: string }>().id;
    this.acknowledge({ kind: 'case-opened', caseId });
    const reason = `Drill ${id}: enough to investigate`;
    const moved = await supervisor.request('POST', `/api/cases/${caseId}/status`, { to: 'investigating', reason });
    if (!this.ok('case', moved.status, 200, moved.text)) return false;
    this.acknowledge({ kind: 'case-status', caseId, to: 'investigating', reason });
    const body = `Drill note ${id}: visited the car wash, four men seen.`;
    const noted = await supervisor.request('POST', `/api/cases/${caseId}/notes`, { body });
    if (!this.ok('case', noted.status, 200, noted.text)) return false;
    this.acknowledge({ kind: 'case-note', caseId, body });
    return true;
  }
}
