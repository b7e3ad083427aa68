import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GWENT, RESEARCH_QUASI_IDENTIFIERS, equivalenceClasses, type Role } from '@harbour/core';
import { repositories, seedDatabase } from '@harbour/db';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harbour } from '../../../test/cli';
import { newStoreLocation, openAt, TEST_STORE, type StoreLocation } from '../../../test/test-store';
import { buildPictureInBulk, configuredSecretBox, loadConfig, services } from '../src/index';

const PASSWORD = 'correct horse battery staple';

/**
 * Gives a store its reports and accounts in this process, as `harbour seed` and `harbour user add`
 * would (those commands have their own test): each command line run opens the store afresh and
 * costs seconds, so only the commands under test run as a user would run them.
 */
async function prepare(location: StoreLocation, options: { reports?: number; accounts: [email: string, role: Role][] }): Promise<void> {
  const store = await openAt(location);
  try {
    const repos = repositories(store.db);
    const config = loadConfig({ ...process.env, ...location.env });
    const svc = services(repos, { store: store.kind, session: config.session, secrets: configuredSecretBox(config) });
    if (options.reports) {
      await seedDatabase(repos, { reports: options.reports, seed: 7, area: GWENT, until: new Date('2026-10-01T00:00:00Z') });
      await buildPictureInBulk(repos);
    }
    const agency = await svc.agencies.create(null, { name: 'Gwent Police', kind: 'police' });
    for (const [email, role] of options.accounts) {
      await svc.users.create(null, { email, displayName: role, role, agencyId: agency.id, password: PASSWORD });
    }
  } finally {
    await store.close();
  }
}

describe(`export and import on the command line on ${TEST_STORE}`, () => {
  let source: StoreLocation;
  let target: StoreLocation;
  const dir = mkdtempSync(join(tmpdir(), 'harbour-exchange-'));
  beforeAll(async () => {
    source = await newStoreLocation({ migrated: true });
    target = await newStoreLocation({ migrated: true });
    await prepare(source, {
      reports: 120,
      accounts: [
        ['analyst@gwent.police.example', 'analyst'],
        ['dc@gwent.police.example', 'investigator'],
      ],
    });
    await prepare(target, { accounts: [['ds@gwent.police.example', 'supervisor']] });
  }, 180_000);
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('exports the cases as HTCDS and imports them into another store, every case', () => {
    const file = join(dir, 'cases.json');
    const exported = harbour(source, ['export', 'htcds', '--as', 'analyst@gwent.police.example', '--from', '2000-01', '--out', file]);
    expect(exported.status, exported.stderr).toBe(0);
    const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: unknown[] }).cases.length;
    expect(exported.stderr).toContain(`${cases} cases written to ${file}`);
    expect(cases).toBeGreaterThan(100);
    const imported = harbour(target, ['import', 'htcds', file, '--as', 'ds@gwent.police.example']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`^${cases} cases imported: HBR-`));
    // The same file again adds nothing: each case is known to the agency's ledger.
    const again = harbour(target, ['import', 'htcds', file, '--as', 'ds@gwent.police.example']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^0 cases imported; ${cases} imported before, not added again: HBR-`));
  });

  it('imports a CSV of referrals with a mapping, quarantines the bad row, and adds nothing the second time', () => {
    const file = join(dir, 'register.csv');
    writeFileSync(
      file,
      iconv.encode(
        [
          'Our ID,Date received,Type,Local authority,Client name',
          'R-1,02/03/2026,Labour,Newport,Zoë Nowak',
          'R-2,03/03/2026,Sexual,Torfaen,Ana Popescu',
          'R-3,04/03/2026,Fishing,Torfaen,Ion Rusu',
        ].join('\r\n'),
        'windows-1252',
      ),
    );
    const quarantine = join(dir, 'quarantine.csv');
    const args = ['import', 'csv', file, '--as', 'ds@gwent.police.example', '--map', 'Our ID=reference', '--quarantine', quarantine];
    const first = harbour(target, args);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('3 rows, read as windows-1252; Our ID=reference, Date received=received');
    expect(first.stdout).toMatch(/^2 stored, 0 imported before, 1 quarantined, 0 empty/);
    expect(readFileSync(quarantine, 'utf8').trim().split('\n')).toHaveLength(2);
    const second = harbour(target, args);
    expect(second.stdout).toMatch(/^0 stored, 2 imported before, 1 quarantined, 0 empty/);
    const wrong = harbour(target, ['import', 'csv', file, '--as', 'ds@gwent.police.example', '--map', 'Nope=reference']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toBe(
      'harbour: --map Nope: the file has no column "Nope" (its columns: Our ID, Date received, Type, Local authority, Client name)',
    );
  });

  it('refuses a file the standard does not allow, naming the field, and stores nothing', () => {
    const file = join(dir, 'wrong.json');
    writeFileSync(file, JSON.stringify({ standard: 'HTCDS', version: '2.0', cases: [{ cas_IncomingReferralDate: '2026-13-01', persons: [] }] }));
    const refused = harbour(target, ['import', 'htcds', file, '--as', 'ds@gwent.police.example']);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(`harbour: ${file} was not imported: cases.0.cas_IncomingReferralDate: Enter a date as YYYY-MM-DD`);
  });

  it('exports research rows k-anonymous, and a problem profile as a PDF; an investigator may do neither', () => {
    const research = harbour(source, ['export', 'research', '--as', 'analyst@gwent.police.example', '--from', '2000-01', '--k', '11']);
    expect(research.status, research.stderr).toBe(0);
    // The file's first line is its protective marking, as the web's download has it.
    expect(research.stdout.split('\n')[0]).toBe('OFFICIAL-SENSITIVE');
    const rows = parse<Record<string, string>>(research.stdout, { columns: true, from_line: 2 });
    for (const size of equivalenceClasses(rows, RESEARCH_QUASI_IDENTIFIERS).values()) expect(size).toBeGreaterThanOrEqual(11);
    expect(research.stderr).toMatch(/^\d+ rows, \d+ left out; \d+ groups, the smallest \d+ \(k=11\)/);

    const pdf = join(dir, 'profile.pdf');
    const profile = harbour(source, [
      'export',
      'profile',
      '--as',
      'analyst@gwent.police.example',
      '--from',
      '2025-10',
      '--to',
      '2026-09',
      '--lang',
      'cy',
      '--out',
      pdf,
    ]);
    expect(profile.status, profile.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const refused = harbour(source, ['export', 'research', '--as', 'dc@gwent.police.example']);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe('harbour: Only a supervisor, a researcher or an analyst exports data for research');
  });
});
