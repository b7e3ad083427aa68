import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema';
import { receivedBefore, receivedFrom } from './received-in';
import type { TallyFilter } from './tally.repository';

/** The lock held while people are counted, so two workers never count one person twice. */
export const PEOPLE_LOCK = 4_801_341;

/** Changes taken after which the tally's tables are vacuumed. */
const VACUUM_AFTER = 5_000;

/** The columns a row of the people tally is known by, in its primary key's order. */
const TALLY_KEY = 'parts, area, source, child, exploitation_type, month, next_month, role, gender, nationality, age_band';

/** The filter's parts a tally row was counted for (migration 0049). */
const PART = { area: 1, source: 2, child: 4, exploitationType: 8 } as const;

/** People of a part, by their gender, nationality and age band. */
export interface PeopleRow {
  readonly role: 'potential_victim' | 'suspect';
  readonly gender: string;
  readonly nationality: string;
  /** Contract AGE_BANDS. */
  readonly age_band: string;
  readonly n: number;
}

/** A person behind a figure of people. */
export interface PersonBehindRow {
  /** The person in the picture; null for a record not resolved yet. */
  readonly id: string | null;
  readonly label: string;
  readonly gender: string;
  readonly nationality: string;
  readonly age_band: string;
  readonly reports: number;
  readonly latest: Date;
}

/** A person's age band on a day, from their date of birth (contract AGE_BANDS). */
function ageBand(dob: RawBuilder<unknown>, on: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`case
    when ${dob} is null then 'unknown'
    else (select case when y < 18 then 'under_18' when y < 25 then '18_24' when y < 35 then '25_34'
                      when y < 45 then '35_44' when y < 55 then '45_54' else '55_plus' end
          from (select date_part('year', age((${on} at time zone 'Europe/London')::date, ${dob}))::int as y) a)
    end`;
}

/**
 * What a person is counted as: the gender, nationality and date of birth their records say most
 * often, of those that say (ties to the first in order, so the same records always give the same
 * answer). From rows of `people_facts` shape holding every record of each person.
 */
function attributesOf(facts: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select person,
           coalesce(mode() within group (order by gender) filter (where gender <> 'unknown'), 'unknown') as gender,
           coalesce(mode() within group (order by nationality) filter (where nationality <> ''), '') as nationality,
           mode() within group (order by dob) filter (where dob is not null) as dob
    from ${facts} f group by person`;
}

/**
 * The tally rows a set of people makes (see migration 0049), each counted `sign` times: for every
 * set of the filter's parts, each month a person is named in under those parts, with the next
 * month they are named in again under the same ones. `facts` holds every record of each person.
 */
function rowsOf(facts: RawBuilder<unknown>, sign: 1 | -1): RawBuilder<unknown> {
  return sql`
    with f as (${facts}),
    a as (${attributesOf(sql`f`)}),
    -- Each record's month and types worked out once, not once for each set of parts.
    r as (select f.*, tally_month(f.received_at) as month, array_remove(tally_types(f.exploitation_types), 'all') as types from f),
    s as (
      select f.person, f.role, d.parts,
             case when d.parts & ${PART.area} <> 0 then f.area else '*' end as area,
             case when d.parts & ${PART.source} <> 0 then f.source else '*' end as source,
             d.parts & ${PART.child} <> 0 and f.child as child,
             t as exploitation_type, f.month, f.received_at
      from r f cross join generate_series(0, 15) d(parts)
      cross join lateral unnest(case when d.parts & ${PART.exploitationType} <> 0 then f.types else array['*'] end) t
    ),
    m as (
      select person, role, parts, area, source, child, exploitation_type, month, max(received_at) as latest
      from s group by 1, 2, 3, 4, 5, 6, 7, 8
    ),
    n as (
      select m.*, coalesce(lead(month) over (partition by person, role, parts, area, source, child, exploitation_type order by month),
                           'infinity'::date) as next_month
      from m
    )
    select n.parts, n.area, n.source, n.child, n.exploitation_type, n.month, n.next_month, n.role,
           a.gender, a.nationality, ${ageBand(sql`a.dob`, sql`n.latest`)} as age_band, (count(*) * ${sign})::int as n
    from n join a on a.person = n.person
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`;
}

/**
 * Every record, as it stands now, of the people in `persons` (a query of one column, `person`; an
 * unresolved record is a person of its own).
 */
function recordsOf(persons: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select p.id as record_id, p.report_id, k.person, p.role, r.received_at, coalesce(r.local_authority, '') as area,
           r.source, r.involves_child as child, r.exploitation_types, tally_gender(p.gender) as gender,
           coalesce(p.nationality_code, '') as nationality, p.dob
    from (
      select x.id, x.entity_id as person from entity_records x join (${persons}) c on c.person = x.entity_id where x.kind = 'person'
      union all
      select p.id, p.id from report_persons p join (${persons}) c on c.person = p.id left join entity_records x on x.id = p.id
      where x.entity_id is null
    ) k
    join report_persons p on p.id = k.id join reports r on r.id = p.report_id
    where p.role in ('potential_victim', 'suspect') and r.source <> 'call_data'`;
}

