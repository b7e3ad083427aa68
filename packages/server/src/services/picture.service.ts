import { randomUUID } from 'node:crypto';
import {
  blockingKeys,
  comparePersons,
  hashKey,
  personFeatures,
  personLabel,
  recordIdentity,
  scorePattern,
  syntheticModel,
  type KeyedKind,
  type MatchModel,
  type PersonFeatures,
} from '@harbour/core';
import type { Assignment, PendingRecord, Repositories } from '@harbour/db';

/** Match probabilities from which a new person record joins an existing person automatically. */
export const AUTO_MERGE_PROBABILITY = 0.95;

/** Records of one known person compared with a new record, per blocking key. */
const CANDIDATES_PER_PERSON = 3;

export interface ResolveSummary {
  readonly records: number;
  readonly newEntities: number;
  readonly joined: number;
}

/**
 * Resolves new records into the picture as reports arrive (incrementally, not in batch): phones,
 * vehicles, businesses and addresses by their normalised identity; people by the match model
 * against the people already known, through their blocking keys. Runs as background work, out of
 * the intake transaction, so reporting stays fast; each batch is one transaction and one audit entry.
 */
export class PictureService {
  private draining: Promise<ResolveSummary> | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly model: () => MatchModel = syntheticModel,
  ) {}

  /**
   * Takes new reports into the picture and resolves their records, a small batch at a time with a
   * pause between batches so requests are served meanwhile; concurrent calls share one run.
   */
  drain(batch = 50, giveWay: () => boolean = () => false): Promise<ResolveSummary> {
    this.draining ??= (async () => {
      const total = { records: 0, newEntities: 0, joined: 0 };
      try {
        for (;;) {
          const extracted = await this.repos.picture.transaction((picture) => picture.extractPending(batch));
          const done = await this.resolvePending(batch * 4);
          total.records += done.records;
          total.newEntities += done.newEntities;
          total.joined += done.joined;
          if (extracted < batch && done.records < batch * 4) return total;
          await new Promise((resolve) => setImmediate(resolve));
          // Reporters come first: under a burst of reports, resolution waits for it to pass.
          if (giveWay()) return total;
        }
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  /** Learns the match model now (a second or two), rather than in the middle of serving requests. */
  warm(): void {
    this.model();
  }

  /** Waits for a run in progress, so the store is not closed under it. */
  async settled(): Promise<void> {
    await this.draining?.catch(() => undefined);
  }

  async resolvePending(limit: number): Promise<ResolveSummary> {
    return this.repos.picture.transaction(async (picture, audit) => {
      const pending = await picture.pending(limit);
      if (pending.length === 0) return { records: 0, newEntities: 0, joined: 0 };
      const assignments: Assignment[] = [];
      const created: { id: string; kind: PendingRecord['kind']; label: string }[] = [];

      // Phones, vehicles, businesses, addresses: one entity per identity.
      const keyed = pending.filter((r) => r.kind !== 'person');
      const identities = keyed.map((r) => recordIdentity(r.kind as KeyedKind, r.attributes));
      const known = await picture.entitiesByKey(keyed.flatMap((r, i) => (identities[i] ? [{ kind: r.kind, key: identities[i].key }] : [])));
      keyed.forEach((record, i) => {
        const identity = identities[i];
        const existing = identity ? known.get(`${record.kind}|${identity.key}`) : undefined;
        if (existing) {
          assignments.push({ recordId: record.id, entityId: existing, key: identity!.key, resolvedBy: 'key', probability: null });
          return;
        }
        const entity = { id: randomUUID(), kind: record.kind, label: identity?.label ?? recordLabel(record) };
        created.push(entity);
        if (identity) known.set(`${record.kind}|${identity.key}`, entity.id);
        assignments.push({ recordId: record.id, entityId: entity.id, key: identity?.key ?? null, resolvedBy: 'new', probability: null });
      });

      // People: the best-scoring known person, if the model is sure enough; otherwise someone new.
      const model = this.model();
      const people = pending
        .filter((r) => r.kind === 'person')
        .map((record) => {
          const features = personFeatures({ id: record.id, ...record.attributes });
          return { record, features, keys: blockingKeys(features).map(hashKey) };
        });
      // One lookup for the whole batch: every known person sharing a key with any new record.
      const byKey = new Map<number, { features: PersonFeatures; entityId: string; id: string }[]>();
      for (const c of await picture.personCandidates(
        people.flatMap((p) => p.keys),
        CANDIDATES_PER_PERSON,
      )) {
        const list = byKey.get(c.key) ?? [];
        list.push({ features: personFeatures({ id: c.id, ...c.attributes }), entityId: c.entity_id, id: c.id });
        byKey.set(c.key, list);
      }
      const blockKeys: { key: number; recordId: string }[] = [];
      for (const { record, features, keys } of people) {
        const seen = new Set<string>();
        const candidates = keys.flatMap((k) => byKey.get(k) ?? []).filter((c) => !seen.has(c.id) && (seen.add(c.id), true));
        let best: { entityId: string; probability: number } | undefined;
        for (const candidate of candidates) {
          const probability = scorePattern(model, comparePersons(features, candidate.features)).probability;
          if (!best || probability > best.probability) best = { entityId: candidate.entityId, probability };
        }
        let entityId: string;
        if (best && best.probability >= AUTO_MERGE_PROBABILITY) {
          entityId = best.entityId;
          assignments.push({ recordId: record.id, entityId, key: null, resolvedBy: 'model', probability: best.probability });
        } else {
          entityId = randomUUID();
          created.push({ id: entityId, kind: 'person', label: personLabel(record.attributes) });
          assignments.push({ recordId: record.id, entityId, key: null, resolvedBy: 'new', probability: best?.probability ?? null });
        }
        // Later records of this batch can join this one.
        // A person's first few records per key are kept as candidates; more would only make
        // someone reported a thousand times cost a thousand comparisons.
        for (const key of keys) {
          const list = byKey.get(key) ?? [];
          if (list.filter((c) => c.entityId === entityId).length >= CANDIDATES_PER_PERSON) continue;
          list.push({ features, entityId, id: record.id });
          byKey.set(key, list);
          blockKeys.push({ key, recordId: record.id });
        }
      }

      await picture.createEntities(created);
      await picture.assign(assignments);
      await picture.addBlockKeys(blockKeys);
      const summary = { records: pending.length, newEntities: created.length, joined: pending.length - created.length };
      await audit({
        actorId: null,
        actorRole: null,
        action: 'picture.resolved',
        subjectType: 'picture',
        details: summary,
      });
      return summary;
    });
  }
}

function recordLabel(record: PendingRecord): string {
  return Object.values(record.attributes).filter(Boolean).join(', ') || record.kind;
}
