import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema';
import { receivedBefore, receivedFrom } from './received-in';

/** The lock held while deltas are folded in, so two workers never fold the same ones. */
const FOLD_LOCK = 4_801_340;

/**
 * Deletes the first `limit` deltas, returning them. A range of ids, not `id in (select … limit)`:
 * that form is planned as a nested loop when the table's statistics say it is empty (as after the
 * fold before, or on a standby just promoted) and took 5 minutes for 50,000 deltas.
 */
export function takeDeltas(limit: number): RawBuilder<unknown> {
  return sql`
    delete from tally_deltas where id <= (select max(id) from (select id from tally_deltas order by id limit ${limit}) head)
    returning victims, place, month, area, source, child, exploitation_type, gender, nationality, n`;
}

/** Which reports a figure counts. Months are first days ('2026-01-01'); `to` is included. */
export interface TallyFilter {
  readonly from?: string;
  readonly to?: string;
  readonly area?: string;
  readonly source?: string;
  readonly child?: boolean;
  readonly exploitationType?: string;
}

export type ReportDimension = 'month' | 'area' | 'source' | 'child' | 'exploitation_type';
export type VictimDimension = ReportDimension | 'gender' | 'nationality';

export interface ReportBehind {
  readonly id: string;
  readonly reference: string;
  readonly source: string;
  readonly received_at: Date;
  readonly local_authority: string | null;
  readonly exploitation_types: string[];
  readonly involves_child: boolean;
  readonly status: string;
}

export interface VictimForResearch {
  readonly received_at: Date;
  readonly dob: string | null;
  readonly gender: string | null;
  readonly nationality_code: string | null;
  readonly local_authority: string | null;
  readonly exploitation_types: string[];
  readonly source: string;
}

export interface TallyRow {
  readonly key: string;
  readonly n: number;
}

// Column names are chosen from these, never from input.
const COLUMNS: Record<VictimDimension | 'place', string> = {
  month: "to_char(month, 'YYYY-MM')",
  area: 'area',
  source: 'source',
  child: "case when child then 'child' else 'adult' end",
  exploitation_type: 'exploitation_type',
  gender: 'gender',
  nationality: 'nationality',
  place: 'place',
};

/**
 * Figures counted from the tallies that triggers keep as reports are written (migration 0014):
 * the folded tally plus the deltas not yet folded in, so a figure is exact the moment a report
 * is committed. Nothing here reads a report, so nothing here is personal data.
 */
