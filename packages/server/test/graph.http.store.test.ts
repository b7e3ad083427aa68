import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

type Fields = { error: { fields: { path: string; message: string }[] } };

describe(`link analysis over HTTP on ${TEST_STORE}`, () => {
  let t: TestApp;
  let analyst: Client;
  beforeAll(async () => {
    t = await newTestApp({ reports: 200 });
    await t.svc.resolution.drain(200);
    analyst = await signIn(t, 'analyst');
  });
  afterAll(async () => t?.close());

  it('filters networks by the query string, each network then made of matching reports only', async () => {
    const response = await analyst.request('GET', '/api/graph/networks?exploitationTypes=labour&order=risk&limit=20');
    expect(response.statusCode).toBe(200);
    const { networks } = response.json<{ networks: { exploitationTypes: string[]; children: boolean; victims: number }[] }>();
    expect(networks.length).toBeGreaterThan(0);
    for (const n of networks) expect(n.exploitationTypes).toContain('labour');
    // Ranked by risk: every network with children before any without.
    const firstWithout = networks.findIndex((n) => !n.children);
    if (firstWithout >= 0) expect(networks.slice(firstWithout).every((n) => !n.children)).toBe(true);
  });

  it('names the part of a filter it cannot take', async () => {
    const cases: [string, string][] = [
      ['from=2026-13-01', 'from'],
      ['evaluations=1,4', 'evaluations.1'],
      ['from=2026-03-01&until=2026-02-01', 'until'],
      ['kinds=person,spaceship', 'kinds.1'],
      ['ungraded=maybe', 'ungraded'],
    ];
    for (const [query, path] of cases) {
      const response = await analyst.request('GET', `/api/graph/networks?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<Fields>().error.fields.map((f) => f.path)).toContain(`querystring.${path}`);
    }
  });

  it('refuses a chart with no name or an unknown layout, naming the field', async () => {
    const chart = { entities: [{ id: '6f1c7d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f', x: 0, y: 0, pinned: false, hidden: false }], filter: {}, layout: 'spiral' };
    const response = await analyst.request('POST', '/api/graph/charts', { name: ' ', chart });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json<Fields>()
        .error.fields.map((f) => f.path)
        .sort(),
    ).toEqual(['chart.layout', 'name']);
  });

  it('takes call data larger than an ordinary request, up to its own limit', async () => {
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `07700${String(900000 + (i % 997)).padStart(6, '0')},07700${String(100000 + (i % 1009)).padStart(6, '0')},2026-03-01T10:00:00Z,${i % 600}`,
    );
    const csv = ['caller,callee,start,seconds', ...rows].join('\n');
    expect(csv.length).toBeGreaterThan(1_500_000);
    const response = await analyst.request('POST', '/api/call-data', {
      name: 'A large handset download',
      csv,
      columns: { from: 'caller', to: 'callee', at: 'start', duration: 'seconds' },
      grading: '1AP',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ rows: 40_000, calls: 40_000, numbers: 997 + 1009, problemCount: 0 });
  });
});
