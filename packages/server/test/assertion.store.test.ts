import { randomUUID } from 'node:crypto';
import { Forbidden, Invalid, NotFound, type Actor } from '@harbour/core';
import type { NewReport } from '@harbour/db';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityOf as entityOfRecord, signedInActors } from '../../../test/picture-helpers';
import { newReport, reportedPerson, submitted } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import { newSecretKey, SecretBox } from '../src/auth/secret-box';
import { services, type Services } from '../src/services/index';

const person = (givenName: string, familyName: string, role = 'suspect') => reportedPerson({ givenName, familyName, role, dob: null });
const ASSERTED_AT = new Date('2026-11-20T10:00:00Z');

describe(`links asserted by hand on ${TEST_STORE}`, () => {
  let t: TestStore;
  let svc: Services;
  let analyst: Actor;
  let investigator: Actor;
  let officer: Actor;

  beforeEach(async () => {
    t = await newTestStore();
    svc = services(t.repos, {
      store: TEST_STORE,
      session: { idleMinutes: 30, maxHours: 12 },
      secrets: new SecretBox(newSecretKey()),
      now: () => ASSERTED_AT,
    });
    ({ analyst, investigator, officer } = await signedInActors(t, ['analyst', 'investigator', 'officer'] as const));
  });
  afterEach(async () => t?.close());

  const entityOf = async (recordId: string) => (await entityOfRecord(t, recordId))!;
  const report = async (parts: Partial<NewReport>) => {
    const r = newReport({ receivedAt: new Date('2026-10-01T09:00:00Z'), ...parts });
    await t.repos.intake.createReport(r, submitted);
    await svc.resolution.drain();
    return r;
  };

  it('links two entities no report joins, drawn, analysed and opened as an assertion with its grading, author and reason', async () => {
    const [victim, controller] = [person('Ardit', 'Hoxha', 'potential_victim'), person('Besnik', 'Gashi')];
    const driver = person('Dritan', 'Krasniqi');
    await report({ persons: [victim, controller], exploitationTypes: ['labour'] });
    await report({ persons: [driver], exploitationTypes: ['criminal'] });
    const [controllerId, driverId, victimId] = await Promise.all([entityOf(controller.id), entityOf(driver.id), entityOf(victim.id)]);
    await expect(svc.graph.paths(analyst, controllerId, driverId)).resolves.toEqual({ paths: [] });

    const made = await svc.assertions.assert(analyst, {
      from: controllerId,
      to: driverId,
      relation: 'controls',
      grading: '2BC',
      note: 'Intelligence log 4471: Gashi directs Krasniqi’s deliveries',
    });
    expect(made).toEqual({ id: expect.any(String), to: driverId, added: false });

    const { paths } = await svc.graph.paths(analyst, controllerId, driverId);
    expect(paths[0]!.links[0]).toMatchObject({ from: controllerId, to: driverId, reports: 1, asserted: 1, relations: ['controls'], direction: 'forward' });
    expect(paths[0]!.links[0]!.firstSeen).toBe(ASSERTED_AT.toISOString());
    // One network now: the victim, the controller and the driver.
    const networks = await svc.graph.networks(analyst);
    expect(networks[0]).toMatchObject({ size: 3, victims: 1 });
    expect([...networks[0]!.exploitationTypes].sort()).toEqual(['labour']);

    const evidence = await svc.graph.linkEvidence(analyst, driverId, controllerId);
    expect(evidence.sources).toEqual([]);
    expect(evidence.assertions).toEqual([
      {
        id: made.id,
        from: controllerId,
        to: driverId,
        relation: 'controls',
        grading: '2BC',
        note: 'Intelligence log 4471: Gashi directs Krasniqi’s deliveries',
        assertedBy: 'An analyst',
        assertedAt: ASSERTED_AT.toISOString(),
      },
    ]);
    const [audited] = await t.repos.audit.list({ action: 'graph.link-asserted', limit: 1 });
    expect(audited).toMatchObject({
      subjectId: controllerId,
      details: { assertion: made.id, to: driverId, relation: 'controls', grading: '2BC', added: false },
    });
    // The reason is the analyst's own words: kept with the assertion, not copied into the audit.
    expect(JSON.stringify(audited!.details)).not.toContain('Intelligence log');

    // Filtered as a report is, by its own date and grading; a filter by exploitation keeps it.
    expect((await svc.graph.paths(analyst, controllerId, driverId, { evaluations: ['1'] })).paths).toEqual([]);
    expect((await svc.graph.paths(analyst, controllerId, driverId, { until: new Date('2026-11-01T00:00:00Z') })).paths).toEqual([]);
    expect((await svc.graph.paths(analyst, controllerId, driverId, { exploitationTypes: ['sexual'] })).paths).toHaveLength(1);
    // Restricted by what links say, it is what it says: the report's suspect controls its victim, and the assertion.
    expect((await svc.graph.among(analyst, [victimId, controllerId, driverId], { relations: ['controls'] })).links).toHaveLength(2);
    expect((await svc.graph.among(analyst, [victimId, controllerId, driverId], { relations: ['drives'] })).links).toEqual([]);
  });

  it('adds an entity no report names at the far end, or links the one a report already names, whatever its format', async () => {
    const [boss, worker] = [person('Eni', 'Rama'), person('Habtom', 'Yonas', 'potential_victim')];
    const phone = { id: randomUUID(), number: '07700 900461' };
    await report({ persons: [boss, worker], phones: [phone] });
    const [bossId, workerId, phoneId] = await Promise.all([entityOf(boss.id), entityOf(worker.id), entityOf(phone.id)]);

    const known = await svc.assertions.assert(analyst, {
      from: workerId,
      newEntity: { kind: 'phone', label: '+44 7700 900461' },
      relation: 'uses_phone',
      grading: '1AP',
      note: 'Seen using it',
    });
    expect(known).toMatchObject({ to: phoneId, added: false });

    const fresh = await svc.assertions.assert(analyst, {
      from: bossId,
      newEntity: { kind: 'phone', label: '07700 900 999' },
      relation: 'uses_phone',
      grading: '2BP',
      note: 'CHIS report 1182',
    });
    expect(fresh.added).toBe(true);
    const near = await svc.graph.neighbourhood(analyst, bossId, 1);
    expect(near.nodes.find((n) => n.id === fresh.to)).toMatchObject({ kind: 'phone', label: '+447700900999', reports: 0, hops: 1 });
    expect(near.links.find((l) => l.to === fresh.to || l.from === fresh.to)).toMatchObject({ asserted: 1, reports: 1, relations: ['uses_phone'] });
    const page = await svc.entities.entity(analyst, fresh.to);
    expect(page).toMatchObject({ kind: 'phone', label: '+447700900999', records: [] });
    // Where it came from: the assertion, with the entity at its other end.
    expect(page.asserted).toEqual([
      expect.objectContaining({
        id: fresh.id,
        from: bossId,
        to: fresh.to,
        relation: 'uses_phone',
        note: 'CHIS report 1182',
        other: { id: bossId, kind: 'person', label: 'Eni Rama' },
      }),
    ]);

    // A person by hand: named as the analyst writes it.
    const added = await svc.assertions.assert(investigator, {
      from: bossId,
      newEntity: { kind: 'person', label: 'Lulzim (surname unknown)' },
      relation: 'controls',
      grading: '3CP',
      note: 'Named by a neighbour',
    });
    expect((await svc.graph.among(analyst, [added.to])).nodes).toEqual([{ id: added.to, kind: 'person', label: 'Lulzim (surname unknown)', reports: 0 }]);
  });

  it('refuses a link that does not fit the kinds, an unknown entity, an entity with itself, and a role that may not add links', async () => {
    const [a, b] = [person('Arben', 'Leka'), person('Blerim', 'Shala')];
    const phone = { id: randomUUID(), number: '07700 900123' };
    await report({ persons: [a, b], phones: [phone] });
    const [aId, bId, phoneId] = await Promise.all([entityOf(a.id), entityOf(b.id), entityOf(phone.id)]);
    const base = { grading: '2BP', note: 'Log 1' };

    const wrongKinds = svc.assertions.assert(analyst, { ...base, from: aId, to: bId, relation: 'lives_at' });
    await expect(wrongKinds).rejects.toBeInstanceOf(Invalid);
    await expect(wrongKinds).rejects.toMatchObject({ fields: [{ path: 'relation' }] });
    await expect(svc.assertions.assert(analyst, { ...base, from: phoneId, to: aId, relation: 'uses_phone' })).rejects.toBeInstanceOf(Invalid);
    await expect(svc.assertions.assert(analyst, { ...base, from: aId, to: randomUUID(), relation: 'controls' })).rejects.toBeInstanceOf(NotFound);
    await expect(
      svc.assertions.assert(analyst, { ...base, from: phoneId, newEntity: { kind: 'phone', label: '07700900123' }, relation: 'mentioned' }),
    ).rejects.toMatchObject({
      fields: [{ path: 'newEntity.label' }],
    });
    await expect(svc.assertions.assert(officer, { ...base, from: aId, to: bId, relation: 'controls' })).rejects.toBeInstanceOf(Forbidden);
    const stored = await sql<{ n: number }>`select count(*)::int as n from link_assertions`.execute(t.store.db);
    expect(stored.rows[0]!.n).toBe(0);
  });

  it('follows its entities through a merge, and once withdrawn links nothing but stays on record', async () => {
    const [boss, driver, again] = [person('Gezim', 'Berisha'), person('Ilir', 'Dervishi'), person('Ilir', 'Dervishaj')];
    await report({ persons: [boss] });
    await report({ persons: [driver] });
    await report({ persons: [again] });
    const [bossId, driverId, againId] = await Promise.all([entityOf(boss.id), entityOf(driver.id), entityOf(again.id)]);
    expect(driverId).not.toBe(againId);
    const made = await svc.assertions.assert(analyst, { from: bossId, to: driverId, relation: 'controls', grading: '2BP', note: 'Log 9' });

    await svc.entities.merge(analyst, againId, driverId);
    const evidence = await svc.graph.linkEvidence(analyst, bossId, againId);
    expect(evidence.assertions.map((a) => [a.id, a.to])).toEqual([[made.id, againId]]);
    expect(evidence.link).toMatchObject({ asserted: 1 });

    await svc.assertions.withdraw(investigator, made.id);
    expect((await svc.graph.paths(analyst, bossId, againId)).paths).toEqual([]);
    expect((await svc.graph.linkEvidence(analyst, bossId, againId)).assertions).toEqual([]);
    await expect(svc.assertions.withdraw(investigator, made.id)).rejects.toBeInstanceOf(NotFound);
    await expect(svc.assertions.withdraw(officer, made.id)).rejects.toBeInstanceOf(Forbidden);
    const kept = await sql<{ withdrawn_at: Date | null; note: string }>`select withdrawn_at, note from link_assertions where id = ${made.id}`.execute(
      t.store.db,
    );
    expect(kept.rows).toEqual([{ withdrawn_at: ASSERTED_AT, note: 'Log 9' }]);
    const [audited] = await t.repos.audit.list({ action: 'graph.link-assertion-withdrawn', limit: 1 });
    expect(audited).toMatchObject({ details: { assertion: made.id } });
  });
});
