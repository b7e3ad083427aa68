import { Random } from '../seed/random';
import { forEachRulePair, type BlockingRule, type RuleBlocks } from './blocking';
import { comparePersons, FIELDS, FIELD_COUNT, LOCATION_FIELDS, MISSING, unpackPattern } from './comparison';
import type { PersonFeatures } from './features';
import {
  estimateModel,
  estimateU,
  fieldWeights,
  initialModel,
  probability,
  sharesLocation,
  type MatchModel,
  type PatternCounts,
  type SharedLocation,
} from './model';

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
  const randomDiffer = CONTRADICTABLE.map(() => 0);
  let randomCount = 0;
  const u = estimateU(
    (function* () {
      for (const pattern of randomPatterns(features, options.randomPairs ?? 200_000, options.seed ?? 1)) {
        see(pattern);
        const levels = unpackPattern(pattern);
        CONTRADICTABLE.forEach((f, k) => levels[f] === 0 && randomDiffer[k]!++);
        randomCount++;
        yield pattern;
      }
    })(),
  );
  const sums = FIELDS.map((f) => f.levels.map(() => 0));
  const weights = FIELDS.map(() => 0);
  for (const [r, rule] of rules.entries()) {
    const fixed = new Set(rule.fixes.map((name) => FIELDS.findIndex((f) => f.name === name)));
    // Pairs found only by where people live or the phone they give are, in this domain, as often
    // housemates as one person reported twice: EM on them learns "same household" as the match
    // class. They teach what they can (how places and phones agree), never names or birth dates.
    const locationOnly = rule.housemates === true;
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
      if (fixed.has(f) || !observed(counts, f) || (locationOnly && !LOCATION_FIELDS.has(FIELDS[f]!.name))) continue;
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
  // Random pairs include a few of one person's records (λ of them), and those agree on everything:
  // what chance agreement is left once they are taken out (as the matches' share is known).
  let lambda = randomMatchProbability({ lambda: 0, m, u: uSeen }, candidates, features.length);
  let u2 = uSeen;
  for (let round = 0; round < 2; round++) {
    u2 = uSeen.map((row, f) => normalised(row.map((uf, l) => Math.max(uf / 20, (uf - lambda * m[f]![l]!) / (1 - lambda)))));
    lambda = randomMatchProbability({ lambda: 0, m, u: u2 }, candidates, features.length);
  }
  const shared = sharedLocation(candidates, m, u2);
  const contradiction = contradictions(features, candidates, randomDiffer, randomCount);
  return { lambda, m, u: u2, contradiction, ...(shared ? { shared } : {}) };
}

/** Fields whose comparison records only disagreement (agreement is no evidence: names imply them). */
const CONTRADICTABLE = (['gender', 'nationality'] as const).map((name) => FIELDS.findIndex((f) => f.name === name));
const [NAME_FIELD, DOB_FIELD] = ['name', 'dob'].map((name) => FIELDS.findIndex((f) => f.name === name)) as [number, number];

/**
 * What a recorded gender or nationality that differs says, log2(m/u): m from candidate pairs with
 * the same full name and date of birth (nearly all one person, so a difference there is a
 * recording error), u from random pairs; each over the pairs where both records have the field.
 */
function contradictions(
  features: readonly PersonFeatures[],
  candidates: PatternCounts,
  randomDiffer: readonly number[],
  randomCount: number,
): { gender: number; nationality: number } {
  const presence = [features.filter((f) => f.gender).length, features.filter((f) => f.nationality).length].map((n) => (n / Math.max(1, features.length)) ** 2);
  let same = 0;
  const differ = CONTRADICTABLE.map(() => 0);
  for (const [pattern, count] of candidates) {
    const levels = unpackPattern(pattern);
    if (levels[NAME_FIELD] !== 0 || levels[DOB_FIELD] !== 0) continue;
    same += count;
    CONTRADICTABLE.forEach((f, k) => levels[f] === 0 && (differ[k]! += count));
  }
  const weight = (k: number) => {
    const both = presence[k]!;
    if (both === 0 || randomCount === 0) return 0;
    const m = Math.min(0.5, Math.max(0.005, differ[k]! / Math.max(1, same * both)));
    const u = Math.min(1, Math.max(0.01, randomDiffer[k]! / (randomCount * both)));
    return Math.min(0, Math.log2(m / u));
  };
  return { gender: weight(0), nationality: weight(1) };
}

