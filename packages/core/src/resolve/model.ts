import { FIELDS, FIELD_COUNT, LOCATION_FIELDS, MISSING, unpackPattern, type FieldName } from './comparison';

/**
 * A Fellegi–Sunter model: for each field and level, m = P(level | same person) and
 * u = P(level | different people), and the prior share λ of candidate pairs that match. A pair's
 * match weight is the sum of log2(m/u) over its fields plus the prior's; every term is shown to
 * the analyst as evidence.
 */
export interface MatchModel {
  readonly lambda: number;
  readonly m: readonly (readonly number[])[];
  readonly u: readonly (readonly number[])[];
  /** How often a record shares a co-mention with its own person (m) and with a namesake (u); see `co-mention`. */
  readonly coMention?: { readonly m: number; readonly u: number } | undefined;
  /** What a differing gender or nationality says (log2(m/u), 0 or less). Absent in models learnt before it: no evidence. */
  readonly contradiction?: { readonly gender: number; readonly nationality: number } | undefined;
  /** Among pairs that share a home or a phone: see `SharedLocation`. Absent in models learnt before it. */
  readonly shared?: SharedLocation | undefined;
}

/**
 * Two records giving one address or one phone are, in this domain, as often two people of one
 * household (a family, a shared house, a controller's workers on his phone) as one person reported
 * twice. Among such pairs, λ is the share that are one person, and u how names and dates of birth
 * compare between the different people who share a place: family names agree often, given names
 * and birthdays seldom. So a shared home or phone brings the odds to λ and no further, and only
 * names and dates of birth decide between the person and their housemates.
 */
export interface SharedLocation {
  readonly lambda: number;
  readonly u: readonly (readonly number[])[];
}

const field = (name: FieldName) => FIELDS.findIndex((f) => f.name === name);
const [NAME, GENDER, NATIONALITY, PHONE, ADDRESS] = [field('name'), field('gender'), field('nationality'), field('phone'), field('address')];
/** Name levels where only family names are compared: 'family name exact, no given name' and 'family name close, no given name'. */
export const FAMILY_NAME_ONLY: ReadonlySet<number> = new Set([5, 10]);
const IS_LOCATION = FIELDS.map((f) => LOCATION_FIELDS.has(f.name));

/** The same phone number, or the same (or nearly the same) address line. */
export function sharesLocation(levels: readonly number[]): boolean {
  return levels[PHONE] === 0 || levels[ADDRESS] === 0 || levels[ADDRESS] === 1;
}

const logit = (p: number) => Math.log2(p / (1 - p));

export interface FieldEvidence {
  readonly field: FieldName;
  /** The level's name ("exact", "sounds alike"…), or "missing". */
  readonly level: string;
  /** log2(m/u): positive for evidence of a match, negative against, 0 when missing. */
  readonly weight: number;
}

export interface PairScore {
  readonly weight: number;
  readonly probability: number;
  readonly evidence: readonly FieldEvidence[];
}

const FLOOR = 1e-6;

/** Counts of each comparison pattern among candidate pairs: the data the model is estimated from. */
export type PatternCounts = ReadonlyMap<number, number>;

/** A starting model: agreement likely among matches, unlikely among non-matches. */
export function initialModel(u?: readonly (readonly number[])[]): MatchModel {
  const m = FIELDS.map((f) => f.levels.map((_, l) => (l === 0 ? 0.8 : l === f.levels.length - 1 ? 0.02 : 0.18 / (f.levels.length - 2 || 1))));
  const defaultU = FIELDS.map((f) => f.levels.map((_, l) => (l === f.levels.length - 1 ? 0.9 : 0.1 / (f.levels.length - 1))));
  return { lambda: 0.1, m: normaliseRows(m), u: u ?? normaliseRows(defaultU) };
}

/**
 * u estimated from random pairs of records, nearly all of which are different people (as Splink
 * does): how often fields agree by chance.
 */
export function estimateU(randomPatterns: Iterable<number>): number[][] {
  const counts = FIELDS.map((f) => f.levels.map(() => 1)); // add-one so no level is impossible
  for (const pattern of randomPatterns) {
    const levels = unpackPattern(pattern);
    for (let f = 0; f < FIELD_COUNT; f++) if (levels[f] !== MISSING) counts[f]![levels[f]!]! += 1;
  }
  return normaliseRows(counts);
}

/**
 * Expectation–maximisation over the candidate pairs' patterns: estimates m and λ (and u too unless
 * `fixU`), without labels. Works on distinct patterns with counts, so it is quick at any scale.
 */
