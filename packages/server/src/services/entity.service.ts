import { NUMBER_CONTACTS_SHOWN, SEARCH_MOST_COUNTED, SEARCH_PAGE_SIZE, SEARCH_PREVIEW } from '@harbour/contract';
import type { Agreement, EntityView, NumberCallsView, RecordView, ReportRef, ReviewView, SearchQuery, SearchResults } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import {
  bestPersonLabel,
  callProfile,
  Conflict,
  countryOf,
  Invalid,
  NotFound,
  PERMISSIONS,
  permittedUser,
  personLabel,
  RECORD_KINDS,
  recordIdentity,
  searchQuery,
  type Actor,
  type KeyedKind,
  type Permission,
  type UserActor,
} from '@harbour/core';
import type { EntityRepository, Move, Repositories, ReviewPairRow, SourceRecord } from '@harbour/db';
import { assertionView } from './assertion.service';
import { auditEntry } from './audit.service';

/** Open review pairs are counted this far and no further. */
const MOST_COUNTED = 100;

/** What each evidence field shows of a person record, side by side. */
const FIELD_VALUES: Record<string, (a: Record<string, string>) => string> = {
  name: (a) => [a['givenName'], a['familyName']].filter(Boolean).join(' '),
  dob: (a) => a['dob'] ?? '',
  gender: (a) => a['gender'] ?? '',
  nationality: (a) => a['nationality'] ?? '',
  phone: (a) => a['phone'] ?? '',
  postcode: (a) => a['postcode'] ?? '',
  address: (a) => a['address'] ?? '',
  town: (a) => a['town'] ?? '',
  id_number: (a) => a['idNumber'] ?? '',
};

/**
 * Reading and correcting the picture: the search box, entity pages, the review queue, merges,
 * splits and their undoing. Every read and write is audited; corrections move records between
 * entities (never delete them), each move recorded so it can be undone.
 */
export class EntityService {
  constructor(
    private readonly repos: Repositories,
    /** Told after every merge, split, undo and review decision (the graph of links follows the picture). */
    private readonly changed: () => void = () => undefined,
  ) {}

  /**
   * The search box: without a kind, the first few of every kind and of reports, each with how many
   * match; with one, a page of that kind. People carry what tells namesakes apart.
   */
  async search(actor: Actor, asked: SearchQuery | string): Promise<SearchResults> {
    const user = this.allowed(actor, PERMISSIONS.pictureSearch);
    const { q, kind = null, page = 1 } = typeof asked === 'string' ? { q: asked } : asked;
    const text = q.trim();
    const size = kind ? SEARCH_PAGE_SIZE : SEARCH_PREVIEW;
    const window = { offset: (Number(page) - 1) * size, limit: size, mostCounted: SEARCH_MOST_COUNTED };
    const none = { hits: [], counts: new Map(), capped: false, total: 0 };
    const [found, reports] = await Promise.all([
      kind === 'report' ? none : this.repos.entities.search({ ...searchQuery(text), ...window, kind: kind ?? undefined }),
      kind === null || kind === 'report' ? this.repos.entities.searchReports(text, window) : none,
    ]);
    const details = new Map(
      (await this.repos.entities.personDetails(found.hits.filter((h) => h.kind === 'person').map((h) => h.id))).map((d) => [d.entity_id, d]),
    );
    const counts: ReadonlyMap<string, number> = found.counts;
    const groups = RECORD_KINDS.flatMap((k) => {
      const total = counts.get(k) ?? 0;
      if (total === 0) return [];
      const items = found.hits
        .filter((h) => h.kind === k)
        .map((h) => {
          const d = details.get(h.id);
          return {
            id: h.id,
            label: h.label,
            reports: h.reports,
            latest: new Date(h.latest).toISOString(),
            details: d ? { dob: d.dob, nationality: nationalityCode(d.nationality), roles: [...(d.roles ?? [])].sort(), area: d.area } : null,
          };
        });
      return [{ kind: k, total: Math.min(total, SEARCH_MOST_COUNTED), capped: found.capped, items }];
    });
    await this.repos.audit.append(
      auditEntry(
        user,
        'picture.searched',
        { type: 'entity', id: null },
        {
          query: text,
          ...(kind ? { kind, page } : {}),
          entities: groups.flatMap((g) => g.items.map((i) => i.id)),
          reports: reports.hits.map((r) => r.id),
        },
      ),
    );
    return {
      query: text,
      kind,
      page: Number(page),
      pageSize: size,
      groups,
      reports: reports.hits.map((r) => ({ ...reportRef(r), id: r.id, snippet: r.snippet })),
      reportCount: { total: Math.min(reports.total, SEARCH_MOST_COUNTED), capped: reports.total > SEARCH_MOST_COUNTED },
    };
  }

