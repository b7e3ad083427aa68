import { Random } from '../seed/random';
import { forEachRulePair, type BlockingRule, type RuleBlocks } from './blocking';
import { comparePersons, FIELDS, FIELD_COUNT, MISSING, unpackPattern } from './comparison';
import type { PersonFeatures } from './features';
import { estimateModel, estimateU, initialModel, matchWeight, probability, type MatchModel, type PatternCounts } from './model';

export interface TrainingOptions {
  /** Random pairs for chance agreement (u). */
  readonly randomPairs?: number;
  /** Pairs per blocking rule for estimating m. */
  readonly pairsPerRule?: number;
  readonly maxBlock?: number;
  readonly seed?: number;
  /** The rules' blocks, when the caller has them already. */
  readonly blocks?: RuleBlocks;
}

/**
 * Estimates a Fellegi–Sunter model without labels, as Splink does:
 *  - u (chance agreement) from random pairs, nearly all different people;
 *  - m (agreement among true matches) by expectation–maximisation on each blocking rule's pairs,
 *    with the fields that rule forces to agree left out, then averaged over the rules;
 *  - λ (the chance that two random records match) by iterating the expected number of matches
 *    among the candidate pairs over all possible pairs.
 */
export function trainModel(
  features: readonly PersonFeatures[],
  rules: readonly BlockingRule[],
  candidates: PatternCounts,
  options: TrainingOptions = {},
): MatchModel {
  const seen = FIELDS.map((f) => f.levels.map(() => false));
  const patternsSeen = new Set<number>();
  const see = (pattern: number) => {
    if (patternsSeen.has(pattern)) return;
    patternsSeen.add(pattern);
    unpackPattern(pattern).forEach((l, f) => l !== MISSING && (seen[f]![l] = true));
  };
  const u = estimateU(
    (function* () {
      for (const pattern of randomPatterns(features, options.randomPairs ?? 200_000, options.seed ?? 1)) {
        see(pattern);
        yield pattern;
      }
    })(),
  );
  const sums = FIELDS.map((f) => f.levels.map(() => 0));
  const weights = FIELDS.map(() => 0);
  for (const [r, rule] of rules.entries()) {
    const fixed = new Set(rule.fixes.map((name) => FIELDS.findIndex((f) => f.name === name)));
    // A field is left out by zeroing its digit of the packed pattern (0 is "missing").
    const places = [...fixed].map((f) => 16 ** f);
    const counts = new Map<number, number>();
    let total = 0;
    forEachRulePair(
      features,
      rule,
      options.pairsPerRule ?? 100_000,
      (i, j) => {
        const compared = comparePersons(features[i]!, features[j]!);
        let pattern = compared;
        for (const place of places) pattern -= (Math.floor(compared / place) % 16) * place;
        see(pattern);
        counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
        total++;
      },
      options.maxBlock ?? 40,
      options.blocks?.blocks[r],
    );
    if (total < 20) continue;
    const trained = estimateModel(counts, { ...initialModel(u), lambda: 0.5 }, { fixU: true });
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (fixed.has(f) || !observed(counts, f)) continue;
      trained.m[f]!.forEach((m, l) => (sums[f]![l]! += m));
      weights[f]! += 1;
    }
  }
  const start = initialModel();
  const m = sums.map((row, f) => (weights[f]! > 0 ? row.map((v) => v / weights[f]!) : [...start.m[f]!]));
  // A level these records never showed (no nicknames in a data set, say) has no estimate: it keeps
  // the starting model's modest evidence rather than an extreme one from no data.
  const uSeen = u.map((row) => [...row]);
  FIELDS.forEach((field, f) =>
    field.levels.forEach((_, l) => {
      if (seen[f]![l]) return;
      m[f]![l] = start.m[f]![l]!;
      uSeen[f]![l] = start.u[f]![l]!;
    }),
  );
  return { lambda: randomMatchProbability({ lambda: 0, m, u: uSeen }, candidates, features.length), m, u: uSeen };
}

function observed(counts: PatternCounts, field: number): boolean {
  for (const pattern of counts.keys()) if (unpackPattern(pattern)[field] !== MISSING) return true;
  return false;
}

/** λ such that λ × all pairs equals the expected number of matches among the candidates under λ. */
function randomMatchProbability(model: MatchModel, candidates: PatternCounts, records: number): number {
  const allPairs = Math.max(1, (records * (records - 1)) / 2);
  const patterns = [...candidates.entries()].map(([pattern, count]) => ({ levels: unpackPattern(pattern), count }));
  let candidateCount = 0;
  for (const p of patterns) candidateCount += p.count;
  let lambda = Math.max(1e-12, (0.5 * candidateCount) / allPairs);
  for (let iteration = 0; iteration < 100; iteration++) {
    let expected = 0;
    const current = { ...model, lambda };
    for (const { levels, count } of patterns) expected += count * probability(matchWeight(current, levels));
    const next = Math.min(0.5, Math.max(1e-12, expected / allPairs));
    if (Math.abs(next - lambda) / lambda < 1e-6) return next;
    lambda = next;
  }
  return lambda;
}

export function* randomPatterns(features: readonly PersonFeatures[], count: number, seed: number): Generator<number> {
  if (features.length < 2) return;
  const rng = new Random(seed);
  for (let n = 0; n < count; n++) {
    const i = rng.int(0, features.length - 1);
    let j = rng.int(0, features.length - 2);
    if (j >= i) j++;
    yield comparePersons(features[i]!, features[j]!);
  }
}
