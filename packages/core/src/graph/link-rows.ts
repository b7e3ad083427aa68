import { Invalid } from '../errors';
import { normalisePhone } from '../resolve/normalise';

/** A row of an imported list that could not be taken, and why. */
export interface RowProblem {
  /** The line of the file the row starts on (the header is line 1). */
  readonly line: number;
  readonly reason: string;
}

/** Which columns of a link list (call data records, or any two columns of identifiers) hold what. */
export interface LinkColumns {
  readonly from: string;
  readonly to: string;
  /** How strong each link is (a count); 1 when not given. */
  readonly weight?: string;
  /** When it happened (a call's start). */
  readonly at?: string;
  /** How long it lasted (a call's duration: seconds, or h:mm:ss). */
  readonly duration?: string;
  /** Read both ends as phone numbers (E.164; numbers without a country code are taken as UK). */
  readonly phones?: boolean;
}

/** One row taken: its two ends (normalised when phones) and what else it gave. */
export interface LinkRow {
  readonly from: string;
  readonly to: string;
  readonly weight?: number;
  readonly at?: Date;
  readonly seconds?: number;
}

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A time as call data gives it: ISO 8601 ("2026-03-01T10:22:05Z"; without a zone, UTC) or the
 * UK day-first form ("01/03/2026 10:22:05", UTC). Null when it is neither, or no real date.
 */
export function parseLinkTime(raw: string): Date | null {
  const text = raw.trim();
  const uk = UK_DATE.exec(text);
  if (uk) {
    const [day, month, year, hour = '0', minute = '0', second = '0'] = uk.slice(1);
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)));
    const real =
      date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1 && Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60;
    return real ? date : null;
  }
  if (!ISO_DATE.test(text)) return null;
  const zone = /(?:Z|[+-]\d{2}:?\d{2})$/.exec(text)?.[0];
  const iso = text.length === 10 ? `${text}T00:00:00Z` : zone ? text.replace(' ', 'T') : `${text.replace(' ', 'T')}Z`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // In UTC the day must come back as written: 2026-02-30 is no date.
  if ((!zone || zone === 'Z') && date.toISOString().slice(0, 10) !== text.slice(0, 10)) return null;
  return date;
}

/** A duration in whole seconds: "95", or "1:35", or "0:01:35". Null when it is none of these. */
export function parseDuration(raw: string): number | null {
  const text = raw.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const parts = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (!parts) return null;
  const [hours, minutes, seconds] = [Number(parts[1] ?? 0), Number(parts[2]), Number(parts[3])];
  return minutes < 60 && seconds < 60 ? hours * 3600 + minutes * 60 + seconds : null;
}

/**
 * Reads the rows of a link list with a header row: finds the named columns (refusing, with every
 * missing one named, a header without them), then takes each row or says why not: a different
 * number of cells, an empty end, a number that is not a phone number, a weight that is not a
 * positive number, a time or duration that cannot be read. Other columns are ignored.
 */
