import { randomUUID } from 'node:crypto';
import { GWENT, type Actor } from '@harbour/core';
import { seedDatabase, type NewReport } from '@harbour/db';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityOf as entityOfRecord, signedInActors } from '../../../test/picture-helpers';
import { newReport } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import { services, type Services } from '../src/services/index';

type Person = NewReport['persons'][number];
const person = (givenName: string, familyName: string, role = 'potential_victim'): Person => ({
  id: randomUUID(),
  role,
  givenName,
  familyName,
  gender: null,
  nationality: null,
  dob: null,
});
const phone = (number: string) => ({ id: randomUUID(), number });
const event = { actorId: null, actorRole: null, action: 'report.referral-submitted', subjectType: 'report' };

describe(`link analysis over the picture on ${TEST_STORE}`, () => {
  let t: TestStore;
  let svc: Services;
  let analyst: Actor;
  let officer: Actor;

  beforeEach(async () => {
    t = await newTestStore();
    svc = services(t.repos, { store: TEST_STORE, session: { idleMinutes: 30, maxHours: 12 } });
    ({ analyst, officer } = await signedInActors(t, ['analyst', 'officer'] as const));
  });
  afterEach(async () => t?.close());

  const entityOf = async (recordId: string) => (await entityOfRecord(t, recordId))!;
  const report = async (parts: Partial<NewReport>) => {
    const r = newReport(parts);
    await t.repos.intake.createReport(r, event);
    await svc.picture.drain();
    return r;
  };

  it('joins two suspects through the phone both were reported with, the path naming its reports; a new report is seen at once', async () => {
    const [victim, controller, driver] = [person('Ardit', 'Hoxha'), person('Besnik', 'Gashi', 'suspect'), person('Dritan', 'Krasniqi', 'suspect')];
    const shared = phone('07700 900461');
    const first = await report({ persons: [victim, controller], phones: [shared] });
    const second = await report({
      persons: [driver],
      phones: [phone('+44 7700 900461')],
      receivedAt: new Date('2026-11-05T09:00:00Z'),
      exploitationTypes: ['criminal'],
      involvesChild: true,
      localAuthority: 'W06000018',
    });
    const [controllerId, driverId, phoneId] = await Promise.all([entityOf(controller.id), entityOf(driver.id), entityOf(shared.id)]);

    const { paths } = await svc.graph.paths(analyst, controllerId, driverId);
    expect(paths).toHaveLength(1);
    expect(paths[0]!.nodes.map((n) => n.label)).toEqual(['Besnik Gashi', '+447700900461', 'Dritan Krasniqi']);
    expect(paths[0]!.links[0]!.sources.map((s) => s.id)).toEqual([first.id]);
    expect(paths[0]!.links[1]!.sources.map((s) => s.id)).toEqual([second.id]);

    const near = await svc.graph.neighbourhood(analyst, phoneId, 1);
    expect(near.nodes.map((n) => `${n.label}:${n.hops}`).sort()).toEqual(['+447700900461:0', 'Ardit Hoxha:1', 'Besnik Gashi:1', 'Dritan Krasniqi:1']);
    // Ardit and Besnik share a report: linked to each other as well as to the phone.
    expect(near.links).toHaveLength(4);

    // A third report puts a car with the phone: the graph follows without waiting.
    const car = { id: randomUUID(), registration: 'CU57 ABC', make: null, colour: null };
    await report({ phones: [phone('07700900461')], vehicles: [car] });
    const after = await svc.graph.neighbourhood(analyst, phoneId, 1);
    expect(after.nodes.map((n) => n.label)).toContain('CU57ABC');

    const [network] = await svc.graph.networks(analyst);
    expect(network).toMatchObject({
      size: 5,
      links: 5,
      victims: 1,
      children: true,
      exploitationTypes: ['criminal', 'labour'],
      areas: ['W06000018', 'W06000022'],
      firstSeen: '2026-11-01T10:00:00.000Z',
      lastSeen: '2026-11-05T09:00:00.000Z',
    });
    expect(network!.keyPlayers[0]!.label).toBe('+447700900461');

    // Within the network, the phone is the broker: every path between the people and the car goes through it.
    const analysis = await svc.graph.networkAnalysis(analyst, controllerId);
    expect(analysis).toMatchObject({ size: 5, betweenness: { exact: true, sources: 5 } });
    expect(analysis.keyPlayers[0]).toMatchObject({ label: '+447700900461', degree: 4, betweenness: 5 });
    expect(analysis.communities.reduce((a, b) => a + b, 0)).toBe(5);

    const audited = await sql<{ action: string }>`select action from audit_log where action like 'graph.%' order by seq`.execute(t.store.db);
    expect(audited.rows.map((r) => r.action)).toEqual([
      'graph.paths',
      'graph.neighbourhood',
      'graph.neighbourhood',
      'graph.networks',
      'graph.network-analysis',
    ]);
  });

  it('follows a split: the records moved out take their links with them', async () => {
    const a = person('Teuta', 'Berisha');
    const b = person('Teuta', 'Berisha');
    const [pa, pb] = [phone('07700 900001'), phone('07700 900002')];
    await report({ persons: [a], phones: [pa], summary: 'first' });
    await report({ persons: [b], phones: [pb], summary: 'second' });
    const entity = await entityOf(a.id);
    if ((await entityOf(b.id)) !== entity) await svc.entities.merge(analyst, entity, await entityOf(b.id));
    expect((await svc.graph.networks(analyst))[0]).toMatchObject({ size: 3 });
    await svc.entities.split(analyst, entity, [b.id]);
    const networks = await svc.graph.networks(analyst);
    expect(networks.map((n) => n.size)).toEqual([2, 2]);
  });

  it('recovers the planted networks of a seeded force area: their people fall in one network each', async () => {
    await seedDatabase(t.repos, { reports: 600, seed: 'graph-test', area: GWENT, until: new Date('2026-11-01T00:00:00Z') });
    await svc.picture.drain(200);
    const truth = (
      await sql<{ network_id: string; entity_id: string }>`
        select distinct t.network_id, r.entity_id from seed_truth t join entity_records r on r.id = t.record_id
        where t.network_id is not null and r.entity_id is not null`.execute(t.store.db)
    ).rows;
    const networks = await svc.graph.networks(analyst, 500);
    const members = await Promise.all(networks.map(async (n) => new Set((await svc.graph.neighbourhood(analyst, n.id, 3)).nodes.map((x) => x.id))));
    const planted = new Map<string, string[]>();
    for (const r of truth) planted.set(r.network_id, [...(planted.get(r.network_id) ?? []), r.entity_id]);
    let together = 0;
    for (const entities of planted.values()) {
      const best = Math.max(...members.map((m) => entities.filter((e) => m.has(e)).length));
      together += best;
    }
    expect(planted.size).toBeGreaterThan(5);
    expect(together / truth.length).toBeGreaterThanOrEqual(0.95);
  });

  it('is for the team and its analysts only', async () => {
    await expect(svc.graph.networks(officer)).rejects.toThrow(/does not allow/);
    await expect(svc.graph.neighbourhood(analyst, randomUUID(), 1)).rejects.toThrow(/No such entity/);
  });
});
