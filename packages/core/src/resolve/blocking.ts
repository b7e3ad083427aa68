import type { FieldName } from './comparison';
import type { PersonFeatures } from './features';

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
}

const sorted = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const names = (p: PersonFeatures) => (p.given && p.family ? sorted(p.given.text, p.family.text) : '');
const sounds = (p: PersonFeatures) => (p.given?.metaphone && p.family?.metaphone ? sorted(p.given.metaphone, p.family.metaphone) : '');
const both = (a: string, b: string) => (a && b ? `${a}#${b}` : '');

export const PERSON_BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'names and town', key: (p) => both(names(p), p.town), fixes: ['name', 'gender', 'nationality', 'town'] },
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
  { name: 'address', key: (p) => (p.address.length >= 8 ? p.address.replace(/ /g, '') : ''), fixes: ['address', 'postcode', 'town'] },
  { name: 'start of address and town', key: (p) => both(p.address.split(' ').slice(0, 2).join(' '), p.town), fixes: ['address', 'postcode', 'town'] },
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
  { name: 'phone', key: (p) => p.phone, fixes: ['phone'] },
  { name: 'identity number', key: (p) => p.idNumber, fixes: ['id_number'] },
];

export interface BlockingStats {
  readonly rule: string;
  readonly pairs: number;
  /** Keys shared by more records than the limit: too common to tell anyone apart, so skipped. */
  readonly skippedKeys: number;
}

function blocksOf(records: readonly PersonFeatures[], keys: readonly string[]): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < records.length; i++) {
    const key = keys[i]!;
    if (!key) continue;
    const block = blocks.get(key);
    if (block) block.push(i);
    else blocks.set(key, [i]);
  }
  return blocks;
}

/**
 * Every candidate pair (i < j), each once: a pair found by an earlier rule is not produced again by
 * a later one. Keys shared by more than `maxBlock` records are skipped (and counted).
 */
export function* candidatePairs(
  records: readonly PersonFeatures[],
  rules: readonly BlockingRule[] = PERSON_BLOCKING_RULES,
  maxBlock = 500,
  stats: BlockingStats[] = [],
): Generator<[number, number]> {
  const keys = rules.map((rule) => records.map((r) => rule.key(r)));
  for (let k = 0; k < rules.length; k++) {
    const ruleKeys = keys[k]!;
    let pairs = 0;
    let skippedKeys = 0;
    for (const block of blocksOf(records, ruleKeys).values()) {
      if (block.length < 2) continue;
      if (block.length > maxBlock) {
        skippedKeys++;
        // Not compared under this rule, so later rules must not treat these pairs as already found.
        for (const i of block) ruleKeys[i] = '';
        continue;
      }
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++) {
          const i = block[x]!;
          const j = block[y]!;
          if (foundEarlier(keys, k, i, j)) continue;
          pairs++;
          yield [i, j];
        }
      }
    }
    stats.push({ rule: rules[k]!.name, pairs, skippedKeys });
  }
}

function foundEarlier(keys: readonly string[][], rule: number, i: number, j: number): boolean {
  for (let r = 0; r < rule; r++) {
    const a = keys[r]![i]!;
    if (a && a === keys[r]![j]) return true;
  }
  return false;
}

/** Up to `limit` pairs that agree on one rule's key, whatever other rules find: the rule's own sample for training. */
export function* rulePairs(records: readonly PersonFeatures[], rule: BlockingRule, limit: number, maxBlock = 500): Generator<[number, number]> {
  let produced = 0;
  for (const block of blocksOf(
    records,
    records.map((r) => rule.key(r)),
  ).values()) {
    if (block.length < 2 || block.length > maxBlock) continue;
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        yield [block[x]!, block[y]!];
        if (++produced >= limit) return;
      }
    }
  }
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
