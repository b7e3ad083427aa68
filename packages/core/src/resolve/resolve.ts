import { forEachCandidatePair, hasOnlyName, nameKey, ruleBlocks, sounds, PERSON_BLOCKING_RULES, type BlockingStats } from './blocking';
import { GWENT } from '../area/gwent';
import { generateSeed } from '../seed/generator';
import { seedPersonRecords } from '../seed/records';
import { householdPersonRecords } from '../seed/households';
import { Clusters, constrainedClusters } from './cluster';
import { comparePersons, FIELDS, MISSING, unpackPattern } from './comparison';
import { FeatureCache, personFeatures, type PersonFeatures, type PersonRecord } from './features';
import { Arena, NO_ARENA } from './arena';
import { CoMentions, coMentionWeights, coMentionWeightsOf, groupsOf, type CoMentionWeights } from './co-mention';
import { NumberIndex } from './number-index';
import { FAMILY_NAME_ONLY, fieldWeights, patternScorer, sharesLocation, type MatchModel } from './model';
import { FamiliesAtHome } from './crowding';
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

/** Name levels meaning the names differ after nicknames, spellings and typos: another given name, another family name, or both. */
const DIFFERENT_NAMES = new Set([7, 8, 9]);
/** Date of birth levels: two digits apart, and different (not swapped, not a digit or a year or two out). */
const DIFFERENT_DOBS = new Set([4, 5]);
const DOB_DIFFERENT = 5;
const [NAME, DOB, ID_NUMBER] = ['name', 'dob', 'id_number'].map((name) => FIELDS.findIndex((f) => f.name === name)) as [number, number, number];
/** An identity number exact or one character out: one person, whatever else was mistyped. */
const SAME_ID_NUMBER = new Set([0, 1]);

/** Name levels where the given names agree (exactly or as a nickname), or a name is not recorded. */
const GIVEN_AGREES = new Set([MISSING, 0, 1, 3, 5, 6, 10]);

/**
 * Two people, whatever name they share: two recorded dates of birth further apart than a typo or
 * a year's slip (namesakes) in different homes, or at one home unless the given names agree
 * (housemates Ion and Ionela); or, wherever they live, two different names with dates of birth
 * two digits apart or more. An identity number that agrees overrules them all. Clusters never
 * hold such a pair, and a record never joins a person holding one.
 */
export function differentPeople(pattern: number): boolean {
  const levels = unpackPattern(pattern);
  if (SAME_ID_NUMBER.has(levels[ID_NUMBER]!)) return false;
  // At one home, one name and two birthdays may be a father and son or one person's slip: weighed, not ruled.
  if (levels[DOB] === DOB_DIFFERENT && (!sharesLocation(levels) || !GIVEN_AGREES.has(levels[NAME]!))) return true;
  return DIFFERENT_NAMES.has(levels[NAME]!) && DIFFERENT_DOBS.has(levels[DOB]!);
}

/**
 * Clusters the records `keep` selects (whole parts of the match graph) again, alone: their match
 * edges and their cannot-links (those found before, and `extra`), in a compact numbering so a
 * million records elsewhere cost nothing. Labels of the records not kept are their own index.
 */
