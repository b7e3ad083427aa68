import { recordIdentity, type RecordIdentity } from './keys';
import { NO_ARENA, type Arena } from './arena';
import { NumberIndex } from './number-index';

/**
 * What a report mentions besides a person (a phone, a vehicle, a business, an account…) is
 * evidence about who the person is: of two people called Endri Mema, the one reported with the
 * same car wash and the same phone is likelier the one a new report means. This module holds each
 * record's co-mentions as small ids, tells whether a group of records shares any with a person,
 * and weighs that sharing as Fellegi–Sunter evidence whose m and u are estimated from the data.
 */
export interface CoMentionWeights {
  /** log2(m/u): added when the record shares a co-mention with the person. */
  readonly agree: number;
  /** log2((1-m)/(1-u)): added when it has co-mentions and shares none. */
  readonly disagree: number;
  readonly m: number;
  readonly u: number;
}

/** A co-mention as records carry it: the kind of thing and its normalised identity. */
export function coMentionKey(kind: string, key: string): string {
  return `${kind}|${key}`;
}

/** What each report mentions besides people, as co-mention keys, from its records and their identities. */
export function reportMentions(
  records: readonly { readonly kind: string; readonly report_id: string }[],
  identities: readonly (RecordIdentity | null)[],
): Map<string, string[]> {
  const byReport = new Map<string, string[]>();
  records.forEach((record, i) => {
    const identity = identities[i];
    if (!identity) return;
    const key = coMentionKey(record.kind, identity.key);
    const list = byReport.get(record.report_id);
    if (!list) byReport.set(record.report_id, [key]);
    else if (!list.includes(key)) list.push(key);
  });
  return byReport;
}

/**
 * A person's co-mentions: what their report mentions, less their own phone and address (which
 * the picture also keeps as records of the report, and which the match model already compares).
 */
export function personCoMentions(
  reportMentions: readonly string[] | undefined,
  person: Readonly<Record<string, string | null | undefined>>,
): string[] | undefined {
  if (!reportMentions || reportMentions.length === 0) return undefined;
  const own = [recordIdentity('phone', { number: person['phone'] }), recordIdentity('address', person)]
    .map((identity, k) => (identity ? coMentionKey(k === 0 ? 'phone' : 'address', identity.key) : ''))
    .filter(Boolean);
  const mentions = own.length > 0 ? reportMentions.filter((m) => !own.includes(m)) : [...reportMentions];
  return mentions.length > 0 ? mentions : undefined;
}

/** Fewer observations than this on either side and the data cannot say how much sharing means. */
const MIN_OBSERVATIONS = 30;
const MIN_SHARED = 5;
/** Records looked at to estimate m and u. */
const SAMPLE = 50_000;
/** Sharing a co-mention never outweighs everything else. */
const MOST_AGREEMENT = 12;

/** Each record's co-mentions as small ids (distinct per record), in flat arrays. */
export class CoMentions {
  private readonly start: Int32Array;
  private readonly ids: Int32Array;

  constructor(contexts: readonly (readonly string[])[]) {
    const intern = new Map<string, number>();
    this.start = new Int32Array(contexts.length + 1);
    let total = 0;
    for (let i = 0; i < contexts.length; i++) total += contexts[i]!.length;
    const ids = new Int32Array(total);
    let at = 0;
    for (let i = 0; i < contexts.length; i++) {
      const from = at;
      for (const key of contexts[i]!) {
        let id = intern.get(key);
        if (id === undefined) intern.set(key, (id = intern.size));
        let seen = false;
        for (let k = from; k < at && !seen; k++) seen = ids[k] === id;
        if (!seen) ids[at++] = id;
      }
      this.start[i + 1] = at;
    }
    this.ids = ids.subarray(0, at);
  }

  get any(): boolean {
    return this.ids.length > 0;
  }

  has(i: number): boolean {
    return this.start[i + 1]! > this.start[i]!;
  }

  /** Adds record i's co-mentions to a set. */
  addTo(i: number, set: Set<number>): void {
    for (let k = this.start[i]!; k < this.start[i + 1]!; k++) set.add(this.ids[k]!);
  }

