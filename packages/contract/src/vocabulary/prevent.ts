import type { PublicSign } from './public-report';

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
 * (`SIGNS_BY_SETTING`); `anywhere` carries the signs common to every kind of exploitation.
 */
export const AWARENESS_SETTINGS = ['anywhere', 'car_wash', 'nail_bar', 'farm', 'hotel', 'private_home'] as const;
export type AwarenessSetting = (typeof AWARENESS_SETTINGS)[number];

/** A poster is A4, a leaflet A5. */
export const MATERIAL_SIZES = ['A4', 'A5'] as const;
export type MaterialSize = (typeof MATERIAL_SIZES)[number];

/** A campaign's code, the tag a QR code's address carries: lower-case letters, digits and hyphens. */
export const CAMPAIGN_CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;

/**
 * The signs a poster, leaflet or self-check shows for a place, from the public signs (each an
 * indicator in the catalogue), most telling there first. Six at most, so a poster can be read
 * from across a room and a self-check in a minute.
 */
export const SIGNS_BY_SETTING: Readonly<Record<AwarenessSetting, readonly PublicSign[]>> = {
  anywhere: [
    'ilo.restriction_of_movement',
    'ilo.retention_of_documents',
    'ilo.withholding_wages',
    'ilo.debt_bondage',
    'ho.someone_speaks_for_them',
    'ilo.intimidation_threats',
  ],
  // Hand car washes: workers living on site, driven in, paid little or nothing, long hours.
  car_wash: [
    'ho.lives_at_workplace',
    'ho.transported_to_work',
    'ilo.withholding_wages',
    'ilo.excessive_overtime',
    'ho.someone_speaks_for_them',
    'ilo.retention_of_documents',
  ],
  // Nail bars: the same, with debt for travel and training and never being let out alone.
  nail_bar: [
    'ho.lives_at_workplace',
    'ho.transported_to_work',
    'ilo.debt_bondage',
    'ho.someone_speaks_for_them',
    'ilo.withholding_wages',
    'ilo.restriction_of_movement',
  ],
  // Farms and food processing: gangs moved in vans, crowded housing, documents held.
  farm: [
    'ho.transported_to_work',
    'ho.many_at_one_address',
    'ilo.retention_of_documents',
    'ilo.withholding_wages',
    'ilo.excessive_overtime',
    'ilo.debt_bondage',
  ],
  // Hotels: sexual exploitation in rooms, young people running drugs, someone in control.
  hotel: [
    'ho.sexual_services_advertised',
    'ho.someone_speaks_for_them',
    'ilo.restriction_of_movement',
    'ho.county_lines_phone',
    'ho.many_at_one_address',
    'ilo.intimidation_threats',
  ],
  // Private homes: domestic servitude, and homes taken over for drug dealing (cuckooing).
  private_home: [
    'ho.domestic_never_alone',
    'ilo.retention_of_documents',
    'ilo.withholding_wages',
    'ilo.restriction_of_movement',
    'ho.county_lines_phone',
    'ho.many_at_one_address',
  ],
};