export class TallyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Reports counted by one dimension. A report with several exploitation types counts once under each. */
  reports(filter: TallyFilter, by: ReportDimension): Promise<TallyRow[]> {
    return this.count('tally_reports', sql`not victims`, filter, by);
  }

  /** Reports counted by place (town as written, or postcode district): for the map. */
  places(filter: TallyFilter): Promise<TallyRow[]> {
    return this.count('tally_places', sql`not victims`, filter, 'place');
  }

  /** Potential victims counted by one dimension. */
  victims(filter: TallyFilter, by: VictimDimension): Promise<TallyRow[]> {
    return this.count('tally_victims', sql`victims`, filter, by);
  }

  /** Reports under the filter's other parts received from one day to another (both included, UK days): part of a month. */
  async reportsOnDays(filter: TallyFilter, fromDay: string, throughDay: string): Promise<number> {
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from reports r
      where ${this.reportsWhere(Object.fromEntries(Object.entries(filter).filter(([k]) => k !== 'from' && k !== 'to')))}
        and ${receivedFrom('r.received_at', fromDay)}
        and r.received_at < ((${throughDay}::date + 1)::timestamp at time zone 'Europe/London')`.execute(this.db);
    return rows.rows[0]?.n ?? 0;
  }

  /** The first and last months with any report, if any. */
  async span(): Promise<{ first: string; last: string } | undefined> {
    const row = await sql<{ first: string | null; last: string | null }>`
      select to_char(min(month), 'YYYY-MM') as first, to_char(max(month), 'YYYY-MM') as last from (
        select month from tally_reports where exploitation_type = 'all' and n <> 0
        union all select month from tally_deltas where not victims) t`.execute(this.db);
    const { first, last } = row.rows[0] ?? { first: null, last: null };
    return first && last ? { first, last } : undefined;
  }

  private async count(
    table: 'tally_reports' | 'tally_victims' | 'tally_places',
    deltas: RawBuilder<unknown>,
    filter: TallyFilter,
    by: VictimDimension | 'place',
  ): Promise<TallyRow[]> {
    const key = sql.raw(COLUMNS[by]);
    const where = this.where(filter, by);
    const extra =
      table === 'tally_victims'
        ? sql`gender, nationality, '' as place`
        : table === 'tally_places'
          ? sql`'' as gender, '' as nationality, place`
          : sql`'' as gender, '' as nationality, '' as place`;
    const rows = await sql<{ key: string; n: number }>`
      select ${key} as key, sum(n)::float8 as n from (
        select * from (select month, area, source, child, exploitation_type, ${extra}, n from ${sql.table(table)}) folded where ${where}
        union all
        select month, area, source, child, exploitation_type, gender, nationality, place, n from tally_deltas where ${deltas} and ${where}
      ) t group by 1 having sum(n) <> 0 order by 1`.execute(this.db);
    return rows.rows.map((r) => ({ key: r.key, n: Number(r.n) }));
  }

  private where(filter: TallyFilter, by: VictimDimension | 'place'): RawBuilder<unknown> {
    const parts: RawBuilder<unknown>[] = [];
    if (filter.from) parts.push(sql`month >= ${filter.from}::date`);
    if (filter.to) parts.push(sql`month <= ${filter.to}::date`);
    if (filter.area !== undefined) parts.push(sql`area = ${filter.area}`);
    if (filter.source) parts.push(sql`source = ${filter.source}`);
    if (filter.child !== undefined) parts.push(sql`child = ${filter.child}`);
    // Counted by type, every type but 'all'; otherwise the one row each report has under 'all' (or under the type asked for).
    if (by === 'exploitation_type') parts.push(filter.exploitationType ? sql`exploitation_type = ${filter.exploitationType}` : sql`exploitation_type <> 'all'`);
    else parts.push(sql`exploitation_type = ${filter.exploitationType ?? 'all'}`);
    return sql.join(parts, sql` and `);
  }

  /**
   * Folds up to `limit` deltas into the tallies, in one transaction; returns how many. One
   * worker at a time: another that finds the lock taken folds nothing this time.
   */
  async fold(limit = 50_000): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const locked = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${FOLD_LOCK}) as locked`.execute(tx);
      if (!locked.rows[0]?.locked) return 0;
      const moved = await sql<{ moved: number }>`
        with taken as (${takeDeltas(limit)}), reports as (
          insert into tally_reports as t (month, area, source, child, exploitation_type, n)
          select month, area, source, child, exploitation_type, sum(n) from taken where not victims group by 1, 2, 3, 4, 5
          on conflict (month, area, source, child, exploitation_type) do update set n = t.n + excluded.n
        ), places as (
          insert into tally_places as t (month, area, place, source, child, exploitation_type, n)
          select month, area, place, source, child, exploitation_type, sum(n) from taken where not victims group by 1, 2, 3, 4, 5, 6
          on conflict (month, area, place, source, child, exploitation_type) do update set n = t.n + excluded.n
        ), victims as (
          insert into tally_victims as t (month, area, source, child, exploitation_type, gender, nationality, n)
          select month, area, source, child, exploitation_type, gender, nationality, sum(n) from taken where victims group by 1, 2, 3, 4, 5, 6, 7
          on conflict (month, area, source, child, exploitation_type, gender, nationality) do update set n = t.n + excluded.n
        )
        select count(*)::int as moved from taken`.execute(tx);
      return moved.rows[0]?.moved ?? 0;
    });
  }

  /**
   * Gives each potential victim the country their written nationality names, where not yet done
   * (people written down before Harbour read nationalities); their figures move with them.
   */
  async fillNationalityCodes(codeOf: (written: string) => string | undefined): Promise<number> {
    const written = await sql<{ nationality: string }>`
      select distinct nationality from report_persons where nationality_code is null and nationality is not null`.execute(this.db);
    let filled = 0;
    for (const { nationality } of written.rows) {
      const code = codeOf(nationality);
      if (!code) continue;
      const updated = await sql`update report_persons set nationality_code = ${code} where nationality = ${nationality} and nationality_code is null`.execute(
        this.db,
      );
      filled += Number(updated.numAffectedRows ?? 0);
    }
    return filled;
  }

  /**
   * The reports a figure counts, newest first, with how many there are in all: the records
   * behind a number. The same filter as the tallies (months in Welsh time), so the count agrees.
   */
  async reportsBehind(filter: TallyFilter, limit: number, offset: number): Promise<{ total: number; rows: ReportBehind[] }> {
    const where = this.reportsWhere(filter, '');
    const total = await sql<{ n: number }>`select count(*)::int as n from reports where ${where}`.execute(this.db);
    const rows = await sql<ReportBehind>`
      select id, reference, source, received_at, local_authority, exploitation_types, involves_child, status
      from reports where ${where} order by received_at desc, id limit ${limit} offset ${offset}`.execute(this.db);
    return { total: total.rows[0]?.n ?? 0, rows: rows.rows };
  }

  /** The reports a figure counts, as a condition on the reports table (aliased `r`, or unaliased with ''). */
  private reportsWhere(filter: TallyFilter, alias = 'r.'): RawBuilder<unknown> {
    const column = (name: string) => sql.ref(`${alias}${name}`);
    const parts: RawBuilder<unknown>[] = [sql`${column('source')} <> 'call_data'`];
    if (filter.from) parts.push(receivedFrom(`${alias}received_at`, filter.from));
    if (filter.to) parts.push(receivedBefore(`${alias}received_at`, filter.to));
    if (filter.area !== undefined)
      parts.push(filter.area === '' ? sql`${column('local_authority')} is null` : sql`${column('local_authority')} = ${filter.area}`);
    if (filter.source) parts.push(sql`${column('source')} = ${filter.source}`);
    if (filter.child !== undefined) parts.push(sql`${column('involves_child')} = ${filter.child}`);
    const types = column('exploitation_types');
    if (filter.exploitationType === 'unknown') parts.push(sql`(cardinality(${types}) = 0 or 'unknown' = any(${types}))`);
    else if (filter.exploitationType) parts.push(sql`${filter.exploitationType} = any(${types})`);
    return sql.join(parts, sql` and `);
  }

  /** Whether any change waits to be folded into the tallies. */
  async hasDeltas(): Promise<boolean> {
    const found = await sql<{ waiting: boolean }>`select exists (select 1 from tally_deltas) as waiting`.execute(this.db);
    return found.rows[0]?.waiting === true;
  }

  /**
   * Folds every waiting delta in, a batch at a time; after a large fold, vacuums the delta table:
   * deleted deltas stay in it as dead rows until vacuumed, and every figure reads the table
   * (on a PostgreSQL server autovacuum would come, but only after minutes of slow figures).
   */
  async foldAll(batch = 50_000, vacuumAfter = 20_000): Promise<number> {
    let folded = 0;
    for (let n = await this.fold(batch); n > 0; n = await this.fold(batch)) folded += n;
    if (folded >= vacuumAfter) await sql`vacuum (analyze) tally_deltas`.execute(this.db);
    return folded;
  }

  /**
   * Every potential victim of the reports received in a span of months (Welsh time), once each
   * however many reports name them (a resolved person of the picture; a record not yet resolved
   * is one), with only what a research export keeps of them: no name, no reference, no town.
   * Their details are what their records say most often; area, source and date are those of the
   * first report naming them in the span; exploitation, every kind any of those reports gives.
   */
  async victimsForResearch(from: string, to: string): Promise<VictimForResearch[]> {
    const rows = await sql<Omit<VictimForResearch, 'exploitation_types'> & { types: string | null }>`
      select min(r.received_at) as received_at,
             mode() within group (order by p.dob::text) filter (where p.dob is not null) as dob,
             mode() within group (order by p.gender) filter (where coalesce(p.gender, '') <> '') as gender,
             mode() within group (order by p.nationality_code) filter (where p.nationality_code is not null) as nationality_code,
             (array_agg(r.local_authority order by r.received_at, r.id))[1] as local_authority,
             (array_agg(r.source order by r.received_at, r.id))[1] as source,
             string_agg(array_to_string(r.exploitation_types, ','), ',') as types
      from report_persons p join reports r on r.id = p.report_id left join entity_records x on x.id = p.id
      where p.role = 'potential_victim' and ${this.reportsWhere({ from, to })}
      group by coalesce(x.entity_id, p.id)`.execute(this.db);
    return rows.rows.map(({ types, ...v }) => ({ ...v, exploitation_types: [...new Set((types ?? '').split(',').filter(Boolean))] }));
  }

  /** Deltas waiting to be folded in. */
  async waiting(): Promise<number> {
    const row = await sql<{ n: number }>`select count(*)::int as n from tally_deltas`.execute(this.db);
    return row.rows[0]?.n ?? 0;
  }
}
