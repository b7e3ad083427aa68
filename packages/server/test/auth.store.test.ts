import type { AuditAction } from '@harbour/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentTotp, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/index';
import { TEST_STORE } from '../../../test/test-store';
import { clientFor, completed, demoEmail, newTestApp, sessionCookie, signIn, type TestApp } from './test-app';

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

  it('slows the client guessing one email, never locking the holder out, and an unknown email alike', async () => {
    const from = (ip: string, email: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress: ip });
    const guess = async (ip: string, email: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await from(ip, email, `wrong-${i}`)).statusCode);
      return statuses;
    };
    // Three slips cost nothing; the third sets a one-second wait, which the fourth meets at once.
    expect(await guess('203.0.113.9', demoEmail('analyst'))).toEqual([401, 401, 401, 429]);
    expect(await guess('203.0.113.10', 'nobody@example.org')).toEqual([401, 401, 401, 429]);
    const waiting = await from('203.0.113.9', demoEmail('analyst'), DEMO_PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error).toMatchObject({ code: 'too_many_requests', reason: 'slow_down', values: { seconds: expect.any(Number) } });
    // The same answer, to the second, for an email with no account: nothing told.
    const unknown = await from('203.0.113.10', 'nobody@example.org', 'whatever');
    expect(unknown.json()).toEqual(waiting.json());
    // The holder, on their own device, is not slowed at all.
    expect((await from('198.51.100.4', demoEmail('analyst'), DEMO_PASSWORD)).statusCode).toBe(200);
    // After the wait, the guesser's client may try again, and the right password clears its count.
    t.clock.advance(2_000);
    expect((await from('203.0.113.9', demoEmail('analyst'), DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await from('203.0.113.9', demoEmail('analyst'), 'wrong-again')).statusCode).toBe(401);
    // Nothing of the email or the address is kept in clear.
    const rows = JSON.stringify(await t.store.db.selectFrom('sign_in_throttle').selectAll().execute());
    expect(rows).not.toMatch(/analyst|nobody|203\.0\.113/);
  });

  it('counts wrong authenticator codes across sign-ins, a right password clearing nothing, and locks after five', async () => {
    const wrongCode = async () => {
      const client = await signIn(t, 'supervisor', false);
      return client.request('POST', '/api/session/second-factor', { code: '000000' });
    };
    // Four sign-ins with the right password, a wrong code in each: still counted.
    for (let i = 0; i < 4; i++) expect((await wrongCode()).statusCode).toBe(400);
    const fifth = await wrongCode();
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error).toMatchObject({ code: 'locked', reason: 'second_factor_locked' });
    // The right code is now refused too, until an administrator unlocks it.
    const holder = await signIn(t, 'supervisor', false);
    t.clock.advance(30_000);
    expect((await holder.request('POST', '/api/session/second-factor', { code: currentTotp(DEMO_TOTP_SECRET, t.clock.now) })).statusCode).toBe(423);
    const admin = await signIn(t, 'admin');
    const users = (await admin.request('GET', '/api/users')).json<{ users: { id: string; role: string; locked: boolean }[] }>().users;
    const ds = users.find((u) => u.role === 'supervisor')!;
    expect(ds.locked).toBe(true);
    expect((await admin.request('POST', `/api/users/${ds.id}/actions`, { action: 'unlock-second-factor' })).json()).toMatchObject({ locked: false });
    // The holder signs in, and reads what happened on their account.
    const back = await signIn(t, 'supervisor');
    const events = (await back.request('GET', '/api/session/activity')).json<{ events: { action: string }[] }>().events.map((e) => e.action);
    expect(events.slice(0, 2)).toEqual(['session.second-factor-passed', 'session.signed-in']);
    expect(events).toEqual(expect.arrayContaining(['user.second-factor-unlocked', 'session.second-factor-locked', 'session.second-factor-failed']));
    expect(events.filter((e) => e === 'session.second-factor-failed')).toHaveLength(5);
  });

  it('renews the session and CSRF tokens when the second factor is passed: the first ones stop working', async () => {
    const first = await signIn(t, 'supervisor', false);
    t.clock.advance(30_000);
    const done = await first.request('POST', '/api/session/second-factor', { code: currentTotp(DEMO_TOTP_SECRET, t.clock.now) });
    expect(done.statusCode).toBe(200);
    const renewed = sessionCookie(done);
    expect(renewed).not.toBe(first.cookie);
    expect(done.json().csrfToken).not.toBe(first.csrf);
    expect((await first.request('GET', '/api/session')).statusCode).toBe(401);
    const next = clientFor(t.app, renewed, done.json().csrfToken, 'complete');
    expect((await next.request('GET', '/api/users')).statusCode).toBe(200);
    // The old CSRF token does not work with the new cookie.
    expect(
      (await clientFor(t.app, renewed, first.csrf, 'complete').request('POST', '/api/agencies', { name: 'X Council', kind: 'local_authority' })).statusCode,
    ).toBe(403);
  });

  it('a changed password ends every other session of the account', async () => {
    const desk = await signIn(t, 'officer');
    const phone = await signIn(t, 'officer');
    const changed = await desk.request('POST', '/api/session/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a new long passphrase 2026' });
    expect(changed.statusCode).toBe(200);
    expect((await desk.request('GET', '/api/session')).statusCode).toBe(200);
    expect((await phone.request('GET', '/api/session')).statusCode).toBe(401);
    for (const [newPassword, reason] of [
      ['password123456', 'common_password'],
      ['davies on the beat', 'password_has_identity'],
    ]) {
      const refused = await desk.request('POST', '/api/session/password', { currentPassword: 'a new long passphrase 2026', newPassword });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toMatchObject([{ path: 'newPassword', reason }]);
    }
    // The refused passwords changed nothing: the last accepted one still signs in.
    expect((await post('/api/session', { email: demoEmail('officer'), password: 'a new long passphrase 2026' })).statusCode).toBe(200);
  });

  it('an administrator disables an account: its sessions end, it cannot sign in, and it can be enabled again; audited', async () => {
    const officer = await signIn(t, 'officer');
    const admin = await signIn(t, 'admin');
    const users = (await admin.request('GET', '/api/users')).json<{ users: { id: string; role: string }[] }>().users;
    const id = users.find((u) => u.role === 'officer')!.id;
    const adminId = users.find((u) => u.role === 'admin')!.id;
    expect((await admin.request('POST', `/api/users/${id}/actions`, { action: 'disable' })).json()).toMatchObject({ disabled: true });
    expect((await officer.request('GET', '/api/session')).statusCode).toBe(401);
    expect((await post('/api/session', { email: demoEmail('officer'), password: DEMO_PASSWORD })).statusCode).toBe(401);
    expect((await admin.request('POST', `/api/users/${adminId}/actions`, { action: 'disable' })).statusCode).toBe(400);
    expect((await admin.request('POST', `/api/users/${id}/actions`, { action: 'enable' })).json()).toMatchObject({ disabled: false });
    expect((await post('/api/session', { email: demoEmail('officer'), password: DEMO_PASSWORD })).statusCode).toBe(200);
    const actions = (await t.repos.audit.list({ subjectId: id, limit: 20 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
    const supervisor = await signIn(t, 'supervisor');
    expect((await supervisor.request('POST', `/api/users/${id}/actions`, { action: 'disable' })).statusCode).toBe(403);
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
    expect((await completed(t, ok, ok.json().csrfToken).request('GET', '/api/users')).statusCode).toBe(200);

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
    const audit = await t.repos.audit.list({ action: 'session.signed-out', limit: 5 });
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
    const refusedFor = async (password: string) =>
      (
        await admin.request('POST', '/api/users', {
          email: 'new.pc@gwent.police.example',
          displayName: 'PC Bethan Newman',
          role: 'officer',
          agencyId: police.id,
          password,
        })
      )
        .json<{ error: { fields: { reason: string }[] } }>()
        .error.fields.map((f) => f.reason);
    // From the shipped list of the 100,000 most used: near its top, near its end, and dressed up.
    expect(await refusedFor('1qaz2wsx3edc')).toEqual(['common_password']);
    expect(await refusedFor('Constitution')).toEqual(['common_password']);
    expect(await refusedFor('Sunshine2026!')).toEqual(['common_password']);
    expect(await refusedFor('newman-family-dog')).toEqual(['password_has_identity']);
    expect(await refusedFor('gwent lantern orchard')).toEqual(['password_has_identity']);
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
    expect(all.actions).toContain('session.signed-in');
    const next = (await admin.request('GET', `/api/audit?limit=3&before=${all.entries[2]!.seq}`)).json<{ entries: { seq: number }[] }>();
    expect(next.entries[0]!.seq).toBe(all.entries[2]!.seq - 1);
    const signIns = (await admin.request('GET', '/api/audit?action=session.signed-in')).json<{ entries: { action: string }[] }>();
    expect(signIns.entries.length).toBeGreaterThan(0);
    expect(signIns.entries.every((e) => e.action === 'session.signed-in')).toBe(true);

    // An entry written under a former name (before the actions were named in one tense) is read,
    // listed and found under its current one; its stored name and hash are untouched.
    const former = await t.repos.audit.append({ actorId: null, actorRole: 'admin', action: 'session.sign-in' as AuditAction });
    const found = (await admin.request('GET', '/api/audit?action=session.signed-in&limit=200')).json<{
      entries: { seq: number; action: string }[];
      actions: string[];
    }>();
    expect(found.entries.find((e) => e.seq === former.seq)?.action).toBe('session.signed-in');
    expect(found.actions).not.toContain('session.sign-in');
    expect((await t.repos.audit.list({ action: 'session.sign-in', limit: 5 }))[0]?.seq).toBe(former.seq);

    const bad = await admin.request('GET', '/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('querystring.from');
  });
});
