import { CSRF_HEADER, currentTotp, DEMO_PASSWORD, DEMO_TOTP_SECRET, SESSION_COOKIE } from '@harbour/server';

/** An answer read whole: status and body text (JSON parsed on demand). */
export interface Answer {
  readonly status: number;
  readonly text: string;
  json<T>(): T;
}

/**
 * A signed-in account over real HTTP: its session cookie and anti-forgery token, kept across
 * server restarts (sessions live in the store, so a restarted Harbour still knows them).
 */
export class StaffClient {
  private constructor(
    private readonly base: () => string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  /** Password, then (for an enrolled account) the demo authenticator's current code. */
  static async signIn(base: () => string, email: string): Promise<StaffClient> {
    const first = await fetch(`${base()}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    const session = (await first.json()) as { stage: string; csrfToken: string };
    if (first.status !== 200) throw new Error(`sign-in as ${email} answered ${first.status}`);
    const cookie = cookieOf(first);
    if (!cookie) throw new Error('no session cookie was set');
    const client = new StaffClient(base, cookie, session.csrfToken);
    if (session.stage === 'complete') return client;
    const second = await client.request('POST', '/api/session/second-factor', { code: currentTotp(DEMO_TOTP_SECRET) });
    if (second.status !== 200) throw new Error(`second factor for ${email} answered ${second.status}: ${second.text}`);
    return new StaffClient(base, second.cookie ?? client.cookie, second.json<{ csrfToken: string }>().csrfToken);
  }

  async request(method: 'GET' | 'POST', path: string, body?: unknown, contentType = 'application/json'): Promise<Answer & { cookie?: string }> {
    const raw = typeof body === 'string' || body instanceof Uint8Array;
    const response = await fetch(`${this.base()}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        [CSRF_HEADER]: this.csrf,
        ...(body === undefined ? {} : { 'content-type': raw ? contentType : 'application/json' }),
      },
      body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body),
    });
    const text = await response.text();
    const cookie = cookieOf(response);
    return { status: response.status, text, json: <T>() => JSON.parse(text) as T, ...(cookie ? { cookie } : {}) };
  }
}

/** The session cookie an answer sets (name=value), if it sets one. */
function cookieOf(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.split(';')[0];
}

/** A public request: no cookie, no token. */
export async function publicPost(base: string, path: string, body: unknown): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, json: <T>() => JSON.parse(text) as T };
}
