import type { TriageBand } from '@harbour/contract';
import type { ExploitationType } from '../domain';

export { TRIAGE_BANDS, type TriageBand } from '@harbour/contract';
import { Invalid } from '../errors';
import { CATALOGUES, CURRENT_CATALOGUE, type IndicatorCatalogue, type OffenceElement } from './indicators';

/** What triage needs to know about a report or referral. */
export interface TriageInput {
  readonly catalogueVersion: string;
  readonly indicatorIds: readonly string[];
  /** 'unknown' when age is not known; guidance then reminds to presume a child where in doubt. */
  readonly child: 'yes' | 'no' | 'unknown';
  readonly riskToLife: boolean;
  readonly consentToNrm: 'yes' | 'no' | 'unknown';
  readonly potentialVictims: number;
  readonly exploitationTypes: readonly ExploitationType[];
  readonly interpreterNeeded: boolean;
}

/** One reason the score is what it is. */
export interface Contribution {
  readonly kind: 'indicator' | 'fact';
  readonly id: string;
  readonly points: number;
}

/** What to do next, in the order to do it; each maps to a sentence in the user's language. */
export type GuidanceStep =
  | 'call_999_now'
  | 'safeguard_child_now'
  | 'nrm_referral_child'
  | 'nrm_referral_adult_consented'
  | 'duty_to_notify'
  | 'ask_adult_consent'
  | 'presume_child_if_in_doubt'
  | 'book_interpreter';

export interface TriageResult {
  readonly catalogueVersion: string;
  readonly score: number;
  readonly band: TriageBand;
  readonly contributions: readonly Contribution[];
  /** Which parts of the offence the indicators evidence. */
  readonly elements: Readonly<Record<OffenceElement, boolean>>;
  /** Exploitation types the indicators point to, strongest first, with the declared ones. */
  readonly likelyTypes: readonly ExploitationType[];
  readonly guidance: readonly GuidanceStep[];
}

export const CHILD_POINTS = 4;
export const RISK_TO_LIFE_POINTS = 10;
export const ALL_ELEMENTS_POINTS = 3;
export const EXTRA_VICTIM_POINTS = 1;
export const MAX_EXTRA_VICTIM_POINTS = 3;

/**
 * An explainable triage score: the sum of the indicators' weights and of a few facts, every
 * part listed. Rules for the next steps follow the statutory guidance: a child goes to the NRM
 * without consent and is safeguarded at once; an adult goes to the NRM only with consent, and
 * otherwise is notified to the Home Office anonymously (Duty to Notify); risk to life comes first.
 */
export function triage(input: TriageInput): TriageResult {
  const catalogue: IndicatorCatalogue | undefined = CATALOGUES.get(input.catalogueVersion);
  if (!catalogue) throw new Invalid('Unknown indicator catalogue', [{ path: 'catalogueVersion', message: `No catalogue ${input.catalogueVersion}` }]);
  if (!Number.isInteger(input.potentialVictims) || input.potentialVictims < 1) {
    throw new Invalid('The number of potential victims must be 1 or more', [{ path: 'potentialVictims', message: 'Enter a whole number, 1 or more' }]);
  }

  const contributions: Contribution[] = [];
  const elements: Record<OffenceElement, boolean> = { act: false, means: false, purpose: false };
  const typeWeight = new Map<ExploitationType, number>();
  const seen = new Set<string>();
  input.indicatorIds.forEach((id, index) => {
    const indicator = catalogue.indicators.find((x) => x.id === id);
    if (!indicator) throw new Invalid('Unknown indicator', [{ path: `indicators.${index}`, message: `No indicator ${id} in catalogue ${catalogue.version}` }]);
    if (seen.has(id)) return; // ticked twice counts once
    seen.add(id);
    contributions.push({ kind: 'indicator', id, points: indicator.weight });
    elements[indicator.element] = true;
    for (const t of indicator.types) typeWeight.set(t, (typeWeight.get(t) ?? 0) + indicator.weight);
  });

  const isChild = input.child === 'yes';
  if (isChild) contributions.push({ kind: 'fact', id: 'child', points: CHILD_POINTS });
  if (input.riskToLife) contributions.push({ kind: 'fact', id: 'risk_to_life', points: RISK_TO_LIFE_POINTS });
  // For a child the Means need not be shown: Act and Purpose complete the picture.
  if (elements.act && elements.purpose && (elements.means || isChild))
    contributions.push({ kind: 'fact', id: 'act_means_purpose', points: ALL_ELEMENTS_POINTS });
  const extraVictims = Math.min(input.potentialVictims - 1, MAX_EXTRA_VICTIM_POINTS / EXTRA_VICTIM_POINTS);
  if (extraVictims > 0) contributions.push({ kind: 'fact', id: 'more_than_one_victim', points: extraVictims * EXTRA_VICTIM_POINTS });

  const score = contributions.reduce((sum, c) => sum + c.points, 0);
  const band = bandFor(score, { child: isChild, riskToLife: input.riskToLife });

  for (const declared of input.exploitationTypes) typeWeight.set(declared, (typeWeight.get(declared) ?? 0) + 100);
  const likelyTypes = [...typeWeight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);

  return { catalogueVersion: catalogue.version, score, band, contributions, elements, likelyTypes, guidance: guidanceFor(input) };
}

/**
 * The band a score falls in, with the rule the score alone cannot break: anyone in danger now is
 * critical, and a child is never below high, however few indicators were ticked.
 */
export function bandFor(score: number, who: { readonly child: boolean; readonly riskToLife: boolean }): TriageBand {
  if (who.riskToLife || score >= 15) return 'critical';
  if (who.child || score >= 10) return 'high';
  return score >= 5 ? 'medium' : 'low';
}

export function guidanceFor(input: Pick<TriageInput, 'child' | 'riskToLife' | 'consentToNrm' | 'interpreterNeeded'>): GuidanceStep[] {
  const steps: GuidanceStep[] = [];
  if (input.riskToLife) steps.push('call_999_now');
  if (input.child === 'yes') {
    steps.push('safeguard_child_now', 'nrm_referral_child');
  } else {
    if (input.child === 'unknown') steps.push('presume_child_if_in_doubt');
    if (input.consentToNrm === 'yes') steps.push('nrm_referral_adult_consented');
    else if (input.consentToNrm === 'no') steps.push('duty_to_notify');
    else steps.push('ask_adult_consent');
  }
  if (input.interpreterNeeded) steps.push('book_interpreter');
  return steps;
}

/**
 * The triage of a report that arrives without the indicator checklist (a case from another system,
 * a row of a partner's spreadsheet): scored on what it says (a child, how many potential victims,
 * the types), everything else not known.
 */
export function triageWithoutChecklist(facts: {
  readonly child: boolean;
  readonly potentialVictims: number;
  readonly exploitationTypes: readonly ExploitationType[];
}): TriageResult {
  return triage({
    catalogueVersion: CURRENT_CATALOGUE.version,
    indicatorIds: [],
    child: facts.child ? 'yes' : 'unknown',
    riskToLife: false,
    consentToNrm: 'unknown',
    potentialVictims: Math.max(1, facts.potentialVictims),
    exploitationTypes: facts.exploitationTypes,
    interpreterNeeded: false,
  });
}
