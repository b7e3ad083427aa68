import { createHash, randomUUID } from 'node:crypto';
import { GWENT, type Actor } from '@harbour/core';
import { seedDatabase, type NewReport } from '@harbour/db';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityOf as entityOfRecord, signedInActors } from '../../../test/picture-helpers';
import { newReport } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import { GraphService } from '../src/services/graph.service';
import { newSecretKey, SecretBox } from '../src/auth/secret-box';
import { services, type Services } from '../src/services/index';
import { typeLinksIfDue } from '../src/services/picture-rekey';

/** The id Postgres's md5(text)::uuid gives: how a person's own phone and address records are named. */
const md5Uuid = (text: string) =>
  createHash('md5')
    .update(text)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

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
const event = { actorId: null, actorRole: null, action: 'referral.submitted' as const, subjectType: 'report' };

describe(`link analysis over the picture on ${TEST_STORE}`, () => {
  let t: TestStore;
  let svc: Services;
  let analyst: Actor;
  let officer: Actor;
  let investigator: Actor;
  let supervisor: Actor;

  beforeEach(async () => {
    t = await newTestStore();
    svc = services(t.repos, { store: TEST_STORE, session: { idleMinutes: 30, maxHours: 12 }, secrets: new SecretBox(newSecretKey()) });
    ({ analyst, officer, investigator, supervisor } = await signedInActors(t, ['analyst', 'officer', 'investigator', 'supervisor'] as const));
  });
  afterEach(async () => t?.close());

  const entityOf = async (recordId: string) => (await entityOfRecord(t, recordId))!;
  const report = async (parts: Partial<NewReport>) => {
    const r = newReport(parts);
    await t.repos.intake.createReport(r, event);
    await svc.resolution.drain();
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
      exploitationTypes: ['labour', 'criminal'],
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
      'graph.paths-found',
      'graph.neighbourhood-viewed',
      'graph.neighbourhood-viewed',
      'graph.networks-listed',
      'graph.network-analysed',
    ]);

    // A chart of three of them is analysed on its own: the phone is its only broker; an entity
    // no longer in the picture is left out, and the chart's entities are audited as seen.
    const onChart = await svc.graph.chartAnalysis(analyst, [controllerId, phoneId, driverId, randomUUID()]);
    expect(onChart.entities.map((e) => e.id).sort()).toEqual([controllerId, phoneId, driverId].sort());
    expect(onChart.entities.find((e) => e.id === phoneId)).toMatchObject({ degree: 2, betweenness: 1 });
    expect(onChart.keyPlayers).toEqual([phoneId]);
    expect(onChart.communities.reduce((a, b) => a + b, 0)).toBe(3);
    const [chartAudit] = await t.repos.audit.list({ action: 'graph.chart-analysed', limit: 1 });
    expect(chartAudit!.details).toMatchObject({ keyPlayers: [phoneId] });
    expect((chartAudit!.details as { entities: string[] }).entities.sort()).toEqual([controllerId, phoneId, driverId].sort());

    // Filtered to the days of the second report, only the driver's link to the phone is left…
    const since = { from: new Date('2026-11-05T00:00:00Z') };
    const narrowed = await svc.graph.neighbourhood(analyst, phoneId, 1, since);
    expect(narrowed.nodes.map((n) => n.label).sort()).toEqual(['+447700900461', 'Dritan Krasniqi']);
    expect(await svc.graph.paths(analyst, controllerId, driverId, since)).toEqual({ paths: [] });
    // …and to criminal exploitation, the network is the driver, the phone and nothing else.
    const [criminal] = await svc.graph.networks(analyst, { filter: { exploitationTypes: ['criminal'] } });
    expect(criminal).toMatchObject({ size: 2, exploitationTypes: ['criminal'], children: true });
    // Phones and people only: the car drops out.
    const peopleAndPhones = await svc.graph.network(analyst, phoneId, { kinds: ['person', 'phone'] });
    expect(peopleAndPhones.nodes.map((n) => n.label)).not.toContain('CU57ABC');
    expect(peopleAndPhones).toMatchObject({ size: 4, truncated: false });
  });

  it("draws a chart's reports as events: each report once, newest first, naming the chart's entities it links, under the filter", async () => {
    const [victim, controller, driver] = [person('Ardit', 'Hoxha'), person('Besnik', 'Gashi', 'suspect'), person('Dritan', 'Krasniqi', 'suspect')];
    const shared = phone('07700 900461');
    const first = await report({ persons: [victim, controller], phones: [shared], receivedAt: new Date('2026-11-01T10:00:00Z') });
    const second = await report({ persons: [driver], phones: [phone('+44 7700 900461')], receivedAt: new Date('2026-11-05T09:00:00Z') });
    const [victimId, controllerId, driverId, phoneId] = await Promise.all([
      entityOf(victim.id),
      entityOf(controller.id),
      entityOf(driver.id),
      entityOf(shared.id),
    ]);

    // Three links from the first report and one from the second: two events, not four links.
    const all = await svc.graph.chartEvents(analyst, [victimId, controllerId, driverId, phoneId]);
    expect(all.truncated).toBe(false);
    expect(all.events.map((e) => [e.id, e.entities])).toEqual([
      [second.id, [driverId, phoneId].sort()],
      [first.id, [victimId, controllerId, phoneId].sort()],
    ]);
    expect(all.events[1]).toMatchObject({ id: first.id, receivedAt: '2026-11-01T10:00:00.000Z' });
    // Only what links the chart's entities: without the phone, the driver's report joins nothing on it.
    expect((await svc.graph.chartEvents(analyst, [victimId, controllerId, driverId])).events.map((e) => e.id)).toEqual([first.id]);
    // The filter holds: from the 5th, only the second report.
    const since = await svc.graph.chartEvents(analyst, [victimId, controllerId, driverId, phoneId], { from: new Date('2026-11-05T00:00:00Z') });
    expect(since.events.map((e) => e.id)).toEqual([second.id]);
    const [audited] = await t.repos.audit.list({ action: 'graph.chart-events-viewed', limit: 1 });
    expect(audited!.details).toMatchObject({ reports: [second.id] });
    // Only those who may chart the picture may see its reports this way.
    await expect(svc.graph.chartEvents(officer, [victimId])).rejects.toThrow(/does not allow/);
  });

  it('says what each link is, from the one who acts, opens a link on its evidence, and restricts analysis to chosen kinds of link', async () => {
    const victim: Person = { ...person('Ardit', 'Hoxha'), phone: '07700 900111', address: '12 Commercial Road' };
    const controller = person('Besnik', 'Gashi', 'suspect');
    const car = { id: randomUUID(), registration: 'CU57 ABC', make: null, colour: null };
    const washer = { id: randomUUID(), name: 'Sparkle Hand Car Wash', kind: 'car wash', address: null };
    const loose = phone('07700 900999');
    const first = await report({ persons: [victim, controller], vehicles: [car], businesses: [washer], phones: [loose] });
    const second = await report({
      persons: [
        { ...controller, id: randomUUID() },
        { ...victim, id: randomUUID() },
      ],
      receivedAt: new Date('2026-11-03T10:00:00Z'),
    });
    const [victimId, controllerId, carId, washId, looseId] = (await Promise.all([victim, controller, car, washer, loose].map((r) => entityOf(r.id)))) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const [ownPhoneId, homeId] = await Promise.all([entityOf(md5Uuid(`${victim.id}:phone`)), entityOf(md5Uuid(`${victim.id}:address`))]);

    const near = await svc.graph.neighbourhood(analyst, victimId, 1);
    const says = (a: string, b: string) => {
      const l = near.links.find((x) => (x.from === a && x.to === b) || (x.from === b && x.to === a))!;
      // As a sentence from `a`: which way it runs, seen from a.
      const way = l.direction === 'none' || l.direction === 'both' ? l.direction : (l.from === a) === (l.direction === 'forward') ? 'from' : 'to';
      return `${l.relations.join('+')}:${way}`;
    };
    expect(says(controllerId, victimId)).toBe('controls:from');
    expect(says(victimId, ownPhoneId)).toBe('uses_phone:from');
    expect(says(victimId, homeId)).toBe('lives_at:from');
    expect(says(victimId, washId)).toBe('works_at:from');
    expect(says(victimId, looseId)).toBe('mentioned:none');
    expect(says(victimId, carId)).toBe('mentioned:none');
    const aroundController = await svc.graph.neighbourhood(analyst, controllerId, 1);
    expect(aroundController.links.find((l) => [l.from, l.to].sort().join() === [controllerId, carId].sort().join())).toMatchObject({ relations: ['drives'] });

    // Opened: each report behind the link, newest first, with what it says and who acts.
    const evidence = await svc.graph.linkEvidence(analyst, victimId, controllerId);
    expect(evidence.from.label).toBe('Ardit Hoxha');
    expect(evidence.link).toMatchObject({ reports: 2, relations: ['controls'] });
    expect(evidence.sources.map((s) => [s.id, s.relation, s.actor])).toEqual([
      [second.id, 'controls', controllerId],
      [first.id, 'controls', controllerId],
    ]);
    // Under a filter the link's reports are those passing it.
    const later = await svc.graph.linkEvidence(analyst, victimId, controllerId, { from: new Date('2026-11-02T00:00:00Z') });
    expect(later.sources.map((s) => s.id)).toEqual([second.id]);
    expect((await svc.graph.linkEvidence(analyst, victimId, looseId, { relations: ['controls'] })).link).toBeNull();

    // Analysis on chosen kinds of link: who controls whom, and nothing merely mentioned.
    const controlled = await svc.graph.network(analyst, victimId, { relations: ['controls'] });
    expect(controlled.nodes.map((n) => n.label).sort()).toEqual(['Ardit Hoxha', 'Besnik Gashi']);
    expect(await sql<{ action: string }>`select action from audit_log where action = 'graph.link-evidence-viewed'`.execute(t.store.db)).toMatchObject({
      rows: [{}, {}, {}],
    });
    await expect(svc.graph.linkEvidence(officer, victimId, controllerId)).rejects.toThrow(/does not allow/);
  });

  it('types the links a store held before links had types, once', async () => {
    const [victim, controller] = [person('Ardit', 'Hoxha'), person('Besnik', 'Gashi', 'suspect')];
    await report({ persons: [victim, controller] });
    // As an older Harbour stored it: every link only a mention, in id order.
    await sql`update record_links set relation = 'mentioned', from_record = least(from_record, to_record), to_record = greatest(from_record, to_record)`.execute(
      t.store.db,
    );
    await sql`delete from picture_upkeep`.execute(t.store.db);
    expect(await typeLinksIfDue(t.repos)).toBe(1);
    expect(await typeLinksIfDue(t.repos)).toBeNull();
    const links = await sql<{ from_record: string; relation: string }>`select from_record, relation from record_links`.execute(t.store.db);
    expect(links.rows).toEqual([{ from_record: controller.id, relation: 'controls' }]);
  });

  it('marks a network that grew since the analyst last opened it, for that analyst only', async () => {
    const [victim, controller] = [person('Ardit', 'Hoxha'), person('Besnik', 'Gashi', 'suspect')];
    await report({ persons: [victim, controller], phones: [phone('07700 900461')] });
    const [before] = await svc.graph.networks(analyst);
    expect(before).toMatchObject({ size: 3, seen: null, grown: false });
    await svc.graph.network(analyst, before!.id);
    expect((await svc.graph.networks(analyst))[0]).toMatchObject({ size: 3, seen: { size: 3 }, grown: false });

    await report({ persons: [person('Dritan', 'Krasniqi', 'suspect')], phones: [phone('07700900461')] });
    expect((await svc.graph.networks(analyst))[0]).toMatchObject({ size: 4, seen: { size: 3 }, grown: true });
    expect((await svc.graph.networks(investigator))[0]).toMatchObject({ size: 4, seen: null, grown: false });

    await svc.graph.network(analyst, before!.id);
    expect((await svc.graph.networks(analyst))[0]).toMatchObject({ seen: { size: 4 }, grown: false });
  });

  it("saves a chart under a name and reopens it with the links as they are now; charts are their owner's", async () => {
    const [victim, controller] = [person('Ardit', 'Hoxha'), person('Besnik', 'Gashi', 'suspect')];
    const shared = phone('07700 900461');
    await report({ persons: [victim, controller], phones: [shared] });
    const ids = await Promise.all([entityOf(victim.id), entityOf(controller.id), entityOf(shared.id)]);
    const chart = {
      // The analyst's marks are kept: a note on the controller, the two people drawn as one household.
      entities: ids.map((id, i) => ({
        id,
        x: i * 100,
        y: 0,
        pinned: i === 0,
        hidden: false,
        ...(i === 1 ? { note: 'Drives the workers to the plant at 5 am' } : {}),
        ...(i < 2 ? { group: 'Gashi household' } : {}),
      })),
      filter: { from: '2026-01-01' },
      layout: 'preset' as const,
    };
    const { id } = await svc.charts.create(analyst, 'Gashi phone', chart);
    await expect(svc.charts.create(analyst, 'Gashi phone', chart)).rejects.toThrow(/already have a chart/);

    const opened = await svc.charts.open(analyst, id);
    expect(opened).toMatchObject({ name: 'Gashi phone', chart });
    expect(opened.data.nodes).toHaveLength(3);
    expect(opened.data.links).toHaveLength(3);
    expect(opened.data.missing).toEqual([]);
    expect(await svc.charts.list(analyst)).toEqual([expect.objectContaining({ id, name: 'Gashi phone', entities: 3 })]);

    await expect(svc.charts.open(investigator, id)).rejects.toThrow(/No such chart/);
    await expect(svc.charts.update(investigator, id, 'Mine now', chart)).rejects.toThrow(/No such chart/);
    expect(await svc.charts.list(investigator)).toEqual([]);

    await svc.charts.update(analyst, id, 'Gashi phone, 2026', {
      ...chart,
      entities: [...chart.entities, { id: randomUUID(), x: 0, y: 0, pinned: false, hidden: true }],
    });
    const reopened = await svc.charts.open(analyst, id);
    expect(reopened.name).toBe('Gashi phone, 2026');
    expect(reopened.data.missing).toHaveLength(1);
    await svc.charts.remove(analyst, id);
    await expect(svc.charts.open(analyst, id)).rejects.toThrow(/No such chart/);
    await expect(svc.charts.create(officer, 'Mine', chart)).rejects.toThrow(/does not allow/);
  });

  it('a chart shared with the team opens for its members, to copy, not to change; another agency never sees it; unshared, it goes', async () => {
    const [victim, controller] = [person('Ardit', 'Hoxha'), person('Besnik', 'Gashi', 'suspect')];
    await report({ persons: [victim, controller] });
    const ids = await Promise.all([entityOf(victim.id), entityOf(controller.id)]);
    const chart = { entities: ids.map((id, i) => ({ id, x: i * 100, y: 0, pinned: false, hidden: false })), filter: {}, layout: 'preset' as const };
    const { id } = await svc.charts.create(analyst, 'Gashi household', chart);
    const elsewhere = await t.repos.agencies.create({ id: randomUUID(), name: 'Dyfed-Powys Police', kind: 'police' });
    const other = await t.repos.users.create({
      id: randomUUID(),
      agency_id: elsewhere.id,
      email: 'analyst@dyfed.example.org',
      display_name: 'Another analyst',
      role: 'analyst',
      password_hash: 'x',
    });
    const outsider: Actor = { kind: 'user', userId: other.id, role: 'analyst', agencyId: elsewhere.id, sessionId: 's', stage: 'complete' };

    // Not shared: the owner's alone.
    expect(await svc.charts.list(investigator)).toEqual([]);
    await expect(svc.charts.share(investigator, id, true)).rejects.toThrow(/No such chart/);

    await svc.charts.share(analyst, id, true);
    expect(await svc.charts.list(analyst)).toEqual([expect.objectContaining({ id, mine: true, shared: true, owner: 'An analyst' })]);
    expect(await svc.charts.list(investigator)).toEqual([
      expect.objectContaining({ id, name: 'Gashi household', mine: false, shared: true, owner: 'An analyst' }),
    ]);
    const opened = await svc.charts.open(investigator, id);
    expect(opened).toMatchObject({ mine: false, shared: true, owner: 'An analyst', chart });
    expect(opened.data.nodes).toHaveLength(2);
    // A member of the team saves a copy of their own; the original is its owner's to change.
    await svc.charts.create(investigator, 'Gashi household', opened.chart);
    await expect(svc.charts.update(investigator, id, 'Gashi household', chart)).rejects.toThrow(/No such chart/);
    await expect(svc.charts.remove(investigator, id)).rejects.toThrow(/No such chart/);
    await expect(svc.charts.share(investigator, id, false)).rejects.toThrow(/No such chart/);
    // Another agency: neither listed nor opened.
    expect(await svc.charts.list(outsider)).toEqual([]);
    await expect(svc.charts.open(outsider, id)).rejects.toThrow(/No such chart/);

    await svc.charts.share(analyst, id, false);
    expect((await svc.charts.list(investigator)).map((c) => c.mine)).toEqual([true]);
    await expect(svc.charts.open(investigator, id)).rejects.toThrow(/No such chart/);
    const audited = await sql<{ action: string; actor_id: string }>`
      select action, actor_id from audit_log where action in ('graph.chart-shared', 'graph.chart-unshared', 'graph.chart-opened') order by seq`.execute(
      t.store.db,
    );
    expect(audited.rows.map((r) => r.action)).toEqual(['graph.chart-shared', 'graph.chart-opened', 'graph.chart-unshared']);
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
    await svc.resolution.drain(200);
    const truth = (
      await sql<{ network_id: string; entity_id: string }>`
        select distinct t.network_id, r.entity_id from seed_truth t join entity_records r on r.id = t.record_id
        where t.network_id is not null and r.entity_id is not null`.execute(t.store.db)
    ).rows;
    const networks = await svc.graph.networks(analyst, { limit: 500 });
    const members = await Promise.all(networks.map(async (n) => new Set((await svc.graph.network(analyst, n.id)).nodes.map((x) => x.id))));
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

  it("catches up from the store with only what changed: another process's reports, a grading, a merge", async () => {
    // A second server on the same store: it hears of no change in this process, so reads the store's changes.
    const other = new GraphService(t.repos, { catchUpMs: 0 });
    const asked: number[] = [];
    const changesSince = t.repos.graph.changesSince.bind(t.repos.graph);
    t.repos.graph.changesSince = (since) => (asked.push(since), changesSince(since));

    const [victim, controller] = [person('Ardit', 'Hoxha'), person('Besnik', 'Gashi', 'suspect')];
    const first = await report({ persons: [victim, controller], phones: [phone('07700 900461')] });
    expect((await other.networks(analyst)).map((n) => n.size)).toEqual([3]);
    expect(asked).toEqual([0]);

    const driver = person('Dritan', 'Krasniqi', 'suspect');
    await report({ persons: [driver], phones: [phone('07700900461')] });
    expect((await other.networks(analyst)).map((n) => n.size)).toEqual([4]);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toBeGreaterThan(0);

    // Graded at triage: the report now passes a filter on graded reports only.
    expect(await other.networks(analyst, { filter: { ungraded: false } })).toEqual([]);
    await svc.reportTriage.decide(supervisor, first.id, { grading: '1AP' });
    expect((await other.networks(analyst, { filter: { ungraded: false } })).map((n) => n.size)).toEqual([3]);

    // A merge in this process moves records: the other server follows it from the store.
    const twin = person('Besa', 'Berisha', 'suspect');
    await report({ persons: [twin], vehicles: [{ id: randomUUID(), registration: 'CU57 ABC', make: null, colour: null }] });
    const [a, b] = [await entityOf(controller.id), await entityOf(twin.id)];
    expect(a).not.toBe(b);
    expect((await other.networks(analyst)).map((n) => n.size)).toEqual([4, 2]);
    await svc.entities.merge(analyst, a, b);
    expect((await other.networks(analyst)).map((n) => n.size)).toEqual([5]);
    // Read whole once only, at the start.
    expect(asked.filter((since) => since === 0)).toHaveLength(1);
  });

  it('is for the team and its analysts only', async () => {
    await expect(svc.graph.networks(officer)).rejects.toThrow(/does not allow/);
    await expect(svc.graph.neighbourhood(analyst, randomUUID(), 1)).rejects.toThrow(/No such entity/);
  });
});
