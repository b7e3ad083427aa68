import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type TestApp } from './test-app';

describe(`public reporting on ${TEST_STORE}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
  });
  afterAll(async () => t?.close());

  const token = async () => (await t.app.inject({ method: 'GET', url: '/api/public/form-token' })).json<{ token: string }>().token;
  const submit = (body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/public/reports', payload: body, remoteAddress: `127.0.0.${Math.floor(Math.random() * 200) + 2}` });
  const publicReports = async () => (await t.store.db.selectFrom('reports').selectAll().where('source', '=', 'public').execute()).length;

  it('takes a report in Welsh, returns a reference and passphrase, and keeps no address', async () => {
    const formToken = await token();
    t.clock.advance(20_000);
    const response = await submit({
      formToken,
      language: 'cy',
      description: 'Mae dynion yn byw yn y golchfa geir ac yn gweithio drwy’r dydd.',
      relation: 'someone_else',
      signs: ['ho.lives_at_workplace', 'ilo.excessive_overtime', 'ilo.retention_of_documents'],
      localAuthority: 'W06000022',
      town: 'Newport',
      postcode: 'np201ab',
      people: [{ name: 'Ardit Hoxha', nationality: 'Albanian' }],
      phones: ['07700 900123'],
      vehicles: [{ registration: 'cv21 abc', description: 'white van' }],
      businesses: [{ name: 'Sparkle Hand Car Wash', address: 'Corporation Road' }],
    });
    expect(response.statusCode).toBe(201);
    const { reference, passphrase } = response.json<{ reference: string; passphrase: string }>();
    expect(reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(passphrase).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const report = await t.store.db.selectFrom('reports').selectAll().where('source', '=', 'public').executeTakeFirstOrThrow();
    expect(report).toMatchObject({ language: 'cy', reporter_relation: 'someone_else', postcode: 'NP20 1AB', status: 'new', triage_band: 'medium' });
    expect(report.reference).toMatch(/^HBR-\d{4}-1\d{7}$/);
    expect(report.exploitation_types).toContain('labour');
    const people = await t.store.db.selectFrom('report_persons').selectAll().where('report_id', '=', report.id).execute();
    expect(people.map((p) => [p.given_name, p.family_name])).toEqual([['Ardit', 'Hoxha']]);
    const everything = JSON.stringify([
      report,
      people,
      await t.store.db.selectFrom('audit_log').selectAll().execute(),
      await t.store.db.selectFrom('report_follow_up').selectAll().execute(),
    ]);
    expect(everything).not.toMatch(/127\.0\.0\.\d+/);
    expect(everything).not.toContain(passphrase);
  });

  it("staff find a report by the reporter's code or its own reference, typed any way, in the queue and in search", async () => {
    const formToken = await token();
    t.clock.advance(20_000);
    const { reference: code } = (await submit({ formToken, language: 'en', description: 'A findable report' })).json<{ reference: string }>();
    const stored = await t.store.db.selectFrom('reports').select(['id', 'reference']).where('summary', '=', 'A findable report').executeTakeFirstOrThrow();
    const supervisor = await signIn(t, 'supervisor');
    // Read out over the phone: lower case, a space for the hyphen; or copied with stray spaces.
    for (const typed of [code.toLowerCase().replace('-', ' '), ` ${code} `, stored.reference.toLowerCase().replace(/-/g, '')]) {
      const queue = (await supervisor.request('GET', `/api/triage?reference=${encodeURIComponent(typed)}`)).json<{ items: { id: string }[] }>().items;
      expect(
        queue.map((i) => i.id),
        typed,
      ).toEqual([stored.id]);
      const search = (await supervisor.request('GET', `/api/search?q=${encodeURIComponent(typed)}`)).json<{ reports: { id: string }[] }>();
      expect(search.reports[0]?.id, typed).toBe(stored.id);
    }
    // Found whatever its status.
    await supervisor.request('POST', `/api/reports/${stored.id}/triage`, { markTriaged: true });
    expect((await supervisor.request('GET', `/api/triage?reference=${code}`)).json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([stored.id]);
    expect((await supervisor.request('GET', '/api/triage?reference=ZZZZ-ZZZZ')).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('refuses a form sent seconds after it was opened, or with a forged token, and stores nothing', async () => {
    const before = await publicReports();
    const quick = await submit({ formToken: await token(), language: 'en', description: 'x' });
    expect(quick.statusCode).toBe(400);
    expect(quick.json().error.fields).toEqual([{ path: 'formToken', message: 'expired' }]);
    const forged = await submit({ formToken: `${Date.now() - 60_000}.forged`, language: 'en', description: 'x' });
    expect(forged.statusCode).toBe(400);
    expect(await publicReports()).toBe(before);
  });

  it('takes one report per form token: the same form sent again, or replayed, is refused', async () => {
    const formToken = await token();
    expect(await token()).not.toBe(formToken);
    t.clock.advance(10_000);
    const before = await publicReports();
    // A refusal for what was written does not use the token up.
    expect((await submit({ formToken, language: 'en', description: 'x', signs: ['made.up'] })).statusCode).toBe(400);
    expect((await submit({ formToken, language: 'en', description: 'Sent once' })).statusCode).toBe(201);
    const again = await submit({ formToken, language: 'en', description: 'Sent once' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual([{ path: 'formToken', message: 'expired' }]);
    expect(await publicReports()).toBe(before + 1);
    // Used tokens are forgotten once they would have expired anyway.
    t.clock.advance(25 * 3_600_000);
    expect(await t.svc.publicReports.pruneFormTokens()).toBeGreaterThanOrEqual(1);
  });

  it('refuses what a machine fills in, and names each invalid field', async () => {
    const formToken = await token();
    t.clock.advance(10_000);
    const before = await publicReports();
    const bot = await submit({ formToken, language: 'en', description: 'buy now', leaveBlank: 'http://spam.example' });
    expect(bot.statusCode).toBe(400);
    const bad = await submit({ formToken, language: 'xx', description: '', postcode: 'not a postcode', signs: ['made.up'], phones: ['call me'] });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['language', 'description', 'postcode', 'signs.0', 'phones.0']));
    expect(await publicReports()).toBe(before);
  });

  it("gives each refused field a reason and limit, so the page can say what is wrong in the reporter's language", async () => {
    const formToken = await token();
    t.clock.advance(10_000);
    const fieldsOf = async (body: Record<string, unknown>) =>
      (await submit({ formToken, language: 'pl', ...body })).json<{ error: { fields: unknown[] } }>().error.fields;
    expect(await fieldsOf({ description: 'x'.repeat(10_001) })).toEqual([expect.objectContaining({ path: 'description', reason: 'too_long', limit: 10_000 })]);
    expect(await fieldsOf({ description: 'x', phones: Array.from({ length: 11 }, () => '07700 900123') })).toEqual([
      expect.objectContaining({ path: 'phones', reason: 'too_many', limit: 10 }),
    ]);
    expect(await fieldsOf({ description: '' })).toEqual([expect.objectContaining({ path: 'description', reason: 'required' })]);
    expect(await fieldsOf({})).toEqual([expect.objectContaining({ path: 'description', reason: 'required' })]);
    // A shape is named, so the page can say what to enter rather than "check this".
    expect(await fieldsOf({ description: 'x', postcode: 'nowhere' })).toEqual([expect.objectContaining({ path: 'postcode', reason: 'postcode' })]);
    expect(await fieldsOf({ description: 'x', phones: ['ring me'] })).toEqual([expect.objectContaining({ path: 'phones.0', reason: 'phone' })]);
    expect(await fieldsOf({ description: 'x', online: [{ identifier: 'two words' }] })).toEqual([
      expect.objectContaining({ path: 'online.0.identifier', reason: 'online_identity' }),
    ]);
  });

  it('scores a child in danger as critical', async () => {
    const formToken = await token();
    t.clock.advance(10_000);
    const response = await submit({
      formToken,
      language: 'pl',
      description: 'Chłopiec sprzedaje narkotyki dla starszych mężczyzn.',
      childInvolved: 'yes',
      dangerNow: true,
      signs: ['ho.county_lines_phone'],
    });
    expect(response.statusCode).toBe(201);
    const row = await t.store.db.selectFrom('reports').selectAll().where('language', '=', 'pl').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ triage_band: 'critical', involves_child: true });
    expect(row.exploitation_types[0]).toBe('criminal');
  });

  it('lets the reporter come back with code and passphrase alone, and answer the team', async () => {
    const formToken = await token();
    t.clock.advance(10_000);
    const { reference, passphrase } = (
      await submit({ formToken, language: 'en', description: 'My boss keeps my passport.', relation: 'self', signs: ['ilo.retention_of_documents'] })
    ).json<{ reference: string; passphrase: string }>();
    const follow = (url: string, body: Record<string, unknown>) => t.app.inject({ method: 'POST', url, payload: body });

    const wrong = await follow('/api/public/follow-up', { reference, passphrase: 'AAAA-AAAA-AAAA-AAAA' });
    expect(wrong.statusCode).toBe(401);
    const unknown = await follow('/api/public/follow-up', { reference: 'ZZZZ-ZZZZ', passphrase });
    expect(unknown.json()).toEqual(wrong.json());

    // Typed loosely: lower case, spaces instead of hyphens.
    const first = await follow('/api/public/follow-up', { reference: reference.toLowerCase().replace('-', ' '), passphrase: passphrase.replace(/-/g, '') });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ reference, messages: [] });

    const report = await t.store.db.selectFrom('report_follow_up').select('report_id').where('reference_code', '=', reference).executeTakeFirstOrThrow();
    const investigator = await signIn(t, 'investigator');
    const asked = await investigator.request('POST', `/api/reports/${report.report_id}/messages`, { body: 'Are you safe to talk? Where do you work?' });
    expect(asked.statusCode).toBe(201);

    const read = await follow('/api/public/follow-up', { reference, passphrase });
    expect(read.json<{ messages: { from: string; body: string }[] }>().messages).toEqual([
      expect.objectContaining({ from: 'team', body: 'Are you safe to talk? Where do you work?' }),
    ]);
    const answer = await follow('/api/public/follow-up/messages', { reference, passphrase, body: 'Yes. At the farm near Usk.' });
    expect(answer.statusCode).toBe(201);

    const thread = (await investigator.request('GET', `/api/reports/${report.report_id}/messages`)).json<{ messages: { from: string }[] }>();
    expect(thread.messages.map((m) => m.from)).toEqual(['team', 'reporter']);
    const actions = (await t.repos.audit.list({ subjectId: report.report_id, limit: 20 })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'report.public-submitted',
        'report.follow-up-viewed',
        'report.team-message-added',
        'report.reporter-message-added',
        'report.messages-viewed',
      ]),
    );

    const partner = await signIn(t, 'partner');
    expect((await partner.request('GET', `/api/reports/${report.report_id}/messages`)).statusCode).toBe(403);
  });

  it('puts public reports in the triage queue, most urgent first, with filters', async () => {
    const supervisor = await signIn(t, 'supervisor');
    const queue = (await supervisor.request('GET', '/api/triage?source=public')).json<{
      items: { triageScore: number; triageBand: string; receivedAt: string; involvesChild: boolean; language: string }[];
    }>().items;
    expect(queue.length).toBeGreaterThanOrEqual(3);
    // The most urgent band first; a child is never below high.
    const rank = (band: string) => ['low', 'medium', 'high', 'critical'].indexOf(band);
    for (let i = 1; i < queue.length; i++) expect(rank(queue[i - 1]!.triageBand)).toBeGreaterThanOrEqual(rank(queue[i]!.triageBand));
    for (const item of queue.filter((i) => i.involvesChild)) expect(rank(item.triageBand)).toBeGreaterThanOrEqual(rank('high'));
    expect(queue[0]).toMatchObject({ involvesChild: true, language: 'pl' });
    const children = (await supervisor.request('GET', '/api/triage?source=public&child=yes')).json<{ items: { involvesChild: boolean }[] }>().items;
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((i) => i.involvesChild)).toBe(true);
    const criminal = (await supervisor.request('GET', '/api/triage?type=criminal&area=W06000022')).json<{ items: unknown[] }>().items;
    expect(criminal).toEqual([]);
    expect((await supervisor.request('GET', '/api/triage?type=nonsense')).statusCode).toBe(400);
    expect((await t.repos.audit.list({ action: 'triage.listed', limit: 5 })).length).toBeGreaterThan(0);
  });

  it('takes a photo with its metadata removed, and shows it only to the team', async () => {
    const formToken = await token();
    t.clock.advance(10_000);
    const { reference, passphrase } = (await submit({ formToken, language: 'en', description: 'Photo of the advert' })).json<{
      reference: string;
      passphrase: string;
    }>();
    const withExif = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-camera-owner', Artist: 'Reporter Name' } } })
      .toBuffer();
    expect(withExif.includes(Buffer.from('secret-camera-owner'))).toBe(true);
    const upload = (body: Buffer | string, type: string, pass = passphrase) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/follow-up/photos',
        headers: { 'content-type': type, 'x-reference': reference, 'x-passphrase': pass },
        payload: body,
      });

    const ok = await upload(withExif, 'image/jpeg');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ photos: 1 });
    expect((await upload(withExif, 'image/jpeg', 'WRONG-WRONG-WRONG-WRONG')).statusCode).toBe(401);
    expect((await upload('not an image at all', 'image/jpeg')).statusCode).toBe(400);
    expect((await upload('hello', 'text/plain')).statusCode).toBe(415);
    expect((await upload(Buffer.alloc(9 * 1024 * 1024), 'image/png')).statusCode).toBe(413);

    const stored = await t.store.db.selectFrom('report_photos').selectAll().executeTakeFirstOrThrow();
    expect(stored.bytes.includes(Buffer.from('secret-camera-owner'))).toBe(false);
    expect(stored.bytes.includes(Buffer.from('Reporter Name'))).toBe(false);
    expect((await sharp(stored.bytes).metadata()).exif).toBeUndefined();
    expect([stored.width, stored.height]).toEqual([64, 48]);

    const investigator = await signIn(t, 'investigator');
    const list = (await investigator.request('GET', `/api/reports/${stored.report_id}/photos`)).json<{ photos: { id: string }[] }>().photos;
    expect(list).toHaveLength(1);
    const image = await investigator.request('GET', `/api/reports/${stored.report_id}/photos/${list[0]!.id}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect((await t.repos.audit.list({ action: 'report.photo-viewed', limit: 1 }))[0]).toMatchObject({ subjectId: stored.report_id });
    const partner = await signIn(t, 'partner');
    expect((await partner.request('GET', `/api/reports/${stored.report_id}/photos/${list[0]!.id}`)).statusCode).toBe(403);
  });

  it('slows a client guessing a passphrase, without shutting the reporter out, and tells nothing of which references exist', async () => {
    const formToken = await token();
    t.clock.advance(10_000);
    const { reference, passphrase } = (await submit({ formToken, language: 'en', description: 'Guessed at' })).json<{
      reference: string;
      passphrase: string;
    }>();
    const follow = t.svc.publicReports;
    // A stranger's client: three slips free, then made to wait.
    for (let i = 0; i < 3; i++) await expect(follow.followUp(reference, `WRONG-${i}`, '203.0.113.7')).rejects.toThrow(/not right/);
    await expect(follow.followUp(reference, 'WRONG-3', '203.0.113.7')).rejects.toThrow(/wait 1 seconds/);
    // A reference that does not exist is answered and slowed alike.
    for (let i = 0; i < 3; i++) await expect(follow.followUp('ZZZZ-ZZZZ', `WRONG-${i}`, '203.0.113.8')).rejects.toThrow(/not right/);
    await expect(follow.followUp('ZZZZ-ZZZZ', 'WRONG-3', '203.0.113.8')).rejects.toThrow(/wait 1 seconds/);
    // The reporter, from their own phone, gets straight in: no lock that strangers' requests renew.
    await expect(follow.followUp(reference, passphrase, '198.51.100.20')).resolves.toMatchObject({ reference });
    // Many machines together slow the reference gently, at most a minute, never for an hour.
    for (let i = 0; i < 20; i++) await follow.followUp(reference, 'WRONG', `192.0.2.${i}`).catch(() => undefined);
    await expect(follow.followUp(reference, passphrase, '198.51.100.20')).rejects.toThrow(/wait \d+ seconds/);
    t.clock.advance(61_000);
    await expect(follow.followUp(reference, passphrase, '198.51.100.20')).resolves.toMatchObject({ reference });
  });
});
