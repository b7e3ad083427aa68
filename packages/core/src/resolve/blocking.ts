import type { FieldName } from './comparison';
import type { PersonFeatures } from './features';
import { NO_ARENA, type Arena } from './arena';
import { NumberIndex } from './number-index';

/**
 * Blocking rules: two records are compared only when they agree on at least one rule's key, so
 * the work grows with the number of records rather than its square. Each rule is a key made from a
 * few fields; a record without those fields has no key for that rule. The rules overlap, so a
 * record with a typo in one field is still found through another.
 */
export interface BlockingRule {
  readonly name: string;
  readonly key: (p: PersonFeatures) => string;
  /**
   * The fields the key is made from, and those that go with them (a given name implies a gender and
   * often a nationality; a postcode, a town): the rule forces them to agree, so they are left out
   * when the model is trained on its pairs.
   */
  readonly fixes: readonly FieldName[];
  /**
   * Its pairs are as often two people of one household (a family, a shared house, a controller's
   * workers) as one person twice: they never teach the model how one person's names and dates of
   * birth compare.
   */
  readonly housemates?: boolean;
}

const sorted = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
/** Given and family name in either order, or '' without both: the key of a full name. */
export const nameKey = (p: PersonFeatures) => (p.given && p.family ? sorted(p.given.text, p.family.text) : '');
/** Given and family names' Double Metaphone codes in either order, or '' without both. */
export const sounds = (p: PersonFeatures) => (p.given?.metaphone && p.family?.metaphone ? sorted(p.given.metaphone, p.family.metaphone) : '');
const both = (a: string, b: string) => (a && b ? `${a}#${b}` : '');
/** An address line long enough to be a home rather than a street, without spaces. */
const homeLine = (p: PersonFeatures) => (p.address.length >= 8 ? p.address.replace(/ /g, '') : '');

/** Append only: a store keeps each record's keys by the rule's position in this list. */
export const PERSON_BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'names and town', key: (p) => both(nameKey(p), p.town), fixes: ['name', 'gender', 'nationality', 'town'] },
  { name: 'given name and date of birth', key: (p) => both(p.given?.canonical ?? '', p.dob), fixes: ['name', 'dob', 'gender', 'nationality'] },
  { name: 'family name and date of birth', key: (p) => both(p.family?.text ?? '', p.dob), fixes: ['name', 'dob', 'nationality'] },
  { name: 'names sound alike, year of birth', key: (p) => both(sounds(p), p.dob.slice(0, 4)), fixes: ['name', 'dob', 'gender', 'nationality'] },
  { name: 'names sound alike, postcode district', key: (p) => both(sounds(p), p.district), fixes: ['name', 'gender', 'nationality', 'postcode', 'town'] },
  { name: 'date of birth and postcode', key: (p) => both(p.dob, p.postcode), fixes: ['dob', 'postcode', 'town'] },
  { name: 'given name and postcode', key: (p) => both(p.given?.canonical ?? '', p.postcode), fixes: ['name', 'gender', 'nationality', 'postcode', 'town'] },
  {
    name: 'family name consonants and given initial',
    key: (p) =>
      both(both(p.family?.abjad || p.given?.abjad ? (p.family?.skeleton ?? '') : '', p.given?.skeleton.slice(0, 1) ?? ''), p.dob.slice(0, 4) || p.town),
    fixes: ['name', 'gender', 'nationality'],
  },
  {
    name: 'address and given initial',
    key: (p) => both(homeLine(p), p.given?.text.slice(0, 1) ?? ''),
    fixes: ['address', 'postcode', 'town'],
    housemates: true,
  },
  {
    name: 'start of address and town',
    key: (p) => both(p.address.split(' ').slice(0, 2).join(' '), p.town),
    fixes: ['address', 'postcode', 'town'],
    housemates: true,
  },
  {
    name: 'family name sounds alike, given initial, town',
    key: (p) => both(both(p.family?.metaphone ?? '', p.given?.text.slice(0, 1) ?? ''), p.town),
    fixes: ['name', 'nationality', 'town'],
  },
  {
    name: 'given name sounds alike, postcode',
    key: (p) => both(p.given?.metaphone ?? '', p.postcode),
    fixes: ['name', 'gender', 'nationality', 'postcode', 'town'],
  },
  { name: 'phone', key: (p) => p.phone, fixes: ['phone'], housemates: true },
  { name: 'identity number', key: (p) => p.idNumber, fixes: ['id_number'] },
  // For records missing a name part or a town, and dates of birth with the year mistyped.
  { name: 'date of birth and town', key: (p) => both(p.dob, p.town), fixes: ['dob', 'town'] },
  { name: 'address and postcode', key: (p) => both(p.address, p.postcode), fixes: ['address', 'postcode', 'town'], housemates: true },
  { name: 'names sound alike, day and month of birth', key: (p) => both(sounds(p), p.dob.slice(4)), fixes: ['name', 'gender', 'nationality'] },
  { name: 'family name sounds alike, date of birth', key: (p) => both(p.family?.metaphone ?? '', p.dob), fixes: ['name', 'dob', 'nationality'] },
];

