import { forEachCandidatePair, hasOnlyName, nameKey, ruleBlocks, sounds, PERSON_BLOCKING_RULES, type BlockingStats } from './blocking';
import { GWENT } from '../area/gwent';
import { generateSeed } from '../seed/generator';
import { seedPersonRecords } from '../seed/records';
import { Clusters, constrainedClusters } from './cluster';
import { comparePersons, FIELDS, unpackPattern } from './comparison';
import { FeatureCache, personFeatures, type PersonFeatures, type PersonRecord } from './features';
import { Arena, NO_ARENA } from './arena';
import { CoMentions, coMentionWeights, coMentionWeightsOf, groupsOf, type CoMentionWeights } from './co-mention';
import { NumberIndex } from './number-index';
import { patternScorer, type MatchModel } from './model';
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
    const records = [...seed.batches(4000)].flatMap((b) => seedPersonRecords(b).map((p) => p.record));
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

/**
 * Candidate pairs as growable typed columns (record, record, pattern id): tens of millions of pairs
 * stay compact. Started near the expected size and grown by half, since every large buffer
 * allocated costs a full garbage collection of a heap holding a million records.
 */
class CandidatePairs {
  count = 0;
  left: Int32Array;
  right: Int32Array;
  ids: Int32Array;

  constructor(expected: number, arena: Arena) {
    const capacity = Math.max(1024, expected);
    this.left = arena.int32(capacity);
    this.right = arena.int32(capacity);
    this.ids = arena.int32(capacity);
  }

  push(i: number, j: number, id: number): void {
    if (this.count === this.left.length) {
      const capacity = Math.ceil(this.left.length * 1.5);
      const grow = (a: Int32Array) => {
        const next = new Int32Array(capacity);
        next.set(a);
        return next;
      };
      this.left = grow(this.left);
      this.right = grow(this.right);
      this.ids = grow(this.ids);
    }
    this.left[this.count] = i;
    this.right[this.count] = j;
    this.ids[this.count] = id;
    this.count++;
  }
}

/** Pairs with their patterns and weights, in columns sized exactly (counted first). */
class PairColumns {
  count = 0;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly patterns: Float64Array;
  readonly weights: Float64Array;

  constructor(capacity: number, arena: Arena = NO_ARENA) {
    this.left = arena.int32(capacity);
    this.right = arena.int32(capacity);
    this.patterns = arena.float64(capacity);
    this.weights = arena.float64(capacity);
  }

