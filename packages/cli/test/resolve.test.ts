import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/harbour.js', import.meta.url));
const FEBRL = fileURLToPath(new URL('../../../../shared/data/febrl/', import.meta.url));

function harbour(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'harbour-resolve-'));
const rows = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

describe('harbour resolve', () => {
  it('writes id,cluster_id for every row of a FEBRL file, the duplicates with their originals', () => {
    const out = join(dir, 'febrl1.csv');
    const run = harbour([
      'resolve',
      `${FEBRL}dataset1.csv`,
      '--id',
      'rec_id',
      ...['surname=family_name', 'date_of_birth=dob', 'suburb=town', 'soc_sec_id=id_number', 'address_1=address'].flatMap((m) => ['--map', m]),
      '--out',
      out,
    ]);
    expect(run.stderr).toMatch(/read 1000 rows \(0 skipped\)/);
    expect(run.status).toBe(0);
    const [header, ...lines] = rows(out);
    expect(header).toBe('id,cluster_id');
    expect(lines).toHaveLength(1000);
    const cluster = new Map(lines.map((l) => l.split(',') as [string, string]));
    // rec-N-dup-0 is a copy of rec-N-org with errors: nearly all land together.
    const originals = [...cluster.keys()].filter((id) => id.endsWith('-org'));
    const together = originals.filter((id) => cluster.get(id) === cluster.get(id.replace('-org', '-dup-0')));
    expect(together.length / originals.length).toBeGreaterThan(0.98);
  });

  it('reports each row it cannot read with its line, skips it, ignores unknown columns, and still writes the rest', () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(
      input,
      [
        'ref,given_name,family,dob,notes',
        'a1,Ardit,Hoxha,1998-02-11,seen at car wash',
        'a2,Ardit,Hoxha,11/02/1998,',
        'a3,too,few',
        ',Nobody,Noid,1990-01-01,',
        'a1,Ardit,Hoxha,1998-02-11,again',
        'a4,Elira,Hoxha,2001-05-05,"quoted, with comma"',
      ].join('\n'),
    );
    const out = join(dir, 'bad-out.csv');
    const run = harbour(['resolve', input, '--id', 'ref', '--map', 'family=family_name', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('line 4: has 3 cells where the header has 5; skipped');
    expect(run.stderr).toContain('line 5: has no ref; skipped');
    expect(run.stderr).toContain('line 6: repeats ref "a1" from line 2; skipped');
    expect(rows(out)).toEqual(['id,cluster_id', 'a1,a1', 'a2,a1', 'a4,a4']);
  });

  it('refuses unknown fields and missing columns with the reason, and a non-zero exit', () => {
    const input = join(dir, 'small.csv');
    writeFileSync(input, 'ref,name\n1,Ann Lee\n');
    const noColumn = harbour(['resolve', input, '--id', 'nope', '--out', join(dir, 'x.csv')]);
    expect(noColumn.status).not.toBe(0);
    expect(noColumn.stderr).toMatch(/no column "nope" for --id/);
    const badField = harbour(['resolve', input, '--id', 'ref', '--map', 'name=fullname', '--out', join(dir, 'x.csv')]);
    expect(badField.status).not.toBe(0);
    expect(badField.stderr).toMatch(/"fullname" is not a field; use one of given_name, family_name, full_name/);
    const ok = harbour(['resolve', input, '--id', 'ref', '--map', 'name=full_name', '--out', join(dir, 'x.csv')]);
    expect(ok.status).toBe(0);
  });
});
