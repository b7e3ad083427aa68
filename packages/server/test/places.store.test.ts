import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserActor } from '@harbour/core';
import { entityOf as entityOfRecord, signedInActors } from '../../../test/picture-helpers';
import { newReport, submitted } from '../../../test/reports';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';
import { EntityService } from '../src/services/entity.service';
import { rekeyPlaces } from '../src/services/picture-rekey';
import { ResolutionService } from '../src/services/resolution.service';

const address = (text: string, where: { postcode?: string; town?: string } = {}) => ({
  id: randomUUID(),
  address: text,
  postcode: where.postcode ?? null,
  town: where.town ?? null,
  description: null,
});
const business = (name: string, at: string | null = null) => ({ id: randomUUID(), name, kind: 'factory', address: at });

describe(`addresses and businesses as places, on ${TEST_STORE}`, () => {
  let t: TestStore;
  let picture: ResolutionService;
  let entities: EntityService;
  let analyst: UserActor;
  beforeEach(async () => {
    t = await newTestStore();
    picture = new ResolutionService(t.repos);
    entities = new EntityService(t.repos);
    ({ analyst } = await signedInActors(t, ['analyst']));
  });
  afterEach(async () => t?.close());

  const entityOf = (recordId: string) => entityOfRecord(t, recordId);
  const report = async (parts: Parameters<typeof newReport>[0]) => {
    await t.repos.intake.createReport(newReport(parts), submitted);
    await picture.drain();
  };

  it('keeps a bare street out of the picture as a place, and knows an address by its town or its postcode', async () => {
    // The same bare street from a Newport barber's report and a Rogerstone meat plant's: no one place.
    const [barber, plant] = [address('86 Park Road'), address('86 Park Road')];
    await report({ town: 'Newport', addresses: [barber], businesses: [business('Turkish Barber Shop')] });
    await report({ town: 'Rogerstone', addresses: [plant], businesses: [business('Usk Vale Meats')] });
    expect(await entityOf(barber.id)).not.toBe(await entityOf(plant.id));
    const bare = await t.store.db.selectFrom('entity_records').select('key').where('id', 'in', [barber.id, plant.id]).execute();
    expect(bare.map((r) => r.key)).toEqual([null, null]);

    const [byTown, byPostcode, inLine] = [
      address('40 Station Road', { town: 'Newport' }),
      address('40 Station Rd', { postcode: 'np20 2dg' }),
      address('40 Station Road, Newport NP20 2DG'),
    ];
    await report({ addresses: [byTown] });
    await report({ addresses: [byPostcode] });
    await report({ addresses: [inLine] });
    expect(new Set(await Promise.all([byTown, byPostcode, inLine].map((a) => entityOf(a.id)))).size).toBe(1);
    // Another house on the street, or the same house number in another town, is another place.
    const [next, elsewhere] = [address('42 Station Road', { town: 'Newport' }), address('40 Station Road', { town: 'Abergavenny' })];
    await report({ addresses: [next, elsewhere] });
    expect(await entityOf(next.id)).not.toBe(await entityOf(byTown.id));
    expect(await entityOf(elsewhere.id)).not.toBe(await entityOf(byTown.id));
  });

  it('knows a business by its name and its place: its own, else the town of the report', async () => {
    const [withPostcode, inRogerstone, inMonmouth, nowhere] = [
      business('Usk Vale Meats', 'Unit 4, Tredegar Park, NP10 8XG'),
      business('Usk Vale Meats'),
      business('Usk Vale Meats'),
      business('Usk Vale Meats'),
    ];
    await report({ town: 'Newport', businesses: [withPostcode] });
    await report({ town: 'Rogerstone', businesses: [inRogerstone] });
    await report({ town: 'Monmouth', businesses: [inMonmouth] });
    await report({ town: null, businesses: [nowhere] });
    expect(await entityOf(inRogerstone.id)).toBe(await entityOf(withPostcode.id));
    expect(await entityOf(inMonmouth.id)).not.toBe(await entityOf(withPostcode.id));
    expect(await entityOf(nowhere.id)).not.toBe(await entityOf(withPostcode.id));
    expect(await entityOf(nowhere.id)).not.toBe(await entityOf(inMonmouth.id));
  });

  it('brings a store resolved under the old rule in line: bare streets apart, one address however written together', async () => {
    const [barber, plant] = [address('86 Park Road'), address('86 Park Road')];
    const [byTown, byPostcode] = [address('40 Station Road', { town: 'Newport' }), address('40 Station Road', { postcode: 'NP20 2DG' })];
    await report({ addresses: [barber, byTown] });
    await report({ addresses: [plant, byPostcode] });
    // As the old rule left them: the bare street one address, the Newport one two.
    const db = t.store.db;
    await db
      .updateTable('entity_records')
      .set({ entity_id: await entityOf(barber.id), key: '86 park road|' })
      .where('id', 'in', [barber.id, plant.id])
      .execute();
    const first = (await entityOf(byTown.id))!;
    const other = randomUUID();
    await db.insertInto('entities').values({ id: other, kind: 'address', label: '40 Station Road, NP20 2DG' }).execute();
    await db.updateTable('entity_records').set({ entity_id: other, key: '40 station road|NP20 2DG' }).where('id', '=', byPostcode.id).execute();

    const summary = await rekeyPlaces(t.repos);
    expect(summary).toMatchObject({ moved: 2 });
    expect(await entityOf(barber.id)).not.toBe(await entityOf(plant.id));
    expect(await entityOf(byPostcode.id)).toBe(await entityOf(byTown.id));
    // The emptied one of the two points to the one that holds them now.
    const kept = (await entityOf(byTown.id))!;
    const emptied = kept === first ? other : first;
    expect((await db.selectFrom('entities').select('merged_into').where('id', '=', emptied).executeTakeFirstOrThrow()).merged_into).toBe(kept);
    // Done once: a second run moves nothing, and start-up knows it was done.
    expect(await rekeyPlaces(t.repos)).toMatchObject({ moved: 0, rekeyed: 0 });
    expect(await t.repos.picture.upkeepDone('place-keys-post-town')).toBe(true);
    const audit = await t.repos.audit.list({ action: 'picture.rekeyed', limit: 5 });
    expect(JSON.stringify(audit)).not.toContain('Park Road');
  });

  it('finds a place by its postcode however written, in part or whole, a business by any of its words, and reports by their words', async () => {
    const home = address('40 Station Road', { postcode: 'NP20 2DG' });
    const plant = business('Usk Vale Meats', 'Tredegar Park, NP10 8XG');
    await report({ addresses: [home], businesses: [plant], summary: 'Her passports were taken by the men who run the nail bars.' });
    await report({ summary: 'Nothing about documents here.', town: 'Monmouth' });
    const found = async (query: string, kind: string) =>
      (await entities.search(analyst, query)).groups.find((g) => g.kind === kind)?.items.map((i) => i.id) ?? [];
    for (const query of ['NP20 2DG', 'np202dg', 'np20 2dg', 'NP20', 'NP20 2']) expect(await found(query, 'address'), query).toContain(await entityOf(home.id));
    for (const query of ['Usk Vale Meats', 'usk vale', 'Meats', 'NP10 8XG']) expect(await found(query, 'business'), query).toContain(await entityOf(plant.id));
    const reports = async (query: string) => (await entities.search(analyst, query)).reports.map((r) => r.snippet);
    for (const query of ['passport', 'passports', 'nail bar', '"nail bars"']) expect(await reports(query), query).toHaveLength(1);
    expect(await reports('"bars nail"')).toHaveLength(0);
    expect((await reports('passport'))[0]).toContain('«passports»');
  });
});