function clusterParts(
  size: number,
  keep: (i: number) => boolean,
  edges: { left: ArrayLike<number>; right: ArrayLike<number>; weight: ArrayLike<number>; count: number },
  cannotLink: { left: ArrayLike<number>; right: ArrayLike<number>; count: number },
  extra: readonly (readonly [number, number])[],
  arena: Arena,
): { labels: Int32Array; refused: number } {
  const compact = arena.int32(size).fill(-1);
  let kept = 0;
  for (let i = 0; i < size; i++) if (keep(i)) compact[i] = kept++;
  const back = arena.int32(kept);
  for (let i = 0; i < size; i++) if (compact[i]! >= 0) back[compact[i]!] = i;
  let count = 0;
  for (let k = 0; k < edges.count; k++) if (compact[edges.left[k]!]! >= 0) count++;
  const sub = { left: arena.int32(count), right: arena.int32(count), weight: arena.float64(count), count };
  for (let k = 0, n = 0; k < edges.count; k++) {
    if (compact[edges.left[k]!]! < 0) continue;
    sub.left[n] = compact[edges.left[k]!]!;
    sub.right[n] = compact[edges.right[k]!]!;
    sub.weight[n++] = edges.weight[k]!;
  }
  const inside = (a: number, b: number) => compact[a]! >= 0 && compact[b]! >= 0;
  let linkCount = 0;
  for (let k = 0; k < cannotLink.count; k++) if (inside(cannotLink.left[k]!, cannotLink.right[k]!)) linkCount++;
  for (const [a, b] of extra) if (inside(a, b)) linkCount++;
  const links = { left: arena.int32(linkCount), right: arena.int32(linkCount), count: linkCount };
  let n = 0;
  const link = (a: number, b: number) => {
    if (!inside(a, b)) return;
    links.left[n] = compact[a]!;
    links.right[n++] = compact[b]!;
  };
  for (let k = 0; k < cannotLink.count; k++) link(cannotLink.left[k]!, cannotLink.right[k]!);
  for (const [a, b] of extra) link(a, b);
  const result = constrainedClusters(kept, sub, links, arena);
  // Compact indices follow record order, so the smallest in a cluster is its smallest record.
  const labels = arena.int32(size);
  for (let i = 0; i < size; i++) labels[i] = i;
  for (let c = 0; c < kept; c++) labels[back[c]!] = back[result.labels[c]!]!;
  return { labels, refused: result.refused };
}

/** Per record, what making clusters coherent may take from the arena over its rounds (parts, groups, compact numbering, labels). */
const COHERENCE_BYTES = 3 * 64 + 16;

/** Clusters larger than this are not searched pair by pair for plain strangers (a run this wrong is a model's failure, not a pair's). */
const MOST_RECORDS_CHECKED = 2000;

/** Pairs of records in one cluster that are plainly two people (see `differentPeople`); only records with a date of birth can be. */
function plainStrangers(features: readonly PersonFeatures[], labels: ArrayLike<number>, arena: Arena, only?: (i: number) => boolean): [number, number][] {
  const { start, order } = groupsOf(labels, arena);
  const found: [number, number][] = [];
  for (let g = 0; g + 1 < start.length; g++) {
    const size = start[g + 1]! - start[g]!;
    if (size < 2 || size > MOST_RECORDS_CHECKED || (only && !only(order[start[g]!]!))) continue;
    // Strangers have two dates of birth: a cluster with one (most are one person) has none.
    let firstDob = '';
    let twoDobs = false;
    for (let k = start[g]!; k < start[g + 1]! && !twoDobs; k++) {
      const dob = features[order[k]!]!.dob;
      if (!dob) continue;
      if (!firstDob) firstDob = dob;
      else if (dob !== firstDob) twoDobs = true;
    }
    if (!twoDobs) continue;
    // One record for each different way the cluster's people were written down: the same victim
    // reported eighty times the same way is compared once.
    const seen = new Set<string>();
    const dated: number[] = [];
    for (let k = start[g]!; k < start[g + 1]!; k++) {
      const f = features[order[k]!]!;
      if (!f.dob) continue;
      const written = `${f.given?.text}|${f.family?.text}|${f.dob}|${f.phone}|${f.address}|${f.idNumber}`;
      if (seen.has(written)) continue;
      seen.add(written);
      dated.push(order[k]!);
    }
    for (let a = 0; a < dated.length; a++)
      for (let b = a + 1; b < dated.length; b++) {
        const [x, y] = [features[dated[a]!]!, features[dated[b]!]!];
        if (x.dob !== y.dob && differentPeople(comparePersons(x, y))) found.push([dated[a]!, dated[b]!]);
      }
  }
  return found;
}

/** Fewer records than this are too few to estimate a model or name frequencies from. */
export const MIN_RECORDS_TO_TRAIN = 1000;

let synthetic: MatchModel | undefined;

/**
 * A model learnt, without labels, from synthetic records like Harbour's demo data (people of the
 * nationalities in UK NRM figures, with the spellings, nicknames and errors of real records), and
 * households of them sharing homes and phones.
 * Its prior is set for a few records to resolve, not for the synthetic population.
 */