export interface BlockingStats {
  readonly rule: string;
  readonly pairs: number;
  /** Blocks larger than the limit, compared by sorted neighbourhood instead of all against all. */
  readonly windowedBlocks: number;
}

/** How many sorted neighbours each record of a large block is compared with. */
const WINDOW = 10;

/** The order in which a large block's records are laid out, so that records of one person sit together. */
function neighbourhoodKey(p: PersonFeatures): string {
  return `${p.dob}|${p.phone}|${p.postcode}|${p.given?.text ?? ''}|${p.address}`;
}

/**
 * A key as a 52-bit number (two FNV-1a hashes), so a million records' keys under every rule fit
 * in typed arrays; 0 means no key. A collision only adds a comparison, never loses one.
 */
export function hashKey(key: string): number {
  if (!key) return 0;
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff) + 1;
}

/**
 * Records grouped by key, as flat arrays (a counting sort: no array per block, so a million
 * records make no garbage): block b is `members[start[b]] … members[start[b + 1] - 1]`, in record
 * order; `blockOf[i]` is record i's block, or -1 without a key.
 */
export interface Blocks {
  readonly count: number;
  readonly start: Int32Array;
  readonly members: Int32Array;
  readonly blockOf: Int32Array;
}

/** Working space for grouping one rule's keys after another, so each rule allocates only what it keeps. */
class BlockScratch {
  readonly ids: NumberIndex;
  readonly keys: Float64Array<ArrayBuffer>;
  readonly sizes: Int32Array;

  constructor(
    records: number,
    readonly arena: Arena = NO_ARENA,
  ) {
    this.ids = new NumberIndex(records);
    this.keys = arena.float64(records) as Float64Array<ArrayBuffer>;
    this.sizes = arena.int32(records);
  }
}

export function blocksOf(keys: Float64Array, scratch = new BlockScratch(keys.length)): Blocks {
  const { ids, sizes, arena } = scratch;
  const blockOf = arena.int32(keys.length);
  ids.clear();
  sizes.fill(0);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === 0) {
      blockOf[i] = -1;
      continue;
    }
    const b = ids.idOf(keys[i]!);
    blockOf[i] = b;
    sizes[b]!++;
  }
  const count = ids.size;
  const start = arena.int32(count + 1);
  for (let b = 0; b < count; b++) start[b + 1] = start[b]! + sizes[b]!;
  const members = arena.int32(start[count]!);
  // The sizes are spent: they become each block's next free place.
  sizes.set(start.subarray(0, count));
  for (let i = 0; i < keys.length; i++) {
    const b = blockOf[i]!;
    if (b >= 0) members[sizes[b]!++] = i;
  }
  return { count, start, members, blockOf };
}

function ruleKeys(records: readonly PersonFeatures[], rule: BlockingRule, keys: Float64Array = new Float64Array(records.length)): Float64Array {
  for (let i = 0; i < records.length; i++) keys[i] = hashKey(rule.key(records[i]!));
  return keys;
}

/** Every rule's blocks for a set of records: worked out once, for pairing and for training. */
export interface RuleBlocks {
  readonly blocks: readonly Blocks[];
}

export function ruleBlocks(records: readonly PersonFeatures[], rules: readonly BlockingRule[] = PERSON_BLOCKING_RULES, arena: Arena = NO_ARENA): RuleBlocks {
  const scratch = new BlockScratch(records.length, arena);
  return { blocks: rules.map((rule) => blocksOf(ruleKeys(records, rule, scratch.keys), scratch)) };
}

/**
 * Every candidate pair (i < j), each once: a pair found by an earlier rule is not produced again by
 * a later one. A block of more than `maxBlock` records (often one person reported many times) is
 * sorted so similar records sit together and each is compared with its next few neighbours: the
 * work stays linear, and clustering joins the rest transitively.
 */