/**
 * The people the records in `records` (a query of one column, `record_id`) were last counted
 * under, and the people they belong to now (an unresolved record is a person of its own).
 */
function personsOf(records: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select f.person from people_facts f where f.record_id in (${records})
    union
    select coalesce(x.entity_id, p.id) from report_persons p left join entity_records x on x.id = p.id where p.id in (${records})`;
}

/** The records counted or to be counted under the people in `persons` (a query of one column, `person`). */
function recordsOfPeople(persons: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select f.record_id from people_facts f where f.person in (${persons})
    union all
    select x.id from entity_records x where x.entity_id in (${persons})
    union all
    ${persons}`;
}

/** How a catch-up divides its work. */
export interface PeopleTallyOptions {
  /**
   * Changes taken in one transaction. PGlite has one connection, so a catch-up holding it holds
   * up every request: in short transactions, requests go between them.
   */
  readonly perTransaction?: number;
  /**
   * Changes waiting above which they are all taken in one transaction (a store counted for the
   * first time, a bulk load): each tally row is then written once, not once a transaction.
   */
  readonly bulkAbove?: number;
  /** People counted again together, in one statement; bounds the memory a large change takes. */
  readonly perSlice?: number;
}

/**
 * Potential victims and suspects counted as people: each once however many reports name them
 * (a resolved person is one, a record not yet resolved is one), from the people tally
 * (migration 0049), which catches up on changed records before any figure is read. Nothing here
 * is read from a report at figure time, so a figure over a million reports is a sum of a few
 * thousand rows.
 */
export class PeopleTallyRepository {
  private readonly perTransaction: number;
  private readonly bulkAbove: number;
  private readonly perSlice: number;
  /** Changes taken by this process since it last vacuumed the tally's tables. */
  private sinceVacuum = 0;

  constructor(
    private readonly db: Kysely<DB>,
    options: PeopleTallyOptions = {},
  ) {
    this.perTransaction = options.perTransaction ?? 200;
    this.bulkAbove = options.bulkAbove ?? 100_000;
    this.perSlice = options.perSlice ?? 50_000;
  }

  /**
   * Counts again the people of every record changed so far, each person once however many of
   * their records changed; returns how many changes it took. A few hundred changes a transaction,
   * or all at once when very many wait. Changes noted while it runs wait for the next catch-up, so
   * a busy store cannot keep one going. One worker at a time: the figures job (every few seconds),
   * and work that needs every person counted first (retention, a problem profile).
   */
  async catchUp(): Promise<number> {
    const noted = await sql<{ last: string | null; waiting: number }>`
      select max(id)::text as last, count(*)::int as waiting from people_dirty`.execute(this.db);
    const { last, waiting } = noted.rows[0] ?? { last: null, waiting: 0 };
    if (last === null) return 0;
    let taken = 0;
    for (;;) {
      const once = await this.countAgain(last, waiting > this.bulkAbove ? undefined : this.perTransaction);
      taken += once;
      if (once === 0) break;
    }
    // Changes leave the tables they rewrote full of dead rows until vacuumed, and every figure
    // reads them (the embedded store has no autovacuum).
    this.sinceVacuum += taken;
    if (this.sinceVacuum >= VACUUM_AFTER) {
      this.sinceVacuum = 0;
      await sql`vacuum (analyze) people_dirty, people_facts, people_attributes, tally_people`.execute(this.db);
    }
    return taken;
  }

