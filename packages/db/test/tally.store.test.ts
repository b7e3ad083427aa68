import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReport } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import { sql } from 'kysely';
import type { NewReport, TallyRow } from '../src/index';
import { takeDeltas } from '../src/repositories/tally.repository';

const event = { actorId: null, actorRole: null, action: 'report.imported' as const, subjectType: 'report' };
const NEWPORT = 'W06000022';
const TORFAEN = 'W06000020';

function victim(gender: string | null, nationality: string | null): NewReport['persons'][number] {
  return { id: randomUUID(), role: 'potential_victim', givenName: 'A', familyName: 'B', gender, nationality };
}

const asObject = (rows: TallyRow[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));

/** A small picture worked out by hand: what each figure must be. */
const REPORTS: Partial<NewReport>[] = [
  // January 2026: two in Newport (one child, sexual and criminal), one in Torfaen.
  {
    receivedAt: new Date('2026-01-05T10:00:00Z'),
    localAuthority: NEWPORT,
    source: 'public',
    exploitationTypes: ['sexual', 'criminal'],
    involvesChild: true,
    persons: [victim('female', 'Albanian'), victim('F', 'Vietnamese')],
  },
  {
    receivedAt: new Date('2026-01-20T10:00:00Z'),
    localAuthority: NEWPORT,
    source: 'officer',
    exploitationTypes: ['labour'],
    persons: [victim('male', 'Romanian')],
  },
  {
    receivedAt: new Date('2026-01-31T23:30:00Z'),
    localAuthority: TORFAEN,
    source: 'partner',
    exploitationTypes: ['labour'],
    persons: [victim('male', 'GBR'), { ...victim('male', 'British'), role: 'suspect' }],
  },
  // 1 July 2026, 00:30 in Wales (23:30 UTC on 30 June): a July report.
  { receivedAt: new Date('2026-06-30T23:30:00Z'), localAuthority: null, source: 'public', exploitationTypes: [], persons: [victim(null, 'somewhere')] },
];

