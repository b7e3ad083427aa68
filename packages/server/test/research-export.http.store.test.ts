import { parse } from 'csv-parse/sync';
import { RESEARCH_COLUMNS, RESEARCH_QUASI_IDENTIFIERS, equivalenceClasses } from '@harbour/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPictureInBulk } from '../src/services/picture-bulk';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

describe(`research export over HTTP on ${TEST_STORE}`, () => {
  let t: TestApp;
  let researcher: Client;
  beforeAll(async () => {
    t = await newTestApp({ reports: 300 });
    // The picture built, as after `harbour seed`: the demo's people named in several reports are one person each.
    await buildPictureInBulk(t.repos);
    researcher = await signIn(t, 'researcher');
  });
  afterAll(async () => t?.close());

  const exportOf = async (query: string) => {
    const response = await researcher.request('GET', `/api/figures/research-export.csv?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    // The first line is the file's protective marking; the rows follow.
    expect(response.body.split('\n')[0]).toBe('OFFICIAL-SENSITIVE');
    expect(response.headers['x-protective-marking']).toBe('OFFICIAL-SENSITIVE');
    const rows = parse<Record<string, string>>(response.body, { columns: true, from_line: 2 });
    return { rows, header: String(response.headers['x-harbour-anonymity']), disposition: String(response.headers['content-disposition']) };
  };

  it('exports one row per potential victim as a person, nothing that names anyone, every group of quasi-identifiers at least 11 people strong', async () => {
    const counted = await sql<{ named: number; people: number }>`
      select count(*)::int as named, count(distinct coalesce(x.entity_id, p.id))::int as people
      from report_persons p join reports r on r.id = p.report_id left join entity_records x on x.id = p.id
      where p.role = 'potential_victim' and r.source <> 'call_data'`.execute(t.store.db);
    const { named, people: victims } = counted.rows[0]!;
    // The demo names some victims in more than one report: people are fewer than the times named.
    expect(victims).toBeLessThan(named);
    const { rows, header, disposition } = await exportOf('from=2000-01');
    expect(disposition).toMatch(/^attachment; filename="harbour-research-2000-01-to-\d{4}-\d{2}-k11\.csv"$/);
    expect(Object.keys(rows[0]!)).toEqual([...RESEARCH_COLUMNS]);
    const classes = equivalenceClasses(rows, RESEARCH_QUASI_IDENTIFIERS);
    for (const [group, size] of classes) expect(size, group).toBeGreaterThanOrEqual(11);
    const left = Number(/left-out=(\d+)/.exec(header)![1]);
    expect(rows.length + left).toBe(victims);
    expect(rows.length).toBeGreaterThan(0);
    expect(header).toContain(`smallest-class=${Math.min(...classes.values())}`);
    // Nothing in it that a report names: no reference, no name, no town.
    const text = JSON.stringify(rows);
    const names = await t.store.db.selectFrom('report_persons').select(['family_name']).where('family_name', 'is not', null).limit(50).execute();
    for (const { family_name } of names) expect(text).not.toContain(`"${family_name}"`);
    const audit = await t.repos.audit.list({ action: 'research.exported', limit: 1 });
    expect(audit[0]?.details).toMatchObject({ k: 11, rows: rows.length, left });
  });

  it('takes a larger k, with groups to match', async () => {
    const { rows } = await exportOf('from=2000-01&k=25');
    for (const size of equivalenceClasses(rows, RESEARCH_QUASI_IDENTIFIERS).values()) expect(size).toBeGreaterThanOrEqual(25);
  });

  it('refuses a k below 2, naming it, and an investigator', async () => {
    const response = await researcher.request('GET', '/api/figures/research-export.csv?k=1');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toContain('querystring.k');
    const investigator = await signIn(t, 'investigator');
    expect((await investigator.request('GET', '/api/figures/research-export.csv')).statusCode).toBe(403);
  });
});
