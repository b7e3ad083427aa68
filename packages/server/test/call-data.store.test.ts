import { randomUUID } from 'node:crypto';
import type { Actor } from '@harbour/core';
import type { NewReport } from '@harbour/db';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityOf, signedInActors } from '../../../test/picture-helpers';
import { newReport, reportedPerson } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import { newSecretKey, SecretBox } from '../src/auth/secret-box';
import { services, type Services } from '../src/services/index';

const CSV = [
  'caller,callee,start,duration,cell',
  '07700 900461,07700900999,01/03/2026 10:00:00,60,Newport',
  '+447700900999,07700900461,2026-03-05T12:00:00Z,0:30,Newport',
  '07700900999,07700900888,2026-03-10T08:00:00Z,5,Cwmbran',
  'not a number,07700900888,2026-03-10,5,Cwmbran',
  '07700900888,,2026-03-10,5,Cwmbran',
].join('\n');

const columns = { from: 'caller', to: 'callee', at: 'start', duration: 'duration' };

describe(`call data imported into the picture on ${TEST_STORE}`, () => {
  let t: TestStore;
  let svc: Services;
  let analyst: Actor;
  let officer: Actor;

  beforeEach(async () => {
    t = await newTestStore();
    svc = services(t.repos, { store: TEST_STORE, session: { idleMinutes: 30, maxHours: 12 }, secrets: new SecretBox(newSecretKey()) });
    ({ analyst, officer } = await signedInActors(t, ['analyst', 'officer'] as const));
  });
  afterEach(async () => t?.close());

  const reportedSuspect = async () => {
    const suspect: NewReport['persons'][number] = {
      id: randomUUID(),
      role: 'suspect',
      givenName: 'Besnik',
      familyName: 'Gashi',
      gender: null,
      nationality: null,
    };
    const phone = { id: randomUUID(), number: '07700 900461' };
    await t.repos.intake.createReport(newReport({ persons: [suspect], phones: [phone] }), {
      actorId: null,
      actorRole: null,
      action: 'referral.submitted' as const,
      subjectType: 'report',
    });
    await svc.resolution.drain();
    return { suspect: (await entityOf(t, suspect.id))!, phone: (await entityOf(t, phone.id))! };
  };

  it('joins the numbers to the phones already known, and through them to the people, linking only numbers that called each other', async () => {
    const known = await reportedSuspect();
    const before = await t.repos.reports.overview(new Date(0));
    const result = await svc.callData.import(analyst, {
      name: "Gashi's phone, O2, March 2026",
      csv: CSV,
      columns,
      grading: '1AP',
      exploitationTypes: ['criminal'],
    });
    expect(result).toMatchObject({ rows: 5, calls: 3, numbers: 3, pairs: 2, problemCount: 2 });
    expect(result.problems).toEqual([
      { line: 5, reason: 'caller "not a number" is not a phone number' },
      { line: 6, reason: 'has no callee' },
    ]);
    expect(result.reference).toMatch(/^HBR-\d{4}-\d+$/);

    // Until the picture takes it, the import says so; then each number is resolved.
    expect((await svc.callData.view(analyst, result.id)).pictured).toBe(false);
    await svc.resolution.drain();
    const view = await svc.callData.view(analyst, result.id);
    expect(view).toMatchObject({ pictured: true, grading: '1AP' });
    expect(view.summary).toBe("Call data: Gashi's phone, O2, March 2026. 3 calls between 3 numbers, 2026-03-01 to 2026-03-10.");
    const first = view.numbers[0]!;
    expect(first).toMatchObject({ number: '+447700900461', entity_id: known.phone, other_reports: 1, calls: 2 });
    expect(first.people).toEqual([{ id: known.suspect, label: 'Besnik Gashi' }]);
    expect(view.numbers.slice(1).map((n) => [n.number, n.other_reports])).toEqual([
      ['+447700900999', 0],
      ['+447700900888', 0],
    ]);

    // The suspect reaches the third number through the calls, each link dated by its calls.
    const far = view.numbers.find((n) => n.number === '+447700900888')!.entity_id!;
    const { paths } = await svc.graph.paths(analyst, known.suspect, far);
    expect(paths[0]!.nodes.map((n) => n.label)).toEqual(['Besnik Gashi', '+447700900461', '+447700900999', '+447700900888']);
    expect(paths[0]!.links[1]).toMatchObject({ reports: 1, firstSeen: '2026-03-01T10:00:00.000Z', lastSeen: '2026-03-05T12:00:00.000Z' });
    expect(paths[0]!.links[1]!.sources.map((s) => s.reference)).toEqual([result.reference]);
    // Numbers that never called each other are not linked, though they are in one list.
    const near = await svc.graph.neighbourhood(analyst, known.phone, 1);
    expect(near.nodes.map((n) => n.label)).not.toContain('+447700900888');
    // Before the last call, there is no path to the third number.
    expect((await svc.graph.paths(analyst, known.suspect, far, { until: new Date('2026-03-07T00:00:00Z') })).paths).toEqual([]);

    // Not a report of exploitation: not counted among them, and nothing to triage.
    expect((await t.repos.reports.overview(new Date(0))).total).toBe(before.total);
    const audited = await sql<{ action: string }>`select action from audit_log where action like 'call-data.%' order by seq`.execute(t.store.db);
    expect(audited.rows.map((r) => r.action)).toEqual(['call-data.imported', 'call-data.viewed', 'call-data.viewed']);
  });

  it("reads a number's calls: made and received, hours, users, and contacts as people, each once", async () => {
    // Eni Rama uses two numbers; Ana and Ion Pop share one (a house with one phone); 0444 is nobody's.
    const reported = async (...people: ReturnType<typeof reportedPerson>[]) => {
      await t.repos.intake.createReport(newReport({ persons: people }), {
        actorId: null,
        actorRole: null,
        action: 'referral.submitted' as const,
        subjectType: 'report',
      });
    };
    const besnik = reportedPerson({ role: 'suspect', givenName: 'Besnik', familyName: 'Gashi', phone: '07700900461' });
    const eni1 = reportedPerson({ givenName: 'Eni', familyName: 'Rama', phone: '07700900111' });
    const eni2 = reportedPerson({ givenName: 'Eni', familyName: 'Rama', phone: '07700900222' });
    const ana = reportedPerson({ givenName: 'Ana', familyName: 'Pop', dob: '1990-01-01', phone: '07700900333' });
    const ion = reportedPerson({ givenName: 'Ion', familyName: 'Pop', dob: '1992-05-05', phone: '07700900333' });
    await reported(besnik);
    await reported(eni1);
    await reported(eni2);
    await reported(ana, ion);
    await svc.resolution.drain();
    // Housemates on one phone stay two people.
    expect(await entityOf(t, ana.id)).not.toBe(await entityOf(t, ion.id));
    const [e1, e2] = [(await entityOf(t, eni1.id))!, (await entityOf(t, eni2.id))!];
    if (e1 !== e2) await svc.entities.merge(analyst, e1, e2);

    const csv = [
      'caller,callee,start,duration',
      // 21:30 UK time in March (GMT) three times out to Eni's first number, once in from her second.
      '07700900461,07700900111,2026-03-01T21:30:00Z,60',
      '07700900461,07700900111,2026-03-02T21:10:00Z,60',
      '07700900461,07700900111,2026-03-03T21:50:00Z,60',
      '07700900222,07700900461,2026-03-04T08:00:00Z,30',
      '07700900333,07700900461,2026-03-05T08:15:00Z,30',
      '07700900461,07700900444,2026-03-06T12:00:00Z,10',
    ].join('\n');
    await svc.callData.import(analyst, { name: 'Gashi, March', csv, columns, grading: '1AP', exploitationTypes: ['labour'] });
    await svc.resolution.drain();
    const phone = (await entityOf(t, (await sql<{ id: string }>`select md5(${besnik.id}::text || ':phone')::uuid as id`.execute(t.store.db)).rows[0]!.id))!;

    const calls = await svc.entities.calls(analyst, phone);
    expect(calls).toMatchObject({
      label: '+447700900461',
      callsOut: 4,
      callsIn: 2,
      seconds: 250,
      first: '2026-03-01T21:30:00.000Z',
      last: '2026-03-06T12:00:00.000Z',
      timed: 6,
      users: [{ label: 'Besnik Gashi' }],
      contactCount: 3,
    });
    expect(calls.hours[21]).toBe(3);
    expect(calls.hours[8]).toBe(2);
    expect(calls.contacts.map((c) => [c.people.map((p) => p.label), c.numbers.map((n) => n.label), c.callsOut, c.callsIn])).toEqual([
      [['Eni Rama'], ['+447700900111', '+447700900222'], 3, 1],
      // One call each: the later first.
      [[], ['+447700900444'], 1, 0],
      [['Ana Pop', 'Ion Pop'], ['+447700900333'], 0, 1],
    ]);
    // Calls each way are one link on the chart, drawn both ways, carrying how many calls.
    const eni = (await entityOf(t, eni1.id))!;
    const second = calls.contacts[0]!.numbers[1]!.id;
    const near = await svc.graph.neighbourhood(analyst, phone, 1);
    const toFirst = near.links.find((l) => [l.from, l.to].includes(calls.contacts[0]!.numbers[0]!.id))!;
    expect(toFirst).toMatchObject({ relations: ['called'], calls: 3 });
    expect(near.links.find((l) => [l.from, l.to].includes(second))).toMatchObject({ calls: 1 });
    expect(near.nodes.map((n) => n.id)).not.toContain(eni);

    await expect(svc.entities.calls(analyst, eni)).rejects.toThrow(/No such phone/);
    await expect(svc.entities.calls(officer, phone)).rejects.toThrow(/does not allow/);
    const audited = await sql<{ action: string }>`select action from audit_log where action = 'entity.calls-viewed'`.execute(t.store.db);
    expect(audited.rows).toHaveLength(1);
  });

  it('refuses a file without the named columns, or with no call in it, and stores nothing', async () => {
    const count = async () => Number((await sql<{ n: string }>`select count(*) as n from reports`.execute(t.store.db)).rows[0]!.n);
    const before = await count();
    await expect(
      svc.callData.import(analyst, { name: 'x', csv: CSV, columns: { from: 'a_number', to: 'callee' }, grading: '1AP', exploitationTypes: [] }),
    ).rejects.toMatchObject({
      status: 400,
      fields: [{ path: 'columns.from', message: 'The file has no column "a_number"' }],
    });
    await expect(
      svc.callData.import(analyst, {
        name: 'x',
        csv: 'caller,callee\nnobody,07700900888\n',
        columns: { from: 'caller', to: 'callee' },
        grading: '1AP',
        exploitationTypes: [],
      }),
    ).rejects.toMatchObject({
      status: 400,
      fields: [{ path: 'csv', message: 'No call between two numbers could be read (line 2 caller "nobody" is not a phone number)' }],
    });
    await expect(svc.callData.import(analyst, { name: 'x', csv: '', columns, grading: '1AP', exploitationTypes: [] })).rejects.toMatchObject({ status: 400 });
    expect(await count()).toBe(before);
  });

  it('is for the team and its analysts only', async () => {
    await expect(svc.callData.import(officer, { name: 'x', csv: CSV, columns, grading: '1AP', exploitationTypes: [] })).rejects.toThrow(/does not allow/);
    await expect(svc.callData.view(analyst, randomUUID())).rejects.toThrow(/No such call data/);
  });
});
