import { repositories } from '@harbour/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harbour } from '../../../test/cli';
import { newStoreLocation, openAt, TEST_STORE, type StoreLocation } from '../../../test/test-store';
import { newSecretKey, SecretBox } from '../src/auth/secret-box';
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET, seedDemo } from '../src/demo';
import { services } from '../src/services/index';
import { SecretKeyNotConfigured, totpContext } from '../src/services/secret-key.service';

const ENROLLED = DEMO_ACCOUNTS.filter((a) => a.enrolled).length;

describe(`authenticator secrets at rest on ${TEST_STORE}`, () => {
  const oldKey = newSecretKey();
  const newKey = newSecretKey();
  let location: StoreLocation;
  /** Opens the store, runs `work` with services sealing under `box`, closes it (so the CLI can open it). */
  const withServices = async <T>(box: SecretBox, work: (svc: ReturnType<typeof services>, repos: ReturnType<typeof repositories>) => Promise<T>) => {
    const store = await openAt(location);
    try {
      const repos = repositories(store.db);
      return await work(services(repos, { store: store.kind, session: { idleMinutes: 30, maxHours: 12 }, secrets: box }), repos);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    location = await newStoreLocation({ migrated: true });
    await withServices(new SecretBox(oldKey), (svc, repos) => seedDemo(repos, svc, 0));
  });
  afterAll(async () => location?.drop());

  it('are sealed: the store holds no secret in clear, and a sealed secret copied to another account does not open', async () => {
    const box = new SecretBox(oldKey);
    const rows = await withServices(box, (_svc, repos) => repos.users.storedSecrets());
    expect(rows).toHaveLength(ENROLLED);
    for (const row of rows) {
      expect(row.totp_secret).toMatch(/^hsb1\./);
      expect(row.totp_secret).not.toContain(DEMO_TOTP_SECRET);
      expect(box.open(row.totp_secret!, totpContext(row.id))).toBe(DEMO_TOTP_SECRET);
    }
    const [a, b] = rows;
    expect(() => box.open(a!.totp_secret!, totpContext(b!.id))).toThrow();
    expect(() => new SecretBox(newKey).open(a!.totp_secret!, totpContext(a!.id))).toThrow(/not configured/);
    const tampered = a!.totp_secret!.replace(/\.(.)([^.]*)$/, (_m, c: string, rest: string) => `.${c === 'A' ? 'B' : 'A'}${rest}`);
    expect(() => box.open(tampered, totpContext(a!.id))).toThrow();
  });

  it('a secret an older Harbour stored in clear is sealed when Harbour starts', async () => {
    const box = new SecretBox(oldKey);
    const clear = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const id = await withServices(box, async (svc, repos) => {
      const [row] = await repos.users.storedSecrets();
      expect(await repos.users.replaceStoredSecret(row!.id, 'totp_pending_secret', row!.totp_pending_secret ?? '', clear)).toBe(false);
      await repos.users.setPendingTotpSecret(row!.id, clear);
      expect(await svc.secretKeys.checkAtStart()).toEqual({ resealed: 1, current: ENROLLED });
      return row!.id;
    });
    const after = await withServices(box, (_svc, repos) => repos.users.get(id));
    expect(after!.totp_pending_secret).toMatch(/^hsb1\./);
    expect(box.open(after!.totp_pending_secret!, totpContext(id))).toBe(clear);
  });

  it('`harbour secret-key rotate` seals every secret again under the new key; a store under a key not configured refuses to start', async () => {
    const fresh = harbour(location, ['secret-key', 'new']);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Mid-rotation (new key, old one still named) Harbour starts and leaves the old seals for the command.
    const both = new SecretBox(newKey, [oldKey]);
    expect(await withServices(both, (svc) => svc.secretKeys.checkAtStart())).toEqual({ resealed: 0, current: 0 });
    const rotate = harbour(location, ['secret-key', 'rotate'], undefined, { HARBOUR_SECRET_KEY: newKey, HARBOUR_PREVIOUS_SECRET_KEYS: oldKey });
    expect(rotate.stderr).toBe('');
    expect(rotate.stdout).toMatch(new RegExp(`^sealed ${ENROLLED + 1} secret\\(s\\) again with the current key; 0 were under it already`));

    const onlyNew = new SecretBox(newKey);
    await withServices(onlyNew, async (svc, repos) => {
      expect(await svc.secretKeys.checkAtStart()).toEqual({ resealed: 0, current: ENROLLED + 1 });
      for (const row of await repos.users.storedSecrets()) expect(onlyNew.standing(row.totp_secret ?? row.totp_pending_secret!)).toBe('current');
      expect((await repos.audit.list({ action: 'secret-key.rotated', limit: 5 })).map((e) => e.details)).toEqual([
        { resealed: ENROLLED + 1, keyId: onlyNew.currentKeyId },
      ]);
    });
    await expect(withServices(new SecretBox(oldKey), (svc) => svc.secretKeys.checkAtStart())).rejects.toThrow(SecretKeyNotConfigured);
    const wrongKey = harbour(location, ['secret-key', 'rotate'], undefined, { HARBOUR_SECRET_KEY: oldKey });
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toMatch(/sealed with a key that is not configured/);
  }, 120_000);
});
