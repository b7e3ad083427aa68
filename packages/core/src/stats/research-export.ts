import { ageBand, broadAgeBand, equivalenceClasses, kAnonymise, type GeneralisationStep } from './k-anonymity';
import { nationalityRegion, regionOfSubregion } from './nationality';

/**
 * Case-level rows for research, in the manner of the Counter Trafficking Data Collaborative: one
 * row per potential victim (a person, however many reports name them: k counts people), nothing that names or locates anyone (no names,
 * dates finer than a year, towns or references), ages in bands, nationality as a region, and
 * k-anonymity over the fields someone could know from elsewhere (the quasi-identifiers).
 */
export interface VictimRecord {
  readonly receivedAt: Date;
  readonly dob: string | null;
  readonly gender: string | null;
  /** ISO alpha-2 from the written nationality, if it named a country. */
  readonly nationality: string | null;
  readonly areaName: string | null;
  readonly exploitationTypes: readonly string[];
  readonly source: string;
}

export const RESEARCH_COLUMNS = [
  'yearOfRegistration',
  'ageBroad',
  'gender',
  'citizenshipRegion',
  'localAuthority',
  'isSexualExploit',
  'isForcedLabour',
  'isForcedCriminality',
  'isDomesticServitude',
  'isOrganRemoval',
  'typeOfExploitUnknown',
  'source',
] as const;

export type ResearchRow = Record<(typeof RESEARCH_COLUMNS)[number], string>;

/** The fields someone could know about a person from elsewhere, withheld in this order when a group is too small. */
export const RESEARCH_QUASI_IDENTIFIERS = ['localAuthority', 'citizenshipRegion', 'ageBroad', 'gender', 'yearOfRegistration'] as const;

export interface ResearchExport {
  readonly k: number;
  readonly rows: ResearchRow[];
  /** Potential victims left out because no generalisation put them in a group of k. */
  readonly left: number;
  readonly generalised: number;
  /** How many groups of identical quasi-identifiers there are, and the smallest. */
  readonly classes: number;
  readonly smallestClass: number;
}

/** Whole years between a date of birth and a date. */
function ageAt(dob: string, at: Date): number | null {
  const born = new Date(`${dob}T00:00:00Z`);
  if (Number.isNaN(born.getTime()) || born > at) return null;
  let years = at.getUTCFullYear() - born.getUTCFullYear();
  if (at.getUTCMonth() < born.getUTCMonth() || (at.getUTCMonth() === born.getUTCMonth() && at.getUTCDate() < born.getUTCDate())) years -= 1;
  return years;
}

function gender(written: string | null): string {
  const g = written?.trim().toLowerCase() ?? '';
  if (['female', 'f', 'woman', 'girl'].includes(g)) return 'Female';
  if (['male', 'm', 'man', 'boy'].includes(g)) return 'Male';
  return g === '' || g === 'unknown' ? 'Unknown' : 'Other';
}

const flag = (on: boolean) => (on ? '1' : '0');

/** One row of a potential victim, generalised as far as it always is, before k-anonymity. */
export function researchRow(v: VictimRecord): ResearchRow {
  const types = new Set(v.exploitationTypes);
  return {
    yearOfRegistration: String(v.receivedAt.getUTCFullYear()),
    ageBroad: ageBand(v.dob ? ageAt(v.dob, v.receivedAt) : null),
    gender: gender(v.gender),
    citizenshipRegion: nationalityRegion(v.nationality, 'subregion'),
    localAuthority: v.areaName ?? 'Unknown',
    isSexualExploit: flag(types.has('sexual')),
    isForcedLabour: flag(types.has('labour')),
    isForcedCriminality: flag(types.has('criminal')),
    isDomesticServitude: flag(types.has('domestic_servitude')),
    isOrganRemoval: flag(types.has('organ_harvesting')),
    typeOfExploitUnknown: flag(types.size === 0 || types.has('unknown')),
    source: v.source,
  };
}

const STEPS: GeneralisationStep[] = [
  { field: 'ageBroad', to: broadAgeBand },
  // A subregion becomes its region ("Southeast Europe" to "Europe"); the UK stays itself.
  { field: 'citizenshipRegion', to: regionOfSubregion },
];

/** Rows for research from potential victims, k-anonymous over the quasi-identifiers. */
export function researchExport(victims: readonly VictimRecord[], k = 11): ResearchExport {
  const rows = victims.map(researchRow);
  const result = kAnonymise<ResearchRow>(rows, RESEARCH_QUASI_IDENTIFIERS, k, STEPS);
  const classes = equivalenceClasses(result.rows, RESEARCH_QUASI_IDENTIFIERS);
  // Shuffled out of the order they were reported in, which would say when each was.
  const ordered = [...result.rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    k,
    rows: ordered,
    left: result.left,
    generalised: result.generalised,
    classes: classes.size,
    smallestClass: classes.size === 0 ? 0 : Math.min(...classes.values()),
  };
}