  /**
   * How many records of each person mention each thing: with it, whether a record or a group of
   * records shares a co-mention with a person costs a look-up per co-mention, however many records
   * the person has.
   */
  byPerson(labels: ArrayLike<number>): PersonCoMentions {
    const n = labels.length;
    const index = new NumberIndex(this.ids.length);
    // At most one (thing, person) per co-mention held.
    const counts = new Int32Array(this.ids.length);
    for (let i = 0; i < n; i++) {
      for (let k = this.start[i]!; k < this.start[i + 1]!; k++) counts[index.idOf(this.ids[k]! * n + labels[i]!)]!++;
    }
    const count = (mention: number, label: number) => {
      const id = index.find(mention * n + label);
      return id < 0 ? 0 : counts[id]!;
    };
    return {
      sharesWithOwn: (i) => {
        for (let k = this.start[i]!; k < this.start[i + 1]!; k++) if (count(this.ids[k]!, labels[i]!) > 1) return true;
        return false;
      },
      recordSharesWith: (i, label) => {
        for (let k = this.start[i]!; k < this.start[i + 1]!; k++) if (count(this.ids[k]!, label) > 0) return true;
        return false;
      },
      setSharesWith: (mentions, label) => {
        for (const mention of mentions) if (count(mention, label) > 0) return true;
        return false;
      },
    };
  }
}

export interface PersonCoMentions {
  /** Whether record i shares a co-mention with another record of its own person. */
  sharesWithOwn(i: number): boolean;
  /** Whether record i shares a co-mention with any record of person `label`. */
  recordSharesWith(i: number, label: number): boolean;
  /** Whether any of these co-mentions is mentioned with person `label`. */
  setSharesWith(mentions: Iterable<number>, label: number): boolean;
}

/** Record indices grouped by label: the records of label L are order[start[L]..start[L+1]). */
export interface Groups {
  readonly start: Int32Array;
  readonly order: Int32Array;
}

/** `arena`: where the arrays come from, when the caller has one (see Arena). */
export function groupsOf(labels: ArrayLike<number>, arena: Arena = NO_ARENA): Groups {
  const n = labels.length;
  const start = arena.int32(n + 1);
  for (let i = 0; i < n; i++) start[labels[i]! + 1]!++;
  for (let l = 0; l < n; l++) start[l + 1]! += start[l]!;
  const next = arena.int32(n);
  next.set(start.subarray(0, n));
  const order = arena.int32(n);
  for (let i = 0; i < n; i++) order[next[labels[i]!]!++] = i;
  return { start, order };
}

/**
 * m and u of sharing a co-mention, from records already resolved: m is how often a record shares
 * one with the rest of its own person, u how often with another person of the same full name.
 * Null when the data has too few of either to say.
 */
export function coMentionWeights(
  co: CoMentions,
  shared: PersonCoMentions,
  labels: ArrayLike<number>,
  sizes: ArrayLike<number>,
  eligible: (label: number) => boolean,
  fullName: ArrayLike<number>,
  mostPeopleOfAName: number,
): CoMentionWeights | null {
  const n = labels.length;
  // The people (labels) of each full name.
  const peopleOfName = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const name = fullName[i]!;
    if (name < 0 || !eligible(labels[i]!)) continue;
    const people = peopleOfName.get(name);
    if (!people) peopleOfName.set(name, [labels[i]!]);
    else if (people.length <= mostPeopleOfAName && !people.includes(labels[i]!)) people.push(labels[i]!);
  }
  let [mSeen, mShared, uSeen, uShared] = [0, 0, 0, 0];
  // Every so many records, so the sample spans the whole data, not its first part.
  const step = Math.max(1, Math.floor(n / SAMPLE));
  for (let i = 0; i < n; i += step) {
    const label = labels[i]!;
    if (!co.has(i) || !eligible(label)) continue;
    if (sizes[label]! > 1) {
      mSeen++;
      if (shared.sharesWithOwn(i)) mShared++;
    }
    const people = fullName[i]! >= 0 ? peopleOfName.get(fullName[i]!) : undefined;
    if (!people || people.length > mostPeopleOfAName) continue;
    for (const other of people) {
      if (other === label) continue;
      uSeen++;
      if (shared.recordSharesWith(i, other)) uShared++;
    }
  }
  // Sharing hardly ever seen even within one person, and it cannot tell people apart.
  if (mSeen < MIN_OBSERVATIONS || uSeen < MIN_OBSERVATIONS || mShared < MIN_SHARED) return null;
  // Smoothed, so a u of nothing observed is not taken for impossibility.
  const m = (mShared + 0.5) / (mSeen + 1);
  const u = (uShared + 0.5) / (uSeen + 1);
  return coMentionWeightsOf({ m, u });
}

/** The weights of sharing a co-mention and of sharing none, given m and u; null when sharing says nothing. */
export function coMentionWeightsOf({ m, u }: { readonly m: number; readonly u: number }): CoMentionWeights | null {
  if (!(m > u) || m >= 1 || u <= 0) return null;
  return { agree: Math.min(MOST_AGREEMENT, Math.log2(m / u)), disagree: Math.log2((1 - m) / (1 - u)), m, u };
}
