/** Kinds of entity resolved by a key of their own (a number, a registration, an address…). */
export const KEYED_KINDS = ['phone', 'vehicle', 'business', 'address', 'online', 'bank_account', 'document'] as const;
export type KeyedKind = (typeof KEYED_KINDS)[number];
/** Every kind of entity in the picture: people, resolved by the match model, and the keyed kinds. */
export const RECORD_KINDS = ['person', ...KEYED_KINDS] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Every kind of link, named by the kinds it joins ("person-phone"), each pair once. */
export const LINK_TYPES: readonly string[] = RECORD_KINDS.flatMap((a, i) => RECORD_KINDS.slice(i).map((b) => `${a}-${b}`));

/**
 * What a link says, strongest first: worked out from the parts a report gives the people in it and
 * whose phone or home is whose. Each but `mentioned` is directed (the suspect controls the
 * victim; the person lives at the address); `mentioned` is only that two things were in one report.
 */
export const LINK_RELATIONS = ['controls', 'called', 'uses_phone', 'lives_at', 'works_at', 'drives', 'mentioned'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/**
 * What an analyst may assert of two entities by hand, and of which kinds each end must be (the
 * link runs from the first to the second); calls come only from call data. `mentioned` is the
 * analyst's "linked", with no more said.
 */
export const ASSERTED_RELATIONS = {
  controls: { from: ['person'], to: ['person'] },
  uses_phone: { from: ['person', 'business'], to: ['phone'] },
  lives_at: { from: ['person'], to: ['address'] },
  works_at: { from: ['person'], to: ['business', 'address'] },
  drives: { from: ['person'], to: ['vehicle'] },
  mentioned: { from: RECORD_KINDS, to: RECORD_KINDS },
} as const satisfies Partial<Record<LinkRelation, { from: readonly RecordKind[]; to: readonly RecordKind[] }>>;
export type AssertedRelation = keyof typeof ASSERTED_RELATIONS;

/** Whether a relation may be asserted from an entity of one kind to one of another. */
export function assertionFits(relation: AssertedRelation, from: string, to: string): boolean {
  const ends: { from: readonly string[]; to: readonly string[] } = ASSERTED_RELATIONS[relation];
  return ends.from.includes(from) && ends.to.includes(to);
}

/** Results per kind on the first page of a search; a kind's own pages hold more. */
export const SEARCH_PREVIEW = 10;
export const SEARCH_PAGE_SIZE = 25;
/** Matches are counted this far (a common name can match thousands); beyond it, "more than". */
export const SEARCH_MOST_COUNTED = 500;
export const SEARCH_KINDS = [...RECORD_KINDS, 'report'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
