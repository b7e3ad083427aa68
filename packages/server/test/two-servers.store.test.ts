import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newStoreLocation, TEST_STORE, type StoreLocation } from '../../../test/test-store';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/index';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** Starts `npm start`'s server process on a free port and waits for it to say where it listens. */
function startServer(location: StoreLocation): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, ...location.env, PORT: '0', HARBOUR_DEMO_REPORTS: '10', HARBOUR_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

// PGlite is one process's store by design; sharing sessions across processes needs a server.
describe.runIf(TEST_STORE === 'postgres')('two server processes on one PostgreSQL', () => {
  let location: StoreLocation;
  const children: ChildProcess[] = [];
  let a: string;
  let b: string;

  beforeAll(async () => {
    location = await newStoreLocation({ migrated: true });
    const first = await startServer(location); // seeds the demo, then the second finds it seeded
    const second = await startServer(location);
    children.push(first.child, second.child);
    a = first.url;
    b = second.url;
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await location?.drop();
  });

  it('a session started on one process is honoured, and ended, on the other', async () => {
    expect(a).not.toBe(b);
    const officer = DEMO_ACCOUNTS.find((x) => x.role === 'officer')!;
    const signIn = await fetch(`${a}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: officer.email, password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

    const onB = await fetch(`${b}/api/session`, { headers: { cookie } });
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: { email: string } }).user.email).toBe(officer.email);

    const signOut = await fetch(`${b}/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(signOut.status).toBe(200);
    expect((await fetch(`${a}/api/session`, { headers: { cookie } })).status).toBe(401);

    const health = (await (await fetch(`${b}/api/health`)).json()) as { store: string };
    expect(health.store).toBe('postgres');
  });
});
