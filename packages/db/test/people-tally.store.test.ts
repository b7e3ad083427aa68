import { Random } from '@harbour/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newReport } from '../../../test/reports';
import { newTestStore, openAt, TEST_STORE, type TestStore } from '../../../test/test-store';
import type { NewReport, PeopleRow, TallyFilter } from '../src/index';
import { PEOPLE_LOCK, PeopleTallyRepository } from '../src/repositories/people-tally.repository';

const event = { actorId: null, actorRole: null, action: 'report.imported' as const, subjectType: 'report' };
const AREAS = ['W06000022', 'W06000020', 'W06000018', null] as const;
const SOURCES = ['public', 'officer', 'partner'] as const;
const TYPES = ['sexual', 'labour', 'criminal', 'domestic_servitude'] as const;
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'] as const;

/** A record as the oracle reads it: straight from the reports and the picture, nothing derived. */
interface Fact {
  person: string;
  record: string;
  report: string;
  role: string;
  month: string;
  day: string;
  received: number;
  area: string;
  source: string;
  child: boolean;
  types: string[];
  gender: string;
  nationality: string;
  dob: string | null;
}

function ageBand(dob: string | null, day: string): string {
  if (!dob) return 'unknown';
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age < 18 ? 'under_18' : age < 25 ? '18_24' : age < 35 ? '25_34' : age < 45 ? '35_44' : age < 55 ? '45_54' : '55_plus';
}

/** The most frequent of the values that say something; ties to the first in order. */
function mostOften(values: (string | null)[], none: string): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null && v !== none) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? best[0] : none;
}

const matches = (f: Fact, filter: TallyFilter) =>
  (!filter.from || f.month >= filter.from.slice(0, 7)) &&
  (!filter.to || f.month <= filter.to.slice(0, 7)) &&
  (filter.area === undefined || f.area === filter.area) &&
  (!filter.source || f.source === filter.source) &&
  (filter.child === undefined || f.child === filter.child) &&
  (!filter.exploitationType ||
    (filter.exploitationType === 'unknown' ? f.types.length === 0 || f.types.includes('unknown') : f.types.includes(filter.exploitationType)));

/** People counted by brute force: every person with a record the filter counts, once. */
function expectedPeople(facts: Fact[], filter: TallyFilter): PeopleRow[] {
  const byPerson = new Map<string, Fact[]>();
  for (const f of facts) byPerson.set(f.person, [...(byPerson.get(f.person) ?? []), f]);
  const counts = new Map<string, PeopleRow>();
  for (const [, all] of byPerson) {
    const gender = mostOften(
      all.map((f) => f.gender),
      'unknown',
    );
    const nationality = mostOften(
      all.map((f) => f.nationality),
      '',
    );
    const dobs = all.map((f) => f.dob).filter((d): d is string => d !== null);
    const dob = dobs.length ? mostOften(dobs, '') : null;
    for (const role of ['potential_victim', 'suspect'] as const) {
      const counted = all.filter((f) => f.role === role && matches(f, filter)).sort((a, b) => b.received - a.received);
      if (counted.length === 0) continue;
      const row = { role, gender, nationality, age_band: ageBand(dob, counted[0]!.day) };
      const key = JSON.stringify(row);
      counts.set(key, { ...row, n: (counts.get(key)?.n ?? 0) + 1 });
    }
  }
  return [...counts.values()].sort((a, b) =>
    JSON.stringify([a.role, a.gender, a.nationality, a.age_band]) < JSON.stringify([b.role, b.gender, b.nationality, b.age_band]) ? -1 : 1,
  );
}

const sorted = (rows: PeopleRow[]) =>
  [...rows].sort((a, b) =>
    JSON.stringify([a.role, a.gender, a.nationality, a.age_band]) < JSON.stringify([b.role, b.gender, b.nationality, b.age_band]) ? -1 : 1,
  );