/** Fewer candidate pairs sharing a home or phone than this say too little about households. */
const MIN_SHARED_PAIRS = 50;
/** How many pairs' worth the strangers' u counts for, so a level housemates never showed is not impossible. */
const SHARED_PRIOR_PAIRS = 20;
const IDENTITY = ['name', 'dob'].map((name) => FIELDS.findIndex((f) => f.name === name));

/**
 * Among candidate pairs sharing a home or a phone, the share that are one person (λ) and how names
 * and dates of birth compare between the different people among them (u), by
 * expectation–maximisation with m held at what one person's records show (learnt from pairs
 * blocked on names and birth dates, so never from housemates). Where households are rare, nearly
 * every such pair is one person and λ comes out near 1.
 */
function sharedLocation(candidates: PatternCounts, m: readonly (readonly number[])[], u: readonly (readonly number[])[]): SharedLocation | undefined {
  const patterns = [...candidates.entries()].map(([pattern, count]) => ({ levels: unpackPattern(pattern), count })).filter((p) => sharesLocation(p.levels));
  const total = patterns.reduce((n, p) => n + p.count, 0);
  if (total < MIN_SHARED_PAIRS) return undefined;
  let lambda = 0.5;
  let uShared = u.map((row) => [...row]);
  for (let iteration = 0; iteration < 100; iteration++) {
    const counts = FIELDS.map((f, i) => f.levels.map((_, l) => SHARED_PRIOR_PAIRS * u[i]![l]!));
    let matches = 0;
    for (const { levels, count } of patterns) {
      let weight = Math.log2(lambda / (1 - lambda));
      for (const f of IDENTITY) if (levels[f] !== MISSING) weight += Math.log2(m[f]![levels[f]!]! / uShared[f]![levels[f]!]!);
      const p = probability(weight);
      matches += p * count;
      for (const f of IDENTITY) if (levels[f] !== MISSING) counts[f]![levels[f]!]! += (1 - p) * count;
    }
    const next = Math.min(1 - 1e-6, Math.max(1e-6, matches / total));
    uShared = uShared.map((row, f) => (IDENTITY.includes(f) ? normalised(counts[f]!) : row));
    const change = Math.abs(next - lambda);
    lambda = next;
    if (change < 1e-7) break;
  }
  // Twins share a home, a family name and a birthday: however few the data showed, a birthday
  // shared at home is never taken as near-proof of one person.
  const dob = uShared[DOB_FIELD]!;
  dob[0] = Math.max(dob[0]!, TWINS);
  uShared[DOB_FIELD] = normalised(dob);
  return { lambda, u: uShared };
}

/** How often two people of one household share a date of birth, at least (twins are about 3 in 100 births in the UK). */
const TWINS = 0.005;

function normalised(row: readonly number[]): number[] {
  const sum = row.reduce((a, b) => a + b, 0);
  return row.map((v) => Math.max(1e-6, v / sum));
}

function observed(counts: PatternCounts, field: number): boolean {
  for (const pattern of counts.keys()) if (unpackPattern(pattern)[field] !== MISSING) return true;
  return false;
}

/** λ such that λ × all pairs equals the expected number of matches among the candidates under λ. */
function randomMatchProbability(model: MatchModel, candidates: PatternCounts, records: number): number {
  const allPairs = Math.max(1, (records * (records - 1)) / 2);
  // Without a shared-location part, what the fields add does not depend on λ: summed once.
  const evidence = (levels: readonly number[]) => fieldWeights({ ...model, shared: undefined }, levels).reduce((a, b) => a + b, 0);
  const patterns = [...candidates.entries()].map(([pattern, count]) => ({ evidence: evidence(unpackPattern(pattern)), count }));
  let candidateCount = 0;
  for (const p of patterns) candidateCount += p.count;
  let lambda = Math.max(1e-12, (0.5 * candidateCount) / allPairs);
  for (let iteration = 0; iteration < 100; iteration++) {
    let expected = 0;
    const prior = Math.log2(lambda / (1 - lambda));
    for (const { evidence, count } of patterns) expected += count * probability(prior + evidence);
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
