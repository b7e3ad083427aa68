import { LINK_RELATIONS, type LinkRelation } from '@harbour/contract';
import { EXPLOITATION_TYPES, type ExploitationType } from '../domain';
import { RECORD_KINDS, type RecordKind } from '../resolve/keys';
import { LinkGraph } from './link-graph';
import { LinkLedger, type LedgerArrays } from './link-ledger';
import { components, type Components } from './traversal';

/** What a link analysis is restricted to; every part left out means "all". */
export interface GraphFilter {
  /** Only reports received on or after this… */
  readonly from?: Date;
  /** …and before this. */
  readonly until?: Date;
  /** Graded reports of these source evaluations only (3x5x2: 1 reliable, 2 untested, 3 not reliable). */
  readonly evaluations?: readonly ('1' | '2' | '3')[];
  /** Graded reports of these intelligence assessments only (A known directly … E suspected false). */
  readonly assessments?: readonly ('A' | 'B' | 'C' | 'D' | 'E')[];
  /** Whether reports not yet graded count; true unless said. */
  readonly ungraded?: boolean;
  /** Reports of any of these kinds of exploitation. */
  readonly exploitationTypes?: readonly ExploitationType[];
  /** Entities of these kinds (a person, a phone…); links to others are left out. */
  readonly kinds?: readonly RecordKind[];
  /** Links between these kinds of entity, named by the two kinds in `RECORD_KINDS` order ("person-phone"). */
  readonly linkTypes?: readonly string[];
  /** Links saying one of these (a suspect controls a victim, a person lives at an address…). */
  readonly relations?: readonly LinkRelation[];
}

export { LINK_RELATIONS, LINK_TYPES } from '@harbour/contract';

/** The kind of link between entities of two kinds. */
export function linkType(a: RecordKind, b: RecordKind): string {
  return RECORD_KINDS.indexOf(a) <= RECORD_KINDS.indexOf(b) ? `${a}-${b}` : `${b}-${a}`;
}

/** The facts of a report a filter asks about. */
export interface ReportFacts {
  readonly receivedAt: Date;
  /** Its 3x5x2 grading ("2BP"), or null before triage. */
  readonly grading: string | null;
  readonly exploitationTypes: readonly string[];
  readonly involvesChild: boolean;
  /** The local authority (ONS code) it concerns, when known. */
  readonly area: string | null;
  /** An analyst's assertion in the place of a report: no kind of exploitation of its own, so a filter by kind does not leave it out. */
  readonly asserted?: boolean;
}

/** What the reports behind one network say, seen through the filter. */
export interface NetworkFacts {
  /** Entities in it, and the links among them. */
  readonly size: number;
  readonly links: number;
  /** Members recorded as a potential victim in some report. */
  readonly victims: number;
  readonly children: boolean;
  readonly exploitationTypes: readonly string[];
  readonly areas: readonly string[];
  /** The first and last of its reports (ms). */
  readonly firstSeen: number;
  readonly lastSeen: number;
}

/** One report mentioning two entities together: a piece of evidence that they are linked. */
export interface LinkMention {
  readonly a: string;
  readonly b: string;
  readonly report: string;
  /** When the link itself was seen, where the report says (the first and last of the calls in call data); else the report's date. */
  readonly first?: Date | null;
  readonly last?: Date | null;
  /** What the report says of the two, from `a` to `b`; only mentioned together when not said. */
  readonly relation?: LinkRelation;
  /** How many calls from `a` to `b` the report records (call data). */
  readonly calls?: number;
}

/** Which way a link's relations run between the two ends asked about. */
export type LinkDirection = 'forward' | 'backward' | 'both' | 'none';

/** A link of a filtered graph: its reports passing the filter, when seen, and what they say of it. */
export interface FilteredLink {
  readonly reports: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Strongest first (`LINK_RELATIONS` order). */
  readonly relations: readonly LinkRelation[];
  /** Of the directed relations: from the first end asked about to the second, back, both or neither. */
  readonly direction: LinkDirection;
  /** Calls between the two in the passing call data, either way. */
  readonly calls: number;
  /** Of `reports`, the analysts' assertions. */
  readonly asserted: number;
}

