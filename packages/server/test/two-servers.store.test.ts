import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
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

  it('a per-client limit counts requests to both processes together', async () => {
    // Ten sign-in requests a minute per client: sent from one address, half to each process.
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const server = i % 2 === 0 ? a : b;
      statuses.push((await postFrom('127.0.0.2', `${server}/api/session`, { email: `nobody${i}@example.org`, password: 'not a password at all' })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
    // Another client is not held back by this one.
    expect((await postFrom('127.0.0.4', `${b}/api/session`, { email: 'nobody@example.org', password: 'not a password at all' })).status).toBe(401);
  });

  it('the delay after wrong passwords follows the guesser from one process to the other', async () => {
    const officer = DEMO_ACCOUNTS.find((x) => x.role === 'officer')!;
    const tries: { status: number; reason?: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await postFrom('127.0.0.3', `${i % 2 === 0 ? a : b}/api/session`, { email: officer.email, password: `wrong guess number ${i}` });
      tries.push({ status: response.status, ...(response.status === 429 ? { reason: (response.json as { error: { reason: string } }).error.reason } : {}) });
    }
    // Three slips are free; the fourth try, on the other process, must wait.
    expect(tries).toEqual([{ status: 401 }, { status: 401 }, { status: 401 }, { status: 429, reason: 'slow_down' }]);
  });
});

/** A JSON POST from a chosen loopback address, so each test is its own client to the servers. */
function postFrom(localAddress: string, url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const target = new URL(url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
