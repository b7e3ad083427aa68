import { forEachCandidatePair, nameKey, PERSON_BLOCKING_RULES, type BlockingStats } from './blocking';
import { GWENT } from '../area/gwent';
import { generateSeed } from '../seed/generator';
import { constrainedClusters } from './cluster';
import { comparePersons, FIELDS, unpackPattern } from './comparison';
import { personFeatures, type PersonFeatures, type PersonRecord } from './features';
import { patternScorer, probability, type MatchModel } from './model';
import { trainModel } from './training';

/**
 * Below this match probability, and with a fact that contradicts (another date of birth, gender or
 * nationality), two records are taken as different people and never clustered together. Names
 * alone do not count: aliases and spellings vary too much.
 */
const CANNOT_LINK = 0.001;
const CONTRADICTING = ['dob', 'gender', 'nationality'].map((name) => FIELDS.findIndex((f) => f.name === name));

function contradicts(pattern: number): boolean {
  const levels = unpackPattern(pattern);
  return CONTRADICTING.some((f) => levels[f] === FIELDS[f]!.levels.length - 1);
}

/** Fewer records than this are too few to estimate a model or name frequencies from. */
export const MIN_RECORDS_TO_TRAIN = 1000;

let synthetic: MatchModel | undefined;

/**
 * A model learnt, without labels, from synthetic records like Harbour's demo data (people of the
 * nationalities in UK NRM figures, with the spellings, nicknames and errors of real records).
 * Its prior is set for a few records to resolve, not for the synthetic population.
 */
export function syntheticModel(): MatchModel {
  if (!synthetic) {
    const seed = generateSeed({ reports: 4000, seed: 'harbour-synthetic-model', area: GWENT, until: new Date(Date.UTC(2026, 0, 1)) });
    const records = [...seed.batches(4000)].flatMap((b) => b.persons);
    synthetic = resolvePersons(records).model;
  }
  return synthetic;
}

export interface ResolveOptions {
  /** Pairs at or above this match probability are taken as the same person. Splink's usual 0.5. */
  readonly threshold?: number;
  /** Candidate pairs at or above this probability are returned (e.g. for a review queue). */
  readonly keepAbove?: number;
  /** Blocking keys shared by more records than this are skipped as too common. */
  readonly maxBlock?: number;
  /** How many random pairs estimate chance agreement (u). */
  readonly randomPairs?: number;
  /** A model from an earlier run or from analysts' decisions; estimated from the data when absent. */
  readonly model?: MatchModel;
  readonly seed?: number;
}

export interface ResolvedPairs {
  readonly count: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly patterns: Float64Array;
  readonly weights: Float64Array;
}

export interface ResolveResult {
  readonly features: readonly PersonFeatures[];
  /** For each input record, its cluster: the index of the cluster's first record. */
  readonly clusters: Int32Array;
  readonly model: MatchModel;
  /** Candidate pairs scoring at or above `keepAbove`, with their patterns (for evidence) and weights. */
  readonly pairs: ResolvedPairs;
  readonly stats: {
    readonly records: number;
    readonly candidatePairs: number;
    readonly distinctPatterns: number;
    /** Merges refused because they would have joined records judged different people. */
    readonly refusedMerges: number;
    readonly blocking: readonly BlockingStats[];
  };
}

/** Growable columns of pairs: typed arrays, so tens of millions of pairs stay compact. */
class PairColumns {
  count = 0;
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  patterns = new Float64Array(1024);
  weights = new Float64Array(1024);

  push(i: number, j: number, pattern: number, weight = 0): void {
    if (this.count === this.left.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T) => {
        const next = make(a.length * 2);
        next.set(a);
        return next;
      };
      this.left = grow(this.left, (n) => new Int32Array(n));
      this.right = grow(this.right, (n) => new Int32Array(n));
      this.patterns = grow(this.patterns, (n) => new Float64Array(n));
      this.weights = grow(this.weights, (n) => new Float64Array(n));
    }
    this.left[this.count] = i;
    this.right[this.count] = j;
    this.patterns[this.count] = pattern;
    this.weights[this.count] = weight;
    this.count++;
  }
}

/**
 * Resolves person records into people: normalise, block, compare, estimate a Fellegi–Sunter model
 * by expectation–maximisation (no labels needed), score, and cluster the pairs above the threshold.
 */
export function resolvePersons(records: readonly PersonRecord[], options: ResolveOptions = {}): ResolveResult {
  const features = records.map(personFeatures);
  return resolveFeatures(features, options);
}

