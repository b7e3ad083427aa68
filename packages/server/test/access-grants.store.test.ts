import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

const DAY = 86_400_000;

describe(`a researcher's named access on ${TEST_STORE}`, () => {
  let t: TestApp;
  let researcher: Client;
  let supervisor: Client;
  let researcherId: string;
  let reportId: string;
  let entityId: string;
  beforeAll(async () => {
    t = await newTestApp({ reports: 20 });
    t.clock.now = Date.parse('2026-11-30T10:00:00Z');
    researcher = await signIn(t, 'researcher');
    supervisor = await signIn(t, 'supervisor');
    const users = (await supervisor.request('GET', '/api/users')).json<{ users: { id: string; role: string }[] }>().users;
    researcherId = users.find((u) => u.role === 'researcher')!.id;
    reportId = (await t.store.db.selectFrom('reports').select('id').limit(1).executeTakeFirstOrThrow()).id;
    await t.svc.resolution.settled?.();
    const hits = (await supervisor.request('GET', '/api/search?q=a')).json<{ entities?: { id: string }[] }>();
    entityId = hits.entities?.[0]?.id ?? '00000000-0000-4000-8000-000000000000';
  });
  afterAll(async () => t?.close());

  /** What the researcher can reach: named data, aggregate data, and changes to the picture. */
  const reach = async () => ({
    report: (await researcher.request('GET', `/api/reports/${reportId}`)).statusCode,
    search: (await researcher.request('GET', '/api/search?q=a')).statusCode,
    dashboard: (await researcher.request('GET', '/api/figures/dashboard')).statusCode,
    merge: (await researcher.request('POST', `/api/entities/${entityId}/merge`, { other: entityId })).statusCode,
    imports: (await researcher.request('GET', '/api/imports')).statusCode,
  });

  it('works on aggregate data only: no named report, search, merge, split or import', async () => {
    expect(await reach()).toEqual({ report: 403, search: 403, dashboard: 200, merge: 403, imports: 403 });
    const session = (await researcher.request('GET', '/api/session')).json<{ permissions: string[]; grant: unknown }>();
    expect(session.grant).toBeNull();
    expect(session.permissions).not.toContain('reports:read');
  });

  it('a supervisor grants named access for a purpose: reports and search open, read only, every read audited under the grant', async () => {
    const refused = [
      await supervisor.request('POST', '/api/access-grants', { userId: researcherId, purpose: 'short', days: 7 }),
      await supervisor.request('POST', '/api/access-grants', { userId: researcherId, purpose: 'Labour exploitation study, car washes', days: 91 }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([400, 400]);
    const analystId = (await supervisor.request('GET', '/api/users'))
      .json<{ users: { id: string; role: string }[] }>()
      .users.find((u) => u.role === 'analyst')!.id;
    expect(
      (await supervisor.request('POST', '/api/access-grants', { userId: analystId, purpose: 'Not for an analyst at all', days: 7 })).json().error.fields,
    ).toMatchObject([{ path: 'userId' }]);
    const investigator = await signIn(t, 'investigator');
    expect((await investigator.request('POST', '/api/access-grants', { userId: researcherId, purpose: 'Granting myself a favour', days: 7 })).statusCode).toBe(
      403,
    );

    const granted = await supervisor.request('POST', '/api/access-grants', {
      userId: researcherId,
      purpose: 'Car wash labour exploitation: victim journeys',
      days: 7,
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ userId: researcherId, inForce: true });
    const { grantedAt, expiresAt } = granted.json<{ grantedAt: string; expiresAt: string }>();
    expect(Date.parse(expiresAt) - Date.parse(grantedAt)).toBe(7 * DAY);
    const grantId = granted.json<{ id: string }>().id;

    expect(await reach()).toEqual({ report: 200, search: 200, dashboard: 200, merge: 403, imports: 403 });
    const session = (await researcher.request('GET', '/api/session')).json<{ permissions: string[]; grant: { purpose: string; grantedBy: string } }>();
    expect(session.grant).toMatchObject({ purpose: 'Car wash labour exploitation: victim journeys', grantedBy: 'DS Carys Jones' });
    expect(session.permissions).toEqual(expect.arrayContaining(['reports:read', 'picture:search']));
    expect(session.permissions).not.toContain('picture:resolve');

    const reads = await t.repos.audit.list({ actorId: researcherId, action: 'report.viewed', limit: 5 });
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read.details).toMatchObject({ underGrant: grantId });
    const given = await t.repos.audit.list({ action: 'access.granted', limit: 5 });
    expect(given.map((e) => [e.subjectId, e.details])).toEqual([[researcherId, { grant: grantId, days: 7 }]]);
  });

  it('ends at once when the supervisor ends it, or when it runs out', async () => {
    const list = (await supervisor.request('GET', '/api/access-grants')).json<{ grants: { id: string; inForce: boolean }[] }>().grants;
    expect(list).toHaveLength(1);
    const revoked = await supervisor.request('POST', `/api/access-grants/${list[0]!.id}/revoke`);
    expect(revoked.json()).toMatchObject({ inForce: false });
    expect(await reach()).toEqual({ report: 403, search: 403, dashboard: 200, merge: 403, imports: 403 });
    expect((await supervisor.request('POST', `/api/access-grants/${list[0]!.id}/revoke`)).statusCode).toBe(400);
    expect((await t.repos.audit.list({ action: 'access.revoked', limit: 5 })).map((e) => e.subjectId)).toEqual([researcherId]);

    t.clock.advance(60_000); // granted after the first, so listed before it
    expect(
      (await supervisor.request('POST', '/api/access-grants', { userId: researcherId, purpose: 'One day of county lines mapping', days: 1 })).statusCode,
    ).toBe(201);
    expect((await reach()).report).toBe(200);
    // A session lasts 12 hours at most, so the grant is brought to its last minute rather than the clock moved a day.
    await t.store.db
      .updateTable('access_grants')
      .set({ expires_at: new Date(t.clock.now + 60_000) })
      .where('revoked_at', 'is', null)
      .execute();
    expect((await reach()).report).toBe(200);
    t.clock.advance(61_000);
    expect((await reach()).report).toBe(403);
    const grants = (await supervisor.request('GET', '/api/access-grants')).json<{ grants: { purpose: string; inForce: boolean }[] }>().grants;
    expect(grants.map((g) => [g.purpose, g.inForce])).toEqual([
      ['One day of county lines mapping', false],
      ['Car wash labour exploitation: victim journeys', false],
    ]);
  });
});