  push(i: number, j: number, pattern: number, weight = 0): void {
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
  const cache = new FeatureCache();
  const features = records.map((record) => personFeatures(record, cache));
  return resolveFeatures(features, options);
}

export function resolveFeatures(features: readonly PersonFeatures[], options: ResolveOptions = {}): ResolveResult {
  const threshold = options.threshold ?? 0.5;
  const keepAbove = options.keepAbove ?? threshold;
  const blocking: BlockingStats[] = [];
  // One buffer for the large arrays of the whole run (see Arena): about 650 bytes a record, of
  // which a dozen candidate pairs a record (seeded and FEBRL data alike) and every rule's blocks.
  // What is returned is copied out of it, so it goes when the run ends.
  const arena = new Arena(features.length * (PERSON_BLOCKING_RULES.length * 12 + 48 + 12 * 12 + 200));
  // Pairs keep the index of their pattern: a few thousand distinct patterns are scored once each.
  const all = new CandidatePairs(features.length * 12, arena);
  const patternIds = new NumberIndex();
  const patternList: number[] = [];
  const patternCounts: number[] = [];
  // Each rule's keys and blocks, once: the pairs and the training's samples both come from them.
  const prepared = ruleBlocks(features, PERSON_BLOCKING_RULES, arena);
  forEachCandidatePair(
    features,
    (i, j) => {
      const pattern = comparePersons(features[i]!, features[j]!);
      const id = patternIds.idOf(pattern);
      if (id === patternList.length) {
        patternList.push(pattern);
        patternCounts.push(0);
      }
      patternCounts[id]!++;
      all.push(i, j, id);
    },
    PERSON_BLOCKING_RULES,
    options.maxBlock ?? 40,
    blocking,
    prepared,
  );
  const counts = new Map<number, number>(patternList.map((pattern, id) => [pattern, patternCounts[id]!]));

  // Too few records to learn from (or to count how common a name is): a model learnt from
  // synthetic records stands in, and names are not weighted by their frequency.
  const small = features.length < MIN_RECORDS_TO_TRAIN;
  const model =
    options.model ??
    (small
      ? syntheticModel()
      : trainModel(features, PERSON_BLOCKING_RULES, counts, {
          randomPairs: options.randomPairs,
          maxBlock: options.maxBlock,
          seed: options.seed,
          blocks: prepared,
        }));
  const score = patternScorer(model);
  // What the pass over every pair needs of each pattern, looked up by the pattern's id.
  const patternWeights = Float64Array.from(patternList, score);
  const patternContradicts = Uint8Array.from(patternList, (pattern) => (contradicts(pattern) ? 1 : 0));
  const patternNameLevel = Int8Array.from(patternList, (pattern) => (pattern % 16) - 1);
  const patternTownExact = Uint8Array.from(patternList, (pattern) => (Math.floor(pattern / TOWN_PLACE) % 16 === 1 ? 1 : 0));
  // Probabilities compared as weights: p ≥ t exactly when weight ≥ log2(t / (1 - t)).
  const weightOf = (chance: number) => Math.log2(chance / (1 - chance));
  const [matchWeight, keepWeight, differentWeight] = [weightOf(threshold), weightOf(keepAbove), weightOf(CANNOT_LINK)];
  const pass = (names: NameFrequencies | undefined) => {
    const { left, right, ids, count } = all;
    // Each pair's outcome (1 match, 2 different people, 4 kept), counted before any column is made.
    const outcome = arena.uint8(count);
    let [matchCount, differentCount, keptCount] = [0, 0, 0];
    const weightAt = (p: number) => {
      const id = ids[p]!;
      return patternWeights[id]! + (names ? names.adjust(left[p]!, patternNameLevel[id]!, patternTownExact[id]!) : 0);
    };
    for (let p = 0; p < count; p++) {
      const weight = weightAt(p);
      let result = 0;
      if (weight >= matchWeight) {
        result = 1;
        matchCount++;
      } else if (weight < differentWeight && patternContradicts[ids[p]!]) {
        result = 2;
        differentCount++;
      }
      if (weight >= keepWeight) {
        result |= 4;
        keptCount++;
      }
      outcome[p] = result;
    }
    // Kept pairs are the matches when both thresholds are the same (the usual case): one set of
    // columns, with room for the lone records attached after clustering.
    const same = keepWeight === matchWeight;
    const room = spare(values);
    const matches = new PairColumns(matchCount + (same ? room : 0), arena);
    const different = { left: arena.int32(differentCount), right: arena.int32(differentCount), count: 0 };
    const kept = same ? matches : new PairColumns(keptCount + room, arena);
    for (let p = 0; p < count; p++) {
      const result = outcome[p]!;
      if (result === 0) continue;
      const weight = result & 5 ? weightAt(p) : 0;
      if (result & 1) matches.push(left[p]!, right[p]!, patternList[ids[p]!]!, weight);
      if (result & 2) {
        different.left[different.count] = left[p]!;
        different.right[different.count++] = right[p]!;
      }
      if (result & 4 && !same) kept.push(left[p]!, right[p]!, patternList[ids[p]!]!, weight);
    }
    const clusters = constrainedClusters(
      features.length,
      { left: matches.left, right: matches.right, weight: matches.weights, count: matches.count },
      different,
      arena,
    );
    return { kept, clustered: clusters };
  };
  // Every lone record could be attached once: that many more pairs at most.
  const spare = (v: NameValues) => v.onlyName.reduce((n, only) => n + only, 0);
  // A first, rough clustering (every match joined, no cannot-links): enough to count names by
  // person, and it allocates nothing beyond the union–find.
  const roughPeople = (names: NameFrequencies) => {
    const clusters = new Clusters(features.length, arena);
    const { left, right, ids, count } = all;
    for (let p = 0; p < count; p++) {
      const id = ids[p]!;
      if (patternWeights[id]! + names.adjust(left[p]!, patternNameLevel[id]!, patternTownExact[id]!) >= matchWeight) clusters.union(left[p]!, right[p]!);
    }
    return clusters.labels();
  };
  // How common a name is should count people, not records: a victim reported thirty times does not
  // make their name common. So names are counted over a first clustering, and resolved once more.
  const values = nameValues(features);
  const people = small ? undefined : roughPeople(nameFrequencies(features, model, undefined, values));
  const names = small ? undefined : nameFrequencies(features, model, people, values);
  const weigh = (i: number, j: number) => {
    const pattern = comparePersons(features[i]!, features[j]!);
    return { pattern, weight: score(pattern) + (names ? names.adjustment(i, pattern) : 0) };
  };
  const { kept, clustered } = pass(names);
  const coMentions = new CoMentions(features.map((f) => f.context));
  const attached = attachNameOnly(values, clustered.labels, weigh, threshold, coMentions, model.coMention);
  for (const { i, j, pattern, weight } of attached.pairs) if (weight >= keepWeight) kept.push(i, j, pattern, weight);
  return {
    features,
    clusters: attached.labels.slice(),
    // What co-mentions were found to mean goes with the model, for records resolved one by one.
    model: attached.coMention ? { ...model, coMention: { m: attached.coMention.m, u: attached.coMention.u } } : model,
    pairs: {
      count: kept.count,
      left: kept.left.slice(0, kept.count),
      right: kept.right.slice(0, kept.count),
      patterns: kept.patterns.slice(0, kept.count),
      weights: kept.weights.slice(0, kept.count),
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
  const prepared = ruleBlocks(features, PERSON_BLOCKING_RULES);
  forEachCandidatePair(
    features,
    (i, j) => {
      const pattern = comparePersons(features[i]!, features[j]!);
      counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
    },
    PERSON_BLOCKING_RULES,
    options.maxBlock ?? 40,
    [],
    prepared,
  );
  return trainModel(features, PERSON_BLOCKING_RULES, counts, {
    randomPairs: options.randomPairs,
    maxBlock: options.maxBlock,
    seed: options.seed,
    blocks: prepared,
  });
}

/**
 * Term-frequency adjustment of name and town agreement (as Splink does): two records agreeing on
 * "William Jones" is weaker evidence than agreeing on "Senait Tesfamariam". A pattern's weight
 * assumes a value of average frequency; this adds log2(u of the level / frequency of the value).
 */
const TOWN = FIELDS.findIndex((f) => f.name === 'town');
const TOWN_PLACE = 16 ** TOWN;

export interface NameFrequencies {
  /** The adjustment for a pair whose first record is `i`. */
  adjustment(i: number, pattern: number): number;
  /** The same, from the pattern's name level and whether it has the town exact. */
  adjust(i: number, nameLevel: number, townExact: number): number;
}

/** The four values whose frequency matters, for every record, as small ids (-1 for none). */
export interface NameValues {
  readonly full: Int32Array;
  readonly given: Int32Array;
  readonly family: Int32Array;
  readonly town: Int32Array;
  /** The full name's sound (both names' phonetic codes), for finding a person under another spelling. */
  readonly sound: Int32Array;
  /** Records with nothing but a name: alone, they are not yet anyone. */
  readonly onlyName: Uint8Array;
}

export function nameValues(features: readonly PersonFeatures[]): NameValues {
  const intern = () => {
    const ids = new Map<string, number>();
    const column = new Int32Array(features.length).fill(-1);
    return {
      column,
      set(i: number, value: string | undefined) {
        if (!value) return;
        let id = ids.get(value);
        if (id === undefined) ids.set(value, (id = ids.size));
        column[i] = id;
      },
    };
  };
  const full = intern();
  const given = intern();
  const family = intern();
  const town = intern();
  const sound = intern();
  const onlyName = new Uint8Array(features.length);
  features.forEach((f, i) => {
    given.set(i, f.given?.text);
    family.set(i, f.family?.text);
    if (f.given && f.family) full.set(i, nameKey(f));
    town.set(i, f.town);
    sound.set(i, sounds(f));
    onlyName[i] = hasOnlyName(f) ? 1 : 0;
  });
  return { full: full.column, given: given.column, family: family.column, town: town.column, sound: sound.column, onlyName };
}

/**
 * How rare each record's value is, -log2 of its share of all values counted (NaN for none). With a
 * clustering, each person counts once per value they were recorded under, and a lone record with
 * nothing but a name does not count.
 */
function rarities(values: Int32Array, order: ArrayLike<number>, people: ArrayLike<number> | undefined, skip: (i: number) => boolean): Float64Array {
  let distinct = 0;
  for (let i = 0; i < values.length; i++) distinct = Math.max(distinct, values[i]! + 1);
  const counts = new Float64Array(distinct);
  const lastPerson = new Int32Array(distinct).fill(-1);
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const value = values[i]!;
    if (value < 0 || skip(i)) continue;
    if (people) {
      // Records of one person come together in `order`, so "counted for this person" is one check.
      if (lastPerson[value] === people[i]) continue;
      lastPerson[value] = people[i]!;
    }
    counts[value]!++;
    total++;
  }
  const rarity = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    rarity[i] = value < 0 ? NaN : -Math.log2(Math.max((counts[value]! || 1) / Math.max(1, total), 1e-9));
  }
  return rarity;
}

export function nameFrequencies(
  features: readonly PersonFeatures[],
  model: MatchModel,
  people?: ArrayLike<number>,
  values: NameValues = nameValues(features),
): NameFrequencies {
  const sizes = new Int32Array(features.length);
  if (people) for (let i = 0; i < features.length; i++) sizes[people[i]!]!++;
  const order = people ? groupsOf(people).order : Int32Array.from(features.keys());
  const skip = (i: number) => people !== undefined && sizes[people[i]!] === 1 && values.onlyName[i] === 1;
  const fullRarity = rarities(values.full, order, people, skip);
  const givenRarity = rarities(values.given, order, people, skip);
  const familyRarity = rarities(values.family, order, people, skip);
  const townRarity = rarities(values.town, order, people, skip);
  // log2(u) of each name level (0 for levels that are not adjusted) and of the town agreeing.
  const nameLogU = Float64Array.from(model.u[0]!, (u) => Math.log2(u));
  const townLogU = Math.log2(model.u[TOWN]![0]!);
  const or0 = (x: number) => (x === x ? x : 0); // NaN (no value) adds nothing
  const adjust = (i: number, level: number, townExact: number): number => {
    // A shared town says more when the town is small: Newport is not Blaina.
    const town = townExact === 1 ? or0(townLogU + townRarity[i]!) : 0;
    if (level === 0) return town + or0(nameLogU[0]! + fullRarity[i]!);
    if (level === 5 || level === 7) return town + or0(nameLogU[level]! + familyRarity[i]!);
    if (level === 6 || level === 8) return town + or0(nameLogU[level]! + givenRarity[i]!);
    return town;
  };
  return {
    adjust,
    adjustment: (i, pattern) => adjust(i, (pattern % 16) - 1, Math.floor(pattern / TOWN_PLACE) % 16 === 1 ? 1 : 0),
  };
}

/** Rich people of one name beyond this are too many to tell apart by name alone: no attaching. */
const MOST_PEOPLE_OF_A_NAME = 20;
/** Records of each person compared with a lone record of their name. */
const RECORDS_PER_PERSON = 3;

/**
 * Records with nothing but a name (perhaps a town, gender, nationality) share no blocking key with
 * the records that identify their person, so blocking never pairs them. A cluster made only of such
 * records is compared with the few people recorded under the same full name or one that sounds the
 * same (either order), and
 * joins the best of them when that pair clears the threshold and no other person of the name does.
 * How rare the name is decides it, through the name frequency adjustment: "Senait Tesfamariam"
 * joins, "William Jones" of whom there are many does not.
 */
export function attachNameOnly(
  values: NameValues,
  labels: Int32Array,
  weigh: (i: number, j: number) => { pattern: number; weight: number },
  threshold: number,
  coMentions?: CoMentions,
  knownCoMention?: { readonly m: number; readonly u: number },
): { labels: Int32Array; pairs: { i: number; j: number; pattern: number; weight: number }[]; coMention: CoMentionWeights | null } {
  const n = labels.length;
  const rich = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (!values.onlyName[i]) rich[labels[i]!] = 1;
  // Records of rich clusters by full name, and by its sound: the first few of each person.
  // Only values a lone record has are wanted; a value borne by too many people is dropped whole.
  const wanted = (column: Int32Array) => {
    const set = new Set<number>();
    for (let i = 0; i < n; i++) if (!rich[labels[i]!] && column[i]! >= 0) set.add(column[i]!);
    return set;
  };
  const index = (column: Int32Array) => {
    const lookFor = wanted(column);
    const byValue = new Map<number, number[]>();
    const people = new Map<number, number>();
    const seen = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const value = column[i]!;
      if (value < 0 || !rich[labels[i]!] || !lookFor.has(value)) continue;
      const perPerson = value * n + labels[i]!;
      const count = seen.get(perPerson) ?? 0;
      if (count === 0) people.set(value, (people.get(value) ?? 0) + 1);
      if (count >= RECORDS_PER_PERSON) continue;
      seen.set(perPerson, count + 1);
      const list = byValue.get(value);
      if (list) list.push(i);
      else byValue.set(value, [i]);
    }
    for (const [value, count] of people) if (count > MOST_PEOPLE_OF_A_NAME) byValue.delete(value);
    return byValue;
  };
  const byName = index(values.full);
  const bySound = index(values.sound);
  const sizes = new Int32Array(n);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  // Each all-name cluster's candidate people, each with their best pair.
  const choices = new Map<number, Map<number, { weight: number; i: number; j: number; pattern: number }>>();
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    if (rich[own]) continue;
    const byFull = byName.get(values.full[i]!);
    const bySounds = bySound.get(values.sound[i]!);
    if (!byFull && !bySounds) continue;
    const people = choices.get(own) ?? new Map<number, { weight: number; i: number; j: number; pattern: number }>();
    for (const j of [...(byFull ?? []), ...(bySounds ?? [])]) {
      const scored = weigh(i, j);
      const current = people.get(labels[j]!);
      if (!current || scored.weight > current.weight) people.set(labels[j]!, { weight: scored.weight, i, j, pattern: scored.pattern });
    }
    choices.set(own, people);
  }
  const coMention = coMentions?.any ? weighCoMentions(coMentions, choices, labels, rich, values, knownCoMention) : null;
  const clusters = new Clusters(n);
  for (let i = 0; i < n; i++) clusters.union(i, labels[i]!);
  const pairs: { i: number; j: number; pattern: number; weight: number }[] = [];
  for (const [own, people] of choices) {
    const options = [...people.entries()];
    const choice = chooseNamesake(options.map(([label, pair]) => ({ weight: pair.weight, records: sizes[label]! })));
    if (!choice || choice.probability < threshold) continue;
    const [label, best] = options[choice.index]!;
    clusters.union(own, label);
    pairs.push({ i: Math.min(best.i, best.j), j: Math.max(best.i, best.j), pattern: best.pattern, weight: best.weight });
  }
  return { labels: pairs.length > 0 ? clusters.labels() : labels, pairs, coMention };
}

