import { randomUUID } from 'node:crypto';
import {
  bestPersonLabel,
  blockingKeys,
  countNames,
  FeatureCache,
  hashKey,
  nameColumnValues,
  nameLookupKeys,
  NAME_COLUMNS,
  personCoMentions,
  personFeatures,
  personLabel,
  planReconciliation,
  resolveFeatures,
  type MatchModel,
  type NameCounts,
  type PersonFeatures,
} from '@harbour/core';
import type { PictureRepository, PictureSettings, StoredPersonRow } from '@harbour/db';

/** A blocking key held by more records than this (a common name) does not bring its people into a neighbourhood. */
const MOST_RECORDS_PER_KEY = 120;
/** People compared around the changed ones, at most: the rest wait for a full pass. */
const MOST_NEIGHBOURS = 400;
const PAGE = 50_000;

export interface ComparisonSummary {
  /** Person records compared. */
  readonly records: number;
  /** Person entities they were in. */
  readonly people: number;
  /** Records moved to another person. */
  readonly moved: number;
  /** People created for records that are someone else. */
  readonly created: number;
  /** People left empty, their records now in another. */
  readonly emptied: number;
}

/**
 * Compares people with people, as the batch resolver does (every record of each, blocked alike,
 * with shared homes, name frequencies and coherence), and moves records so the store's people
 * match: all the picture's people (`'all'`), or those given and everyone sharing a blocking key
 * with them. Analysts' decisions stand: an entity an analyst shaped is never broken up and
 * records kept apart stay apart (see core `planReconciliation`). The caller holds the
 * resolution lock and the transaction.
 */
export async function comparePeople(
  picture: PictureRepository,
  model: MatchModel,
  settings: PictureSettings,
  scope: 'all' | readonly string[],
): Promise<ComparisonSummary> {
  const rows = scope === 'all' ? await allPersonRecords(picture) : await neighbourhood(picture, scope);
  if (rows.length === 0) return { records: 0, people: 0, moved: 0, created: 0, emptied: 0 };
  const mentions = scope === 'all' ? await picture.allReportMentions() : await picture.reportMentions([...new Set(rows.map((r) => r.report_id))]);
  const cache = new FeatureCache();
  const features = rows.map((r) => personFeatures({ id: r.id, ...r.attributes, context: personCoMentions(mentions.get(r.report_id), r.attributes) }, cache));
  const entityIds = [...new Set(rows.map((r) => r.entity_id))];
  const [shaped, apartIds] = await Promise.all([
    picture.shapedEntities(scope === 'all' ? null : entityIds),
    picture.keptApart(scope === 'all' ? null : rows.map((r) => r.id)),
  ]);
  const at = new Map(rows.map((r, i) => [r.id, i]));
  const apart = apartIds.flatMap(([a, b]) => (at.has(a) && at.has(b) ? [[at.get(a)!, at.get(b)!] as const] : []));
  // A part of the picture weighs names by the whole picture's counts (when it has been counted).
  const names = scope === 'all' ? undefined : await storedNameCounts(picture, features);
  const resolved = resolveFeatures(features, {
    model,
    threshold: settings.autoMerge,
    keepAbove: settings.autoMerge,
    apart,
    names,
    neighbourhood: scope !== 'all',
  });
  const plan = planReconciliation(
    rows.map((r) => ({ entityId: r.entity_id, fixed: shaped.has(r.entity_id) })),
    scope === 'all' ? resolved.clusters : aroundChanged(rows, resolved.clusters, new Set(scope)),
    apart,
    randomUUID,
  );

  const after = rows.map((r) => r.entity_id);
  for (const m of plan.moves) after[m.record] = m.to;
  const touched = new Set(plan.moves.flatMap((m) => [m.from, m.to]));
  const namesOf = new Map<string, string[]>();
  rows.forEach((r, i) => {
    if (touched.has(after[i]!)) namesOf.set(after[i]!, [...(namesOf.get(after[i]!) ?? []), personLabel(r.attributes)]);
  });
  const created = new Set(plan.created);
  await picture.moveByModel(
    plan.created.map((id) => ({ id, label: bestPersonLabel(namesOf.get(id) ?? []) })),
    plan.moves.map((m) => ({ recordId: rows[m.record]!.id, from: m.from, to: m.to })),
  );
  await picture.setLabels([...namesOf].filter(([id]) => !created.has(id)).map(([id, labels]) => ({ id, label: bestPersonLabel(labels) })));
  if (scope === 'all') {
    const index = new Map<string, number>();
    await picture.saveNameCounts(
      countNames(
        features,
        Int32Array.from(after, (id) => index.get(id) ?? (index.set(id, index.size), index.size - 1)),
      ),
    );
  }
  const remaining = new Set(after);
  return {
    records: rows.length,
    people: entityIds.length,
    moved: plan.moves.length,
    created: plan.created.length,
    emptied: entityIds.filter((id) => !remaining.has(id)).length,
  };
}