export function estimateModel(counts: PatternCounts, start: MatchModel = initialModel(), options: { iterations?: number; fixU?: boolean } = {}): MatchModel {
  const patterns = [...counts.entries()].map(([pattern, count]) => ({ levels: unpackPattern(pattern), count }));
  let model = start;
  for (let iteration = 0; iteration < (options.iterations ?? 60); iteration++) {
    const mCounts = FIELDS.map((f) => f.levels.map(() => FLOOR));
    const uCounts = FIELDS.map((f) => f.levels.map(() => FLOOR));
    let matches = 0;
    let total = 0;
    for (const { levels, count } of patterns) {
      const p = posterior(model, levels);
      matches += p * count;
      total += count;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = levels[f]!;
        if (l === MISSING) continue;
        mCounts[f]![l]! += p * count;
        uCounts[f]![l]! += (1 - p) * count;
      }
    }
    const next: MatchModel = {
      lambda: Math.min(1 - FLOOR, Math.max(FLOOR, matches / Math.max(1, total))),
      m: normaliseRows(mCounts),
      u: options.fixU ? model.u : normaliseRows(uCounts),
    };
    const change = Math.abs(next.lambda - model.lambda);
    model = next;
    if (change < 1e-7) break;
  }
  return model;
}

function posterior(model: MatchModel, levels: readonly number[]): number {
  return probability(independentWeight(model, levels));
}

/** Each field independent: what expectation–maximisation assumes while it estimates m and u. */
function independentWeight(model: MatchModel, levels: readonly number[]): number {
  let weight = logit(model.lambda);
  for (let f = 0; f < FIELD_COUNT; f++) {
    const l = levels[f]!;
    if (l !== MISSING) weight += Math.log2(model.m[f]![l]! / model.u[f]![l]!);
  }
  return weight;
}

/**
 * What each field adds to a pair's weight, as counted. Places and phones are one piece of evidence
 * however many of them agree (a household shares them all): only the strongest agreement counts.
 * When the pair shares a home or phone and the model knows what that means (`shared`), that
 * agreement brings the odds to the shared λ, and names and dates of birth are weighed against
 * housemates' rather than strangers'.
 */
export function fieldWeights(model: MatchModel, levels: readonly number[]): number[] {
  const shared = model.shared && sharesLocation(levels) ? model.shared : undefined;
  // Housemates' names and birthdays agree at least as often as strangers' do (siblings are called
  // Ion and Ionela): an agreement rare among the training's housemates is no rarer than among strangers.
  const uOf = (f: number, l: number) => (shared && !IS_LOCATION[f] ? Math.max(shared.u[f]![l]!, model.u[f]![l]!) : model.u[f]![l]!);
  const weights = levels.map((l, f) => (l === MISSING ? 0 : Math.log2(model.m[f]![l]! / uOf(f, l))));
  // Gender and nationality record only disagreement (one level), which the model weighs apart.
  if (levels[GENDER] === 0) weights[GENDER] = model.contradiction?.gender ?? 0;
  if (levels[NATIONALITY] === 0) weights[NATIONALITY] = model.contradiction?.nationality ?? 0;
  // A family name alone, at a shared home, is everyone in the family's: no evidence which of them.
  if (shared && FAMILY_NAME_ONLY.has(levels[NAME]!)) weights[NAME] = Math.min(0, weights[NAME]!);
  let strongest = -1;
  for (let f = 0; f < FIELD_COUNT; f++) if (IS_LOCATION[f] && weights[f]! > 0 && (strongest < 0 || weights[f]! > weights[strongest]!)) strongest = f;
  for (let f = 0; f < FIELD_COUNT; f++) {
    if (!IS_LOCATION[f]) continue;
    if (shared) weights[f] = f === strongest ? logit(shared.lambda) - logit(model.lambda) : 0;
    else if (weights[f]! > 0 && f !== strongest) weights[f] = 0;
  }
  return weights;
}

/** The match weight of a pattern's levels: log2 of the prior odds plus what each field adds. */
export function matchWeight(model: MatchModel, levels: readonly number[]): number {
  return fieldWeights(model, levels).reduce((sum, w) => sum + w, logit(model.lambda));
}

export function probability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** A pattern's score with its per-field evidence. */
export function scorePattern(model: MatchModel, pattern: number): PairScore {
  const levels = unpackPattern(pattern);
  const weights = fieldWeights(model, levels);
  const weight = weights.reduce((sum, w) => sum + w, logit(model.lambda));
  return {
    weight,
    probability: probability(weight),
    evidence: FIELDS.map((field, f) => {
      const l = levels[f]!;
      return { field: field.name, level: l === MISSING ? 'missing' : field.levels[l]!, weight: weights[f]! };
    }),
  };
}

/**
 * A scorer that remembers each pattern's weight: there are few distinct patterns, so scoring
 * millions of pairs costs a map lookup each.
 */
export function patternScorer(model: MatchModel): (pattern: number) => number {
  const cache = new Map<number, number>();
  return (pattern) => {
    let weight = cache.get(pattern);
    if (weight === undefined) {
      weight = matchWeight(model, unpackPattern(pattern));
      cache.set(pattern, weight);
    }
    return weight;
  };
}

function normaliseRows(rows: number[][]): number[][] {
  return rows.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((v) => Math.max(FLOOR, v / sum));
  });
}
