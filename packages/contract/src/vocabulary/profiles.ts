/** Written problem profiles: a draft while written, frozen once issued. */
export const PROFILE_STATUSES = ['draft', 'issued'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** The 4P frame of the Modern Slavery Strategy, the order recommendations are read in. */
export const FOUR_P = ['pursue', 'prevent', 'protect', 'prepare'] as const;
export type FourP = (typeof FOUR_P)[number];

/** Long enough for pages of judgements; short enough that a slip of the paste key is caught. */
export const PROFILE_TEXT_LIMIT = 20_000;