/** The picture's graph as seen through one filter, with each link's reports counted under it. */
export interface FilteredLinks {
  readonly graph: LinkGraph;
  /** Reports behind each link that pass the filter, and the first and last of them (ms), by graph edge slot. */
  readonly link: (v: number, u: number) => FilteredLink | undefined;
  /** The networks (connected components) of the filtered graph … */
  readonly networks: Components;
  /** … and, for each, what its reports say. */
  readonly networkFacts: () => NetworkFacts[];
}

/**
 * The evidence behind every link of the picture: which reports mention which pairs of entities,
 * and what those reports are (when, how graded, which exploitation). Held as arrays, so that a
 * filter (a date range, a grading, a kind of exploitation, kinds of entity) makes its own graph in
 * one pass over the evidence rather than a query to the store, and walks stay on typed arrays.
 */
export class LinkEvidence {
  private constructor(
    /** Entity ids; node v of every filtered graph is `ids[v]`. */
    readonly ids: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly kinds: Uint8Array,
    private readonly victim: Uint8Array,
    /** Each linked pair (a < b by node number) … */
    private readonly pairA: Int32Array,
    private readonly pairB: Int32Array,
    /** … and its reports: `mentions[starts[p]] … mentions[starts[p + 1] - 1]`. */
    private readonly starts: Int32Array,
    private readonly mentions: Int32Array,
    /** When each mention was seen: its first and last time (ms). */
    private readonly seenFrom: Float64Array,
    private readonly seenTo: Float64Array,
    /** What each mention says (one bit per relation, `LINK_RELATIONS` order) and which way: 1 lower node to higher, 2 back. */
    private readonly relationBits: Uint8Array,
    private readonly directionBits: Uint8Array,
    /** Calls each mention records (call data; 0 for others). */
    private readonly callCount: Float64Array,
    /** The span of each report's mentions (ms). */
    private readonly reportFrom: Float64Array,
    private readonly reportTo: Float64Array,
    /** Source evaluation 1–3 and assessment 1–5 (A–E) of each report; 0 when not graded. */
    private readonly evaluation: Uint8Array,
    private readonly assessment: Uint8Array,
    /** Each report's kinds of exploitation, one bit each in `EXPLOITATION_TYPES` order. */
    private readonly exploitation: Uint8Array,
    private readonly child: Uint8Array,
    /** 1 for an analyst's assertion in the place of a report. */
    private readonly asserted: Uint8Array,
    /** Each report's area, as a position in `areaNames` (-1 when unknown). */
    private readonly area: Int16Array,
    private readonly areaNames: readonly string[],
    private readonly reportIndex: ReadonlyMap<string, number>,
  ) {}

  /** Whether a report passes the filter's date, grading and exploitation parts (unknown reports do not). */
  reportFilter(filter: GraphFilter = {}): (reportId: string) => boolean {
    const passes = this.reportsPassing(filter);
    const [from, until] = span(filter);
    return (id) => {
      const r = this.reportIndex.get(id);
      return r !== undefined && passes[r] === 1 && this.reportTo[r]! >= from && this.reportFrom[r]! < until;
    };
  }