  /** A phone's calls in call data: made and received, when, at which hours, and with whom (as people). */
  async calls(actor: Actor, id: string): Promise<NumberCallsView> {
    const user = this.allowed(actor, PERMISSIONS.pictureSearch);
    const entity = await this.repos.entities.entity(id);
    if (!entity || entity.kind !== 'phone') throw new NotFound('No such phone');
    const rows = await this.repos.callData.numberCalls(id);
    const users = await this.repos.callData.phoneUsers([id, ...new Set(rows.map((r) => r.other))]);
    const profile = callProfile(
      id,
      rows.map((r) => ({ ...r, otherLabel: r.other_label, first: r.first_at, last: r.last_at })),
      users.filter((u) => u.phone !== id),
    );
    const contacts = profile.contacts.slice(0, NUMBER_CONTACTS_SHOWN);
    await this.repos.audit.append(
      auditEntry(user, 'entity.calls-viewed', { type: 'entity', id }, { contacts: contacts.flatMap((c) => c.numbers.map((n) => n.id)) }),
    );
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return {
      id,
      label: entity.label,
      callsOut: profile.callsOut,
      callsIn: profile.callsIn,
      seconds: profile.seconds,
      first: iso(profile.first),
      last: iso(profile.last),
      hours: [...profile.hours],
      timed: profile.timed,
      users: users.filter((u) => u.phone === id).map((u) => ({ id: u.person, label: u.label })),
      contacts: contacts.map((c) => ({ ...c, people: [...c.people], numbers: [...c.numbers], first: iso(c.first), last: iso(c.last) })),
      contactCount: profile.contacts.length,
    };
  }

  async entity(actor: Actor, id: string): Promise<EntityView> {
    const user = this.allowed(actor, PERMISSIONS.pictureSearch);
    const entities = this.repos.entities;
    const entity = await entities.entity(id);
    if (!entity) throw new NotFound('No such entity');
    const [sources, linked, changes, asserted] = await Promise.all([
      entities.sources(id),
      entities.linked(id),
      entities.changes(id),
      this.repos.assertions.touching(id),
    ]);
    const mergedInto = entity.merged_into ? await entities.mergedTarget(id) : null;
    await this.repos.audit.append(
      auditEntry(user, 'entity.viewed', { type: 'entity', id }, { records: sources.map((s) => s.id), assertions: asserted.map((a) => a.id) }),
    );
    return {
      id: entity.id,
      kind: entity.kind,
      // Kept current as records join and move, so the chart and search show this same name.
      label: entity.label,
      mergedInto,
      attributes: attributesOf(sources),
      records: sources.map((s) => recordView(s, id)),
      asserted: asserted.map((a) => ({
        ...assertionView(a),
        other: a.from === id ? { id: a.to, kind: a.to_kind, label: a.to_label } : { id: a.from, kind: a.from_kind, label: a.from_label },
      })),
      linked: linked.map((l) => ({
        id: l.id,
        kind: l.kind,
        label: l.label,
        roles: l.roles,
        reports: l.reports.map((r) => ({ id: r.id, reference: r.reference, source: '', receivedAt: r.received_at.toISOString(), grading: r.grading })),
      })),
      timeline: [
        ...uniqueReports(sources).map((s) => ({ at: s.received_at.toISOString(), what: 'reported' as const, report: reportRef(s), role: s.role })),
        ...changes.map((c) => ({ at: new Date(c.created_at).toISOString(), what: c.action, changeId: c.id, actor: c.actor_name })),
      ].sort((a, b) => a.at.localeCompare(b.at)),
      changes: changes.map((c) => ({
        id: c.id,
        action: c.action,
        at: new Date(c.created_at).toISOString(),
        actor: c.actor_name,
        records: c.moves?.length ?? 0,
        undone: c.undone_by !== null,
        fromReview: c.review_pair_id !== null,
      })),
    };
  }

