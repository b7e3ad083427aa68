import { recordIdentity, type RecordIdentity } from './keys';

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
/** Records looked at to estimate m and u, and records of one person looked through per check. */
const SAMPLE = 50_000;
const MOST_RECORDS_LOOKED_AT = 400;
/** Sharing a co-mention never outweighs everything else. */
const MOST_AGREEMENT = 12;

export class CoMentions {
  private readonly start: Int32Array;
  private readonly ids: Int32Array;

  constructor(contexts: readonly (readonly string[])[]) {
    const intern = new Map<string, number>();
    this.start = new Int32Array(contexts.length + 1);
    let total = 0;
    for (let i = 0; i < contexts.length; i++) total += contexts[i]!.length;
    this.ids = new Int32Array(total);
    let at = 0;
    for (let i = 0; i < contexts.length; i++) {
      for (const key of contexts[i]!) {
        let id = intern.get(key);
        if (id === undefined) intern.set(key, (id = intern.size));
        this.ids[at++] = id;
      }
      this.start[i + 1] = at;
    }
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

  /** Whether any of the records (at most the first few hundred) mentions alongside it something in `set`. */
  sharesWith(records: ArrayLike<number>, from: number, to: number, set: ReadonlySet<number>, skip = -1): boolean {
    const end = Math.min(to, from + MOST_RECORDS_LOOKED_AT);
    for (let r = from; r < end; r++) {
      const i = records[r]!;
      if (i === skip) continue;
      for (let k = this.start[i]!; k < this.start[i + 1]!; k++) if (set.has(this.ids[k]!)) return true;
    }
    return false;
  }
}

/** Record indices grouped by label: the records of label L are order[start[L]..start[L+1]). */
export interface Groups {
  readonly start: Int32Array;
  readonly order: Int32Array;
}

export function groupsOf(labels: ArrayLike<number>): Groups {
  const n = labels.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[labels[i]! + 1]!++;
  for (let l = 0; l < n; l++) start[l + 1]! += start[l]!;
  const next = start.slice(0, n);
  const order = new Int32Array(n);
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
  labels: ArrayLike<number>,
  groups: Groups,
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
  let mSeen = 0;
  let mShared = 0;
  let uSeen = 0;
  let uShared = 0;
  const own = new Set<number>();
  for (let i = 0, looked = 0; i < n && looked < SAMPLE; i++) {
    const label = labels[i]!;
    if (!co.has(i) || !eligible(label)) continue;
    looked++;
    own.clear();
    co.addTo(i, own);
    const from = groups.start[label]!;
    const to = groups.start[label + 1]!;
    if (to - from > 1) {
      mSeen++;
      if (co.sharesWith(groups.order, from, to, own, i)) mShared++;
    }
    const people = fullName[i]! >= 0 ? peopleOfName.get(fullName[i]!) : undefined;
    if (!people || people.length > mostPeopleOfAName) continue;
    for (const other of people) {
      if (other === label) continue;
      uSeen++;
      if (co.sharesWith(groups.order, groups.start[other]!, groups.start[other + 1]!, own)) uShared++;
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