export function linkRowReader(header: readonly string[], columns: LinkColumns): (record: readonly string[], line: number) => LinkRow | RowProblem {
  const wanted: [keyof LinkColumns, string | undefined][] = [
    ['from', columns.from],
    ['to', columns.to],
    ['weight', columns.weight],
    ['at', columns.at],
    ['duration', columns.duration],
  ];
  const missing = wanted.filter(([, name]) => name !== undefined && !header.includes(name));
  if (missing.length)
    throw new Invalid(
      `The file has no column ${missing.map(([, name]) => `"${name}"`).join(', ')} (its columns: ${header.join(', ')})`,
      missing.map(([field, name]) => ({ path: `columns.${field}`, message: `The file has no column "${name}"`, reason: 'invalid' as const })),
    );
  const at = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name));
  const [from, to, weight, time, duration] = [at(columns.from), at(columns.to), at(columns.weight), at(columns.at), at(columns.duration)];
  const end = (raw: string): string | null => (columns.phones ? normalisePhone(raw) : raw);

  return (record, line) => {
    if (record.length !== header.length) return { line, reason: `has ${record.length} cells where the header has ${header.length}` };
    const ends = [from, to].map((i) => ({ name: header[i]!, raw: record[i]!.trim() }));
    const empty = ends.find((e) => !e.raw);
    if (empty) return { line, reason: `has no ${empty.name}` };
    const [a, b] = ends.map((e) => end(e.raw));
    if (!a || !b) {
      const bad = !a ? ends[0]! : ends[1]!;
      return { line, reason: `${bad.name} "${bad.raw}" is not a phone number` };
    }
    const row: { from: string; to: string; weight?: number; at?: Date; seconds?: number } = { from: a, to: b };
    if (weight >= 0) {
      const raw = record[weight]!;
      const value = Number(raw);
      if (!raw || !(value > 0) || !Number.isFinite(value)) return { line, reason: `${header[weight]} "${raw}" is not a positive number` };
      row.weight = value;
    }
    if (time >= 0) {
      const value = parseLinkTime(record[time]!);
      if (!value) return { line, reason: `${header[time]} "${record[time]}" is not a date and time (use 2026-03-01T10:22:05Z or 01/03/2026 10:22:05)` };
      row.at = value;
    }
    if (duration >= 0 && record[duration]!.trim()) {
      const value = parseDuration(record[duration]!);
      if (value === null) return { line, reason: `${header[duration]} "${record[duration]}" is not a duration (seconds, or h:mm:ss)` };
      row.seconds = value;
    }
    return row;
  };
}

export function isRowProblem(row: LinkRow | RowProblem): row is RowProblem {
  return 'reason' in row;
}

/** One number's calls to another (one way): how many, how long in all, the first and last, and the hours they fell in. */
export interface CallPair {
  readonly from: string;
  readonly to: string;
  readonly calls: number;
  readonly seconds: number;
  readonly first: Date | null;
  readonly last: Date | null;
  /** Timed calls by the hour of the day they began in UK time (0–23); untimed calls are in none. */
  readonly hours: readonly number[];
}

/** The hour of the day in the UK, where a force reads call data: kept per clock hour, as zones change only on the hour. */
const ukHour = (() => {
  const format = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/London' });
  const known = new Map<number, number>();
  return (at: Date): number => {
    const slot = Math.floor(at.getTime() / 3_600_000);
    let hour = known.get(slot);
    if (hour === undefined) {
      hour = Number(format.format(at)) % 24;
      if (known.size > 100_000) known.clear();
      known.set(slot, hour);
    }
    return hour;
  };
})();

/**
 * Gathers calls by caller and callee (each way its own pair, so calls made and received stay
 * apart); a call from a number to itself joins nothing and is left out.
 */
export function callPairs(rows: Iterable<LinkRow>): CallPair[] {
  const pairs = new Map<string, { from: string; to: string; calls: number; seconds: number; first: number; last: number; hours: number[] }>();
  for (const row of rows) {
    if (row.from === row.to) continue;
    const key = `${row.from}\u0000${row.to}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { from: row.from, to: row.to, calls: 0, seconds: 0, first: Infinity, last: -Infinity, hours: new Array<number>(24).fill(0) };
      pairs.set(key, pair);
    }
    const calls = row.weight ?? 1;
    pair.calls += calls;
    pair.seconds += row.seconds ?? 0;
    if (row.at) {
      pair.first = Math.min(pair.first, row.at.getTime());
      pair.last = Math.max(pair.last, row.at.getTime());
      pair.hours[ukHour(row.at)]! += calls;
    }
  }
  return [...pairs.values()].map((p) => ({
    from: p.from,
    to: p.to,
    calls: p.calls,
    seconds: p.seconds,
    first: Number.isFinite(p.first) ? new Date(p.first) : null,
    last: Number.isFinite(p.last) ? new Date(p.last) : null,
    hours: p.hours,
  }));
}