  /** Merges `otherId` into `id`: every record of the other entity moves here; the other points here. */
  async merge(actor: Actor, id: string, otherId: string): Promise<{ changeId: string; entityId: string }> {
    const user = this.allowed(actor, PERMISSIONS.pictureResolve);
    if (id === otherId)
      throw new Invalid('An entity cannot merge with itself', [{ path: 'entityId', message: 'Choose a different entity', reason: 'invalid' }]);
    return this.changing(
      this.repos.entities.transaction(async (entities, audit) => {
        await entities.lockEntities([id, otherId]);
        const [target, other] = await Promise.all([entities.entity(id), entities.entity(otherId)]);
        if (!target || !other) throw new NotFound('No such entity');
        if (target.kind !== other.kind)
          throw new Invalid('Only entities of one kind can merge', [{ path: 'entityId', message: `Choose another ${target.kind}`, reason: 'invalid' }]);
        if (target.merged_into || other.merged_into) throw new Conflict('One of these entities has already been merged into another');
        const changeId = await this.move(entities, user, 'merge', await movesOf(entities, otherId, id));
        await audit(auditEntry(user, 'entity.merged', { type: 'entity', id }, { changeId, merged: otherId }));
        return { changeId, entityId: id };
      }),
    );
  }

  /** Moves the chosen records of an entity out to a new entity of their own. */
  async split(actor: Actor, id: string, recordIds: readonly string[]): Promise<{ changeId: string; entityId: string }> {
    const user = this.allowed(actor, PERMISSIONS.pictureResolve);
    return this.changing(
      this.repos.entities.transaction(async (entities, audit) => {
        await entities.lockEntities([id]);
        const entity = await entities.entity(id);
        if (!entity) throw new NotFound('No such entity');
        const records = await entities.recordIds(id);
        const chosen = new Set(recordIds);
        const unknown = recordIds.filter((r) => !records.some((x) => x.id === r));
        if (chosen.size === 0 || unknown.length > 0)
          throw new Invalid('Choose records of this entity to split off', [{ path: 'recordIds', message: 'Choose records of this entity', reason: 'invalid' }]);
        if (chosen.size === records.length)
          throw new Invalid('Leave at least one record behind', [
            { path: 'recordIds', message: 'Leave at least one record in this entity', reason: 'invalid' },
          ]);
        const first = (await entities.records([...chosen]))[0]!;
        const newId = randomUUID();
        await entities.createEntity({ id: newId, kind: entity.kind, label: labelOf(entity.kind, first.attributes) });
        const changeId = await this.move(
          entities,
          user,
          'split',
          [...chosen].map((recordId) => ({ recordId, from: id, to: newId })),
        );
        await audit(auditEntry(user, 'entity.split', { type: 'entity', id }, { changeId, newEntity: newId, records: [...chosen] }));
        return { changeId, entityId: newId };
      }),
    );
  }

  /** Puts every record a merge or split moved back where it was; refused if any has moved since. */
  async undo(actor: Actor, changeId: string): Promise<{ changeId: string }> {
    const user = this.allowed(actor, PERMISSIONS.pictureResolve);
    return this.changing(
      this.repos.entities.transaction(async (entities, audit) => {
        const change = await entities.change(changeId);
        if (!change) throw new NotFound('No such change');
        if (change.undone_by) throw new Conflict('This change has already been undone');
        const moves = change.moves;
        await entities.lockEntities([...new Set(moves.flatMap((m) => [m.from_entity, m.to_entity]))]);
        const now = await entities.currentEntities(moves.map((m) => m.record_id));
        if (moves.some((m) => now.get(m.record_id) !== m.to_entity))
          throw new Conflict('Some of these records have been moved again since; undo the later change first');
        const undoId = await this.move(
          entities,
          user,
          'undo',
          moves.map((m) => ({ recordId: m.record_id, from: m.to_entity, to: m.from_entity })),
          { undoes: changeId },
        );
        await audit(auditEntry(user, 'entity.change-undone', { type: 'entity', id: null }, { changeId, undoId }));
        return { changeId: undoId };
      }),
    );
  }

