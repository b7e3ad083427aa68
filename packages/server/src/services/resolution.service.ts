import type { PictureSettingsView } from '@harbour/contract';
import { randomUUID } from 'node:crypto';
import {
  bestPersonLabel,
  blockingKeys,
  can,
  coMentionWeightsOf,
  comparePersons,
  differentPeople,
  Forbidden,
  hashKey,
  hasOnlyName,
  Invalid,
  learnFromDecisions,
  learnModel,
  MIN_RECORDS_TO_TRAIN,
  nameLookupKeys,
  namesakeProbabilities,
  PERMISSIONS,
  permittedUser,
  personCoMentions,
  personFeatures,
  personLabel,
  recordIdentity,
  reportMentions,
  scorePattern,
  searchEntry,
  syntheticModel,
  type Actor,
  type KeyedKind,
  type MatchModel,
  type PersonFeatures,
  type UserActor,
} from '@harbour/core';
import type { Assignment, AuditEvent, NewReviewPair, PendingRecord, PictureRepository, Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';
import { comparePeople, type ComparisonSummary } from './people-comparison';

/** Candidates in the review band put before an analyst per new record (the best few, of different people). */
export const REVIEW_PAIRS_PER_RECORD = 3;

/** People compared with their neighbours per run of `compareChanged`. */
export const COMPARED_PER_RUN = 200;

/** Review decisions made since the model in use was learnt that make it worth learning again. */
export const RETRAIN_AFTER_DECISIONS = 25;

/** Records of one known person compared with a new record, per blocking key. */
export const CANDIDATES_PER_PERSON = 3;
/** More people of one name than this, and a record with nothing but that name joins none of them. */
const MOST_NAMESAKES = 20;

export interface ResolveSummary {
  readonly records: number;
  readonly newEntities: number;
  readonly joined: number;
  /** Pairs put before an analyst. */
  readonly reviewPairs: number;
}

/**
 * Resolves new records into the picture as reports arrive (incrementally, not in batch): phones,
 * vehicles, businesses, addresses, online and bank accounts and documents by their normalised
 * identity; people by the match model
 * against the people already known, through their blocking keys. Runs as background work, out of
 * the intake transaction, so reporting stays fast; each batch is one transaction and one audit entry.
 */
export class ResolutionService {
  private draining: Promise<ResolveSummary> | undefined;
  private stopping = false;
  /** The model in use and the id of the stored model it came from (none: the fallback). */
  private current: { id: string | undefined; model: MatchModel } | undefined;
  private resolvedSinceTidy = 0;

  /**
   * `changed`: told when a run has put records into the picture.
   * `tidyEvery`: vacuum the picture's tables after this many records are resolved. For the
   * embedded store, which has no autovacuum: each resolved record leaves a dead entry in the index
   * of unresolved ones that every later batch walks past. A PostgreSQL server vacuums by itself.
   */
  constructor(
    private readonly repos: Repositories,
    private readonly fallback: () => MatchModel = syntheticModel,
    private readonly options: { tidyEvery?: number; changed?: () => void } = {},
  ) {}

  /**
   * Takes new reports into the picture and resolves their records, a small batch at a time with a
   * pause between batches so requests are served meanwhile; concurrent calls share one run.
   */
  drain(batch = 50, giveWay: () => boolean = () => false): Promise<ResolveSummary> {
    this.draining ??= (async () => {
      const total = { records: 0, newEntities: 0, joined: 0, reviewPairs: 0 };
      try {
        // A process stopping leaves the rest to the next run (the records wait in the store).
        while (!this.stopping) {
          const extracted = await this.repos.picture.transaction((picture) => picture.extractPending(batch));
          const done = await this.resolvePending(batch * 4);
          total.records += done.records;
          total.newEntities += done.newEntities;
          total.joined += done.joined;
          total.reviewPairs += done.reviewPairs;
          if (extracted < batch && done.records < batch * 4) break;
          await new Promise((resolve) => setImmediate(resolve));
          // Reporters come first: under a burst of reports, resolution waits for it to pass.
          if (giveWay()) break;
        }
        if (total.records > 0) this.options.changed?.();
        this.resolvedSinceTidy += total.records;
        if (this.options.tidyEvery !== undefined && this.resolvedSinceTidy >= this.options.tidyEvery) {
          this.resolvedSinceTidy = 0;
          await this.repos.picture.vacuumAndAnalyse();
        }
        return total;
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  /** Learns the fallback model now (a second or two), rather than in the middle of serving requests. */
  warm(): void {
    this.fallback();
  }

  /** The newest stored model (trained on this store's records), else the fallback; reloaded when another process trains one. */
  private async model(): Promise<MatchModel> {
    const id = await this.repos.picture.latestModelId();
    if (this.current && this.current.id === id) return this.current.model;
    const stored = id ? await this.repos.picture.latestModel() : undefined;
    this.current = { id: stored?.id, model: stored ? (stored.model as MatchModel) : this.fallback() };
    return this.current.model;
  }

  async settings(actor: Actor): Promise<PictureSettingsView> {
    if (!can(actor, PERMISSIONS.pictureConfigure)) throw new Forbidden('Only a supervisor or an analyst sets how the picture matches');
    const [settings, stored, version] = await Promise.all([this.repos.picture.settings(), this.repos.picture.latestModel(), this.repos.picture.modelCount()]);
    return {
      autoMerge: settings.autoMerge,
      review: settings.review,
      updatedAt: settings.updatedAt?.toISOString() ?? null,
      updatedBy: settings.updatedBy,
      model: stored
        ? { source: 'store', version, trainedAt: stored.trainedAt.toISOString(), records: stored.records, decisions: stored.decisions }
        : { source: 'synthetic', version: 0, trainedAt: null, records: 0, decisions: 0 },
    };
  }

  async saveSettings(actor: Actor, autoMerge: number, review: number): Promise<PictureSettingsView> {
    const user = permittedUser(actor, PERMISSIONS.pictureConfigure, 'Only a supervisor or an analyst sets how the picture matches');
    if (!(review < autoMerge))
      throw new Invalid('The thresholds do not fit together', [{ path: 'review', message: 'Set the review threshold below the automatic merge threshold' }]);
    await this.repos.picture.transaction(async (picture, audit) => {
      await picture.saveSettings(autoMerge, review, user.userId);
      await audit(auditEntry(user, 'picture.settings-changed', { type: 'picture', id: null }, { autoMerge, review }));
    });
    return this.settings(actor);
  }

  /**
   * Learns the match model from this store's own person records (without labels, as Splink does),
   * folds in every review decision the analysts have made, and stores it: from the next batch on,
   * new records are matched with it. Too few records to learn from and the synthetic model is the
   * starting point instead.
   */
  async train(actor: Actor): Promise<PictureSettingsView> {
    const user = permittedUser(actor, PERMISSIONS.pictureConfigure, 'Only a supervisor or an analyst retrains the match model');
    await this.learnAndStore(user);
    return this.settings(actor);
  }

  /**
   * Retrains by itself when analysts have decided `decisions` more pairs since the model in use
   * was learnt, or the store holds a quarter more person records (and enough to learn from), then
   * compares everyone with the new model. What the team would otherwise have to remember to do.
   */
  async retrainIfDue(decisions = RETRAIN_AFTER_DECISIONS): Promise<{ retrained: boolean; moved: number }> {
    const [stored, counts] = await Promise.all([this.repos.picture.latestModel(), this.repos.picture.trainingCounts()]);
    const grown = counts.records >= MIN_RECORDS_TO_TRAIN && counts.records >= (stored?.records ?? 0) * 1.25;
    if (!grown && counts.decisions - (stored?.decisions ?? 0) < decisions) return { retrained: false, moved: 0 };
    await this.learnAndStore(null);
    const compared = await this.compare(
      async () => 'all',
      (summary) => ({ actorId: null, actorRole: null, action: 'picture.people-compared', subjectType: 'picture', details: { ...summary } }),
    );
    return { retrained: true, moved: compared.moved };
  }

  /** Learns the model from this store's person records and every decision, and stores it as the newest version. */
  private async learnAndStore(user: UserActor | null): Promise<void> {
    const records = await this.repos.picture.personAttributes();
    const decisions = await this.repos.picture.decisions();
    const features = records.map((r) => personFeatures({ id: r.id, ...r.attributes }));
    const learnt = features.length >= MIN_RECORDS_TO_TRAIN ? learnModel(features) : this.fallback();
    // What co-mentions mean is learnt when the picture is built (it needs people resolved); kept from the model in use.
    const model = { ...learnFromDecisions(learnt, decisions), coMention: learnt.coMention ?? (await this.model()).coMention ?? this.fallback().coMention };
    await this.repos.picture.transaction(async (picture, audit) => {
      const id = randomUUID();
      await picture.saveModel({ id, model, records: records.length, decisions: decisions.length, trainedBy: user?.userId ?? null });
      const details = { records: records.length, decisions: decisions.length, learntFromRecords: features.length >= MIN_RECORDS_TO_TRAIN };
      await audit(
        user
          ? auditEntry(user, 'picture.model-trained', { type: 'match_model', id }, details)
          : { actorId: null, actorRole: null, action: 'picture.model-trained', subjectType: 'match_model', subjectId: id, details },
      );
    });
  }

  /**
   * Compares the people new records have joined since the last run, each whole with everyone
   * sharing a blocking key, and moves records to match (see `comparePeople`): the incremental
   * half of comparing people with people, a background job's work a few seconds behind
   * resolution, so a new report is in the picture at once and refined just after.
   */
  async compareChanged(limit = COMPARED_PER_RUN): Promise<ComparisonSummary> {
    let changed: readonly string[] = [];
    return this.compare(
      async (picture) => (changed = await picture.takeComparisons(limit)),
      (summary) =>
        summary.records > 0
          ? { actorId: null, actorRole: null, action: 'picture.people-compared', subjectType: 'picture', details: { ...summary, changed: changed.length } }
          : undefined,
    );
  }

  /**
   * Compares every person in the picture with every other (blocked, as the batch resolver does)
   * and moves records so that each person is one entity and each entity one person, keeping what
   * analysts decided. On demand: after retraining, an import, or a change of thresholds.
   */
  async compareAll(actor: Actor): Promise<ComparisonSummary> {
    const user = permittedUser(actor, PERMISSIONS.pictureConfigure, 'Only a supervisor or an analyst has the picture compared again');
    return this.compare(
      async () => 'all',
      (summary) => auditEntry(user, 'picture.people-compared', { type: 'picture', id: null }, { ...summary }),
    );
  }

  /**
   * Compares the people `scope` names (taken inside the transaction) under the resolution lock,
   * audits what `audited` makes of the result (nothing when it gives none), and lets the graph
   * know when records moved.
   */
  private async compare(
    scope: (picture: PictureRepository) => Promise<'all' | readonly string[]>,
    audited: (summary: ComparisonSummary) => AuditEvent | undefined,
  ): Promise<ComparisonSummary> {
    const model = await this.model();
    const summary = await this.repos.picture.transaction(async (picture, audit) => {
      await picture.lockResolution();
      const compared = await comparePeople(picture, model, await picture.settings(), await scope(picture));
      const event = audited(compared);
      if (event) await audit(event);
      return compared;
    });
    if (summary.moved > 0) this.options.changed?.();
    return summary;
  }

  /** Waits for a run in progress, so the store is not closed under it. */
  async settled(): Promise<void> {
    await this.draining?.catch(() => undefined);
  }

  /**
   * Ends a run in progress after its batch, and waits for that: a process asked to stop stops
   * within seconds, not when a backlog of a thousand imported reports is resolved (the failover
   * drill's Harbour took minutes).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.settled();
  }

  /**
   * For a record with nothing but a name: the people of that name with the chance the record is
   * each (their best pair's odds times their number of records, against someone new), likeliest
   * first. Too many people of the name to tell apart, and none is offered.
   */
  private namesakes<T extends { weight: number; probability: number }>(ranked: [string, T][], sizes: ReadonlyMap<string, number>): [string, T][] {
    if (ranked.length > MOST_NAMESAKES) return [];
    const chances = namesakeProbabilities(ranked.map(([entityId, c]) => ({ weight: c.weight, records: sizes.get(entityId) ?? 1 })));
    return ranked.map(([entityId, c], k): [string, T] => [entityId, { ...c, probability: chances[k]! }]).sort((a, b) => b[1].probability - a[1].probability);
  }

  async resolvePending(limit: number): Promise<ResolveSummary> {
    // Outside the transaction: the embedded store has one connection, which the transaction holds.
    const model = await this.model();
    return this.repos.picture.transaction(async (picture, audit) => {
      await picture.lockResolution();
      const pending = await picture.pending(limit);
      if (pending.length === 0) return { records: 0, newEntities: 0, joined: 0, reviewPairs: 0 };
      const thresholds = await picture.settings();
      const assignments: Assignment[] = [];
      const reviewPairs: NewReviewPair[] = [];
      const created: { id: string; kind: PendingRecord['kind']; label: string }[] = [];

      // Everything but people: one entity per identity.
      const keyed = pending.filter((r) => r.kind !== 'person');
      const identities = keyed.map((r) => recordIdentity(r.kind as KeyedKind, r.attributes));
      const known = await picture.entitiesByKey(keyed.flatMap((r, i) => (identities[i] ? [{ kind: r.kind, key: identities[i].key }] : [])));
      keyed.forEach((record, i) => {
        const identity = identities[i];
        const existing = identity ? known.get(`${record.kind}|${identity.key}`) : undefined;
        if (existing) {
          assignments.push({ recordId: record.id, entityId: existing, key: identity!.key, resolvedBy: 'key', probability: null, ...searchFields(record) });
          return;
        }
        const entity = { id: randomUUID(), kind: record.kind, label: identity?.label ?? recordLabel(record) };
        created.push(entity);
        if (identity) known.set(`${record.kind}|${identity.key}`, entity.id);
        assignments.push({
          recordId: record.id,
          entityId: entity.id,
          key: identity?.key ?? null,
          resolvedBy: 'new',
          probability: null,
          ...searchFields(record),
        });
      });

      // What each report mentions besides people: evidence for a record with nothing but a name.
      const mentions = reportMentions(keyed, identities);
      for (const [reportId, list] of await picture.reportMentions([...new Set(pending.filter((r) => r.kind === 'person').map((r) => r.report_id))])) {
        mentions.set(reportId, [...new Set([...(mentions.get(reportId) ?? []), ...list])]);
      }
      const coMention = model.coMention ? coMentionWeightsOf(model.coMention) : null;

      // People: the best-scoring known person, if the model is sure enough; otherwise someone new.
      const people = pending
        .filter((r) => r.kind === 'person')
        .map((record) => {
          const features = personFeatures({ id: record.id, ...record.attributes });
          // A record with nothing but a name has few blocking keys, if any: it also looks for the
          // people of its name. Those people keep keys for it to find them by; it keeps none, as a
          // mention is not yet anyone to be found by name.
          const onlyName = hasOnlyName(features);
          const blocking = blockingKeys(features).map(hashKey);
          const byName = nameLookupKeys(features).map(hashKey);
          return { record, features, onlyName, keys: onlyName ? [...blocking, ...byName] : blocking, stored: onlyName ? blocking : [...blocking, ...byName] };
        });
      // One lookup for the whole batch: every known person sharing a key with any new record.
      const byKey = new Map<number, { features: PersonFeatures; entityId: string; id: string; reportId: string }[]>();
      for (const c of await picture.personCandidates(
        people.flatMap((p) => p.keys),
        CANDIDATES_PER_PERSON,
      )) {
        const list = byKey.get(c.key) ?? [];
        list.push({ features: personFeatures({ id: c.id, ...c.attributes }), entityId: c.entity_id, id: c.id, reportId: c.report_id });
        byKey.set(c.key, list);
      }
      // How many records each person found by name has (this batch's joins counted as they happen).
      const sizes = await picture.entitySizes([
        ...new Set(people.filter((p) => p.onlyName).flatMap((p) => p.keys.flatMap((k) => byKey.get(k) ?? []).map((c) => c.entityId))),
      ]);
      const blockKeys: { key: number; recordId: string }[] = [];
      for (const { record, features, onlyName, keys, stored } of people) {
        const seen = new Set<string>();
        const candidates = keys.flatMap((k) => byKey.get(k) ?? []).filter((c) => !seen.has(c.id) && (seen.add(c.id), true));
        // The best-scoring record of each known person.
        const perEntity = new Map<string, { id: string; pattern: number; weight: number; probability: number; evidence: unknown }>();
        // People this record cannot be, whatever else agrees: someone else named in the same report,
        // or someone plainly another person (another name and birthday: a housemate on one phone).
        const apart = new Set<string>();
        for (const candidate of candidates) {
          if (candidate.reportId === record.report_id) {
            apart.add(candidate.entityId);
            continue;
          }
          const pattern = comparePersons(features, candidate.features);
          if (differentPeople(pattern)) {
            apart.add(candidate.entityId);
            continue;
          }
          const score = scorePattern(model, pattern);
          const known = perEntity.get(candidate.entityId);
          if (!known || score.probability > known.probability)
            perEntity.set(candidate.entityId, { id: candidate.id, pattern, weight: score.weight, probability: score.probability, evidence: score.evidence });
        }
        for (const entityId of apart) perEntity.delete(entityId);
        let ranked = [...perEntity.entries()].sort((a, b) => b[1].probability - a[1].probability);
        if (onlyName) {
          // Of several people of the name, the one reported alongside the same phone, vehicle,
          // business or account is likelier; one reported alongside none of them, less likely.
          const context = personCoMentions(mentions.get(record.report_id), record.attributes);
          if (coMention && context && ranked.length > 0 && ranked.length <= MOST_NAMESAKES) {
            const sharing = await picture.entitiesMentionedWith(
              ranked.map(([entityId]) => entityId),
              context,
            );
            for (const [entityId, c] of ranked) c.weight += sharing.has(entityId) ? coMention.agree : coMention.disagree;
          }
          ranked = this.namesakes(ranked, sizes);
        }
        const best = ranked[0];
        let entityId: string;
        if (best && best[1].probability >= thresholds.autoMerge) {
          entityId = best[0];
          assignments.push({ recordId: record.id, entityId, key: null, resolvedBy: 'model', probability: best[1].probability, ...searchFields(record) });
        } else {
          entityId = randomUUID();
          created.push({ id: entityId, kind: 'person', label: personLabel(record.attributes) });
          assignments.push({
            recordId: record.id,
            entityId,
            key: null,
            resolvedBy: 'new',
            probability: best?.[1].probability ?? null,
            ...searchFields(record),
          });
          // Unsure: an analyst decides (the record stands alone until then).
          for (const [, candidate] of ranked.filter(([, c]) => c.probability >= thresholds.review).slice(0, REVIEW_PAIRS_PER_RECORD))
            reviewPairs.push({
              id: randomUUID(),
              recordA: record.id,
              recordB: candidate.id,
              probability: candidate.probability,
              pattern: candidate.pattern,
              evidence: candidate.evidence,
            });
        }
        // Later records of this batch can join this one.
        // A person's first few records per key are kept as candidates; more would only make
        // someone reported a thousand times cost a thousand comparisons.
        sizes.set(entityId, (sizes.get(entityId) ?? 0) + 1);
        for (const key of stored) {
          const list = byKey.get(key) ?? [];
          if (list.filter((c) => c.entityId === entityId).length >= CANDIDATES_PER_PERSON) continue;
          list.push({ features, entityId, id: record.id, reportId: record.report_id });
          byKey.set(key, list);
          blockKeys.push({ key, recordId: record.id });
        }
      }

      await picture.createEntities(created);
      await picture.assign(assignments);
      // A person a record joined is named from all their records now (a fuller name may have come).
      const joinedPeople = [...new Set(assignments.filter((a) => a.resolvedBy === 'model').map((a) => a.entityId))];
      const named = await picture.recordAttributesOf(joinedPeople);
      await picture.setLabels(joinedPeople.map((id) => ({ id, label: bestPersonLabel((named.get(id) ?? []).map(personLabel)) })));
      await picture.addBlockKeys(blockKeys);
      await picture.addReviewPairs(reviewPairs);
      // The people these records went to are compared whole with the people around them soon
      // after (see `compareChanged`): a record alone cannot show that two known people are one.
      const personRecords = new Set(people.map((p) => p.record.id));
      await picture.queueComparison([...new Set(assignments.filter((a) => personRecords.has(a.recordId)).map((a) => a.entityId))]);
      const summary = {
        records: pending.length,
        newEntities: created.length,
        joined: pending.length - created.length,
        reviewPairs: reviewPairs.length,
      };
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

/** How the search box will find a record, as the assignment stores it. */
export function searchFields(record: PendingRecord): Pick<Assignment, 'searchText' | 'searchCodes'> {
  const entry = searchEntry(record.kind, record.attributes);
  return { searchText: entry.text, searchCodes: entry.codes };
}