describe(`figures from the tallies on ${TEST_STORE}`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await newTestStore();
    for (const parts of REPORTS) await t.repos.intake.createReport(newReport(parts), event);
    // Call data is not a report of trafficking: never counted.
    await t.store.db
      .insertInto('reports')
      .values({
        id: randomUUID(),
        reference: 'CALLS1',
        source: 'call_data',
        received_at: new Date('2026-01-10'),
        summary: 'calls',
        status: 'closed',
        exploitation_types: [],
        involves_child: false,
      })
      .execute();
  });
  afterAll(async () => t?.close());

  const known = async () => ({
    byMonth: asObject(await t.repos.tallies.reports({}, 'month')),
    byArea: asObject(await t.repos.tallies.reports({}, 'area')),
    bySource: asObject(await t.repos.tallies.reports({}, 'source')),
    byChild: asObject(await t.repos.tallies.reports({}, 'child')),
    byType: asObject(await t.repos.tallies.reports({}, 'exploitation_type')),
    labourByArea: asObject(await t.repos.tallies.reports({ exploitationType: 'labour' }, 'area')),
    januaryNewport: asObject(await t.repos.tallies.reports({ from: '2026-01-01', to: '2026-01-01', area: NEWPORT }, 'source')),
    victimsByGender: asObject(await t.repos.tallies.victims({}, 'gender')),
    victimsByNationality: asObject(await t.repos.tallies.victims({}, 'nationality')),
    childVictims: asObject(await t.repos.tallies.victims({ child: true }, 'exploitation_type')),
  });
  const expected = {
    byMonth: { '2026-01': 3, '2026-07': 1 },
    byArea: { '': 1, [NEWPORT]: 2, [TORFAEN]: 1 },
    bySource: { public: 2, officer: 1, partner: 1 },
    byChild: { child: 1, adult: 3 },
    byType: { sexual: 1, criminal: 1, labour: 2, unknown: 1 },
    labourByArea: { [NEWPORT]: 1, [TORFAEN]: 1 },
    januaryNewport: { public: 1, officer: 1 },
    victimsByGender: { female: 2, male: 2, unknown: 1 },
    victimsByNationality: { AL: 1, VN: 1, RO: 1, GB: 1, '': 1 },
    childVictims: { sexual: 2, criminal: 2 },
  };

  it('counts every figure of a hand-built set from the deltas alone, before any folding', async () => {
    expect(await t.repos.tallies.waiting()).toBeGreaterThan(0);
    expect(await known()).toEqual(expected);
    expect(await t.repos.tallies.span()).toEqual({ first: '2026-01', last: '2026-07' });
  });

  it('counts the same once the deltas are folded into the tallies', async () => {
    expect(await t.repos.tallies.fold()).toBeGreaterThan(0);
    expect(await t.repos.tallies.waiting()).toBe(0);
    expect(await known()).toEqual(expected);
  });

  it('follows a report that changes and one that is deleted, half folded and half not', async () => {
    const id = randomUUID();
    await t.repos.intake.createReport(
      newReport({
        id,
        receivedAt: new Date('2026-01-15T10:00:00Z'),
        localAuthority: TORFAEN,
        exploitationTypes: ['domestic_servitude'],
        persons: [victim('female', 'Eritrean')],
      }),
      event,
    );
    await t.repos.tallies.fold();
    await t.store.db
      .updateTable('reports')
      .set({ local_authority: NEWPORT, exploitation_types: ['sexual'], involves_child: true })
      .where('id', '=', id)
      .execute();
    expect(asObject(await t.repos.tallies.reports({ from: '2026-01-01', to: '2026-01-01' }, 'area'))).toEqual({ [NEWPORT]: 3, [TORFAEN]: 1 });
    expect(asObject(await t.repos.tallies.victims({ child: true }, 'exploitation_type'))).toEqual({ sexual: 3, criminal: 2 });
    await t.store.db.deleteFrom('reports').where('id', '=', id).execute();
    expect(await known()).toEqual(expected);
    await t.repos.tallies.fold();
    expect(await known()).toEqual(expected);
  });

  it('moves a victim whose nationality is read later to its country', async () => {
    const id = randomUUID();
    await t.repos.intake.createReport(newReport({ id, persons: [victim('female', 'Polish')] }), event);
    await t.store.db.updateTable('report_persons').set({ nationality_code: null }).where('report_id', '=', id).execute();
    expect(asObject(await t.repos.tallies.victims({ from: '2026-11-01' }, 'nationality'))).toEqual({ '': 1 });
    expect(await t.repos.tallies.fillNationalityCodes((w) => (w === 'Polish' ? 'PL' : undefined))).toBe(1);
    expect(asObject(await t.repos.tallies.victims({ from: '2026-11-01' }, 'nationality'))).toEqual({ PL: 1 });
    await t.store.db.deleteFrom('reports').where('id', '=', id).execute();
    expect(await known()).toEqual(expected);
  });

  it('counts reports by place for the map: the town as written, else the postcode district, and follows a move', async () => {
    const month = { from: '2025-05-01', to: '2025-05-01' };
    const at = new Date('2025-05-10T10:00:00Z');
    const pontypool = randomUUID();
    await t.repos.intake.createReport(newReport({ id: pontypool, receivedAt: at, localAuthority: TORFAEN, town: '  Pontypool ' }), event);
    await t.repos.intake.createReport(newReport({ receivedAt: at, localAuthority: TORFAEN, town: null, postcode: 'np4 5aa' }), event);
    await t.repos.intake.createReport(newReport({ receivedAt: at, localAuthority: null, town: null, postcode: null }), event);
    expect(asObject(await t.repos.tallies.places(month))).toEqual({ pontypool: 1, 'postcode:NP4': 1, '': 1 });
    await t.repos.tallies.fold();
    await t.store.db.updateTable('reports').set({ town: 'Cwmbran' }).where('id', '=', pontypool).execute();
    expect(asObject(await t.repos.tallies.places(month))).toEqual({ cwmbran: 1, 'postcode:NP4': 1, '': 1 });
    expect(asObject(await t.repos.tallies.places({ ...month, area: TORFAEN }))).toEqual({ cwmbran: 1, 'postcode:NP4': 1 });
    await t.repos.tallies.fold();
    expect(asObject(await t.repos.tallies.places(month))).toEqual({ cwmbran: 1, 'postcode:NP4': 1, '': 1 });
    // The reports tally did not move: a change of town is not a change of anything it counts.
    expect(asObject(await t.repos.tallies.reports(month, 'area'))).toEqual({ '': 1, [TORFAEN]: 2 });
  });
});

/**
 * Statistics that say the deltas table is empty while it holds thousands (the state a vacuum
 * after the last fold, or a standby just promoted, leaves) once had the fold planned as a nested
 * loop over every delta for every delta: the failover drill's figures job ran for minutes.
 */
describe(`folding deltas the statistics do not know of, on ${TEST_STORE}`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await newTestStore();
    await sql`
      insert into tally_deltas (victims, place, month, area, source, child, exploitation_type, gender, nationality, n)
      select g % 3 = 0, '', date '2026-01-01' + (g % 12) * interval '1 month', ${NEWPORT}, 'public', false, 'all', '', '', 1
      from generate_series(1, 3000) g`.execute(t.store.db);
    await sql`update pg_class set reltuples = 0, relpages = 100 where relname = 'tally_deltas'`.execute(t.store.db);
  });
  afterAll(async () => t?.close());

  it('takes the deltas as a range of ids, never joining the table to itself', async () => {
    const plan = await sql<Record<string, string>>`explain ${takeDeltas(50_000)}`.execute(t.store.db);
    const lines = plan.rows.map((r) => Object.values(r)[0]).join('\n');
    expect(lines).toMatch(/Index Cond: \(id <= /);
    expect(lines).not.toMatch(/Nested Loop|Join/);
  });

  it('folds them all, a batch at a time, into the right figures', async () => {
    expect(await t.repos.tallies.fold(1000)).toBe(1000);
    expect(await t.repos.tallies.foldAll(1000)).toBe(2000);
    expect(await t.repos.tallies.waiting()).toBe(0);
    expect(asObject(await t.repos.tallies.reports({}, 'source'))).toEqual({ public: 2000 });
    expect(asObject(await t.repos.tallies.victims({}, 'area'))).toEqual({ [NEWPORT]: 1000 });
  });
});