  async nextReview(actor: Actor): Promise<ReviewView> {
    const user = this.allowed(actor, PERMISSIONS.pictureResolve);
    const entities = this.repos.entities;
    const [pair, counted] = await Promise.all([entities.nextReviewPair(), entities.openReviewCount(MOST_COUNTED + 1)]);
    const [open, moreThanCounted] = [Math.min(counted, MOST_COUNTED), counted > MOST_COUNTED];
    if (!pair) return { open, moreThanCounted, pair: null };
    const view = await this.pairView(entities, pair);
    await this.repos.audit.append(auditEntry(user, 'review.viewed', { type: 'entity', id: pair.id }, { records: [pair.record_a, pair.record_b] }));
    return { open, moreThanCounted, pair: view };
  }

  /**
   * An analyst's decision on a pair: accept merges the two records' entities (the smaller into the
   * larger, undoably), reject keeps them apart, skip puts the pair at the back of the queue.
   * Accepted and rejected pairs teach the model when it is next trained.
   */
  async decide(actor: Actor, pairId: string, decision: 'accept' | 'reject' | 'skip'): Promise<ReviewView> {
    const user = this.allowed(actor, PERMISSIONS.pictureResolve);
    await this.changing(
      this.repos.entities.transaction(async (entities, audit) => {
        const pair = await entities.reviewPair(pairId);
        if (!pair) throw new NotFound('No such review pair');
        if (pair.status !== 'open') throw new Conflict('This pair has already been decided');
        if (decision === 'skip') {
          await entities.skipReviewPair(pairId);
        } else if (decision === 'reject') {
          await entities.decideReviewPair(pairId, 'rejected', user.userId);
        } else {
          const where = await entities.currentEntities([pair.record_a, pair.record_b]);
          const [a, b] = [where.get(pair.record_a), where.get(pair.record_b)];
          if (!a || !b) throw new Conflict('These records are not yet resolved');
          let changeId: string | null = null;
          if (a !== b) {
            await entities.lockEntities([a, b]);
            const [sizeA, sizeB] = [(await entities.recordIds(a)).length, (await entities.recordIds(b)).length];
            const [from, to] = sizeA > sizeB ? [b, a] : [a, b];
            changeId = await this.move(entities, user, 'merge', await movesOf(entities, from, to), { reviewPairId: pairId });
          }
          await entities.decideReviewPair(pairId, 'accepted', user.userId);
          await audit(auditEntry(user, 'entity.merged', { type: 'entity', id: b }, { changeId, reviewPair: pairId }));
        }
        await audit(auditEntry(user, 'review.decided', { type: 'entity', id: pairId }, { decision }));
      }),
    );
    return this.nextReview(actor);
  }

  private async pairView(entities: EntityRepository, pair: ReviewPairRow): Promise<NonNullable<ReviewView['pair']>> {
    const records = await entities.records([pair.record_a, pair.record_b]);
    const a = records.find((r) => r.id === pair.record_a)!;
    const b = records.find((r) => r.id === pair.record_b)!;
    const side = async (r: (typeof records)[number]) => {
      const entity = r.entity_id ? await entities.entity(r.entity_id) : undefined;
      const count = r.entity_id ? (await entities.recordIds(r.entity_id)).length : 0;
      return { ...recordView(r, r.entity_id), entityLabel: entity?.label ?? '', entityRecords: count };
    };
    const evidence = pair.evidence as { field: string; level: string; weight: number }[];
    return {
      id: pair.id,
      probability: pair.probability,
      skipped: pair.skipped_at !== null,
      fields: evidence.map((e) => {
        const [va, vb] = [FIELD_VALUES[e.field]?.(a.attributes) ?? '', FIELD_VALUES[e.field]?.(b.attributes) ?? ''];
        // Gender and nationality agreeing is no evidence to the model, but the analyst should still see that they agree.
        const agreement = e.level === 'missing' && va && vb && va.toLowerCase() === vb.toLowerCase() ? 'agree' : agreementOf(e);
        return { ...e, agreement, a: va, b: vb };
      }),
      a: await side(a),
      b: await side(b),
      sharedMentions: await entities.sharedMentions({ recordId: a.id, entityId: a.entity_id }, { recordId: b.id, entityId: b.entity_id }),
    };
  }