  get pairCount(): number {
    return this.pairA.length;
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /**
   * Gathers the evidence: entities (every one a node, linked or not), reports by id, and each
   * mention of two entities in one report. Mentions of an unknown entity or report, or of an
   * entity with itself, are left out; repeats of a pair in one report count once.
   */
  static from(
    entities: Iterable<{ id: string; kind: RecordKind; victim?: boolean }>,
    reports: ReadonlyMap<string, ReportFacts>,
    mentions: Iterable<LinkMention>,
  ): LinkEvidence {
    const ledger = new LinkLedger();
    for (const e of entities) ledger.entity(e.id, e.kind, e.victim ?? false, false);
    for (const [id, facts] of reports) ledger.report(id, facts);
    let key = 0;
    for (const m of mentions) ledger.link(key++, m);
    return ledger.evidence();
  }

  /** Builds from a ledger's arrays: mentions grouped by pair in linear time. */
  static fromLedger(l: LedgerArrays): LinkEvidence {
    const n = l.ids.length;
    const reportCount = l.received.length;
    // Mentions as (lower node, higher node), then grouped by pair in linear time: a counting sort
    // by the lower node, then each bucket's pairs gathered by the higher. Links whose ends are not
    // two distinct known entities (a record not yet resolved, or one merged into the other) wait.
    const usable = new Int32Array(l.count);
    let count = 0;
    for (let i = 0; i < l.count; i++) if (l.a[i]! >= 0 && l.b[i]! >= 0 && l.a[i] !== l.b[i] && l.report[i]! >= 0) usable[count++] = i;
    const low = new Int32Array(count);
    const high = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const i = usable[k]!;
      low[k] = Math.min(l.a[i]!, l.b[i]!);
      high[k] = Math.max(l.a[i]!, l.b[i]!);
    }
    const bucket = new Int32Array(n + 1);
    for (let i = 0; i < count; i++) bucket[low[i]! + 1]!++;
    for (let v = 0; v < n; v++) bucket[v + 1]! += bucket[v]!;
    const fill = bucket.slice(0, n);
    const byLow = new Int32Array(count);
    for (let i = 0; i < count; i++) byLow[fill[low[i]!]!++] = i;

    // At most one pair per mention: the arrays are sized for that and cut to the pairs found.
    const pairA = new Int32Array(count);
    const pairB = new Int32Array(count);
    const starts = new Int32Array(count + 1);
    const place = new Int32Array(count);
    const grouped = new Int32Array(count);
    const pairOf = new Int32Array(n).fill(-1);
    let pairs = 0;
    let out = 0;
    for (let v = 0; v < n; v++) {
      // Pairs of v numbered first (counting their mentions in `place`), then their mentions laid out pair by pair.
      const first = pairs;
      for (let k = bucket[v]!; k < bucket[v + 1]!; k++) {
        const u = high[byLow[k]!]!;
        if (pairOf[u]! < first) {
          pairOf[u] = pairs;
          pairA[pairs] = v;
          pairB[pairs] = u;
          place[pairs++] = 0;
        }
        place[pairOf[u]!]!++;
      }
      for (let p = first; p < pairs; p++) {
        const size = place[p]!;
        starts[p] = out;
        place[p] = out;
        out += size;
      }
      for (let k = bucket[v]!; k < bucket[v + 1]!; k++) {
        const i = byLow[k]!;
        grouped[place[pairOf[high[i]!]!]!++] = usable[i]!;
      }
    }
    starts[pairs] = out;
    // A pair mentioned twice in one report is one piece of evidence, seen over both times.
    const mentionsOut = new Int32Array(count);
    const seenFrom = new Float64Array(count);
    const seenTo = new Float64Array(count);
    const relationBits = new Uint8Array(count);
    const directionBits = new Uint8Array(count);
    const callCount = new Float64Array(count);
    const said = (i: number) => 1 << l.relation[i]!;
    const way = (i: number) => (l.relation[i] === MENTIONED ? 0 : l.a[i]! < l.b[i]! ? 1 : 2);
    const startsOut = new Int32Array(pairs + 1);
    const lastPair = new Int32Array(reportCount).fill(-1);
    const slotOf = new Int32Array(reportCount);
    let kept = 0;
    for (let p = 0; p < pairs; p++) {
      startsOut[p] = kept;
      for (let k = starts[p]!; k < starts[p + 1]!; k++) {
        const i = grouped[k]!;
        const r = l.report[i]!;
        if (lastPair[r] === p) {
          const slot = slotOf[r]!;
          seenFrom[slot] = Math.min(seenFrom[slot]!, l.from[i]!);
          seenTo[slot] = Math.max(seenTo[slot]!, l.to[i]!);
          relationBits[slot]! |= said(i);
          directionBits[slot]! |= way(i);
          callCount[slot]! += l.calls[i]!;
          continue;
        }
        lastPair[r] = p;
        slotOf[r] = kept;
        seenFrom[kept] = l.from[i]!;
        seenTo[kept] = l.to[i]!;
        relationBits[kept] = said(i);
        directionBits[kept] = way(i);
        callCount[kept] = l.calls[i]!;
        mentionsOut[kept++] = r;
      }
    }
    startsOut[pairs] = kept;
    // Each report's span: its mentions' times (its own date when it links nothing).
    const reportFrom = l.received.slice();
    const reportTo = l.received.slice();
    const spanned = new Uint8Array(reportCount);
    for (let k = 0; k < kept; k++) {
      const r = mentionsOut[k]!;
      reportFrom[r] = spanned[r] ? Math.min(reportFrom[r]!, seenFrom[k]!) : seenFrom[k]!;
      reportTo[r] = spanned[r] ? Math.max(reportTo[r]!, seenTo[k]!) : seenTo[k]!;
      spanned[r] = 1;
    }
    return new LinkEvidence(
      l.ids,
      l.index,
      l.kinds,
      l.victims,
      pairA.slice(0, pairs),
      pairB.slice(0, pairs),
      startsOut,
      mentionsOut.slice(0, kept),
      seenFrom.slice(0, kept),
      seenTo.slice(0, kept),
      relationBits.slice(0, kept),
      directionBits.slice(0, kept),
      callCount.slice(0, kept),
      reportFrom,
      reportTo,
      l.evaluation,
      l.assessment,
      l.exploitation,
      l.child,
      l.asserted,
      l.area,
      l.areaNames,
      l.reportIndex,
    );
  }