  /**
   * What a figure of people does before it is read: counts the people of a few changed records
   * (at most one transaction's worth, tens of milliseconds), so a figure is exact after ordinary
   * work; a larger burst (an import, a big merge), or a count another worker is running, is left
   * to the background catch-up rather than waited for (the soak of issue 23 found dashboards
   * queueing for seconds behind each other's counts as the store grew). Never vacuums. Returns
   * whether changes still wait to be counted, for the figure to say so.
   */
  async catchUpBriefly(): Promise<boolean> {
    const noted = await sql<{ last: string | null; waiting: number }>`
      select (select max(id) from people_dirty)::text as last,
             (select count(*) from (select 1 from people_dirty limit ${this.perTransaction + 1}) w)::int as waiting`.execute(this.db);
    const { last, waiting } = noted.rows[0] ?? { last: null, waiting: 0 };
    if (last === null) return false;
    if (waiting > this.perTransaction) return true;
    if ((await this.countAgain(last, this.perTransaction, { wait: false })) === undefined) return true;
    return this.waiting();
  }

  /**
   * Counts again, in one transaction, the people of the changes noted up to `last` (the first
   * `limit` of them, if given) not taken yet; returns how many it took, or undefined when told not
   * to wait and another worker is counting.
   */
  private async countAgain(last: string, limit: number | undefined): Promise<number>;
  private async countAgain(last: string, limit: number | undefined, options: { wait: false }): Promise<number | undefined>;
  private async countAgain(last: string, limit: number | undefined, options: { wait: boolean } = { wait: true }): Promise<number | undefined> {
    return this.db.transaction().execute(async (tx) => {
      if (!options.wait) {
        const taken = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${PEOPLE_LOCK}) as locked`.execute(tx);
        if (!taken.rows[0]?.locked) return undefined;
      } else {
        await sql`select pg_advisory_xact_lock(${PEOPLE_LOCK})`.execute(tx);
      }
      // Sorting and grouping a few hundred thousand rows in memory, not in files.
      await sql`set local work_mem = '64MB'`.execute(tx);
      const bound = await sql<{ id: string | null }>`
        select ${limit ? sql`(select max(id) from (select id from people_dirty where id <= ${last}::bigint order by id limit ${limit}) f)` : sql`${last}::bigint`}::text as id`.execute(
        tx,
      );
      const upTo = bound.rows[0]?.id;
      if (!upTo) return 0;
      await sql`create temp table people_counted (person uuid primary key, slice integer) on commit drop`.execute(tx);
      await sql`create temp table people_changed (record_id uuid primary key) on commit drop`.execute(tx);
      if (limit) {
        // The people of the first changes waiting; every change waiting of any of their records is
        // taken with them, so a person named in a hundred reports is counted again once, not once
        // a transaction.
        await sql`insert into people_counted (person) ${personsOf(sql`select record_id from people_dirty where id <= ${upTo}::bigint`)}`.execute(tx);
      }
      // Taken in one statement, before any record is read: a change noted is either taken here or
      // left for next time.
      const taken = await sql`
        with gone as (
          delete from people_dirty where id <= ${last}::bigint
          ${limit ? sql`and (record_id in (select record_id from people_dirty where id <= ${upTo}::bigint) or record_id in (${recordsOfPeople(sql`select person from people_counted`)}))` : sql``}
          returning record_id
        )
        insert into people_changed select distinct record_id from gone`.execute(tx);
      // The people these records were counted under, and the people they belong to now.
      await sql`insert into people_counted (person) ${personsOf(sql`select record_id from people_changed`)} on conflict do nothing`.execute(tx);
      // Their records as they stand now, read once: the tally and people_facts are both written
      // from this, so they always agree, whatever is written meanwhile. A record of theirs still
      // counted under someone else (moved, its own change not yet taken) brings that person in
      // too, and their records are read again, so every person is counted from all their records.
      await sql`create temp table people_now (like people_facts) on commit drop`.execute(tx);
      for (;;) {
        await sql`truncate people_now`.execute(tx);
        await sql`
          insert into people_now (record_id, report_id, person, role, received_at, area, source, child, exploitation_types, gender, nationality, dob)
          ${recordsOf(sql`select person from people_counted`)}`.execute(tx);
        const more = await sql`
          insert into people_counted (person)
          select distinct c.person from people_now f join people_facts c on c.record_id = f.record_id and c.person <> f.person
          on conflict do nothing`.execute(tx);
        if (Number(more.numAffectedRows ?? 0) === 0) break;
      }
      await sql`create index on people_now (person)`.execute(tx);
      // Temporary tables have no statistics until analysed: without them, a few hundred people
      // may be planned as thousands, and every record of the store read to find theirs.
      await sql`analyze people_counted, people_now`.execute(tx);
      await sql`
        update people_counted c set slice = s.n / ${this.perSlice}
        from (select person, (row_number() over (order by person) - 1)::int as n from people_counted) s where s.person = c.person`.execute(tx);
      const slices = await sql<{ n: number }>`select coalesce(max(slice), -1) + 1 as n from people_counted`.execute(tx);
      // Each slice's change gathered first, then put into the tally once, in the tally's order:
      // a large change (a store counted for the first time) then writes each row once.
      await sql`create temp table people_change on commit drop as select * from tally_people limit 0`.execute(tx);
      for (let slice = 0; slice < (slices.rows[0]?.n ?? 0); slice++) {
        const persons = sql`select person from people_counted where slice = ${slice}`;
        await sql`
          insert into people_change (${sql.raw(TALLY_KEY)}, n)
          select ${sql.raw(TALLY_KEY)}, sum(n)
          from (
            (${rowsOf(sql`select f.* from people_facts f join (${persons}) c on c.person = f.person`, -1)})
            union all
            (${rowsOf(sql`select f.* from people_now f join (${persons}) c on c.person = f.person`, 1)})
          ) change
          group by ${sql.raw(TALLY_KEY)} having sum(n) <> 0`.execute(tx);
      }
      await sql`
        insert into tally_people as t (${sql.raw(TALLY_KEY)}, n)
        select ${sql.raw(TALLY_KEY)}, sum(n) from people_change
        group by ${sql.raw(TALLY_KEY)} having sum(n) <> 0 order by ${sql.raw(TALLY_KEY)}
        on conflict (${sql.raw(TALLY_KEY)}) do update set n = t.n + excluded.n`.execute(tx);
      await sql`delete from tally_people where n = 0`.execute(tx);
      await sql`delete from people_facts where person in (select person from people_counted)`.execute(tx);
      await sql`insert into people_facts select * from people_now`.execute(tx);
      await sql`delete from people_attributes where person in (select person from people_counted)`.execute(tx);
      await sql`insert into people_attributes (person, gender, nationality, dob) ${attributesOf(sql`people_now`)}`.execute(tx);
      return Number(taken.numAffectedRows ?? 0);
    });
  }

  /** Whether any record waits to be counted again. */
  async waiting(): Promise<boolean> {
    const found = await sql<{ waiting: boolean }>`select exists (select 1 from people_dirty) as waiting`.execute(this.db);
    return found.rows[0]?.waiting === true;
  }

  /**
   * Potential victims and suspects in the reports a figure counts, as people, under their gender,
   * nationality and their age band on the day of their latest report of the period, as counted so
   * far (catchUp or catchUpBriefly first).
   */
  async people(filter: TallyFilter): Promise<PeopleRow[]> {
    const parts =
      (filter.area !== undefined ? PART.area : 0) |
      (filter.source ? PART.source : 0) |
      (filter.child !== undefined ? PART.child : 0) |
      (filter.exploitationType ? PART.exploitationType : 0);
    const where: RawBuilder<unknown>[] = [
      sql`parts = ${parts}`,
      sql`area = ${filter.area ?? '*'}`,
      sql`source = ${filter.source || '*'}`,
      sql`child = ${filter.child ?? false}`,
      sql`exploitation_type = ${filter.exploitationType || '*'}`,
      // Counted under the last month of the period naming them: named again only after it, or never.
      filter.to ? sql`next_month > ${filter.to}::date and month <= ${filter.to}::date` : sql`next_month = 'infinity'::date`,
    ];
    if (filter.from) where.push(sql`month >= ${filter.from}::date`);
    const rows = await sql<PeopleRow>`
      select role, gender, nationality, age_band, sum(n)::int as n from tally_people
      where ${sql.join(where, sql` and `)}
      group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`.execute(this.db);
    return rows.rows;
  }

  /**
   * The people behind a figure of people: those of one part (and, if asked, one gender,
   * nationality or age band, as the figure counted them), most reports first, a page at a time,
   * with how many there are in all, as counted so far (catchUp or catchUpBriefly first).
   */
  async peopleBehind(
    filter: TallyFilter,
    person: { role: 'potential_victim' | 'suspect'; gender?: string; nationality?: string; ageBand?: string },
    limit: number,
    offset: number,
  ): Promise<{ total: number; rows: PersonBehindRow[] }> {
    const parts: RawBuilder<unknown>[] = [sql`true`];
    if (person.gender !== undefined) parts.push(sql`q.gender = ${person.gender}`);
    if (person.nationality !== undefined) parts.push(sql`q.nationality = ${person.nationality}`);
    if (person.ageBand !== undefined) parts.push(sql`q.age_band = ${person.ageBand}`);
    const rows = await sql<PersonBehindRow & { total: number }>`
      with named as (
        select f.person, count(distinct f.report_id)::int as reports, max(f.received_at) as latest,
               (array_agg(f.record_id order by f.received_at desc, f.record_id))[1] as latest_record
        from people_facts f where f.role = ${person.role} and ${this.factsWhere(filter)}
        group by f.person
      ), q as (
        select named.*, a.gender, a.nationality, ${ageBand(sql`a.dob`, sql`named.latest`)} as age_band
        from named join people_attributes a on a.person = named.person
      )
      select e.id, coalesce(e.label, nullif(concat_ws(' ', p.given_name, p.family_name), ''), '') as label, q.gender, q.nationality, q.age_band,
             q.reports, q.latest, count(*) over ()::int as total
      from q left join entities e on e.id = q.person left join report_persons p on p.id = q.latest_record
      where ${sql.join(parts, sql` and `)}
      order by q.reports desc, q.latest desc, q.person
      limit ${limit} offset ${offset}`.execute(this.db);
    return { total: rows.rows[0]?.total ?? 0, rows: rows.rows.map(({ total: _, ...row }) => row) };
  }

  /** The records a figure counts, as a condition on `people_facts` (aliased `f`). */
  private factsWhere(filter: TallyFilter): RawBuilder<unknown> {
    const parts: RawBuilder<unknown>[] = [sql`true`];
    if (filter.from) parts.push(receivedFrom('f.received_at', filter.from));
    if (filter.to) parts.push(receivedBefore('f.received_at', filter.to));
    if (filter.area !== undefined) parts.push(sql`f.area = ${filter.area}`);
    if (filter.source) parts.push(sql`f.source = ${filter.source}`);
    if (filter.child !== undefined) parts.push(sql`f.child = ${filter.child}`);
    if (filter.exploitationType === 'unknown') parts.push(sql`(cardinality(f.exploitation_types) = 0 or 'unknown' = any(f.exploitation_types))`);
    else if (filter.exploitationType) parts.push(sql`${filter.exploitationType} = any(f.exploitation_types)`);
    return sql.join(parts, sql` and `);
  }
}
