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
