import { RECORD_KINDS, type RecordKind } from '../resolve/keys';
import { LINK_RELATIONS } from '@harbour/contract';
import { exploitationBits, LinkEvidence, type LinkMention, type ReportFacts } from './link-evidence';

/** The ledger's contents as arrays, for `LinkEvidence.fromLedger`. */
export interface LedgerArrays {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly kinds: Uint8Array;
  readonly victims: Uint8Array;
  readonly reportIndex: ReadonlyMap<string, number>;
  readonly received: Float64Array;
  readonly evaluation: Uint8Array;
  readonly assessment: Uint8Array;
  readonly exploitation: Uint8Array;
  readonly child: Uint8Array;
  /** 1 for an analyst's assertion standing in the place of a report. */
  readonly asserted: Uint8Array;
  readonly area: Int16Array;
  readonly areaNames: readonly string[];
  /** Links: ends (-1 when not two known entities), report (-1 unknown), and when seen. */
  readonly count: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly report: Int32Array;
  readonly from: Float64Array;
  readonly to: Float64Array;
  /** What each link says: its place in `LINK_RELATIONS`, from `a` to `b`. */
  readonly relation: Uint8Array;
  /** Calls the link stands for (call data); 0 for others. */
  readonly calls: Int32Array;
}

const MENTIONED = LINK_RELATIONS.indexOf('mentioned');

type Typed = Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Int16Array<ArrayBuffer>;

/** A typed array that grows by doubling. */
class Column<T extends Typed> {
  constructor(
    public data: T,
    private readonly blank = 0,
  ) {
    data.fill(blank);
  }

  set(i: number, value: number): void {
    if (i >= this.data.length) {
      const bigger = new (this.data.constructor as new (length: number) => T)(Math.max(1024, this.data.length * 2, i + 1));
      bigger.fill(this.blank);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = value;
  }

  view(length: number): T {
    return this.data.subarray(0, length) as T;
  }
}

/**
 * Everything link analysis knows of the picture, kept up to date piece by piece: entities (with
 * their kind, and whether any report names them a potential victim), reports (the facts a filter
 * asks about), and links (two entities mentioned together in a report), each link under a key
 * of its own (the store's change number) so that a later change to it (a record resolved, merged
 * or split) replaces it rather than adding another. `evidence()` gives the arrays a filter reads,
 * made again only after a change.
 */
export class LinkLedger {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly kinds = new Column(new Uint8Array(1024));
  private readonly victims = new Column(new Uint8Array(1024));

  private readonly reportIndex = new Map<string, number>();
  private readonly received = new Column(new Float64Array(1024));
  private readonly evaluation = new Column(new Uint8Array(1024));
  private readonly assessment = new Column(new Uint8Array(1024));
  private readonly exploitation = new Column(new Uint8Array(1024));
  private readonly child = new Column(new Uint8Array(1024));
  private readonly asserted = new Column(new Uint8Array(1024));
  private readonly area = new Column(new Int16Array(1024), -1);
  private readonly areaNames: string[] = [];

  private count = 0;
  private readonly keys = new Column(new Float64Array(1024));
  private readonly a = new Column(new Int32Array(1024), -1);
  private readonly b = new Column(new Int32Array(1024), -1);
  private readonly reportOf = new Column(new Int32Array(1024), -1);
  private readonly from = new Column(new Float64Array(1024));
  private readonly to = new Column(new Float64Array(1024));
  private readonly relation = new Column(new Uint8Array(1024), MENTIONED);
  private readonly calls = new Column(new Int32Array(1024));
  /** Links asserted by hand, by assertion: few, kept apart so the report links' keys stay in order. */
  private readonly byHand = new Map<string, LinkMention>();
  /** Keys arrive in rising order, so a key is found by halving; a late one turns on a lookup table. */
  private sorted = true;
  private byKey: Map<number, number> | undefined;

  private built: LinkEvidence | undefined;

  get links(): number {
    return this.count;
  }

  /** Adds an entity, or updates its kind and victim flag (`orVictim`: keep a flag already set). */
  entity(id: string, kind: RecordKind, victim: boolean, orVictim = true): number {
    let v = this.index.get(id);
    if (v === undefined) {
      v = this.ids.length;
      this.index.set(id, v);
      this.ids.push(id);
      this.built = undefined;
    }
    this.put(this.kinds, v, RECORD_KINDS.indexOf(kind));
    this.put(this.victims, v, victim || (orVictim && this.victims.data[v] === 1) ? 1 : 0);
    return v;
  }

  knowsReport(id: string): boolean {
    return this.reportIndex.has(id);
  }

