/**
 * Who an awareness event was for (issue 22, Prevent): the settings where exploitation hides and
 * the people placed to see it. Its words are the web app's (`prevent.audience.<key>`).
 */
export const AWARENESS_AUDIENCES = [
  'car_washes',
  'nail_bars',
  'hotels',
  'farms',
  'food_processing',
  'construction',
  'takeaways',
  'care_homes',
  'licensed_premises',
  'landlords',
  'taxi_drivers',
  'schools',
  'health_staff',
  'faith_groups',
  'community_groups',
  'partner_staff',
  'public',
  'other',
] as const;
export type AwarenessAudience = (typeof AWARENESS_AUDIENCES)[number];

/**
 * The places a poster, leaflet or self-check is made for, each with its own signs to look for
 * (core `SIGNS_BY_SETTING`); `anywhere` carries the signs common to every kind of exploitation.
 */
export const AWARENESS_SETTINGS = ['anywhere', 'car_wash', 'nail_bar', 'farm', 'hotel', 'private_home'] as const;
export type AwarenessSetting = (typeof AWARENESS_SETTINGS)[number];

/** A poster is A4, a leaflet A5. */
export const MATERIAL_SIZES = ['A4', 'A5'] as const;
export type MaterialSize = (typeof MATERIAL_SIZES)[number];

/** A campaign's code, the tag a QR code's address carries: lower-case letters, digits and hyphens. */
export const CAMPAIGN_CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;
