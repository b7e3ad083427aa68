import { randomUUID } from 'node:crypto';
import {
  bestPersonLabel,
  blockingKeys,
  countNames,
  hashKey,
  FeatureCache,
  hasOnlyName,
  nameLookupKeys,
  personCoMentions,
  personFeatures,
  personLabel,
  probability,
  recordIdentity,
  resolveFeatures,
  scorePattern,
  MIN_RECORDS_TO_TRAIN,
  reportMentions,
  type KeyedKind,
  type PersonFeatures,
} from '@harbour/core';
import type { Assignment, NewReviewPair, PendingRecord, Repositories } from '@harbour/db';
import { CANDIDATES_PER_PERSON, REVIEW_PAIRS_PER_RECORD, searchFields } from './resolution.service';

export interface BulkSummary {
  readonly reports: number;
  readonly records: number;
  readonly entities: number;
  readonly people: number;
  readonly reviewPairs: number;
  readonly seconds: number;
}

const PAGE = 50_000;
const WRITE_BATCH = 10_000;

/**
 * Builds the picture from every report not yet in it, all at once, as after a seed or a large
 * import: people are resolved together in batch (blocking, a model learnt from these records, and
 * clustering at the team's automatic-merge threshold), which is far faster than one report at a
 * time. The learnt model is stored for the incremental path to use from then on. Writes go in
 * batches of whole entities, so an interruption leaves the rest pending for the background worker,
 * never an entity without its records.
 *
 * Only for a picture with no people yet: once people are known, new ones must be resolved against
 * them, which the incremental path does.
 */
