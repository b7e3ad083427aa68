import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

type Fields = { error: { fields: { path: string; message: string }[] } };
/** The fields a refusal names, in order. */
const refusedPaths = (response: { json<T>(): T }) =>
  response
    .json<Fields>()
    .error.fields.map((f) => f.path)
    .sort();

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

  it('restricts networks to links saying what the query string asks', async () => {
    const all = (await analyst.request('GET', '/api/graph/networks?limit=500')).json<{ networks: { links: number }[] }>().networks;
    const response = await analyst.request('GET', '/api/graph/networks?relations=lives_at&limit=500');
    expect(response.statusCode).toBe(200);
    const livesAt = response.json<{ networks: { links: number }[] }>().networks;
    const links = (ns: { links: number }[]) => ns.reduce((sum, n) => sum + n.links, 0);
    expect(links(livesAt)).toBeGreaterThan(0);
    expect(links(livesAt)).toBeLessThan(links(all));
  });

  it('refuses a link asserted by hand without what it says, its grading, its reason or its far end, naming each field', async () => {
    const response = await analyst.request('POST', '/api/graph/assertions', {
      from: '6f1c7d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
      relation: 'called',
      grading: '2B',
      note: '  ',
    });
    expect(response.statusCode).toBe(400);
    expect(refusedPaths(response)).toEqual(['grading', 'note', 'relation', 'to']);
    const both = await analyst.request('POST', '/api/graph/assertions', {
      from: '6f1c7d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
      to: '7a2d8e3f-4c5b-4d6e-9f0a-1b2c3d4e5f60',
      newEntity: { kind: 'phone', label: '' },
      relation: 'mentioned',
      grading: '2BP',
      note: 'Log 1',
    });
    expect(refusedPaths(both)).toEqual(['newEntity.label', 'to']);
  });

  it('refuses a chart with no name or an unknown layout, naming the field', async () => {
    const chart = { entities: [{ id: '6f1c7d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f', x: 0, y: 0, pinned: false, hidden: false }], filter: {}, layout: 'spiral' };
    const response = await analyst.request('POST', '/api/graph/charts', { name: ' ', chart });
    expect(response.statusCode).toBe(400);
    expect(refusedPaths(response)).toEqual(['chart.layout', 'name']);
  });

  it("refuses a chart's note or group longer than a chart can show, naming the entity's field", async () => {
    const entity = { id: '6f1c7d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f', x: 0, y: 0, pinned: false, hidden: false };
    const chart = { entities: [entity, { ...entity, note: 'n'.repeat(501), group: 'g'.repeat(81) }], filter: {}, layout: 'preset' };
    const response = await analyst.request('POST', '/api/graph/charts', { name: 'Too much said', chart });
    expect(response.statusCode).toBe(400);
    expect(refusedPaths(response)).toEqual(['chart.entities.1.group', 'chart.entities.1.note']);
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

  /** A small chart as the web sends it: two people, an address, a controlling link and a mention. */
  const drawnChart = {
    title: 'Rhwydwaith Heol yr Orsaf — ŵyr a ŷd',
    language: 'cy',
    keyTitle: 'Allwedd',
    kinds: [
      { kind: 'person', label: 'Person' },
      { kind: 'address', label: 'Cyfeiriad' },
    ],
    relations: [
      { relation: 'controls', label: 'Yn rheoli' },
      { relation: 'mentioned', label: 'Wedi’u crybwyll gyda’i gilydd' },
    ],
    nodes: [
      { x: 0, y: 0, kind: 'person', label: 'Dafydd Ŵyn', onPath: false, size: 60, ring: '#4477AA' },
      { x: 300, y: 40, kind: 'person', label: 'Anna Kowalska', onPath: false },
      { x: 150, y: 260, kind: 'address', label: '40 Station Road, NP20 2DG', onPath: false },
    ],
    links: [
      {
        from: { x: 0, y: 0 },
        to: { x: 300, y: 40 },
        caption: 'Yn rheoli · 3 adroddiad',
        reports: 3,
        relation: 'controls',
        direction: 'forward',
        onPath: false,
      },
      { from: { x: 300, y: 40 }, to: { x: 150, y: 260 }, caption: '1 adroddiad', reports: 1, relation: 'mentioned', direction: 'none', onPath: false },
      {
        from: { x: 0, y: 0 },
        to: { x: 150, y: 260 },
        caption: 'Yn byw yn · 1 honiad',
        reports: 1,
        relation: 'lives_at',
        direction: 'forward',
        onPath: false,
        asserted: true,
      },
    ],
    assertedLabel: "Wedi'i honni â llaw",
  };

  it('makes a chart into a PDF marked on its page, signed by the analyst, and audits it', async () => {
    const { user } = (await analyst.request('GET', '/api/session')).json<{ user: { displayName: string } }>();
    const response = await analyst.request('POST', '/api/graph/charts/pdf', drawnChart);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-protective-marking']).toBe('OFFICIAL-SENSITIVE');
    expect(response.headers['content-disposition']).toBe('attachment; filename="harbour-chart-OFFICIAL-SENSITIVE.pdf"');
    const file = join(mkdtempSync(join(tmpdir(), 'harbour-chart-')), 'chart.pdf');
    writeFileSync(file, response.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // The marking heads and foots the page, once each; the drawing carries none of its own.
    expect(lines[0]).toBe('OFFICIAL-SENSITIVE');
    expect(lines.at(-1)).toBe('OFFICIAL-SENSITIVE');
    expect(text.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
    // Everything the chart says, Welsh letters intact, and the byline from the server: its date, the signed-in name.
    for (const words of [
      'Rhwydwaith Heol yr Orsaf — ŵyr a ŷd',
      'Dafydd Ŵyn',
      'Anna Kowalska',
      '40 Station Road, NP20 2DG',
      'Yn rheoli · 3 adroddiad',
      'Yn byw yn · 1 honiad',
      "Wedi'i honni â llaw",
      'Allwedd',
      'Cyfeiriad',
    ])
      expect(text).toContain(words);
    expect(text).toMatch(new RegExp(`Wedi'i lunio \\d{1,2} \\S+ \\d{4} gan ${user.displayName}`));
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toContain(`Author:          ${user.displayName}`);
    const [entry] = await t.repos.audit.list({ action: 'graph.chart-exported', limit: 1 });
    expect(entry?.details).toEqual({ format: 'pdf', entities: 3, links: 3 });

    // An image the browser draws is recorded as exported before the browser offers it.
    const recorded = await analyst.request('POST', '/api/graph/charts/exported', { format: 'png', entities: 12, links: 30 });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const [image] = await t.repos.audit.list({ action: 'graph.chart-exported', limit: 1 });
    expect(image?.details).toEqual({ format: 'png', entities: 12, links: 30 });
    expect((await analyst.request('POST', '/api/graph/charts/exported', { format: 'gif', entities: 1, links: 0 })).statusCode).toBe(400);
  });

  it('refuses a drawn chart whose colours or kinds are not what a chart draws, naming the field', async () => {
    const response = await analyst.request('POST', '/api/graph/charts/pdf', {
      ...drawnChart,
      nodes: [
        { ...drawnChart.nodes[0], ring: '"/><image href="/etc/passwd"/>' },
        { ...drawnChart.nodes[1], kind: 'spaceship' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(refusedPaths(response)).toEqual(['nodes.0.ring', 'nodes.1.kind']);
  });
});
