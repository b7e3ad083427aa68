import { FIELDS, FIELD_COUNT, MISSING, unpackPattern, type FieldName } from './comparison';

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
}

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
  return probability(matchWeight(model, levels));
}

/** The match weight of a pattern's levels: log2 of the prior odds plus each field's log2(m/u). */
export function matchWeight(model: MatchModel, levels: readonly number[]): number {
  let weight = Math.log2(model.lambda / (1 - model.lambda));
  for (let f = 0; f < FIELD_COUNT; f++) {
    const l = levels[f]!;
    if (l !== MISSING) weight += Math.log2(model.m[f]![l]! / model.u[f]![l]!);
  }
  return weight;
}

export function probability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** A pattern's score with its per-field evidence. */
export function scorePattern(model: MatchModel, pattern: number): PairScore {
  const levels = unpackPattern(pattern);
  const weight = matchWeight(model, levels);
  return {
    weight,
    probability: probability(weight),
    evidence: FIELDS.map((field, f) => {
      const l = levels[f]!;
      return {
        field: field.name,
        level: l === MISSING ? 'missing' : field.levels[l]!,
        weight: l === MISSING ? 0 : Math.log2(model.m[f]![l]! / model.u[f]![l]!),
      };
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