export async function buildPictureInBulk(repos: Repositories, progress?: (stage: string) => void): Promise<BulkSummary> {
  const started = performance.now();
  const onProgress = progress && ((stage: string) => progress(`${stage} (at ${((performance.now() - started) / 1000).toFixed(0)} s)`));
  const picture = repos.picture;
  if (await picture.hasResolvedPeople()) throw new Error('the picture already has people: new reports are resolved incrementally instead');
  onProgress?.('taking records from reports');
  const reports = await picture.transaction((p) => p.extractAllPending());

  const pending: PendingRecord[] = [];
  for (let after: string | null = null; ;) {
    const page = await picture.pendingPage(after, PAGE);
    pending.push(...page);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  const settings = await picture.settings();
  const writer = new BatchWriter(repos);

  // Everything but people: one entity per identity (joining any already known).
  onProgress?.(`resolving ${pending.length.toLocaleString('en-GB')} records`);
  const keyed = pending.filter((r) => r.kind !== 'person');
  const identities = keyed.map((r) => recordIdentity(r.kind as KeyedKind, r.attributes));
  const known = new Map<string, string>();
  for (let i = 0; i < keyed.length; i += WRITE_BATCH) {
    const slice = keyed.slice(i, i + WRITE_BATCH).flatMap((r, j) => (identities[i + j] ? [{ kind: r.kind, key: identities[i + j]!.key }] : []));
    for (const [k, v] of await picture.entitiesByKey(slice)) known.set(k, v);
  }
  for (const [i, record] of keyed.entries()) {
    const identity = identities[i];
    const mapKey = identity ? `${record.kind}|${identity.key}` : '';
    let entityId = identity ? known.get(mapKey) : undefined;
    const resolvedBy = entityId ? 'key' : 'new';
    if (!entityId) {
      entityId = randomUUID();
      writer.entity({
        id: entityId,
        kind: record.kind,
        label: identity?.label ?? (Object.values(record.attributes).filter(Boolean).join(', ') || record.kind),
      });
      if (identity) known.set(mapKey, entityId);
    }
    writer.assign(record, entityId, identity?.key ?? null, resolvedBy, null);
    await writer.flushIfFull();
  }

  onProgress?.('stored phones, vehicles, businesses, addresses, accounts and documents');
  // People: resolved together.
  const people = pending.filter((r) => r.kind === 'person');
  const cache = new FeatureCache();
  const mentions = reportMentions(keyed, identities);
  const features = people.map((r) => personFeatures({ id: r.id, ...r.attributes, context: personCoMentions(mentions.get(r.report_id), r.attributes) }, cache));
  onProgress?.(`resolving ${people.length.toLocaleString('en-GB')} people`);
  const resolved = resolveFeatures(features, { threshold: settings.autoMerge, keepAbove: settings.review });
  if (features.length >= MIN_RECORDS_TO_TRAIN)
    await picture.saveModel({ id: randomUUID(), model: resolved.model, records: features.length, decisions: 0, trainedBy: null });
  // How many people hold each name, for the people around a later record to be weighed by.
  await picture.saveNameCounts(countNames(features, resolved.clusters));

  // How surely each record joined its cluster, and the unsure pairs across clusters for review.
  const sureness = new Float64Array(people.length);
  const review = new Map<number, { other: number; probability: number; pattern: number }[]>();
  const { pairs, clusters } = resolved;
  for (let p = 0; p < pairs.count; p++) {
    const [l, r, chance] = [pairs.left[p]!, pairs.right[p]!, probability(pairs.weights[p]!)];
    if (clusters[l] === clusters[r]) {
      sureness[l] = Math.max(sureness[l]!, chance);
      sureness[r] = Math.max(sureness[r]!, chance);
    } else if (chance < settings.autoMerge) {
      const list = review.get(l) ?? [];
      list.push({ other: r, probability: chance, pattern: pairs.patterns[p]! });
      review.set(l, list);
    }
  }

  onProgress?.(`resolved people (${resolved.stats.candidatePairs.toLocaleString('en-GB')} pairs compared); storing`);
  const members = new Map<number, number[]>();
  clusters.forEach((label, i) => {
    const list = members.get(label);
    if (list) list.push(i);
    else members.set(label, [i]);
  });
  for (const group of members.values()) {
    const entityId = randomUUID();
    const label = bestPersonLabel(group.map((i) => personLabel(people[i]!.attributes)));
    writer.entity({ id: entityId, kind: 'person', label });
    for (const [n, i] of group.entries()) writer.assign(people[i]!, entityId, null, n === 0 ? 'new' : 'model', n === 0 ? null : sureness[i]! || null);
    for (const { key, at } of personBlockKeys(group.map((i) => features[i]!))) writer.blockKey(key, people[group[at]!]!.id);
    await writer.flushIfFull();
  }
  // Review pairs last: both their records must be in the picture.
  await writer.flush();
  onProgress?.('stored people; storing review pairs');
  for (const [l, list] of review) {
    for (const pair of list.sort((a, b) => b.probability - a.probability).slice(0, REVIEW_PAIRS_PER_RECORD)) {
      writer.reviewPair({
        id: randomUUID(),
        recordA: people[l]!.id,
        recordB: people[pair.other]!.id,
        probability: pair.probability,
        pattern: pair.pattern,
        evidence: scorePattern(resolved.model, pair.pattern).evidence,
      });
    }
    await writer.flushIfFull();
  }
  await writer.flush();
  onProgress?.('vacuuming and updating the planner statistics');
  await picture.vacuumAndAnalyse();

  const summary = {
    reports,
    records: pending.length,
    entities: writer.entities,
    people: members.size,
    reviewPairs: writer.reviewPairs,
    seconds: (performance.now() - started) / 1000,
  };
  await repos.audit.append({ actorId: null, actorRole: null, action: 'picture.built', subjectType: 'picture', details: { ...summary } });
  return summary;
}

/** Collects writes and sends them in batches, each batch one transaction. */
class BatchWriter {
  entities = 0;
  reviewPairs = 0;
  private pending = {
    entities: [] as { id: string; kind: PendingRecord['kind']; label: string }[],
    assignments: [] as Assignment[],
    keys: [] as { key: number; recordId: string }[],
    pairs: [] as NewReviewPair[],
  };

  constructor(private readonly repos: Repositories) {}

  entity(entity: { id: string; kind: PendingRecord['kind']; label: string }): void {
    this.pending.entities.push(entity);
    this.entities++;
  }

  assign(record: PendingRecord, entityId: string, key: string | null, resolvedBy: Assignment['resolvedBy'], probability: number | null): void {
    this.pending.assignments.push({ recordId: record.id, entityId, key, resolvedBy, probability, ...searchFields(record) });
  }

  blockKey(key: number, recordId: string): void {
    this.pending.keys.push({ key, recordId });
  }

  reviewPair(pair: NewReviewPair): void {
    this.pending.pairs.push(pair);
    this.reviewPairs++;
  }

  async flushIfFull(): Promise<void> {
    if (this.pending.assignments.length + this.pending.pairs.length >= WRITE_BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = { entities: [], assignments: [], keys: [], pairs: [] };
    await this.repos.picture.transaction(async (picture) => {
      await picture.createEntities(batch.entities);
      await picture.assign(batch.assignments);
      await picture.addBlockKeys(batch.keys);
      await picture.addReviewPairs(batch.pairs);
    });
  }
}

/**
 * The stored blocking keys of one person's records (in the order they were reported): a person's
 * first few records per key are their candidates for later reports, as more would only make
 * someone reported a thousand times cost a thousand comparisons. People are found by name too,
 * by later records with nothing but a name (see ResolutionService).
 */
export function personBlockKeys(records: readonly PersonFeatures[]): { key: number; at: number }[] {
  const perKey = new Map<number, number>();
  const out: { key: number; at: number }[] = [];
  records.forEach((features, at) => {
    const byName = hasOnlyName(features) ? [] : nameLookupKeys(features);
    for (const key of [...blockingKeys(features), ...byName].map(hashKey)) {
      const count = perKey.get(key) ?? 0;
      if (count >= CANDIDATES_PER_PERSON) continue;
      perKey.set(key, count + 1);
      out.push({ key, at });
    }
  });
  return out;
}
