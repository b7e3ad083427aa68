import type { CaseEntityRole, RecordKind, SharingCategory } from '@harbour/contract';

/** A person or thing of a case, as the holding agency reads it. */
export interface CaseParty {
  readonly entityId: string;
  readonly kind: RecordKind;
  readonly label: string;
  readonly role: CaseEntityRole;
}

/** A party as a partner agency reads it: its part, and its name only where the agreement allows. */
export interface SharedParty {
  readonly role: CaseEntityRole;
  readonly kind: RecordKind;
  /** Null where the agreement does not allow it: the page says "Potential victim 1", and so on. */
  readonly label: string | null;
  /** The party's place in its role (1, 2, …), to tell hidden ones apart. */
  readonly n: number;
}

/**
 * The people and places of a shared case a partner agency may know of, and nothing more:
 * potential victims and suspects (named only under victim_identity / suspect_identity), addresses
 * only under `addresses`; phones, vehicles, businesses, accounts, documents and anyone merely
 * associated are never shared. Entity ids are never passed on, so nothing links back to the picture.
 */
export function sharedParties(parties: readonly CaseParty[], categories: readonly SharingCategory[]): SharedParty[] {
  const allowed = new Set(categories);
  const counts = new Map<string, number>();
  const out: SharedParty[] = [];
  for (const p of parties) {
    const person = p.kind === 'person';
    const place = p.kind === 'address';
    if (person && p.role === 'associated') continue;
    if (!person && !(place && allowed.has('addresses'))) continue;
    const key = `${p.kind}:${p.role}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const named = place || (p.role === 'potential_victim' ? allowed.has('victim_identity') : allowed.has('suspect_identity'));
    out.push({ role: p.role, kind: p.kind, label: named ? p.label : null, n });
  }
  // Potential victims first, then suspects, then places: the order a partner reads a case in.
  const order = (p: SharedParty) => (p.kind === 'address' ? 2 : p.role === 'potential_victim' ? 0 : 1);
  return out.sort((a, b) => order(a) - order(b) || a.n - b.n);
}