export function resolveFeatures(features: readonly PersonFeatures[], options: ResolveOptions = {}): ResolveResult {
  const threshold = options.threshold ?? 0.5;
  const keepAbove = options.keepAbove ?? threshold;
  const blocking: BlockingStats[] = [];
  const all = new PairColumns();
  const counts = new Map<number, number>();
  forEachCandidatePair(
    features,
    (i, j) => {
      const pattern = comparePersons(features[i]!, features[j]!);
      all.push(i, j, pattern);
      counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
    },
    PERSON_BLOCKING_RULES,
    options.maxBlock ?? 40,
    blocking,
  );

  // Too few records to learn from (or to count how common a name is): a model learnt from
  // synthetic records stands in, and names are not weighted by their frequency.
  const small = features.length < MIN_RECORDS_TO_TRAIN;
  const model =
    options.model ??
    (small
      ? syntheticModel()
      : trainModel(features, PERSON_BLOCKING_RULES, counts, { randomPairs: options.randomPairs, maxBlock: options.maxBlock, seed: options.seed }));
  const score = patternScorer(model);
  const pass = (names: { adjustment: (i: number, pattern: number) => number }, keep: boolean) => {
    const kept = new PairColumns();
    const matches = new PairColumns();
    const different = new PairColumns();
    for (let p = 0; p < all.count; p++) {
      const weight = score(all.patterns[p]!) + names.adjustment(all.left[p]!, all.patterns[p]!);
      const chance = probability(weight);
      if (chance >= threshold) matches.push(all.left[p]!, all.right[p]!, all.patterns[p]!, weight);
      else if (chance < CANNOT_LINK && contradicts(all.patterns[p]!)) different.push(all.left[p]!, all.right[p]!, 0);
      if (keep && chance >= keepAbove) kept.push(all.left[p]!, all.right[p]!, all.patterns[p]!, weight);
    }
    const clusters = constrainedClusters(
      features.length,
      { left: matches.left, right: matches.right, weight: matches.weights, count: matches.count },
      different,
    );
    return { kept, clustered: clusters };
  };
  // How common a name is should count people, not records: a victim reported thirty times does not
  // make their name common. So names are counted over a first clustering, and resolved once more.
  const people = small ? undefined : pass(nameFrequencies(features, model), false).clustered.labels;
  const { kept, clustered } = pass(small ? { adjustment: () => 0 } : nameFrequencies(features, model, people), true);
  return {
    features,
    clusters: clustered.labels,
    model,
    pairs: {
      count: kept.count,
      left: kept.left.subarray(0, kept.count),
      right: kept.right.subarray(0, kept.count),
      patterns: kept.patterns.subarray(0, kept.count),
      weights: kept.weights.subarray(0, kept.count),
    },
    stats: { records: features.length, candidatePairs: all.count, distinctPatterns: counts.size, refusedMerges: clustered.refused, blocking },
  };
}

/**
 * A model learnt from these records alone (no clustering): what a store trains on its own people.
 * Too few records to learn from, and the synthetic model stands in.
 */
export function learnModel(features: readonly PersonFeatures[], options: Pick<ResolveOptions, 'maxBlock' | 'randomPairs' | 'seed'> = {}): MatchModel {
  if (features.length < MIN_RECORDS_TO_TRAIN) return syntheticModel();
  const counts = new Map<number, number>();
  forEachCandidatePair(
    features,
    (i, j) => {
      const pattern = comparePersons(features[i]!, features[j]!);
      counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
    },
    PERSON_BLOCKING_RULES,
    options.maxBlock ?? 40,
  );
  return trainModel(features, PERSON_BLOCKING_RULES, counts, { randomPairs: options.randomPairs, maxBlock: options.maxBlock, seed: options.seed });
}

/**
 * Term-frequency adjustment of name and town agreement (as Splink does): two records agreeing on
 * "William Jones" is weaker evidence than agreeing on "Senait Tesfamariam". A pattern's weight
 * assumes a value of average frequency; this adds log2(u of the level / frequency of the value).
 */
const TOWN = FIELDS.findIndex((f) => f.name === 'town');
const TOWN_PLACE = 16 ** TOWN;

export function nameFrequencies(features: readonly PersonFeatures[], model: MatchModel, people?: ArrayLike<number>) {
  const full = new Map<string, number>();
  const given = new Map<string, number>();
  const family = new Map<string, number>();
  const towns = new Map<string, number>();
  let fullTotal = 0;
  let givenTotal = 0;
  let familyTotal = 0;
  let townTotal = 0;
  // With a clustering, each person counts once per name they were recorded under; a lone record
  // with nothing but a name is not yet anyone, so it does not count as a person of that name.
  const counted = new Set<string>();
  const sizes = new Map<number, number>();
  if (people) for (let i = 0; i < features.length; i++) sizes.set(people[i]!, (sizes.get(people[i]!) ?? 0) + 1);
  const onlyName = (f: PersonFeatures) => !f.dob && !f.phone && !f.address && !f.postcode && !f.idNumber;
  let index = 0;
  const add = (table: Map<string, number>, key: string): number => {
    if (people) {
      if (sizes.get(people[index]!) === 1 && onlyName(features[index]!)) return 0;
      const once = `${table === full ? 'f' : table === given ? 'g' : table === family ? 's' : 't'}${people[index]}|${key}`;
      if (counted.has(once)) return 0;
      counted.add(once);
    }
    table.set(key, (table.get(key) ?? 0) + 1);
    return 1;
  };
  for (; index < features.length; index++) {
    const f = features[index]!;
    if (f.given) givenTotal += add(given, f.given.text);
    if (f.family) familyTotal += add(family, f.family.text);
    if (f.given && f.family) fullTotal += add(full, nameKey(f));
    if (f.town) townTotal += add(towns, f.town);
  }
  const adjust = (level: number, table: Map<string, number>, total: number, key: string | undefined, field = 0) => {
    if (!key) return 0;
    const frequency = (table.get(key) ?? 1) / Math.max(1, total);
    return Math.log2(model.u[field]![level]! / Math.max(frequency, 1e-9));
  };
  // A shared town says more when the town is small: Newport is not Blaina.
  const townAdjustment = (i: number, pattern: number) =>
    Math.floor(pattern / TOWN_PLACE) % 16 === 1 ? adjust(0, towns, townTotal, features[i]!.town, TOWN) : 0;
  return {
    /** The adjustment for a pair whose first record is `i`. */
    adjustment(i: number, pattern: number): number {
      const level = (pattern % 16) - 1;
      const f = features[i]!;
      const town = townAdjustment(i, pattern);
      if (level === 0) return town + (f.given && f.family ? adjust(0, full, fullTotal, nameKey(f)) : 0);
      if (level === 5 || level === 7) return town + adjust(level, family, familyTotal, f.family?.text);
      if (level === 6 || level === 8) return town + adjust(level, given, givenTotal, f.given?.text);
      return town;
    },
  };
}