export function forEachCandidatePair(
  records: readonly PersonFeatures[],
  visit: (i: number, j: number) => void,
  rules: readonly BlockingRule[] = PERSON_BLOCKING_RULES,
  maxBlock = 40,
  stats: BlockingStats[] = [],
  prepared: RuleBlocks = ruleBlocks(records, rules),
): void {
  const { blocks: ruleBlocksList } = prepared;
  // Every record's place in neighbourhood order (and the record at each place), worked out once
  // for all large blocks of all rules.
  let neighbourhood: { place: Int32Array; recordAt: Int32Array } | undefined;
  const inNeighbourhoodOrder = () => {
    if (!neighbourhood) {
      const byKey = records.map((r, i) => ({ i, sort: neighbourhoodKey(r) })).sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.i - b.i));
      const recordAt = Int32Array.from(byKey, ({ i }) => i);
      const place = new Int32Array(records.length);
      recordAt.forEach((i, at) => (place[i] = at));
      neighbourhood = { place, recordAt };
    }
    return neighbourhood;
  };
  // Blocks that were windowed, per rule: their pairs were not all compared.
  const windowed = ruleBlocksList.map((b) => new Uint8Array(b.count));
  for (let k = 0; k < rules.length; k++) {
    let pairs = 0;
    const blocks = ruleBlocksList[k]!;
    for (let b = 0; b < blocks.count; b++) {
      const from = blocks.start[b]!;
      const size = blocks.start[b + 1]! - from;
      if (size < 2) continue;
      if (size > maxBlock) {
        windowed[k]![b] = 1;
        // The block's records in neighbourhood order: their places sorted as numbers.
        const { place, recordAt } = inNeighbourhoodOrder();
        const order = Int32Array.from(blocks.members.subarray(from, from + size), (i) => place[i]!)
          .sort()
          .map((at) => recordAt[at]!);
        for (let x = 0; x < size; x++) {
          for (let y = x + 1; y < Math.min(size, x + 1 + WINDOW); y++) {
            const i = Math.min(order[x]!, order[y]!);
            const j = Math.max(order[x]!, order[y]!);
            if (foundEarlier(ruleBlocksList, windowed, k, i, j)) continue;
            pairs++;
            visit(i, j);
          }
        }
        continue;
      }
      for (let x = from; x < from + size; x++) {
        for (let y = x + 1; y < from + size; y++) {
          const i = blocks.members[x]!;
          const j = blocks.members[y]!;
          if (foundEarlier(ruleBlocksList, windowed, k, i, j)) continue;
          pairs++;
          visit(i, j);
        }
      }
    }
    stats.push({ rule: rules[k]!.name, pairs, windowedBlocks: windowed[k]!.reduce((n, w) => n + w, 0) });
  }
}

function foundEarlier(blocks: readonly Blocks[], windowed: readonly Uint8Array[], rule: number, i: number, j: number): boolean {
  for (let r = 0; r < rule; r++) {
    const b = blocks[r]!.blockOf[i]!;
    if (b >= 0 && b === blocks[r]!.blockOf[j] && windowed[r]![b] === 0) return true;
  }
  return false;
}

/** Up to `limit` pairs that agree on one rule's key, whatever other rules find: the rule's own sample for training. */
export function forEachRulePair(
  records: readonly PersonFeatures[],
  rule: BlockingRule,
  limit: number,
  visit: (i: number, j: number) => void,
  maxBlock = 40,
  blocks: Blocks = blocksOf(ruleKeys(records, rule)),
): void {
  let produced = 0;
  for (let b = 0; b < blocks.count; b++) {
    const from = blocks.start[b]!;
    const to = blocks.start[b + 1]!;
    if (to - from < 2 || to - from > maxBlock) continue;
    for (let x = from; x < to; x++) {
      for (let y = x + 1; y < to; y++) {
        visit(blocks.members[x]!, blocks.members[y]!);
        if (++produced >= limit) return;
      }
    }
  }
}

/** A record with nothing but a name (perhaps a town, gender, nationality): no blocking rule finds it. */
export function hasOnlyName(p: PersonFeatures): boolean {
  return !p.dob && !p.phone && !p.address && !p.postcode && !p.idNumber;
}

/**
 * Keys by which a record with nothing but a name finds, in a store, the people recorded under that
 * full name (either order) or one that sounds the same. Every person record keeps them, so the
 * people can be found; only records with nothing but a name look them up.
 */
export function nameLookupKeys(record: PersonFeatures): string[] {
  const full = nameKey(record);
  const sound = sounds(record);
  return [full ? `name:${full}` : '', sound ? `sound:${sound}` : ''].filter(Boolean);
}

/** The keys of one record under every rule, for finding its candidates in a store. */
export function blockingKeys(record: PersonFeatures, rules: readonly BlockingRule[] = PERSON_BLOCKING_RULES): string[] {
  return rules
    .map((rule, r) => {
      const key = rule.key(record);
      return key ? `${r}:${key}` : '';
    })
    .filter(Boolean);
}
