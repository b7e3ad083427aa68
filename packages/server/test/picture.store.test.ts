import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityOf as entityOfRecord } from '../../../test/picture-helpers';
import { newReport, reportedPerson, submitted } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import { ResolutionService } from '../src/services/resolution.service';

const person = reportedPerson;

const event = submitted;

describe(`the picture on ${TEST_STORE}`, () => {
  let t: TestStore;
  let picture: ResolutionService;
  beforeEach(async () => {
    t = await newTestStore();
    picture = new ResolutionService(t.repos);
  });
  afterEach(async () => t?.close());

  const entityOf = (recordId: string) => entityOfRecord(t, recordId);

  it('takes every person, phone, vehicle and business of a report as records, linked to each other and to the report', async () => {
    const r = newReport({
      persons: [person({ givenName: 'Ardit', familyName: 'Hoxha' }), person({ role: 'suspect', givenName: 'Besnik', familyName: 'Gashi' })],
      phones: [{ id: randomUUID(), number: '07700 900461' }],
      vehicles: [{ id: randomUUID(), registration: 'CU57 ABC', make: 'Ford', colour: null }],
      businesses: [{ id: randomUUID(), name: 'Sparkle Hand Car Wash', kind: 'car wash', address: null }],
    });
    await t.repos.intake.createReport(r, event);
    // Taken into the picture later, out of the intake transaction.
    expect(await t.store.db.selectFrom('entity_records').selectAll().execute()).toEqual([]);
    await picture.drain();
    const records = await t.store.db.selectFrom('entity_records').selectAll().where('report_id', '=', r.id).execute();
    expect(records.map((x) => x.kind).sort()).toEqual(['business', 'person', 'person', 'phone', 'vehicle']);
    expect(records.every((x) => x.entity_id !== null)).toBe(true);
    const links = await t.store.db.selectFrom('record_links').selectAll().where('report_id', '=', r.id).execute();
    expect(links).toHaveLength((5 * 4) / 2);
  });

  it('vacuums the picture after every so many records when asked to (the embedded store has no autovacuum)', async () => {
    const vacuums = async () =>
      Number((await sql<{ n: string }>`select vacuum_count as n from pg_stat_user_tables where relname = 'entity_records'`.execute(t.store.db)).rows[0]!.n);
    const tidy = new ResolutionService(t.repos, undefined, { tidyEvery: 4 });
    const report = (n: number) =>
      newReport({ phones: Array.from({ length: n }, (_, i) => ({ id: randomUUID(), number: `07700 90${String(i).padStart(4, '0')}` })) });
    const before = await vacuums();
    await t.repos.intake.createReport(report(3), event);
    await tidy.drain();
    expect(await vacuums()).toBe(before);
    await t.repos.intake.createReport(report(2), event);
    await tidy.drain();
    expect(await vacuums()).toBe(before + 1);
  });

  it('a run asked to stop ends after its batch, and the next run takes the records left', async () => {
    for (let i = 0; i < 6; i++) await t.repos.intake.createReport(newReport({ phones: [{ id: randomUUID(), number: `07700 90010${i}` }] }), event);
    const run = picture.drain(1);
    await picture.stop();
    expect((await run).records).toBe(1);
    const resolved = () => t.store.db.selectFrom('entity_records').select('id').where('entity_id', 'is not', null).execute();
    expect(await resolved()).toHaveLength(1);
    expect((await new ResolutionService(t.repos).drain(1)).records).toBe(5);
    expect(await resolved()).toHaveLength(6);
  });

  it('the report, read whole, names the entity each person and thing became (none before the picture takes it in)', async () => {
    const victim = person({ givenName: 'Ardit', familyName: 'Hoxha' });
    const phone = { id: randomUUID(), number: '07700 900461' };
    const r = newReport({ persons: [victim], phones: [phone] });
    await t.repos.intake.createReport(r, event);
    const before = await t.repos.intake.reportDetail(r.id);
    expect(before!.entityOf.size).toBe(0);
    await picture.drain();
    const after = await t.repos.intake.reportDetail(r.id);
    expect(after!.entityOf.get(victim.id)).toBe(await entityOf(victim.id));
    expect(after!.entityOf.get(phone.id)).toBe(await entityOf(phone.id));
    expect(after!.entityOf.get(victim.id)).not.toBe(after!.entityOf.get(phone.id));
  });

  it('resolves phones and vehicles written differently to one entity, each keeping both source records', async () => {
    const phoneA = { id: randomUUID(), number: '07700 900461' };
    const phoneB = { id: randomUUID(), number: '+44 7700 900461' };
    const other = { id: randomUUID(), number: '07700 900999' };
    const first = newReport({ phones: [phoneA], vehicles: [{ id: randomUUID(), registration: 'CU57 ABC', make: null, colour: null }] });
    const second = newReport({ phones: [phoneB, other], vehicles: [{ id: randomUUID(), registration: 'cu57abc', make: null, colour: null }] });
    await t.repos.intake.createReport(first, event);
    await picture.drain();
    await t.repos.intake.createReport(second, event);
    const summary = await picture.drain();
    expect(summary.records).toBe(3); // the second report's records only
    expect(await entityOf(phoneB.id)).toBe(await entityOf(phoneA.id));
    expect(await entityOf(other.id)).not.toBe(await entityOf(phoneA.id));
    const view = await t.repos.picture.entity((await entityOf(phoneA.id))!);
    expect(view!.entity).toMatchObject({ kind: 'phone', label: '+447700900461' });
    expect(view!.records.map((r) => r.report_id).sort()).toEqual([first.id, second.id].sort());
    const vehicles = await t.store.db.selectFrom('entities').selectAll().where('kind', '=', 'vehicle').execute();
    expect(vehicles).toEqual([expect.objectContaining({ label: 'CU57ABC' })]);
  });

  it('joins a person reported again to the person already known, and keeps a namesake apart', async () => {
    const first = person({ givenName: 'Ardit', familyName: 'Hoxha', dob: '1998-02-11', nationality: 'ALB', gender: 'male', phone: '07700 900461' });
    const again = person({ givenName: 'Ardit', familyName: 'Hoxha', dob: '1998-02-11', nationality: 'ALB', phone: '+447700900461' });
    const namesake = person({ givenName: 'Ardit', familyName: 'Hoxha', dob: '1971-09-30', nationality: 'ALB', gender: 'male' });
    await t.repos.intake.createReport(newReport({ persons: [first] }), event);
    await picture.drain();
    await t.repos.intake.createReport(newReport({ persons: [again] }), event);
    await t.repos.intake.createReport(newReport({ persons: [namesake] }), event);
    await picture.drain();
    expect(await entityOf(again.id)).toBe(await entityOf(first.id));
    expect(await entityOf(namesake.id)).not.toBe(await entityOf(first.id));
    const joined = await t.store.db
      .selectFrom('entity_records')
      .select(['resolved_by', 'match_probability'])
      .where('id', '=', again.id)
      .executeTakeFirstOrThrow();
    expect(joined.resolved_by).toBe('model');
    expect(joined.match_probability).toBeGreaterThanOrEqual(0.95);
  });

  describe('a record with nothing but a name', () => {
    const known = { givenName: 'Senait', familyName: 'Tesfamariam', nationality: 'ERI', gender: 'female' };
    const reportedOften = async () => {
      const often = [1, 2, 3, 4].map(() => person({ ...known, dob: '1994-03-08', phone: '07700 900123' }));
      for (const p of often) await t.repos.intake.createReport(newReport({ persons: [p] }), event);
      return often;
    };
    // Written the other way round, with nothing else: only its name (and the report's town) finds anyone.
    const mention = () => person({ givenName: 'Tesfamariam', familyName: 'Senait' });
    const resolved = async (id: string) => ({
      record: await t.store.db.selectFrom('entity_records').select(['entity_id', 'resolved_by']).where('id', '=', id).executeTakeFirstOrThrow(),
      pairs: await t.store.db
        .selectFrom('review_pairs')
        .select(['record_b', 'probability'])
        .where('record_a', '=', id)
        .orderBy('probability', 'desc')
        .execute(),
    });

    it('joins the one person of that name, reported several times', async () => {
      const often = await reportedOften();
      await picture.drain();
      const only = mention();
      await t.repos.intake.createReport(newReport({ persons: [only] }), event);
      await picture.drain();
      const { record } = await resolved(only.id);
      expect(record.entity_id).toBe(await entityOf(often[0]!.id));
      expect(record.resolved_by).toBe('model');
    });

    it('stands alone between two people of that name, and the analyst is asked about the one reported most', async () => {
      const often = await reportedOften();
      const once = person({ ...known, dob: '1979-11-21', phone: '07700 900999' });
      await t.repos.intake.createReport(newReport({ persons: [once] }), event);
      await picture.drain();
      expect(await entityOf(once.id)).not.toBe(await entityOf(often[0]!.id));
      const unsure = mention();
      await t.repos.intake.createReport(newReport({ persons: [unsure] }), event);
      await picture.drain();
      const { record, pairs } = await resolved(unsure.id);
      expect(record.resolved_by).toBe('new');
      // The one reported once is too unlikely to ask about.
      expect(pairs).toHaveLength(1);
      expect(await entityOf(pairs[0]!.record_b)).toBe(await entityOf(often[0]!.id));
      expect(pairs[0]!.probability).toBeGreaterThanOrEqual(0.5);
      expect(pairs[0]!.probability).toBeLessThan(0.95);
    });

    it('joins, of two people of that name, the one whose reports mention the same car wash', async () => {
      const carWash = () => ({ id: randomUUID(), name: 'Sparkle Hand Car Wash', kind: 'car wash', address: null });
      const atCarWash = [1, 2].map(() => person({ ...known, dob: '1979-11-21', phone: '07700 900999' }));
      for (const p of atCarWash) await t.repos.intake.createReport(newReport({ persons: [p], businesses: [carWash()] }), event);
      const elsewhere = [1, 2].map(() => person({ ...known, dob: '1994-03-08', phone: '07700 900123' }));
      for (const p of elsewhere)
        await t.repos.intake.createReport(
          newReport({ persons: [p], vehicles: [{ id: randomUUID(), registration: 'CU57 ABC', make: null, colour: null }] }),
          event,
        );
      await picture.drain();
      expect(await entityOf(atCarWash[0]!.id)).not.toBe(await entityOf(elsewhere[0]!.id));
      const only = mention();
      await t.repos.intake.createReport(newReport({ persons: [only], businesses: [carWash()] }), event);
      await picture.drain();
      const { record } = await resolved(only.id);
      expect(record.entity_id).toBe(await entityOf(atCarWash[0]!.id));
      // The same mention with a vehicle neither is known by: it stands alone.
      const other = mention();
      await t.repos.intake.createReport(
        newReport({ persons: [other], vehicles: [{ id: randomUUID(), registration: 'CX70 ZZZ', make: null, colour: null }] }),
        event,
      );
      await picture.drain();
      expect((await resolved(other.id)).record.resolved_by).toBe('new');
    });
  });

  it('resolves each record once however many workers drain at the same time, and audits each batch', async () => {
    for (let i = 0; i < 5; i++) await t.repos.intake.createReport(newReport({ phones: [{ id: randomUUID(), number: '07700 900461' }] }), event);
    const [a, b] = await Promise.all([picture.drain(1), new ResolutionService(t.repos).drain(1)]);
    expect(a.records + b.records).toBe(5);
    expect(await t.store.db.selectFrom('entities').selectAll().execute()).toHaveLength(1);
    const audits = await t.repos.audit.list({ action: 'picture.resolved', limit: 10 });
    expect(audits.length).toBeGreaterThanOrEqual(3);
    // The chain's hashes are hex and may hold the digits by chance: only what the entries say counts.
    const said = audits.map((entry) => ({ ...entry, hash: '', prevHash: '' }));
    expect(JSON.stringify(said)).not.toContain('07700');
  });
});
