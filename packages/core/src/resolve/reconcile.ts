/** A person record as the store holds it: the entity it is in, and whether an analyst has shaped that entity. */
export interface StoredPersonRecord {
  readonly entityId: string;
  /**
   * The entity was merged, split or judged by an analyst: it is never broken up by the model,
   * only joined by more records (or, whole, by another person).
   */
  readonly fixed: boolean;
}

export interface ReconcilePlan {
  /** Records to move, by index, from their entity to another. */
  readonly moves: readonly { readonly record: number; readonly from: string; readonly to: string }[];
  /** Entities to create for records that the model separates from everyone they are with. */
  readonly created: readonly string[];
}

/**
 * How to bring a store's people in line with a fresh clustering of their records (by the batch
 * resolver): the fewest moves that make every cluster one entity and every entity one cluster,
 * keeping what analysts decided. An entity an analyst shaped stays whole (its records go together
 * to the cluster holding most of them); two records an analyst kept apart (`apart`, by index)
 * never end in one entity. Each cluster is given the entity holding most of its records, so ids people know by (in
 * cases, charts, tasks) stay with most of the person; a split-off part gets a new entity.
 */
export function planReconciliation(
  records: readonly StoredPersonRecord[],
  clusters: ArrayLike<number>,
  apart: readonly (readonly [number, number])[],
  newId: () => string,
): ReconcilePlan {
  const labels = Array.from(clusters);
  const byEntity = new Map<string, number[]>();
  records.forEach((r, i) => {
    const list = byEntity.get(r.entityId);
    if (list) list.push(i);
    else byEntity.set(r.entityId, [i]);
  });
  let nextLabel = labels.reduce((n, l) => Math.max(n, l + 1), records.length);

  // An analyst's entity goes whole to the cluster holding most of its records.
  const fixed = new Set<string>();
  for (const [entityId, members] of byEntity) {
    if (!records[members[0]!]!.fixed) continue;
    fixed.add(entityId);
    const label = mostCommon(members.map((i) => labels[i]!));
    for (const i of members) labels[i] = label;
  }
  // Records an analyst kept apart never end in one cluster: the side that is not an analyst's
  // entity (else the smaller) leaves, into a cluster of its own.
  for (const [x, y] of apart) {
    if (labels[x] !== labels[y]) continue;
    const side = (i: number) => (fixed.has(records[i]!.entityId) ? byEntity.get(records[i]!.entityId)! : [i]);
    const [sx, sy] = [side(x), side(y)];
    const leaving = sy.length < sx.length || (sy.length === sx.length && !fixed.has(records[y]!.entityId)) ? sy : sx;
    const label = nextLabel++;
    for (const i of leaving) labels[i] = label;
  }

  // Each cluster's entity: the one holding most of its records (an analyst's first), each entity given once.
  const byLabel = new Map<number, number[]>();
  labels.forEach((label, i) => {
    const list = byLabel.get(label);
    if (list) list.push(i);
    else byLabel.set(label, [i]);
  });
  const choices = [...byLabel].map(([label, members]) => {
    const counts = new Map<string, number>();
    for (const i of members) counts.set(records[i]!.entityId, (counts.get(records[i]!.entityId) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => Number(fixed.has(b[0])) - Number(fixed.has(a[0])) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { label, members, ranked };
  });
  // Clusters that hold more of an entity claim it first.
  choices.sort((a, b) => b.ranked[0]![1] - a.ranked[0]![1] || a.label - b.label);
  const given = new Set<string>();
  const moves: { record: number; from: string; to: string }[] = [];
  const created: string[] = [];
  for (const { members, ranked } of choices) {
    let target = ranked.find(([entityId]) => !given.has(entityId))?.[0];
    if (target === undefined) {
      target = newId();
      created.push(target);
    }
    given.add(target);
    for (const i of members) if (records[i]!.entityId !== target) moves.push({ record: i, from: records[i]!.entityId, to: target });
  }
  return { moves, created };
}

/** The value seen most often (the smallest of a tie). */
function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [v, n] of counts) if (n > counts.get(best)! || (n === counts.get(best)! && v < best)) best = v;
  return best;
}