describe(`people counted from the people tally on ${TEST_STORE}`, () => {
  let t: TestStore;
  const rng = new Random('people-tally');
  /** The people of the test: households sharing reports, some with varying details. */
  const people = Array.from({ length: 40 }, (_, i) => ({
    id: rng.uuid(),
    gender: rng.pick(['female', 'male', 'F', null] as const),
    nationality: rng.pick(['Romanian', 'Vietnamese', 'Albanian', 'British', null] as const),
    dob: rng.chance(0.7) ? `${rng.int(1960, 2010)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : null,
    household: Math.floor(i / 4),
  }));
  /** Which true person each record is of. */
  const truth = new Map<string, string>();
  const entityOf = new Map<string, string>();

  beforeAll(async () => {
    t = await newTestStore();
    for (let i = 0; i < 70; i++) {
      const household = rng.int(0, 9);
      const named = people.filter((p) => p.household === household && rng.chance(0.6));
      const suspect = rng.chance(0.4) ? rng.pick(people) : undefined;
      const persons: NewReport['persons'] = [];
      for (const p of named) {
        const id = rng.uuid();
        truth.set(id, p.id);
        // A record now and then says something else of them, or nothing.
        const gender = rng.chance(0.15) ? rng.pick(['male', 'female', null] as const) : p.gender;
        persons.push({
          id,
          role: 'potential_victim',
          givenName: `G${p.id.slice(0, 4)}`,
          familyName: 'H',
          gender,
          nationality: rng.chance(0.2) ? null : p.nationality,
          dob: rng.chance(0.2) ? null : p.dob,
        });
      }
      if (suspect) {
        const id = rng.uuid();
        truth.set(id, suspect.id);
        persons.push({
          id,
          role: 'suspect',
          givenName: 'S',
          familyName: suspect.id.slice(0, 4),
          gender: suspect.gender,
          nationality: suspect.nationality,
          dob: suspect.dob,
        });
      }
      const month = rng.pick(MONTHS);
      await t.repos.intake.createReport(
        newReport({
          receivedAt: new Date(`${month}-${String(rng.int(1, 28)).padStart(2, '0')}T${rng.pick(['00:30', '12:00', '23:30'])}:00Z`),
          localAuthority: rng.pick(AREAS),
          source: rng.pick(SOURCES),
          involvesChild: rng.chance(0.2),
          exploitationTypes: rng.chance(0.1) ? [] : [...new Set([rng.pick(TYPES), ...(rng.chance(0.3) ? [rng.pick(TYPES)] : [])])],
          persons,
        }),
        event,
      );
    }
  });
  afterAll(async () => t?.close());

  /** Puts records into the picture: each record to its true person's entity, some left unresolved. */
  async function resolve(records: string[], split = false): Promise<void> {
    for (const record of records) {
      const person = truth.get(record)!;
      const key = split && rng.chance(0.5) ? `${person}:2` : person;
      let entity = entityOf.get(key);
      if (!entity) {
        entity = rng.uuid();
        entityOf.set(key, entity);
        await t.store.db
          .insertInto('entities')
          .values({ id: entity, kind: 'person', label: key.slice(0, 8) })
          .execute();
      }
      const row = await t.store.db.selectFrom('report_persons').select(['report_id', 'role']).where('id', '=', record).executeTakeFirstOrThrow();
      await t.store.db
        .insertInto('entity_records')
        .values({ id: record, kind: 'person', report_id: row.report_id, role: row.role, attributes: '{}', entity_id: entity, key: null, resolved_by: 'model' })
        .execute();
    }
  }

  async function facts(): Promise<Fact[]> {
    const rows = await sql<Fact & { received: Date }>`
      select coalesce(x.entity_id, p.id) as person, p.id as record, p.report_id as report, p.role, to_char(tally_month(r.received_at), 'YYYY-MM') as month,
             to_char((r.received_at at time zone 'Europe/London')::date, 'YYYY-MM-DD') as day, r.received_at as received,
             coalesce(r.local_authority, '') as area, r.source, r.involves_child as child, r.exploitation_types as types,
             tally_gender(p.gender) as gender, coalesce(p.nationality_code, '') as nationality, to_char(p.dob, 'YYYY-MM-DD') as dob
      from report_persons p join reports r on r.id = p.report_id left join entity_records x on x.id = p.id
      where p.role in ('potential_victim', 'suspect') and r.source <> 'call_data'`.execute(t.store.db);
    return rows.rows.map((r) => ({ ...r, received: new Date(r.received).getTime() }));
  }

  const filters = (n: number): TallyFilter[] =>
    Array.from({ length: n }, () => {
      const a = rng.int(0, MONTHS.length - 1);
      const b = rng.int(a, MONTHS.length - 1);
      return {
        ...(rng.chance(0.8) ? { from: `${MONTHS[a]}-01` } : {}),
        ...(rng.chance(0.8) ? { to: `${MONTHS[b]}-01` } : {}),
        ...(rng.chance(0.4) ? { area: rng.pick(AREAS) ?? '' } : {}),
        ...(rng.chance(0.3) ? { source: rng.pick(SOURCES) } : {}),
        ...(rng.chance(0.3) ? { child: rng.chance(0.5) } : {}),
        ...(rng.chance(0.4) ? { exploitationType: rng.pick([...TYPES, 'unknown']) } : {}),
      };
    });

  /** Every change counted (the figures job's catch-up), then the figures against brute force. */
  async function agreesWithBruteForce(n: number): Promise<void> {
    await t.repos.people.catchUp();
    await countedAgreeWithBruteForce(n);
  }

  /** The figures as counted so far against brute force. */
  async function countedAgreeWithBruteForce(n: number): Promise<void> {
    const all = await facts();
    for (const filter of [{}, ...filters(n)]) {
      expect(sorted(await t.repos.people.people(filter)), JSON.stringify(filter)).toEqual(expectedPeople(all, filter));
    }
  }

  it('counts each record as someone until the picture has them', async () => {
    await agreesWithBruteForce(30);
    const victims = (await t.repos.people.people({})).filter((r) => r.role === 'potential_victim').reduce((s, r) => s + r.n, 0);
    expect(victims).toBe((await facts()).filter((f) => f.role === 'potential_victim').length);
  });

  it('counts people, not records, once the picture puts records together, some caught up a few records at a time', async () => {
    const records = [...truth.keys()];
    // Half resolved, some of those split into two entities (a duplicate the picture has yet to find).
    await resolve(records.slice(0, records.length / 2), true);
    // Counted a few changes a transaction, as on the embedded store.
    expect(await new PeopleTallyRepository(t.store.db, { perTransaction: 3 }).catchUp()).toBeGreaterThan(3);
    await agreesWithBruteForce(30);
    await resolve(records.slice(records.length / 2));
    // Counted all at once, a few people a statement, as a change to a million records is.
    expect(await new PeopleTallyRepository(t.store.db, { bulkAbove: 0, perSlice: 7 }).catchUp()).toBeGreaterThan(14);
    await agreesWithBruteForce(20);
    const all = await facts();
    expect(new Set(all.map((f) => f.person)).size).toBeLessThan(all.length);
  });

  it('follows merges, records taken out of the picture, changed details, moved reports and deleted ones', async () => {
    // The duplicates merged: records moved from the second entity to the first.
    for (const [key, entity] of entityOf) {
      if (!key.endsWith(':2')) continue;
      const first = entityOf.get(key.slice(0, -2));
      if (first) await t.store.db.updateTable('entity_records').set({ entity_id: first }).where('entity_id', '=', entity).execute();
    }
    // A record taken back out (a reviewer's "not the same"), and one record's details corrected.
    const [out, corrected] = [...truth.keys()];
    await t.store.db.updateTable('entity_records').set({ entity_id: null }).where('id', '=', out!).execute();
    await t.store.db.updateTable('report_persons').set({ gender: 'female', nationality_code: 'VN', dob: '2001-02-03' }).where('id', '=', corrected!).execute();
    // Reports moved in time, place and type, and one deleted.
    const reports = await t.store.db.selectFrom('reports').select('id').orderBy('id').limit(6).execute();
    await t.store.db
      .updateTable('reports')
      .set({ received_at: new Date('2026-04-30T23:30:00Z'), local_authority: 'W06000018' })
      .where('id', '=', reports[0]!.id)
      .execute();
    await t.store.db
      .updateTable('reports')
      .set({ exploitation_types: ['labour'], involves_child: true })
      .where('id', '=', reports[1]!.id)
      .execute();
    await t.store.db.updateTable('reports').set({ source: 'public' }).where('id', '=', reports[2]!.id).execute();
    await t.store.db.deleteFrom('reports').where('id', '=', reports[3]!.id).execute();
    // A suspect recorded as a victim after all.
    const suspect = await t.store.db.selectFrom('report_persons').select('id').where('role', '=', 'suspect').limit(1).executeTakeFirstOrThrow();
    await t.store.db.updateTable('report_persons').set({ role: 'potential_victim' }).where('id', '=', suspect.id).execute();
    await agreesWithBruteForce(40);
  });

  it('stays exact while records move and reports change as it catches up', async () => {
    const records = (await facts()).map((f) => f.record);
    const entities = [...entityOf.values()];
    const reports = (await t.store.db.selectFrom('reports').select('id').execute()).map((r) => r.id);
    const sliced = new PeopleTallyRepository(t.store.db, { perTransaction: 4, perSlice: 5 });
    const writes = Array.from({ length: 40 }, async (_, i) => {
      const record = rng.pick(records);
      if (i % 4 === 0)
        await t.store.db
          .updateTable('entity_records')
          .set({ entity_id: rng.pick(entities) })
          .where('id', '=', record)
          .execute();
      else if (i % 4 === 1) await t.store.db.updateTable('entity_records').set({ entity_id: null }).where('id', '=', record).execute();
      else if (i % 4 === 2)
        await t.store.db
          .updateTable('reports')
          .set({ local_authority: rng.pick(AREAS) })
          .where('id', '=', rng.pick(reports))
          .execute();
      else
        await t.store.db
          .updateTable('report_persons')
          .set({ nationality_code: rng.pick(['RO', 'VN', null]) })
          .where('id', '=', record)
          .execute();
    });
    const counts = Array.from({ length: 8 }, () => (rng.chance(0.5) ? sliced : t.repos.people).catchUp());
    await Promise.all([...writes, ...counts]);
    await agreesWithBruteForce(30);
  });

  it('lists the people behind each figure, as many as it counts, under the same details', async () => {
    await t.repos.people.catchUp();
    for (const filter of [{}, ...filters(10)]) {
      const counted = await t.repos.people.people(filter);
      for (const role of ['potential_victim', 'suspect'] as const) {
        const ofRole = counted.filter((r) => r.role === role);
        const behind = await t.repos.people.peopleBehind(filter, { role }, 500, 0);
        expect(behind.total, JSON.stringify(filter)).toBe(ofRole.reduce((s, r) => s + r.n, 0));
        expect(behind.rows.length).toBe(behind.total);
        // Every person listed under the details the figure counted them by.
        for (const row of ofRole) {
          const listed = behind.rows.filter((p) => p.gender === row.gender && p.nationality === row.nationality && p.age_band === row.age_band);
          expect(listed.length).toBe(row.n);
        }
        const women = await t.repos.people.peopleBehind(filter, { role, gender: 'female' }, 500, 0);
        expect(women.total).toBe(ofRole.filter((r) => r.gender === 'female').reduce((s, r) => s + r.n, 0));
      }
    }
  });

  it('a change a transaction: takes every change of a person together, and ends on records already gone', async () => {
    // A report counted never: written and deleted before the catch-up.
    const gone = rng.uuid();
    const report = newReport({ persons: [{ id: gone, role: 'potential_victim', givenName: 'Gone', familyName: null, gender: null, nationality: null }] });
    await t.repos.intake.createReport(report, event);
    await t.store.db.deleteFrom('reports').where('id', '=', report.id).execute();
    // Every record of the person named most often moved to a new entity, one statement a record.
    const all = await facts();
    const counts = new Map<string, number>();
    for (const f of all) counts.set(f.person, (counts.get(f.person) ?? 0) + 1);
    const [busiest] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const moved = rng.uuid();
    await t.store.db.insertInto('entities').values({ id: moved, kind: 'person', label: 'Moved' }).execute();
    for (const f of all.filter((f) => f.person === busiest))
      await t.store.db.updateTable('entity_records').set({ entity_id: moved }).where('id', '=', f.record).execute();
    const waiting = await sql<{ n: number }>`select count(distinct record_id)::int as n from people_dirty`.execute(t.store.db);
    const records = waiting.rows[0]!.n;
    expect(records).toBeGreaterThan(2);
    const oneAtATime = new PeopleTallyRepository(t.store.db, { perTransaction: 1 });
    const transactions = vi.spyOn(t.store.db, 'transaction');
    // Every change taken, the busiest person's together: fewer transactions than records changed.
    expect(await oneAtATime.catchUp()).toBe(records);
    expect(transactions.mock.calls.length).toBeLessThan(records);
    transactions.mockRestore();
    expect(await t.repos.people.waiting()).toBe(false);
    await agreesWithBruteForce(20);
  });

  it('before a figure, counts a few changes itself, and leaves a burst or a count already running to the background', async () => {
    await t.repos.people.catchUp();
    const brief = new PeopleTallyRepository(t.store.db, { perTransaction: 5 });
    expect(await brief.catchUpBriefly()).toBe(false);
    const victims = await t.store.db.selectFrom('report_persons').select('id').where('role', '=', 'potential_victim').orderBy('id').execute();
    const retell = (ids: { id: string }[], gender: 'male' | 'female') =>
      t.store.db
        .updateTable('report_persons')
        .set({ gender })
        .where(
          'id',
          'in',
          ids.map((v) => v.id),
        )
        .execute();
    // A few changes: counted before the figure is read, so the figure is exact.
    await retell(victims.slice(0, 2), 'male');
    expect(await brief.catchUpBriefly()).toBe(false);
    await countedAgreeWithBruteForce(10);
    // A burst (more than one transaction's worth): the figure is read as counted, and says so.
    const before = sorted(await t.repos.people.people({}));
    await retell(victims.slice(0, 12), 'female');
    expect(await brief.catchUpBriefly()).toBe(true);
    expect(sorted(await t.repos.people.people({}))).toEqual(before);
    await t.repos.people.catchUp();
    expect(await brief.catchUpBriefly()).toBe(false);
    await countedAgreeWithBruteForce(10);
    // Another worker counting: not waited for. (The embedded store has one connection, so a
    // count in progress there holds every other query anyway.)
    if (TEST_STORE === 'postgres') {
      await retell(victims.slice(0, 1), 'male');
      const other = await openAt(t.location);
      let release!: () => void;
      const holding = new Promise<void>((r) => (release = r));
      let held!: () => void;
      const taken = new Promise<void>((r) => (held = r));
      const counting = other.db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(${PEOPLE_LOCK})`.execute(tx);
        held();
        await holding;
      });
      await taken;
      expect(await brief.catchUpBriefly()).toBe(true);
      release();
      await counting;
      await other.close();
      expect(await brief.catchUpBriefly()).toBe(false);
      await countedAgreeWithBruteForce(10);
    }
  });

  it('keeps nothing of a person once every report naming them is gone', async () => {
    await t.store.db.deleteFrom('reports').execute();
    await t.repos.people.catchUp();
    expect(await t.repos.people.people({})).toEqual([]);
    const left = await sql<{ facts: number; tally: number; attributes: number }>`
      select (select count(*) from people_facts)::int as facts, (select count(*) from tally_people)::int as tally, (select count(*) from people_attributes)::int as attributes`.execute(
      t.store.db,
    );
    expect(left.rows[0]).toEqual({ facts: 0, tally: 0, attributes: 0 });
  });
});