/**
 * Of a neighbourhood's clustering, only what concerns the changed people: a cluster holding none
 * of their records leaves its records where they are. Neighbours are re-judged against the
 * changed people, not against each other (that is a full comparison's work): the picture does not
 * churn around every new report.
 */
function aroundChanged(rows: readonly StoredPersonRow[], clusters: Int32Array, changed: ReadonlySet<string>): Int32Array {
  const touched = new Set<number>();
  rows.forEach((r, i) => {
    if (changed.has(r.entity_id)) touched.add(clusters[i]!);
  });
  const own = new Map<string, number>();
  return Int32Array.from(rows, (r, i) => {
    if (touched.has(clusters[i]!)) return clusters[i]!;
    let label = own.get(r.entity_id);
    if (label === undefined) own.set(r.entity_id, (label = rows.length + own.size));
    return label;
  });
}

async function allPersonRecords(picture: PictureRepository): Promise<StoredPersonRow[]> {
  const rows: StoredPersonRow[] = [];
  for (let after: string | null = null; ;) {
    const page = await picture.personRecordsOf({ after, limit: PAGE });
    rows.push(...page);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1]!.id;
  }
}

/** Every record of the given people and of the people sharing a blocking key (or, for a name alone, a name) with them. */
async function neighbourhood(picture: PictureRepository, entityIds: readonly string[]): Promise<StoredPersonRow[]> {
  if (entityIds.length === 0) return [];
  const own = await picture.personRecordsOf({ entityIds });
  const keys = new Set<number>();
  for (const r of own) {
    const f = personFeatures({ id: r.id, ...r.attributes });
    for (const key of [...blockingKeys(f), ...nameLookupKeys(f)]) keys.add(hashKey(key));
  }
  const changed = new Set(entityIds);
  const others = (await picture.peopleSharingKeys([...keys], MOST_RECORDS_PER_KEY)).filter((id) => !changed.has(id)).slice(0, MOST_NEIGHBOURS);
  return others.length === 0 ? own : [...own, ...(await picture.personRecordsOf({ entityIds: others }))];
}

/** The store's counts for these records' names and towns, or none when the picture has never been counted. */
async function storedNameCounts(picture: PictureRepository, features: readonly PersonFeatures[]): Promise<NameCounts | undefined> {
  const wanted = new Map<string, { column: string; value: string }>();
  for (const f of features) {
    const values = nameColumnValues(f);
    for (const column of NAME_COLUMNS) if (values[column]) wanted.set(`${column}|${values[column]}`, { column, value: values[column] });
  }
  const counts = await picture.nameCounts([...wanted.values()]);
  const totals = Object.fromEntries(NAME_COLUMNS.map((c) => [c, counts.get(`${c}|`) ?? 0])) as Record<(typeof NAME_COLUMNS)[number], number>;
  if (NAME_COLUMNS.every((c) => totals[c] === 0)) return undefined;
  return { totals, count: (column, value) => counts.get(`${column}|${value}`) ?? 0 };
}
