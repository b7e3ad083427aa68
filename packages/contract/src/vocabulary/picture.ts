/** Kinds of entity resolved by a key of their own (a number, a registration, an address…). */
export const KEYED_KINDS = ['phone', 'vehicle', 'business', 'address', 'online', 'bank_account', 'document'] as const;
export type KeyedKind = (typeof KEYED_KINDS)[number];
/** Every kind of entity in the picture: people, resolved by the match model, and the keyed kinds. */
export const RECORD_KINDS = ['person', ...KEYED_KINDS] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Every kind of link, named by the kinds it joins ("person-phone"), each pair once. */
export const LINK_TYPES: readonly string[] = RECORD_KINDS.flatMap((a, i) => RECORD_KINDS.slice(i).map((b) => `${a}-${b}`));