  /** The graph of the links that have at least one report passing the filter, weighted by how many. */
  filtered(filter: GraphFilter = {}): FilteredLinks {
    const counts = this.mentionFilter(filter);
    const kindOk = this.kindsPassing(filter);
    const pairs = this.pairA.length;
    const from = new Int32Array(pairs);
    const to = new Int32Array(pairs);
    const weight = new Float64Array(pairs);
    const first = new Float64Array(pairs);
    const last = new Float64Array(pairs);
    const relations = new Uint8Array(pairs);
    const directions = new Uint8Array(pairs);
    const calls = new Float64Array(pairs);
    const asserted = new Int32Array(pairs);
    const pairOf = new Int32Array(pairs);
    let kept = 0;
    for (let p = 0; p < pairs; p++) {
      const [a, b] = [this.pairA[p]!, this.pairB[p]!];
      if (!kindOk(this.kinds[a]!, this.kinds[b]!)) continue;
      let reports = 0;
      let lo = Infinity;
      let hi = -Infinity;
      let said = 0;
      let way = 0;
      let called = 0;
      let byHand = 0;
      for (let k = this.starts[p]!; k < this.starts[p + 1]!; k++) {
        if (!counts(k)) continue;
        reports++;
        byHand += this.asserted[this.mentions[k]!]!;
        lo = Math.min(lo, this.seenFrom[k]!);
        hi = Math.max(hi, this.seenTo[k]!);
        said |= this.relationBits[k]!;
        way |= this.directionBits[k]!;
        called += this.callCount[k]!;
      }
      if (reports === 0) continue;
      from[kept] = a;
      to[kept] = b;
      weight[kept] = reports;
      first[kept] = lo;
      last[kept] = hi;
      relations[kept] = said;
      directions[kept] = way;
      calls[kept] = called;
      asserted[kept] = byHand;
      pairOf[kept++] = p;
    }
    const graph = LinkGraph.fromNumbered(this.ids, this.index, from.subarray(0, kept), to.subarray(0, kept), weight.subarray(0, kept));
    const networks = components(graph);
    return {
      graph,
      networks,
      networkFacts: () => this.networkFacts(graph, networks, counts, pairOf.subarray(0, kept)),
      link(v, u) {
        for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++)
          if (graph.targets[e] === u) {
            const i = graph.origins[e]!;
            // Directions are kept from the lower node to the higher: turned to run from v.
            const way = v < u ? directions[i]! : ((directions[i]! & 1) << 1) | ((directions[i]! & 2) >> 1);
            return {
              reports: weight[i]!,
              firstSeen: first[i]!,
              lastSeen: last[i]!,
              relations: LINK_RELATIONS.filter((_, r) => relations[i]! & (1 << r)),
              direction: WAYS[way]!,
              calls: calls[i]!,
              asserted: asserted[i]!,
            };
          }
        return undefined;
      },
    };
  }

  /** Each network's facts from the passing reports of its links (a report's links all lie in one network). */
  private networkFacts(graph: LinkGraph, networks: Components, counts: (mention: number) => boolean, pairs: Int32Array): NetworkFacts[] {
    const count = networks.sizes.length;
    const victims = new Int32Array(count);
    const degreeSum = new Float64Array(count);
    for (let v = 0; v < graph.nodeCount; v++) {
      victims[networks.of[v]!]! += this.victim[v]!;
      degreeSum[networks.of[v]!]! += graph.degree(v);
    }
    const children = new Uint8Array(count);
    const exploitation = new Uint8Array(count);
    const areas = new Int32Array(count); // one bit per area: a force has a handful
    const first = new Float64Array(count).fill(Infinity);
    const last = new Float64Array(count).fill(-Infinity);
    for (const p of pairs) {
      const c = networks.of[this.pairA[p]!]!;
      for (let k = this.starts[p]!; k < this.starts[p + 1]!; k++) {
        if (!counts(k)) continue;
        const r = this.mentions[k]!;
        children[c]! |= this.child[r]!;
        exploitation[c]! |= this.exploitation[r]!;
        if (this.area[r]! >= 0 && this.area[r]! < 31) areas[c]! |= 1 << this.area[r]!;
        first[c] = Math.min(first[c]!, this.seenFrom[k]!);
        last[c] = Math.max(last[c]!, this.seenTo[k]!);
      }
    }
    return networks.sizes.map((size, c) => ({
      size,
      links: degreeSum[c]! / 2,
      victims: victims[c]!,
      children: children[c] === 1,
      exploitationTypes: EXPLOITATION_TYPES.filter((_, i) => exploitation[c]! & (1 << i)),
      areas: this.areaNames.filter((_, i) => areas[c]! & (1 << i)).sort(),
      firstSeen: first[c]!,
      lastSeen: last[c]!,
    }));
  }

  /** Whether a mention counts under the filter: its report passes, it was seen in the dates, it says what is asked for. */
  private mentionFilter(filter: GraphFilter): (mention: number) => boolean {
    const passes = this.reportsPassing(filter);
    const [since, until] = span(filter);
    const wanted = filter.relations ? filter.relations.reduce((bits, r) => bits | (1 << LINK_RELATIONS.indexOf(r)), 0) : 0xff;
    return (k) => passes[this.mentions[k]!] === 1 && this.seenTo[k]! >= since && this.seenFrom[k]! < until && (this.relationBits[k]! & wanted) !== 0;
  }

  /** One flag per report: does it pass the filter's grading and exploitation parts? (Dates are checked per mention.) */
  private reportsPassing(filter: GraphFilter): Uint8Array {
    const evaluations = filter.evaluations ? new Set(filter.evaluations.map(Number)) : undefined;
    const assessments = filter.assessments ? new Set(filter.assessments.map((a) => a.charCodeAt(0) - 64)) : undefined;
    const ungraded = filter.ungraded ?? true;
    const wanted = filter.exploitationTypes ? exploitationBits(filter.exploitationTypes) : undefined;
    const passes = new Uint8Array(this.evaluation.length);
    for (let r = 0; r < passes.length; r++) {
      if (this.evaluation[r] === 0) {
        if (!ungraded) continue;
      } else if ((evaluations && !evaluations.has(this.evaluation[r]!)) || (assessments && !assessments.has(this.assessment[r]!))) continue;
      if (wanted !== undefined && (this.exploitation[r]! & wanted) === 0 && this.asserted[r] === 0) continue;
      passes[r] = 1;
    }
    return passes;
  }

  private kindsPassing(filter: GraphFilter): (a: number, b: number) => boolean {
    const kinds = filter.kinds ? new Set(filter.kinds.map((k) => RECORD_KINDS.indexOf(k))) : undefined;
    const types = filter.linkTypes ? new Set(filter.linkTypes) : undefined;
    return (a, b) => (!kinds || (kinds.has(a) && kinds.has(b))) && (!types || types.has(linkType(RECORD_KINDS[a]!, RECORD_KINDS[b]!)));
  }
}

const MENTIONED = LINK_RELATIONS.indexOf('mentioned');
/** Direction bits (1 forward, 2 back) as words. */
const WAYS: readonly LinkDirection[] = ['none', 'forward', 'backward', 'both'];

/** The filter's dates as a half-open range of ms. */
function span(filter: GraphFilter): [number, number] {
  return [filter.from?.getTime() ?? -Infinity, filter.until?.getTime() ?? Infinity];
}

export function exploitationBits(types: readonly string[]): number {
  let bits = 0;
  for (const t of types) {
    const i = EXPLOITATION_TYPES.indexOf(t as ExploitationType);
    if (i >= 0) bits |= 1 << i;
  }
  return bits;
}
