import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentTotp, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/index';
import { TEST_STORE } from '../../../test/test-store';
import { clientFor, demoEmail, newTestApp, sessionCookie, signIn, type TestApp } from './test-app';

describe(`sign-in and sessions on ${TEST_STORE}`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await newTestApp({ reports: 5, idleMinutes: 30 });
  });
  afterEach(async () => t?.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('signs in an officer with a password alone, with an HttpOnly SameSite=Strict cookie', async () => {
    const response = await post('/api/session', { email: demoEmail('officer'), password: DEMO_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ stage: 'complete', user: { role: 'officer' } });
    const cookie = response.cookies.find((c) => c.name === 'harbour_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(response.body).not.toContain(cookie.value);
  });

  it('refuses a wrong password with the same answer as an unknown account, and audits both', async () => {
    const wrong = await post('/api/session', { email: demoEmail('admin'), password: 'not the password' });
    const unknown = await post('/api/session', { email: 'nobody@example.org', password: 'whatever-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    // Said with a reason, so the page can say it in Welsh as well as English.
    expect(wrong.json().error).toMatchObject({ code: 'unauthenticated', reason: 'wrong_credentials' });
    const failures = await t.repos.audit.list({ action: 'session.sign-in-failed', limit: 10 });
    expect(failures).toHaveLength(2);
    expect(JSON.stringify(failures)).not.toContain('nobody@example.org');
  });

  it('locks an account after five failures, even against the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await post('/api/session', { email: demoEmail('analyst'), password: `wrong-${i}` })).statusCode).toBe(401);
    const locked = await post('/api/session', { email: demoEmail('analyst'), password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toMatchObject({ code: 'locked', reason: 'account_locked', values: { minutes: expect.any(Number) } });
  });

  it('rate-limits repeated sign-in attempts from one client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post('/api/session', { email: `person${i}@example.org`, password: 'x' })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[11]).toBe(429);
  });

  it('requires the second factor before a supervisor can do anything', async () => {
    const client = await signIn(t, 'supervisor', false);
    expect(client.stage).toBe('second-factor');
    expect((await client.request('GET', '/api/users')).statusCode).toBe(401);
    const bad = await client.request('POST', '/api/session/second-factor', { code: '000000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'code', reason: 'security_code' });
    t.clock.advance(30_000);
    const code = currentTotp(DEMO_TOTP_SECRET, t.clock.now);
    const ok = await client.request('POST', '/api/session/second-factor', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('complete');
    expect((await client.request('GET', '/api/users')).statusCode).toBe(200);

    // The same code cannot be used twice, even in another session.
    const again = await signIn(t, 'supervisor', false);
    const replay = await again.request('POST', '/api/session/second-factor', { code });
    expect(replay.statusCode).toBe(400);
  });

  it('enrols an authenticator with a QR code, then accepts a one-time recovery code', async () => {
    const client = await signIn(t, 'researcher', false);
    expect(client.stage).toBe('enrol-second-factor');
    const enrol = await client.request('POST', '/api/session/second-factor/enrolment');
    expect(enrol.statusCode).toBe(200);
    const { secret, uri, qrSvg } = enrol.json<{ secret: string; uri: string; qrSvg: string }>();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Harbour:researcher%40gwent\.police\.example\?/);
    expect(qrSvg).toMatch(/^<svg/);
    t.clock.advance(30_000);
    const confirm = await client.request('POST', '/api/session/second-factor/enrolment/confirm', { code: currentTotp(secret, t.clock.now) });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const next = await signIn(t, 'researcher', false);
    expect(next.stage).toBe('second-factor');
    const withCode = await next.request('POST', '/api/session/second-factor', { code: recoveryCodes[0]!.toUpperCase() });
    expect(withCode.statusCode).toBe(200);
    const reuse = await (await signIn(t, 'researcher', false)).request('POST', '/api/session/second-factor', { code: recoveryCodes[0]! });
    expect(reuse.statusCode).toBe(400);
  });

  it('refuses a state-changing request without the CSRF token, or from another site', async () => {
    const client = await signIn(t, 'admin');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: { cookie: client.cookie },
      payload: { name: 'Torfaen Council', kind: 'local_authority' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, origin: 'https://evil.example' },
      payload: { name: 'Torfaen Council', kind: 'local_authority' },
    });
    expect(crossSite.statusCode).toBe(403);
    const ok = await client.request('POST', '/api/agencies', { name: 'Torfaen County Borough Council', kind: 'local_authority' });
    expect(ok.statusCode).toBe(201);
  });

  it('signs out: the cookie no longer works', async () => {
    const client = await signIn(t, 'officer');
    expect((await client.request('DELETE', '/api/session')).statusCode).toBe(200);
    expect((await client.request('GET', '/api/session')).statusCode).toBe(401);
    const audit = await t.repos.audit.list({ action: 'session.sign-out', limit: 5 });
    expect(audit).toHaveLength(1);
  });

  it('ends a session left idle, and one past its maximum age', async () => {
    const idle = await signIn(t, 'officer');
    t.clock.advance(31 * 60_000);
    expect((await idle.request('GET', '/api/session')).statusCode).toBe(401);

    const busy = await signIn(t, 'officer');
    for (let h = 0; h < 13; h++) {
      t.clock.advance(20 * 60_000);
      await busy.request('GET', '/api/session');
      t.clock.advance(20 * 60_000);
      await busy.request('GET', '/api/session');
      t.clock.advance(20 * 60_000);
    }
    expect((await busy.request('GET', '/api/session')).statusCode).toBe(401);
  });

  it('prunes ended sessions from the store', async () => {
    await signIn(t, 'officer');
    await signIn(t, 'officer');
    t.clock.advance(31 * 60_000);
    expect(await t.svc.auth.pruneSessions()).toBeGreaterThanOrEqual(2);
    expect(await t.svc.auth.pruneSessions()).toBe(0);
  });

  it('an admin adds an account that can then sign in; weak passwords and duplicates are refused', async () => {
    const admin = await signIn(t, 'admin');
    const agencies = (await admin.request('GET', '/api/agencies')).json<{ agencies: { id: string; name: string }[] }>().agencies;
    const police = agencies.find((a) => a.name === 'Gwent Police')!;
    const weak = await admin.request('POST', '/api/users', {
      email: 'new.pc@gwent.police.example',
      displayName: 'PC New',
      role: 'officer',
      agencyId: police.id,
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual([{ path: 'password', message: 'Use at least 12 characters', reason: 'too_short', limit: 12 }]);
    const created = await admin.request('POST', '/api/users', {
      email: 'new.pc@gwent.police.example',
      displayName: 'PC New',
      role: 'officer',
      agencyId: police.id,
      password: 'a-long-enough-password',
    });
    expect(created.statusCode).toBe(201);
    const dup = await admin.request('POST', '/api/users', {
      email: 'NEW.PC@gwent.police.example',
      displayName: 'PC New',
      role: 'officer',
      agencyId: police.id,
      password: 'a-long-enough-password',
    });
    expect(dup.statusCode).toBe(409);
    const partnerAtPolice = await admin.request('POST', '/api/users', {
      email: 'p@x.example',
      displayName: 'P',
      role: 'partner',
      agencyId: police.id,
      password: 'a-long-enough-password',
    });
    expect(partnerAtPolice.statusCode).toBe(400);
    const signedIn = await post('/api/session', { email: 'new.pc@gwent.police.example', password: 'a-long-enough-password' });
    expect(signedIn.statusCode).toBe(200);
    const session = clientFor(t.app, sessionCookie(signedIn), signedIn.json().csrfToken, 'complete');
    expect((await session.request('GET', '/api/session')).json().user.displayName).toBe('PC New');
  });

  it('the audit page filters by action and pages newest first', async () => {
    const admin = await signIn(t, 'admin');
    const all = (await admin.request('GET', '/api/audit?limit=3')).json<{ entries: { seq: number }[]; actions: string[] }>();
    expect(all.entries).toHaveLength(3);
    expect(all.entries[0]!.seq).toBeGreaterThan(all.entries[1]!.seq);
    expect(all.actions).toContain('session.sign-in');
    const next = (await admin.request('GET', `/api/audit?limit=3&before=${all.entries[2]!.seq}`)).json<{ entries: { seq: number }[] }>();
    expect(next.entries[0]!.seq).toBe(all.entries[2]!.seq - 1);
    const signIns = (await admin.request('GET', '/api/audit?action=session.sign-in')).json<{ entries: { action: string }[] }>();
    expect(signIns.entries.length).toBeGreaterThan(0);
    expect(signIns.entries.every((e) => e.action === 'session.sign-in')).toBe(true);
    const bad = await admin.request('GET', '/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('querystring.from');
  });
});
