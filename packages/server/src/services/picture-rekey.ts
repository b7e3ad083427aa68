import { randomUUID } from 'node:crypto';
import { personFeatures, planReconciliation, recordIdentity, searchEntry, type KeyedKind } from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { personBlockKeys } from './picture-bulk';

const PAGE = 5_000;

/**
 * Gives every known person the blocking keys of today's rules. Rules are only ever added (a store
 * keeps keys by rule position), so a store resolved before a rule was added lacks that rule's keys
 * for the people it already knew, and new records could not find them by it. Keys already stored
 * stay; missing ones are added. Page by page, each page in its own transaction: it can be stopped
 * and run again.
 */
export async function rekeyPeople(repos: Repositories, onProgress?: (people: number) => void): Promise<{ people: number; keys: number }> {
  let after: string | null = null;
  let people = 0;
  let keys = 0;
  for (;;) {
    const { last, people: page } = await repos.picture.personPage(after, PAGE);
    if (!last) break;
    const rows = page.flatMap(({ records }) =>
      personBlockKeys(records.map((r) => personFeatures({ id: r.id, ...r.attributes }))).map(({ key, at }) => ({ key, recordId: records[at]!.id })),
    );
    await repos.picture.transaction((picture) => picture.addBlockKeys(rows));
    people += page.length;
    keys += rows.length;
    after = last;
    onProgress?.(people);
  }
  return { people, keys };
}

/** The upkeep task of re-keying places under today's rule (house and street within a post town). */
export const PLACE_KEYS_TASK = 'place-keys-post-town';

/**
 * Brings stored addresses and businesses under today's rule for which records are one place
 * (core `recordIdentity`): records now of one identity come together in the entity holding most
 * of them; a record that says too little to be anywhere (a bare street) leaves for an entity of
 * its own; an entity an analyst shaped stays whole. Each move is a change without an author,
 * shown and undoable like the matching model's. Their search text is brought up to date too. One
 * transaction.
 */
export async function rekeyPlaces(repos: Repositories): Promise<{ records: number; moved: number; rekeyed: number }> {
  return repos.picture.transaction(async (picture, audit) => {
    await picture.lockResolution();
    const rows = await picture.placeRecords();
    const identities = rows.map((r) => recordIdentity(r.kind as KeyedKind, r.attributes));
    // One cluster per identity; a record without one is a cluster of its own.
    const clusterOf = new Map<string, number>();
    const clusters = rows.map((r, i) => {
      const identity = identities[i];
      if (!identity) return i;
      const key = `${r.kind}|${identity.key}`;
      const known = clusterOf.get(key);
      if (known !== undefined) return known;
      clusterOf.set(key, i);
      return i;
    });
    const shaped = await picture.shapedEntities(null, ['address', 'business']);
    const at = new Map(rows.map((r, i) => [r.id, i]));
    const apart = (await picture.keptApart(null)).flatMap(([a, b]) => (at.has(a) && at.has(b) ? [[at.get(a)!, at.get(b)!] as const] : []));
    const plan = planReconciliation(
      rows.map((r) => ({ entityId: r.entity_id, fixed: shaped.has(r.entity_id) })),
      clusters,
      apart,
      randomUUID,
    );
    const firstOf = new Map<string, number>();
    for (const m of plan.moves) if (!firstOf.has(m.to)) firstOf.set(m.to, m.record);
    await picture.moveByModel(
      plan.created.map((id) => {
        const i = firstOf.get(id)!;
        return { id, kind: rows[i]!.kind, label: identities[i]?.label ?? rows[i]!.attributes['name'] ?? rows[i]!.attributes['address'] ?? rows[i]!.kind };
      }),
      plan.moves.map((m) => ({ recordId: rows[m.record]!.id, from: m.from, to: m.to })),
    );
    const changed = rows.flatMap((r, i) => ((identities[i]?.key ?? null) !== r.key ? [{ recordId: r.id, key: identities[i]?.key ?? null }] : []));
    await picture.setKeys(changed);
    // And how the search box finds them (a postcode however written, a business by its words).
    const searchable = rows.flatMap((r) => {
      const text = searchEntry(r.kind, r.attributes).text;
      return text !== r.search_text ? [{ recordId: r.id, text }] : [];
    });
    await picture.setSearchText(searchable);
    await picture.markUpkeepDone(PLACE_KEYS_TASK);
    const summary = { records: rows.length, moved: plan.moves.length, rekeyed: changed.length };
    await audit({ actorId: null, actorRole: null, action: 'picture.rekeyed', subjectType: 'picture', details: { places: summary } });
    return summary;
  });
}

/** Re-keys places once per store (see `rekeyPlaces`), at start-up, before anything is served. */
export async function rekeyPlacesIfDue(repos: Repositories): Promise<{ records: number; moved: number; rekeyed: number } | null> {
  if (await repos.picture.upkeepDone(PLACE_KEYS_TASK)) return null;
  return rekeyPlaces(repos);
}

/** The upkeep task of saying what each stored link is (migration 0043). */
export const LINK_RELATIONS_TASK = 'link-relations';

/** Types the links stored before links had types, once per store; how many were typed, or null when done before. */
export async function typeLinksIfDue(repos: Repositories): Promise<number | null> {
  if (await repos.picture.upkeepDone(LINK_RELATIONS_TASK)) return null;
  return repos.picture.transaction(async (picture) => {
    const typed = await picture.typeLinks();
    await picture.markUpkeepDone(LINK_RELATIONS_TASK);
    return typed;
  });
}
