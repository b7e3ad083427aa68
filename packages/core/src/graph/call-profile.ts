/** One number's calls with another as call data records them, one way. */
export interface NumberCalls {
  readonly way: 'in' | 'out';
  /** The other number (its phone entity) and how it is shown. */
  readonly other: string;
  readonly otherLabel: string;
  readonly calls: number;
  readonly seconds: number;
  readonly first: Date | null;
  readonly last: Date | null;
  /** Timed calls by the UK hour they began in (24 counts); null when the import kept no hours. */
  readonly hours: readonly number[] | null;
}

/** A person the picture says uses a phone. */
export interface PhoneUser {
  readonly phone: string;
  readonly person: string;
  readonly label: string;
}

export interface Named {
  readonly id: string;
  readonly label: string;
}

/** Someone a number is in contact with: one person (or several sharing phones) and every number of theirs it called or was called by. */
export interface CallContact {
  /** The people the picture says use these numbers; none when no one is known. */
  readonly people: readonly Named[];
  readonly numbers: readonly Named[];
  readonly callsOut: number;
  readonly callsIn: number;
  readonly seconds: number;
  readonly first: Date | null;
  readonly last: Date | null;
}

/** A number's calls as an analyst reads them. */
export interface CallProfile {
  readonly callsOut: number;
  readonly callsIn: number;
  readonly seconds: number;
  readonly first: Date | null;
  readonly last: Date | null;
  /** Timed calls by the UK hour they began in, and how many calls that covers. */
  readonly hours: readonly number[];
  readonly timed: number;
  /** Most calls first. */
  readonly contacts: readonly CallContact[];
}

/**
 * Reads one number's calls: made and received, how long in all, when, at which hours, and with
 * whom. Contacts are people, not numbers: numbers the picture says one person uses are one
 * contact, and numbers that share a user (a phone passed round a house) join theirs, so no person
 * appears twice and no call is counted twice. A number with no known user is a contact of its own.
 */
export function callProfile(self: string, rows: readonly NumberCalls[], users: readonly PhoneUser[]): CallProfile {
  const hours = new Array<number>(24).fill(0);
  let [callsOut, callsIn, seconds, first, last] = [0, 0, 0, Infinity, -Infinity];
  const theirs = rows.filter((r) => r.other !== self);
  for (const r of theirs) {
    if (r.way === 'out') callsOut += r.calls;
    else callsIn += r.calls;
    seconds += r.seconds;
    if (r.first) first = Math.min(first, r.first.getTime());
    if (r.last) last = Math.max(last, r.last.getTime());
    r.hours?.forEach((n, h) => (hours[h]! += n));
  }

  // Numbers joined through the people who use them: each group is one contact.
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const join = (x: string, y: string) => parent.set(root(x), root(y));
  const numbers = new Map(theirs.map((r) => [r.other, r.otherLabel]));
  for (const n of numbers.keys()) parent.set(n, n);
  const people = new Map<string, Named>();
  const peopleOf = new Map<string, Set<string>>();
  for (const u of users) {
    if (!numbers.has(u.phone)) continue;
    people.set(u.person, { id: u.person, label: u.label });
    const key = `person:${u.person}`;
    if (!parent.has(key)) parent.set(key, key);
    join(u.phone, key);
  }
  for (const u of users) if (numbers.has(u.phone)) peopleOf.set(root(u.phone), (peopleOf.get(root(u.phone)) ?? new Set()).add(u.person));

  const contacts = new Map<string, { numbers: Set<string>; callsOut: number; callsIn: number; seconds: number; first: number; last: number }>();
  for (const r of theirs) {
    const key = root(r.other);
    const c = contacts.get(key) ?? { numbers: new Set<string>(), callsOut: 0, callsIn: 0, seconds: 0, first: Infinity, last: -Infinity };
    c.numbers.add(r.other);
    if (r.way === 'out') c.callsOut += r.calls;
    else c.callsIn += r.calls;
    c.seconds += r.seconds;
    if (r.first) c.first = Math.min(c.first, r.first.getTime());
    if (r.last) c.last = Math.max(c.last, r.last.getTime());
    contacts.set(key, c);
  }
  const byLabel = (a: Named, b: Named) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
  return {
    callsOut,
    callsIn,
    seconds,
    first: dateOrNull(first),
    last: dateOrNull(last),
    hours,
    timed: hours.reduce((sum, n) => sum + n, 0),
    contacts: [...contacts]
      .map(([key, c]) => ({
        people: [...(peopleOf.get(key) ?? [])].map((id) => people.get(id)!).sort(byLabel),
        numbers: [...c.numbers].map((id) => ({ id, label: numbers.get(id)! })).sort(byLabel),
        callsOut: c.callsOut,
        callsIn: c.callsIn,
        seconds: c.seconds,
        first: dateOrNull(c.first),
        last: dateOrNull(c.last),
      }))
      .sort(
        (a, b) =>
          b.callsOut + b.callsIn - (a.callsOut + a.callsIn) ||
          (b.last?.getTime() ?? 0) - (a.last?.getTime() ?? 0) ||
          a.numbers[0]!.label.localeCompare(b.numbers[0]!.label),
      ),
  };
}

const dateOrNull = (ms: number) => (Number.isFinite(ms) ? new Date(ms) : null);
