import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/harbour.js', import.meta.url));

function harbour(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 180_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'harbour-graph-'));
const table = (file: string): Record<string, string>[] => {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i): [string, string] => [columns[i]!, cell])));
};

describe('harbour graph', () => {
  it('analyses call data: numbers however written are one phone; the number bridging two groups is the key player', () => {
    const input = join(dir, 'calls.csv');
    // Two groups of phones calling among themselves, joined through one number (…0005);
    // …0001 is written three ways, one call is repeated and one phone calls itself.
    writeFileSync(
      input,
      [
        'caller,callee,started,seconds',
        '07700 900001,07700900002,2026-10-01T10:00,61',
        '+447700900001,07700900003,2026-10-01T10:05,30',
        '(07700) 900-002,07700900003,2026-10-01T11:00,12',
        '07700900002,07700900003,2026-10-01T11:30,40',
        '07700900003,07700900005,2026-10-02T09:00,10',
        '07700900005,07700900006,2026-10-02T09:10,20',
        '07700900006,07700900007,2026-10-02T09:20,20',
        '07700900007,07700900005,2026-10-02T09:30,20',
        '07700900008,07700900008,2026-10-02T09:40,5',
        '07700900009,,2026-10-03T08:00,5',
        'not a number,07700900001,2026-10-03T08:00,5',
        '07700900001,07700900002,2026-10-03T08:00,none',
        '07700900001,07700900002,2026-10-03T08:00',
      ].join('\n'),
    );
    const out = join(dir, 'calls');
    const run = harbour(['graph', input, '--from', 'caller', '--to', 'callee', '--weight', 'seconds', '--phones', '--out', out]);
    expect(run.stderr).toContain('line 11: has no callee; skipped');
    expect(run.stderr).toContain('line 12: caller "not a number" is not a phone number; skipped');
    expect(run.stderr).toContain('line 13: seconds "none" is not a positive number; skipped');
    expect(run.stderr).toContain('line 14: has 3 cells where the header has 4; skipped');
    expect(run.stderr).toContain('read 9 links (4 rows skipped); 1 repeats merged, 1 self-links left out');
    expect(run.stderr).toContain('betweenness exact (7 nodes)');
    expect(run.status).toBe(0);

    const nodes = table(join(out, 'nodes.csv'));
    expect(Object.keys(nodes[0]!)).toEqual(['id', 'component', 'degree', 'betweenness', 'pagerank', 'community']);
    expect(nodes.map((n) => n.id).sort()).toEqual([
      '+447700900001',
      '+447700900002',
      '+447700900003',
      '+447700900005',
      '+447700900006',
      '+447700900007',
      '+447700900008',
    ]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // …0003 and …0005 each stand between the two groups (3 × 3 pairs through each, less their own ends).
    expect(byId.get('+447700900003')).toMatchObject({ component: '0', degree: '3', betweenness: '6' });
    expect(byId.get('+447700900005')).toMatchObject({ component: '0', degree: '3', betweenness: '6' });
    expect(byId.get('+447700900008')).toMatchObject({ component: '1', degree: '0', betweenness: '0' });
    expect(byId.get('+447700900001')!.community).toBe(byId.get('+447700900002')!.community);
    expect(byId.get('+447700900001')!.community).not.toBe(byId.get('+447700900006')!.community);
    const pagerank = nodes.reduce((sum, n) => sum + Number(n.pagerank), 0);
    expect(pagerank).toBeCloseTo(1, 4);

    expect(table(join(out, 'components.csv'))).toEqual([
      { component: '0', nodes: '6', links: '7', communities: '2', key_player: expect.stringMatching(/^\+44770090000[35]$/) },
      { component: '1', nodes: '1', links: '0', communities: '1', key_player: '+447700900008' },
    ]);
  });

  it('estimates betweenness from a sample above 50,000 nodes and says so', () => {
    const input = join(dir, 'big.csv');
    const rows = ['a,b'];
    // A long chain of 60,000 identifiers with a shortcut every thousand.
    for (let i = 1; i < 60_000; i++) rows.push(`n${i - 1},n${i}`);
    for (let i = 0; i + 1000 < 60_000; i += 1000) rows.push(`n${i},n${i + 1000}`);
    writeFileSync(input, rows.join('\n'));
    const out = join(dir, 'big');
    const run = harbour(['graph', input, '--from', 'a', '--to', 'b', '--out', out]);
    expect(run.stderr).toContain('betweenness approximate: estimated from 1000 sampled source nodes of 60000');
    expect(run.status).toBe(0);
    const nodes = table(join(out, 'nodes.csv'));
    expect(nodes).toHaveLength(60_000);
    // The shortcut ends carry the traffic: the key player is one of them.
    const [component] = table(join(out, 'components.csv'));
    expect(component).toMatchObject({ component: '0', nodes: '60000', links: String(59_999 + 59) });
    expect(Number(component!.key_player!.slice(1)) % 1000).toBe(0);
  });

  it('names a missing column and exits non-zero', () => {
    const input = join(dir, 'cols.csv');
    writeFileSync(input, 'caller,callee\n1,2\n');
    const run = harbour(['graph', input, '--from', 'caller', '--to', 'number', '--out', join(dir, 'cols')]);
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toBe('harbour: the file has no column "number" for --to (its columns: caller, callee)');
  });
});
