import type { LinkRelation } from '@harbour/contract';
import { degrees, LinkLedger, type FilteredLinks, type GraphFilter, type LinkEvidence, type NetworkFacts } from '@harbour/core';
import type { AssertionRow, GraphChanges, Repositories } from '@harbour/db';

/** The evidence of the picture as it stands, and the filtered graphs made from it since. */
export interface Built {
  readonly evidence: LinkEvidence;
  readonly views: Map<string, View>;
}

/** The ledger of the picture's links, and how far it has caught up with the store. */
interface Caught {
  readonly ledger: LinkLedger;
  /** The highest change number read. */
  readonly upTo: number;
  /** The in-process change count it has seen. */
  readonly version: number;
  readonly at: number;
  /** When it was last read whole. */
  readonly wholeAt: number;
}

/** The graph through one filter, with what is worked out from it once. */
export interface View extends FilteredLinks {
  readonly degree: Int32Array;
  facts?: NetworkFacts[];
}

/** Filtered graphs kept: an analyst moving between a few filters should not wait each time. */
const VIEWS_KEPT = 4;
/**
 * Change numbers read again at each catch-up: a transaction that took its numbers before another
 * but committed after it is still seen (rows read twice change nothing).
 */
const OVERLAP = 10_000;

export interface LinkGraphCacheOptions {
  readonly catchUpMs?: number;
  readonly rebuildMs?: number;
  readonly now?: () => number;
}

/**
 * The picture's links held in this process. The evidence (which reports mention which pairs of
 * entities) is read from the store once into a ledger of arrays, then kept up to date by reading
 * only what changed since: links added, records resolved, merged or split, reports graded. It
 * catches up when this process changed the picture, and at most `catchUpMs` after another did;
 * it is read whole again every `rebuildMs` (deletions, and anything a catch-up could miss). Each
 * filter makes its own graph from the evidence in one pass, kept for the few latest filters. No
 * access checks or audit here: the graph service does those.
 */
export class LinkGraphCache {
  private version = 0;
  private caught: Caught | undefined;
  private catching: Promise<void> | undefined;
  private built: Built | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly options: LinkGraphCacheOptions = {},
  ) {}

  /** The picture changed: the next question catches up first. */
  changed(): void {
    this.version++;
  }

  /** The evidence as it stands, caught up first when due (one catch-up shared by concurrent questions). */
  async graph(): Promise<Built> {
    const now = this.options.now?.() ?? Date.now();
    const c = this.caught;
    const due = !c || c.version !== this.version || now - c.at >= (this.options.catchUpMs ?? 5_000);
    if (due) {
      this.catching ??= this.catchUp(now).finally(() => (this.catching = undefined));
      await this.catching;
    }
    const evidence = this.caught!.ledger.evidence();
    if (this.built?.evidence !== evidence) this.built = { evidence, views: new Map() };
    return this.built;
  }

  /** Reads what changed since the ledger last looked (everything, the first time and every `rebuildMs`). */
  private async catchUp(now: number): Promise<void> {
    const version = this.version;
    const previous = this.caught;
    const whole = !previous || now - previous.wholeAt >= (this.options.rebuildMs ?? 15 * 60_000);
    const ledger = whole ? new LinkLedger() : previous.ledger;
    const changes = await this.repos.graph.changesSince(whole ? 0 : Math.max(1, previous.upTo - OVERLAP));
    // A link's report may have been read (without links) before: its facts are needed now.
    const unread = [...new Set(changes.links.map((l) => l.report).filter((r) => !ledger.knowsReport(r)))];
    takeChanges(ledger, { ...changes, reports: [...changes.reports, ...(await this.repos.graph.linkReportsById(unread))] });
    // Assertions are few and each may have moved with a merge: read whole every time.
    takeAssertions(ledger, await this.repos.assertions.all());
    this.caught = { ledger, upTo: Math.max(changes.upTo, whole ? 0 : previous.upTo), version, at: now, wholeAt: whole ? now : previous.wholeAt };
  }

  /** The graph through a filter, made once and kept while the evidence lasts (the few most recent filters). */
  view(built: Built, filter: GraphFilter = {}): View {
    const key = JSON.stringify(filter, Object.keys(filter).sort());
    let view = built.views.get(key);
    if (view) {
      built.views.delete(key);
    } else {
      const links = built.evidence.filtered(filter);
      view = { ...links, degree: degrees(links.graph) };
      if (built.views.size >= VIEWS_KEPT) built.views.delete(built.views.keys().next().value!);
    }
    built.views.set(key, view);
    return view;
  }
}

/**
 * Puts the analysts' assertions into a ledger: each stands in the place of a report (its own date
 * and grading) for a link of its own; a withdrawn one links nothing.
 */
export function takeAssertions(ledger: LinkLedger, assertions: readonly AssertionRow[]): void {
  for (const x of assertions) {
    ledger.entity(x.from, x.from_kind, false);
    ledger.entity(x.to, x.to_kind, false);
    ledger.report(x.id, { receivedAt: new Date(x.asserted_at), grading: x.grading, exploitationTypes: [], involvesChild: false, area: null, asserted: true });
    ledger.handLink(x.id, x.live ? { a: x.from, b: x.to, report: x.id, relation: x.relation as LinkRelation } : null);
  }
}

/** Puts what changed in the store into a ledger: entities and reports first, so the links find them. */
export function takeChanges(ledger: LinkLedger, changes: GraphChanges): void {
  for (const e of changes.entities) ledger.entity(e.id, e.kind, e.victim, false);
  for (const r of changes.reports)
    ledger.report(r.id, {
      receivedAt: new Date(r.received_at),
      grading: r.grading,
      exploitationTypes: r.exploitation_types,
      involvesChild: r.involves_child,
      area: r.local_authority,
    });
  for (const l of changes.links)
    ledger.link(l.key, {
      a: l.a ?? '',
      b: l.b ?? '',
      report: l.report,
      first: l.first,
      last: l.last,
      relation: l.relation as LinkRelation,
      calls: l.calls ?? 0,
    });
}