/**
 * Adds to each namesake's best pair the evidence of what the lone records were reported alongside:
 * sharing a phone, vehicle, business or account with the person's reports, or sharing none.
 */
function weighCoMentions(
  co: CoMentions,
  choices: Map<number, Map<number, { weight: number }>>,
  labels: Int32Array,
  rich: Uint8Array,
  values: NameValues,
  known: { readonly m: number; readonly u: number } | undefined,
): CoMentionWeights | null {
  const n = labels.length;
  const sizes = new Int32Array(n);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  const shared = co.byPerson(labels);
  // Estimated from this data when it has enough; otherwise as the model learnt it.
  const weights =
    coMentionWeights(co, shared, labels, sizes, (label) => rich[label] === 1, values.full, MOST_PEOPLE_OF_A_NAME) ?? (known ? coMentionWeightsOf(known) : null);
  if (!weights) return null;
  // Each lone cluster's co-mentions.
  const lone = new Map<number, Set<number>>();
  for (let i = 0; i < n; i++) {
    if (!choices.has(labels[i]!) || !co.has(i)) continue;
    const set = lone.get(labels[i]!) ?? new Set<number>();
    co.addTo(i, set);
    lone.set(labels[i]!, set);
  }
  for (const [label, people] of choices) {
    const own = lone.get(label);
    if (!own) continue;
    for (const [person, best] of people) best.weight += shared.setSharesWith(own, person) ? weights.agree : weights.disagree;
  }
  return weights;
}

/**
 * The chance that a record with nothing but a name is each of several people of that name. The
 * record is one of them or someone new; each person's odds are their best pair's (2^weight)
 * times how many records they have, since someone reported a hundred times is more likely the
 * subject of another report than someone reported once.
 */
export function namesakeProbabilities(people: readonly { weight: number; records: number }[]): number[] {
  const odds = people.map(({ weight, records }) => 2 ** weight * Math.max(1, records));
  const total = 1 + odds.reduce((n, o) => n + o, 0);
  return odds.map((o) => o / total);
}

/** The likeliest of several people of the same name for a record with nothing but a name, with its probability. */
export function chooseNamesake(people: readonly { weight: number; records: number }[]): { index: number; probability: number } | undefined {
  const chances = namesakeProbabilities(people);
  let best: { index: number; probability: number } | undefined;
  chances.forEach((probability, index) => {
    if (!best || probability > best.probability) best = { index, probability };
  });
  return best;
}