  /** Records a change with its moves and keeps `merged_into` true: an emptied entity points to where its records went. */
  private async move(
    entities: EntityRepository,
    user: UserActor,
    action: 'merge' | 'split' | 'undo',
    moves: readonly Move[],
    links: { reviewPairId?: string; undoes?: string } = {},
  ): Promise<string> {
    const id = randomUUID();
    await entities.applyChange({ id, action, actorId: user.userId, reviewPairId: links.reviewPairId ?? null, undoes: links.undoes ?? null, moves });
    const touched = new Map<string, string>();
    for (const m of moves) touched.set(m.from, m.to);
    for (const [from, to] of touched) if ((await entities.recordIds(from)).length === 0) await entities.setMergedInto([from], to);
    await entities.setMergedInto([...new Set(moves.map((m) => m.to))], null);
    // A person is listed (in search results too) under the fullest name their records give.
    for (const id of new Set(moves.flatMap((m) => [m.from, m.to]))) {
      const entity = await entities.entity(id);
      if (entity?.kind !== 'person') continue;
      // One emptied by a merge keeps the name it was known by.
      const names = (await entities.sources(id)).map((s) => personLabel(s.attributes));
      const label = bestPersonLabel(names);
      if (names.length > 0 && label !== entity.label) await entities.setLabel(id, label);
    }
    return id;
  }

  /** Lets the graph know the picture changed, once the change is committed. */
  private async changing<T>(work: Promise<T>): Promise<T> {
    const result = await work;
    this.changed();
    return result;
  }

  private allowed(actor: Actor, permission: Permission): UserActor {
    return permittedUser(actor, permission);
  }
}

async function movesOf(entities: EntityRepository, from: string, to: string): Promise<Move[]> {
  return (await entities.recordIds(from)).map((r) => ({ recordId: r.id, from, to }));
}

function labelOf(kind: string, attributes: Record<string, string>): string {
  if (kind === 'person') return personLabel(attributes);
  return recordIdentity(kind as KeyedKind, attributes)?.label ?? (Object.values(attributes).filter(Boolean).join(', ') || kind);
}

function agreementOf(e: { level: string; weight: number }): Agreement {
  if (e.level === 'missing') return 'missing';
  if (e.weight <= 0) return 'differ';
  return e.level === 'exact' ? 'agree' : 'close';
}

function reportRef(r: { report_id?: string; id?: string; reference: string; source: string; received_at: Date; grading: string | null }): ReportRef {
  return { id: r.report_id ?? r.id ?? '', reference: r.reference, source: r.source, receivedAt: new Date(r.received_at).toISOString(), grading: r.grading };
}

function recordView(s: SourceRecord & { entity_id?: string | null }, entityId: string | null): RecordView {
  return {
    id: s.id,
    entityId: s.entity_id ?? entityId,
    role: s.role,
    attributes: s.attributes,
    resolvedBy: s.resolved_by,
    matchProbability: s.match_probability,
    report: { ...reportRef(s), summary: s.summary.length > 400 ? `${s.summary.slice(0, 400)}…` : s.summary, occurred: s.occurred },
  };
}

function uniqueReports(sources: readonly SourceRecord[]): SourceRecord[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.report_id) && (seen.add(s.report_id), true));
}

/** Each attribute value the entity was recorded with, and every report that recorded it (with its grading). */
function attributesOf(sources: readonly SourceRecord[]): EntityView['attributes'] {
  const byValue = new Map<string, EntityView['attributes'][number]>();
  for (const s of sources) {
    const values: [string, string][] =
      s.kind === 'person'
        ? [
            ['name', FIELD_VALUES['name']!(s.attributes)],
            ...(['dob', 'gender', 'nationality', 'phone', 'address', 'postcode', 'town'] as const).map((k): [string, string] => [k, s.attributes[k] ?? '']),
          ]
        : Object.entries(s.attributes);
    for (const [name, raw] of values) {
      const value = raw.trim();
      if (!value) continue;
      const key = `${name}|${value.toLowerCase()}`;
      const entry = byValue.get(key) ?? { name, value, sources: [] };
      entry.sources.push({ ...reportRef(s), recordId: s.id, role: s.role });
      byValue.set(key, entry);
    }
  }
  const order = ['name', 'dob', 'gender', 'nationality', 'phone', 'number', 'registration', 'address', 'postcode', 'town'];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  // Grouped by detail; within a detail, the value most reports agree on first.
  return [...byValue.values()].sort((a, b) => rank(a.name) - rank(b.name) || b.sources.length - a.sources.length || a.value.localeCompare(b.value));
}

/** A nationality as a country code where it names one ("Albanian", "ALB" → AL), so it reads in the reader's language; otherwise as written. */
function nationalityCode(nationality: string | null): string | null {
  return nationality ? (countryOf(nationality)?.code ?? nationality) : null;
}