export function syntheticModel(): MatchModel {
  if (!synthetic) {
    const seed = generateSeed({ reports: 4000, seed: 'harbour-synthetic-model', area: GWENT, until: new Date(Date.UTC(2026, 0, 1)) });
    const records = [...seed.batches(4000)].flatMap((b) => seedPersonRecords(b).map((p) => p.record));
    // And people who share homes and phones, so the model knows what a shared home does not prove.
    for (const h of householdPersonRecords({ households: 300, seed: 'harbour-synthetic-model', until: new Date(Date.UTC(2026, 0, 1)) })) records.push(h.record);
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
  /**
   * How many people the whole store holds under each name and town, when these records are only a
   * part of it (a neighbourhood resolved again): names are weighed by those counts, not by how
   * common they are among records chosen for sharing them.
   */
  readonly names?: NameCounts;
  /**
   * The records are the people around a change, chosen for what they share: nothing is learnt
   * from them (what co-mentions mean is the model's).
   */
  readonly neighbourhood?: boolean;
  /** Pairs of records (by index) a reviewer said are different people: never clustered together. */
  readonly apart?: readonly (readonly [number, number])[];
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
  const arena = new Arena(features.length * (PERSON_BLOCKING_RULES.length * 12 + 48 + 12 * 12 + 200 + COHERENCE_BYTES));
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
  const patternDifferentPeople = Uint8Array.from(patternList, (pattern) => (differentPeople(pattern) ? 1 : 0));
  const adjusted = patternList.map((pattern) => frequencyAdjusted(model, pattern));
  const patternNameLevel = Int8Array.from(adjusted, (a) => a.nameLevel);
  const patternTownExact = Uint8Array.from(adjusted, (a) => a.townExact);
  // Probabilities compared as weights: p ≥ t exactly when weight ≥ log2(t / (1 - t)).
  const weightOf = (chance: number) => Math.log2(chance / (1 - chance));
  const [matchWeight, keepWeight, differentWeight] = [weightOf(threshold), weightOf(keepAbove), weightOf(CANNOT_LINK)];
  // Pairs sharing a home or phone, by what they share (1 phone, 2 address), when the model knows households.
  const patternShares = Uint8Array.from(patternList, (pattern) => {
    const levels = unpackPattern(pattern);
    if (!model.shared || !sharesLocation(levels)) return 0;
    return (levels[PHONE] === 0 ? 1 : 0) | (levels[ADDRESS] === 0 || levels[ADDRESS] === 1 ? 2 : 0);
  });
  const pass = (names: NameFrequencies | undefined, home: HomeAdjustment | undefined) => {
    const { left, right, ids, count } = all;
    // Each pair's outcome (1 match, 2 different people, 4 kept), counted before any column is made.
    const outcome = arena.uint8(count);
    let [matchCount, differentCount, keptCount] = [0, 0, 0];
    const weightAt = (p: number) => {
      const id = ids[p]!;
      return (
        patternWeights[id]! +
        (names ? names.adjust(left[p]!, patternNameLevel[id]!, patternTownExact[id]!) : 0) +
        (home && patternShares[id] ? home(left[p]!, id) : 0)
      );
    };
    for (let p = 0; p < count; p++) {
      const weight = weightAt(p);
      let result = 0;
      // A record with nothing but a name joins someone only through `attachNameOnly`, which weighs
      // every person of that name: one pair with one of them proves nothing while others exist.
      if (weight >= matchWeight && !patternDifferentPeople[ids[p]!] && !values.onlyName[left[p]!] && !values.onlyName[right[p]!]) {
        result = 1;
        matchCount++;
      } else if ((weight < differentWeight && patternContradicts[ids[p]!]) || patternDifferentPeople[ids[p]!]) {
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
    const apart = options.apart ?? [];
    const different = { left: arena.int32(differentCount + apart.length), right: arena.int32(differentCount + apart.length), count: 0 };
    for (const [a, b] of apart) {
      different.left[different.count] = a;
      different.right[different.count++] = b;
    }
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
    const edges = { left: matches.left, right: matches.right, weight: matches.weights, count: matches.count };
    const clusters = constrainedClusters(features.length, edges, different, arena);
    // Records never compared (no blocking key in common) can still meet in a cluster through
    // others: any two there that are plainly different people become cannot-links, and the matches
    // are clustered again, until no cluster holds such a pair.
    let refused = clusters.refused;
    let labels = clusters.labels;
    const extra: [number, number][] = [];
    // Clustering again changes only the parts of the match graph the new cannot-links are in: those
    // parts are clustered again, alone. Every array comes from the run's arena (see Arena).
    let parts: Int32Array | undefined;
    let touched: Uint8Array | undefined;
    for (let round = 0; round < 3; round++) {
      const inTouched = parts && touched ? (i: number) => touched![parts![i]!] === 1 : undefined;
      const found = plainStrangers(features, labels, arena, inTouched);
      if (found.length === 0) break;
      if (!parts) {
        const all = new Clusters(features.length, arena);
        for (let k = 0; k < edges.count; k++) all.union(edges.left[k]!, edges.right[k]!);
        parts = all.labels();
        touched = arena.uint8(features.length);
      }
      const [part, inPart] = [parts, touched!];
      inPart.fill(0);
      for (const pair of found) {
        inPart[part[pair[0]]!] = 1;
        extra.push(pair);
      }
      const again = clusterParts(features.length, (i) => inPart[part[i]!] === 1, edges, different, extra, arena);
      const previous = labels;
      labels = again.labels;
      for (let i = 0; i < labels.length; i++) if (inPart[part[i]!] !== 1) labels[i] = previous[i]!;
      refused += again.refused;
    }
    return { kept, clustered: { labels, refused } };
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
  const people = small || options.names ? undefined : roughPeople(nameFrequencies(features, model, undefined, values));
  const names = options.names ? countedNameFrequencies(features, model, options.names) : small ? undefined : nameFrequencies(features, model, people, values);
  const weigh = (i: number, j: number) => {
    const pattern = comparePersons(features[i]!, features[j]!);
    return { pattern, weight: score(pattern) + (names ? names.adjustment(i, pattern) : 0) };
  };
  const { kept, clustered } = pass(names, familyNameAtHome(features, model, patternList, patternShares, all));
  const coMentions = new CoMentions(features.map((f) => f.context));
  const attached = attachNameOnly(values, clustered.labels, weigh, threshold, coMentions, model.coMention, !options.neighbourhood);
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

/** What sharing a home or phone adds, for a pair whose first record is `i`, by the pattern's id. */
type HomeAdjustment = (i: number, id: number) => number;

/**
 * A family name alone at a shared home counts for nothing (see `fieldWeights`), unless only one
 * person of that family name is known there: then it counts as the model weighs it.
 */
function familyNameAtHome(
  features: readonly PersonFeatures[],
  model: MatchModel,
  patternList: readonly number[],
  patternShares: Uint8Array,
  pairs: { left: Int32Array; ids: Int32Array; count: number },
): HomeAdjustment | undefined {
  const shared = model.shared;
  if (!shared) return undefined;
  const restore = Float64Array.from(patternList, (pattern, id) => {
    const level = (pattern % 16) - 1;
    if (!patternShares[id] || !FAMILY_NAME_ONLY.has(level)) return 0;
    return Math.max(0, Math.log2(model.m[0]![level]! / shared.u[0]![level]!));
  });
  // The homes and phones of the pairs that turn on a family name alone: only those are counted.
  const wanted = { phones: new Set<string>(), addresses: new Set<string>() };
  for (let p = 0; p < pairs.count; p++) {
    const id = pairs.ids[p]!;
    if (restore[id] === 0) continue;
    const f = features[pairs.left[p]!]!;
    if (patternShares[id]! & 1) wanted.phones.add(f.phone);
    if (patternShares[id]! & 2) wanted.addresses.add(f.address);
  }
  if (wanted.phones.size === 0 && wanted.addresses.size === 0) return undefined;
  const families = new FamiliesAtHome(features, wanted);
  return (i, id) => {
    if (restore[id] === 0) return 0;
    const shares = patternShares[id]!;
    return families.sharedBy(features[i]!, (shares & 1) === 1, (shares & 2) === 2) <= 1 ? restore[id]! : 0;
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
const PHONE = FIELDS.findIndex((f) => f.name === 'phone');
const ADDRESS = FIELDS.findIndex((f) => f.name === 'address');

/**
 * Which of a pattern's agreements are weighed by how common the value is: the name, unless the pair
 * shares a home or phone (then names are weighed against housemates', whatever their frequency),
 * and the town only when it is the place evidence counted (see `fieldWeights`).
 */
function frequencyAdjusted(model: MatchModel, pattern: number): { nameLevel: number; townExact: 0 | 1 } {
  const levels = unpackPattern(pattern);
  const weights = fieldWeights(model, levels);
  const shared = model.shared !== undefined && sharesLocation(levels);
  return { nameLevel: shared ? MISSING : levels[0]!, townExact: levels[TOWN] === 0 && weights[TOWN]! > 0 ? 1 : 0 };
}

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
  return frequencyAdjustment(model, fullRarity, givenRarity, familyRarity, townRarity);
}

/** Adds to a pattern's weight how rare the record's name and town are (see `frequencyAdjusted`). */
function frequencyAdjustment(
  model: MatchModel,
  fullRarity: Float64Array,
  givenRarity: Float64Array,
  familyRarity: Float64Array,
  townRarity: Float64Array,
): NameFrequencies {
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
    adjustment: (i, pattern) => {
      const { nameLevel, townExact } = frequencyAdjusted(model, pattern);
      return adjust(i, nameLevel, townExact);
    },
  };
}

/** The columns whose values are weighed by how common they are. */
export const NAME_COLUMNS = ['full', 'given', 'family', 'town'] as const;
export type NameColumn = (typeof NAME_COLUMNS)[number];

/** How many people hold each value of each column, and how many (person, value) pairs each column has in all. */
export interface NameCounts {
  readonly totals: Readonly<Record<NameColumn, number>>;
  count(column: NameColumn, value: string): number;
}

/** A record's value in each counted column ('' for none). */
export function nameColumnValues(f: PersonFeatures): Record<NameColumn, string> {
  return { full: f.given && f.family ? nameKey(f) : '', given: f.given?.text ?? '', family: f.family?.text ?? '', town: f.town };
}

/**
 * How many people hold each value, from records and their people (`labels`): each person counts
 * once per value they were recorded under; a lone record with nothing but a name, not at all (as
 * in `nameFrequencies`). What a store keeps, so a part of it can be resolved again.
 */
export function countNames(features: readonly PersonFeatures[], labels: ArrayLike<number>): { column: NameColumn; value: string; people: number }[] {
  const { start, order } = groupsOf(labels);
  const counts = new Map<string, number>();
  const held = new Set<string>();
  for (let g = 0; g + 1 < start.length; g++) {
    const [from, to] = [start[g]!, start[g + 1]!];
    if (to - from === 1 && hasOnlyName(features[order[from]!]!)) continue;
    held.clear();
    for (let k = from; k < to; k++) {
      const values = nameColumnValues(features[order[k]!]!);
      for (const column of NAME_COLUMNS) if (values[column]) held.add(`${column}|${values[column]}`);
    }
    for (const key of held) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, people]) => {
    const at = key.indexOf('|');
    return { column: key.slice(0, at) as NameColumn, value: key.slice(at + 1), people };
  });
}

/** Name frequencies from a store's counts (see `NameCounts`) rather than from the records at hand. */
function countedNameFrequencies(features: readonly PersonFeatures[], model: MatchModel, counts: NameCounts): NameFrequencies {
  const rarity = (column: NameColumn) =>
    Float64Array.from(features, (f) => {
      const value = nameColumnValues(f)[column];
      return value ? -Math.log2(Math.max(Math.max(1, counts.count(column, value)) / Math.max(1, counts.totals[column]), 1e-9)) : NaN;
    });
  return frequencyAdjustment(model, rarity('full'), rarity('given'), rarity('family'), rarity('town'));
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
  learnCoMentions = true,
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
  const coMention = coMentions?.any ? weighCoMentions(coMentions, choices, labels, rich, values, knownCoMention, learnCoMentions) : null;
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
  learn: boolean,
): CoMentionWeights | null {
  const n = labels.length;
  const sizes = new Int32Array(n);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  const shared = co.byPerson(labels);
  // Estimated from this data when it has enough; otherwise as the model learnt it.
  const weights =
    (learn ? coMentionWeights(co, shared, labels, sizes, (label) => rich[label] === 1, values.full, MOST_PEOPLE_OF_A_NAME) : null) ??
    (known ? coMentionWeightsOf(known) : null);
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