  /** Adds a report's facts, or replaces them (a grading given at triage). */
  report(id: string, facts: ReportFacts): void {
    let r = this.reportIndex.get(id);
    if (r === undefined) {
      r = this.reportIndex.size;
      this.reportIndex.set(id, r);
      this.built = undefined;
    }
    const grading = /^([123])([A-E])[PC]$/.exec(facts.grading ?? '');
    let area = -1;
    if (facts.area !== null) {
      area = this.areaNames.indexOf(facts.area);
      if (area < 0) area = this.areaNames.push(facts.area) - 1;
    }
    this.put(this.received, r, facts.receivedAt.getTime());
    this.put(this.evaluation, r, grading ? Number(grading[1]) : 0);
    this.put(this.assessment, r, grading ? grading[2]!.charCodeAt(0) - 64 : 0);
    this.put(this.exploitation, r, exploitationBits(facts.exploitationTypes));
    this.put(this.child, r, facts.involvesChild ? 1 : 0);
    this.put(this.asserted, r, facts.asserted ? 1 : 0);
    this.put(this.area, r, area);
  }

  /**
   * Adds a link under its key, or replaces the one under that key. Ends that are not known
   * entities (a record not yet resolved) are kept as unknown: the link counts once they are.
   * Its report must be known first: a link of an unknown report waits likewise.
   */
  link(key: number, mention: LinkMention): void {
    let i = this.find(key);
    if (i === undefined) {
      i = this.count++;
      if (i > 0 && key <= this.keys.data[i - 1]!) {
        this.sorted = false;
        this.byKey = undefined;
      }
      this.keys.set(i, key);
      this.byKey?.set(key, i);
      this.built = undefined;
    }
    const r = this.reportIndex.get(mention.report) ?? -1;
    const received = r >= 0 ? this.received.data[r]! : 0;
    this.put(this.a, i, this.index.get(mention.a) ?? -1);
    this.put(this.b, i, this.index.get(mention.b) ?? -1);
    this.put(this.reportOf, i, r);
    this.put(this.from, i, mention.first?.getTime() ?? received);
    this.put(this.to, i, mention.last?.getTime() ?? mention.first?.getTime() ?? received);
    this.put(this.relation, i, mention.relation ? LINK_RELATIONS.indexOf(mention.relation) : MENTIONED);
    this.put(this.calls, i, mention.calls ?? 0);
  }

  /**
   * Adds, replaces or (given null: withdrawn) takes away a link an analyst asserted by hand. Its
   * "report" is the assertion itself, added first with `report(id, { asserted: true, … })`.
   */
  handLink(id: string, mention: LinkMention | null): void {
    const before = this.byHand.get(id);
    if (mention === null) {
      if (before && this.byHand.delete(id)) this.built = undefined;
      return;
    }
    if (before && JSON.stringify(before) === JSON.stringify(mention)) return;
    this.byHand.set(id, mention);
    this.built = undefined;
  }

  /** Sets one value, noting a change only when it is one (catching up reads some rows again). */
  private put<T extends Typed>(column: Column<T>, i: number, value: number): void {
    if (i < column.data.length && column.data[i] === value) return;
    column.set(i, value);
    this.built = undefined;
  }

  /** The evidence as it stands (built again only after a change). */
  evidence(): LinkEvidence {
    if (this.built) return this.built;
    const hand = [...this.byHand.values()];
    const withHand = <T extends Typed>(column: Column<T>, value: (m: LinkMention) => number): T => {
      const reports = column.view(this.count);
      if (hand.length === 0) return reports;
      const all = new (reports.constructor as new (length: number) => T)(this.count + hand.length);
      all.set(reports);
      hand.forEach((m, k) => (all[this.count + k] = value(m)));
      return all;
    };
    const node = (id: string) => this.index.get(id) ?? -1;
    const received = (m: LinkMention) => {
      const r = this.reportIndex.get(m.report);
      return r === undefined ? 0 : this.received.data[r]!;
    };
    this.built = LinkEvidence.fromLedger({
      ids: this.ids,
      index: this.index,
      kinds: this.kinds.view(this.ids.length),
      victims: this.victims.view(this.ids.length),
      reportIndex: this.reportIndex,
      received: this.received.view(this.reportIndex.size),
      evaluation: this.evaluation.view(this.reportIndex.size),
      assessment: this.assessment.view(this.reportIndex.size),
      exploitation: this.exploitation.view(this.reportIndex.size),
      child: this.child.view(this.reportIndex.size),
      asserted: this.asserted.view(this.reportIndex.size),
      area: this.area.view(this.reportIndex.size),
      areaNames: this.areaNames,
      count: this.count + hand.length,
      a: withHand(this.a, (m) => node(m.a)),
      b: withHand(this.b, (m) => node(m.b)),
      report: withHand(this.reportOf, (m) => this.reportIndex.get(m.report) ?? -1),
      from: withHand(this.from, (m) => m.first?.getTime() ?? received(m)),
      to: withHand(this.to, (m) => m.last?.getTime() ?? m.first?.getTime() ?? received(m)),
      relation: withHand(this.relation, (m) => (m.relation ? LINK_RELATIONS.indexOf(m.relation) : MENTIONED)),
      calls: withHand(this.calls, () => 0),
    });
    return this.built;
  }

  private find(key: number): number | undefined {
    if (!this.sorted) {
      if (!this.byKey) {
        this.byKey = new Map();
        for (let i = 0; i < this.count; i++) this.byKey.set(this.keys.data[i]!, i);
      }
      return this.byKey.get(key);
    }
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys.data[mid]!;
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}
