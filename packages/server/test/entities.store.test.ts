import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { bestPersonLabel, personLabel, type Actor } from '@harbour/core';
import { sql } from 'kysely';
import type { NewReport } from '@harbour/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityOf as entityOfRecord, signedInActors } from '../../../test/picture-helpers';
import { newReport, reportedPerson, submitted } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import { EntityService } from '../src/services/entity.service';
import { ResolutionService } from '../src/services/resolution.service';

const person = reportedPerson;
const event = submitted;

describe(`correcting and searching the picture on ${TEST_STORE}`, () => {
  let t: TestStore;
  let picture: ResolutionService;
  let entities: EntityService;
  let analyst: Actor;
  let officer: Actor;

  beforeEach(async () => {
    t = await newTestStore();
    picture = new ResolutionService(t.repos);
    entities = new EntityService(t.repos);
    ({ analyst, officer } = await signedInActors(t, ['analyst', 'officer'] as const));
  });
  afterEach(async () => t?.close());

  const entityOf = async (recordId: string) => (await entityOfRecord(t, recordId))!;
  const recordsOf = async (entityId: string) =>
    (await t.store.db.selectFrom('entity_records').select('id').where('entity_id', '=', entityId).orderBy('id').execute()).map((r) => r.id);
  const report = async (parts: Partial<NewReport>) => {
    const r = newReport(parts);
    await t.repos.intake.createReport(r, event);
    await picture.drain();
    return r;
  };

  it('puts an unsure pair before an analyst, with its evidence; accepting merges the two, and the merge can be undone', async () => {
    const first = person({ givenName: 'Ardit', familyName: 'Hoxha', dob: '1998-02-11', phone: '07700 900461' });
    // Same name, reported in the same town, another phone: unsure.
    const second = person({ givenName: 'Ardit', familyName: 'Hoxha', phone: '07700 900999' });
    await report({ persons: [first] });
    await report({ persons: [second], summary: 'Seen at the nail bar.' });
    expect(await entityOf(second.id)).not.toBe(await entityOf(first.id));

    const review = await entities.nextReview(analyst);
    expect(review.open).toBe(1);
    const pair = review.pair!;
    expect(pair.probability).toBeGreaterThanOrEqual(0.5);
    expect(pair.probability).toBeLessThan(0.95);
    expect(pair.fields.find((f) => f.field === 'name')).toMatchObject({ agreement: 'agree', a: 'Ardit Hoxha', b: 'Ardit Hoxha' });
    expect(pair.fields.find((f) => f.field === 'dob')).toMatchObject({ agreement: 'missing' });
    expect([pair.a.id, pair.b.id].sort()).toEqual([first.id, second.id].sort());

    const next = await entities.decide(analyst, pair.id, 'accept');
    expect(next).toEqual({ open: 0, moreThanCounted: false, pair: null });
    const merged = await entityOf(first.id);
    expect(await entityOf(second.id)).toBe(merged);

    // The entity page shows both sources, and the merge in its history.
    const view = await entities.entity(analyst, merged);
    expect(view.records.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    expect(view.attributes.find((a) => a.name === 'name')!.sources).toHaveLength(2);
    expect(view.changes).toEqual([expect.objectContaining({ action: 'merge', fromReview: true, undone: false, records: 1 })]);
    expect(view.timeline.map((e) => e.what)).toEqual(['reported', 'reported', 'merge']);

    await entities.undo(analyst, view.changes[0]!.id);
    expect(await entityOf(second.id)).not.toBe(await entityOf(first.id));
    await expect(entities.undo(analyst, view.changes[0]!.id)).rejects.toMatchObject({ status: 409 });

    const audit = (await t.repos.audit.list({ limit: 50 })).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['review.viewed', 'review.decided', 'entity.merged', 'entity.viewed', 'entity.change-undone']));
  });

  it('rejecting keeps the two apart, skipping puts the pair at the back of the queue', async () => {
    await report({ persons: [person({ givenName: 'Ardit', familyName: 'Hoxha', dob: '1998-02-11', phone: '07700 900461' })] });
    await report({ persons: [person({ givenName: 'Ardit', familyName: 'Hoxha', phone: '07700 900999' })] });
    await report({ persons: [person({ givenName: 'Elira', familyName: 'Krasniqi', dob: '2001-05-06', phone: '07700 900462' })], town: 'Cwmbran' });
    await report({ persons: [person({ givenName: 'Elira', familyName: 'Krasniqi', phone: '07700 900998' })], town: 'Cwmbran' });
    const first = (await entities.nextReview(analyst)).pair!;
    const afterSkip = await entities.decide(analyst, first.id, 'skip');
    expect(afterSkip.open).toBe(2);
    expect(afterSkip.pair!.id).not.toBe(first.id);
    const afterReject = await entities.decide(analyst, afterSkip.pair!.id, 'reject');
    expect(afterReject.pair!.id).toBe(first.id); // only the skipped one is left
    expect(afterReject.pair!.skipped).toBe(true);
    await expect(entities.decide(analyst, afterSkip.pair!.id, 'accept')).rejects.toMatchObject({ status: 409 });
    const rejected = await t.store.db.selectFrom('review_pairs').selectAll().where('status', '=', 'rejected').execute();
    expect(rejected).toHaveLength(1);
    expect(await entityOf(rejected[0]!.record_a)).not.toBe(await entityOf(rejected[0]!.record_b));
  });

  it('merges two entities and splits them again, losing no record, link or report', async () => {
    const a = person({ givenName: 'Besnik', familyName: 'Gashi', dob: '1985-03-02' });
    const b = person({ givenName: 'Beni', familyName: 'Gashi', dob: '1971-01-01' });
    const phone = { id: randomUUID(), number: '07700 900461' };
    await report({ persons: [a], phones: [phone] });
    await report({ persons: [b] });
    const [ea, eb] = [await entityOf(a.id), await entityOf(b.id)];
    expect(ea).not.toBe(eb);
    const snapshot = async () => ({
      records: await t.store.db.selectFrom('entity_records').select(['id', 'report_id', 'attributes']).orderBy('id').execute(),
      links: await t.store.db.selectFrom('record_links').selectAll().orderBy('from_record').orderBy('to_record').execute(),
    });
    const before = await snapshot();
    const linkedBefore = (await entities.entity(analyst, ea)).linked.map((l) => l.id);

    const merge = await entities.merge(analyst, ea, eb);
    expect(await recordsOf(ea)).toEqual([a.id, b.id].sort());
    expect((await entities.entity(analyst, eb)).mergedInto).toBe(ea);

    const split = await entities.split(analyst, ea, [b.id]);
    expect(await recordsOf(ea)).toEqual([a.id]);
    expect(await recordsOf(split.entityId)).toEqual([b.id]);
    expect(await snapshot()).toEqual(before);
    expect((await entities.entity(analyst, ea)).linked.map((l) => l.id)).toEqual(linkedBefore);

    // Undoing the split puts b back in the merged entity; undoing the merge then restores the start.
    await entities.undo(analyst, split.changeId);
    expect(await recordsOf(ea)).toEqual([a.id, b.id].sort());
    await entities.undo(analyst, merge.changeId);
    expect(await recordsOf(ea)).toEqual([a.id]);
    expect(await recordsOf(eb)).toEqual([b.id]);
    expect((await entities.entity(analyst, eb)).mergedInto).toBeNull();
    expect(await snapshot()).toEqual(before);

    await expect(entities.split(analyst, ea, [a.id])).rejects.toMatchObject({ status: 400 });
    await expect(entities.merge(analyst, ea, await entityOf(phone.id))).rejects.toMatchObject({ status: 400 });
    await expect(entities.merge(officer, ea, eb)).rejects.toMatchObject({ status: 403 });
  });

  it('names a person the same everywhere: the fullest name once a record gives it, and the same name whatever order the records came in', async () => {
    const labelOf = async (entityId: string) =>
      (await t.store.db.selectFrom('entities').select('label').where('id', '=', entityId).executeTakeFirstOrThrow()).label;
    const namedEverywhere = async (entityId: string, name: string) => {
      expect(await labelOf(entityId)).toBe(name); // the chart and the networks page read this
      expect((await entities.entity(analyst, entityId)).label).toBe(name);
      const found = (await entities.search(analyst, name)).groups.find((g) => g.kind === 'person')!.items.map((i) => [i.id, i.label]);
      expect(found).toContainEqual([entityId, name]);
    };
    const phone = (number: string) => ({ id: randomUUID(), number });

    // A short name first, then the full one: the person joins and is named in full.
    const short = person({ givenName: 'Thu', familyName: 'Vu', dob: '1999-04-05' });
    const full = person({ givenName: ' Thu Trang ', familyName: 'Vu', dob: '1999-04-05' });
    await report({ persons: [short], phones: [phone('07700 900301')] });
    await report({ persons: [full], phones: [phone('07700 900301')] });
    const vu = await entityOf(short.id);
    expect(await entityOf(full.id)).toBe(vu);
    await namedEverywhere(vu, 'Thu Trang Vu');

    // Two spellings as full as each other, once each, in either order: one name, the same one.
    const spellings = [
      ['Eni', 'Rama', '1985-09-27', '07700 900302'],
      ['Eni', 'Raam', '1985-09-27', '07700 900302'],
      ['Eni', 'Raam', '1986-10-28', '07700 900303'],
      ['Eni', 'Rama', '1986-10-28', '07700 900303'],
    ] as const;
    const records = [];
    for (const [givenName, familyName, dob, number] of spellings) {
      const p = person({ role: 'suspect', givenName, familyName, dob });
      await report({ persons: [p], phones: [phone(number)] });
      records.push(p);
    }
    const [first, second] = [await entityOf(records[0]!.id), await entityOf(records[2]!.id)];
    expect(await entityOf(records[1]!.id)).toBe(first);
    expect(await entityOf(records[3]!.id)).toBe(second);
    await namedEverywhere(first, 'Eni Raam');
    await namedEverywhere(second, 'Eni Raam');
  });

  it('brings an older store to the same names (migration 0016 holds the rule of bestPersonLabel)', async () => {
    const names = [
      ['Eni', 'Rama'],
      ['Eni', 'Raam'],
      [' Thu', 'Vu'],
      ['Thu Trang', 'Vu'],
      [null, 'Vu'],
      ['Иван', 'Петров'],
      ['Ivan', 'Petrov'],
    ] as const;
    const people = names.map(([givenName, familyName]) => person({ givenName, familyName }));
    await report({ persons: people });
    // Everyone into two entities, with labels as an older Harbour left them.
    const [a, b] = [await entityOf(people[0]!.id), await entityOf(people[5]!.id)];
    const moveTo = (entity: string, ids: string[]) => t.store.db.updateTable('entity_records').set({ entity_id: entity }).where('id', 'in', ids).execute();
    await moveTo(
      a,
      people.slice(0, 5).map((p) => p.id),
    );
    await moveTo(
      b,
      people.slice(5).map((p) => p.id),
    );
    await t.store.db.updateTable('entities').set({ label: 'stale' }).where('id', 'in', [a, b]).execute();

    await sql.raw(readFileSync(new URL('../../db/migrations/0016_person_labels.sql', import.meta.url), 'utf8')).execute(t.store.db);
    for (const [entity, group] of [
      [a, people.slice(0, 5)],
      [b, people.slice(5)],
    ] as const) {
      const label = (await t.store.db.selectFrom('entities').select('label').where('id', '=', entity).executeTakeFirstOrThrow()).label;
      expect(label).toBe(bestPersonLabel(group.map((p) => personLabel(p))));
    }
  });

  it('finds people by typo, sound, nickname and script, phones and plates however written, and report text', async () => {
    const r1 = await report({
      persons: [person({ givenName: 'Katarzyna', familyName: 'Kowalska' }), person({ role: 'suspect', givenName: 'Иван', familyName: 'Петров' })],
      phones: [{ id: randomUUID(), number: '+44 7700 900461' }],
      vehicles: [{ id: randomUUID(), registration: 'CU57 ABC', make: 'Ford', colour: null }],
      businesses: [{ id: randomUUID(), name: 'Sparkle Hand Car Wash', kind: 'car wash', address: null }],
      summary: 'Workers sleep in the portakabin behind the car wash.',
    });
    await report({ persons: [person({ givenName: 'William', familyName: 'Jones' })] });
    const find = async (q: string) => (await entities.search(analyst, q)).groups.flatMap((g) => g.items.map((i) => `${g.kind}:${i.label}`));

    expect(await find('Katarzyna Kowalsky')).toContain('person:Katarzyna Kowalska');
    expect(await find('Ivan Petrov')).toContain('person:Иван Петров');
    expect(await find('Bill Jones')).toContain('person:William Jones');
    expect(await find('07700900461')).toContain('phone:+447700900461');
    expect(await find('900461')).toContain('phone:+447700900461');
    expect(await find('cu57abc')).toContain('vehicle:CU57ABC');
    expect(await find('sparkle car wash')).toContainEqual(expect.stringMatching(/^business:Sparkle Hand Car Wash/));
    expect(await find('Zebedee Quark')).toEqual([]);

    const results = await entities.search(analyst, 'portakabin');
    const reference = (await t.store.db.selectFrom('reports').select('reference').where('id', '=', r1.id).executeTakeFirstOrThrow()).reference;
    expect(results.reports.map((r) => r.reference)).toEqual([reference]);
    expect(results.reports[0]!.snippet).toContain('«portakabin»');
    const people = (await entities.search(analyst, 'Katarzyna Kowalska')).groups.find((g) => g.kind === 'person')!;
    expect(people.items[0]).toMatchObject({ label: 'Katarzyna Kowalska', reports: 1, latest: '2026-11-01T10:00:00.000Z' });
    await expect(entities.search(officer, 'Ardit')).rejects.toMatchObject({ status: 403 });
  });

  it('counts what it finds, pages through one kind, and tells namesakes apart by birth, nationality, role and area', async () => {
    // 27 different men of one name (born years, months and days apart), each reported once, on
    // successive days, across two areas.
    const areas = ['W06000022', 'W06000018'];
    const two = (n: number) => String(n).padStart(2, '0');
    const bornOf = (i: number) => `${1950 + i}-${two(((5 * i) % 12) + 1)}-${two(((7 * i) % 28) + 1)}`;
    for (let i = 1; i <= 27; i++) {
      const dob = bornOf(i);
      await t.repos.intake.createReport(
        newReport({
          receivedAt: new Date(Date.UTC(2026, 9, i, 10)),
          localAuthority: areas[i % 2]!,
          summary: `He said his passport was kept by the boss (${i}).`,
          persons: [
            person({ givenName: 'Ardit', familyName: 'Hoxha', dob, nationality: i % 3 === 0 ? 'AL' : 'XK', role: i === 5 ? 'suspect' : 'potential_victim' }),
          ],
        }),
        event,
      );
    }
    await picture.drain();

    const first = await entities.search(analyst, { q: 'Ardit Hoxha' });
    const people = first.groups.find((g) => g.kind === 'person')!;
    expect(people).toMatchObject({ total: 27, capped: false });
    expect(people.items).toHaveLength(10);
    expect(new Set(people.items.map((i) => i.details?.dob)).size).toBe(10);
    expect(first.reportCount).toEqual({ total: 0, capped: false });

    const pageOne = await entities.search(analyst, { q: 'Ardit Hoxha', kind: 'person' });
    const pageTwo = await entities.search(analyst, { q: 'Ardit Hoxha', kind: 'person', page: 2 });
    expect(pageOne).toMatchObject({ kind: 'person', page: 1, pageSize: 25, reports: [] });
    expect(pageOne.groups[0]!.items).toHaveLength(25);
    expect(pageTwo.groups[0]!.items).toHaveLength(2);
    const all = [...pageOne.groups[0]!.items, ...pageTwo.groups[0]!.items];
    expect(new Set(all.map((i) => i.id)).size).toBe(27);
    expect(all.map((i) => i.details!.dob).sort()).toEqual(Array.from({ length: 27 }, (_, i) => bornOf(i + 1)).sort());
    // The suspect among them (the fifth): Kosovan, reported in Caerphilly; the sixth Albanian, in Newport.
    expect(all.find((i) => i.details!.dob === bornOf(5))!.details).toEqual({ dob: bornOf(5), nationality: 'XK', roles: ['suspect'], area: 'W06000018' });
    expect(all.find((i) => i.details!.dob === bornOf(6))!.details).toEqual({
      dob: bornOf(6),
      nationality: 'AL',
      roles: ['potential_victim'],
      area: 'W06000022',
    });
    expect((await entities.search(analyst, { q: 'Ardit Hoxha', kind: 'person', page: 3 })).groups).toEqual([]);

    // Report words: counted, ten first, then a page of that kind at a time.
    const words = await entities.search(analyst, { q: 'passports' });
    expect(words.reportCount).toEqual({ total: 27, capped: false });
    expect(words.reports).toHaveLength(10);
    const reportsTwo = await entities.search(analyst, { q: 'passports', kind: 'report', page: 2 });
    expect(reportsTwo).toMatchObject({ groups: [], reportCount: { total: 27 } });
    expect(reportsTwo.reports).toHaveLength(2);
    const reportsOne = await entities.search(analyst, { q: 'passports', kind: 'report' });
    expect(new Set([...reportsOne.reports, ...reportsTwo.reports].map((r) => r.id)).size).toBe(27);
    // Only one kind is looked for on its own pages.
    expect((await entities.search(analyst, { q: 'Ardit Hoxha', kind: 'phone' })).groups).toEqual([]);
    const audited = await t.repos.audit.list({ action: 'picture.searched', limit: 1 });
    expect(audited[0]!.details).toMatchObject({ kind: 'phone', page: 1 });
  });

  it('resolves online accounts, bank accounts and documents written differently into one entity each, linked to the people, and finds them', async () => {
    const victim = person({ givenName: 'Mirela', familyName: 'Dumitru' });
    const suspect = person({ role: 'suspect', givenName: 'Adrian', familyName: 'Stan' });
    await report({
      persons: [victim, suspect],
      online: [{ id: randomUUID(), identifier: 'https://www.instagram.com/Mirela.Nails/?igsh=x1', platform: null, description: 'advert for nails' }],
      bankAccounts: [{ id: randomUUID(), bank: 'Barclays', sortCode: '20-20-15', accountNumber: '5555 5555', iban: null, holder: 'A Stan' }],
      documents: [
        { id: randomUUID(), type: 'passport', number: 'ro 123 456 78', country: 'Romania', holder: 'Mirela Dumitru', description: 'kept by the landlord' },
      ],
    });
    const again = {
      online: { id: randomUUID(), identifier: '@mirela.nails', platform: 'Insta', description: null },
      bank: { id: randomUUID(), bank: null, sortCode: null, accountNumber: null, iban: 'GB33 BUKB 2020 1555 5555 55', holder: null },
      document: { id: randomUUID(), type: 'passport', number: 'RO12345678', country: null, holder: null, description: null },
    };
    await report({
      persons: [person({ givenName: 'Ion', familyName: 'Popa' })],
      online: [again.online],
      bankAccounts: [again.bank],
      documents: [again.document],
    });

    const find = async (q: string) => (await entities.search(analyst, q)).groups.flatMap((g) => g.items.map((i) => `${g.kind}:${i.label}:${i.reports}`));
    expect(await find('mirela.nails')).toContain('online:Instagram @mirela.nails:2');
    expect(await find('55555555')).toContain('bank_account:20-20-15 55555555:2');
    expect(await find('20-20-15 55555555')).toContain('bank_account:20-20-15 55555555:2');
    expect(await find('RO12345678')).toContain('document:RO12345678 (Romania):2');

    // Each is one entity with both reports as its sources, linked to the people of both and to the others.
    for (const record of [again.online, again.bank, again.document]) {
      const view = await entities.entity(analyst, await entityOf(record.id));
      expect(view.records).toHaveLength(2);
      expect(
        view.linked
          .filter((l) => l.kind === 'person')
          .map((l) => l.label)
          .sort(),
      ).toEqual(['Adrian Stan', 'Ion Popa', 'Mirela Dumitru']);
      expect(view.linked.filter((l) => l.kind !== 'person')).toHaveLength(2);
    }
    // What the review queue shows an analyst comparing the two women: the three things both reports mention.
    const ion = (
      await t.store.db
        .selectFrom('entity_records')
        .select('id')
        .where(
          'report_id',
          '=',
          (await t.store.db.selectFrom('entity_records').select('report_id').where('id', '=', again.online.id).executeTakeFirstOrThrow()).report_id,
        )
        .where('kind', '=', 'person')
        .executeTakeFirstOrThrow()
    ).id;
    const shared = await t.repos.entities.sharedMentions({ recordId: victim.id, entityId: await entityOf(victim.id) }, { recordId: ion, entityId: null });
    expect(shared.map((m) => m.kind)).toEqual(['bank_account', 'document', 'online']);
    expect(await t.repos.entities.sharedMentions({ recordId: victim.id, entityId: null }, { recordId: suspect.id, entityId: null })).toHaveLength(3);
    const document = await entities.entity(analyst, await entityOf(again.document.id));
    expect(document.attributes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'description', value: 'kept by the landlord' }),
        expect.objectContaining({ name: 'country', value: 'Romania' }),
      ]),
    );
  });

  it('uses the thresholds the team sets, and a model retrained with the analysts’ decisions', async () => {
    expect(await picture.settings(analyst)).toMatchObject({ autoMerge: 0.95, review: 0.5, model: { source: 'synthetic' } });
    await expect(picture.saveSettings(analyst, 0.6, 0.7)).rejects.toMatchObject({ status: 400 });
    // With merging from 0.8, a match on name and town joins by itself instead of waiting for review.
    await picture.saveSettings(analyst, 0.8, 0.3);
    const first = person({ givenName: 'Ardit', familyName: 'Hoxha', dob: '1998-02-11' });
    const second = person({ givenName: 'Ardit', familyName: 'Hoxha' });
    await report({ persons: [first] });
    await report({ persons: [second] });
    expect(await entityOf(second.id)).toBe(await entityOf(first.id));
    expect((await entities.nextReview(analyst)).open).toBe(0);

    const trained = await picture.train(analyst);
    expect(trained.model).toMatchObject({ source: 'store', records: 2, decisions: 0 });
    expect(trained.model.trainedAt).not.toBeNull();
    await expect(picture.train(officer)).rejects.toMatchObject({ status: 403 });
  });
});
