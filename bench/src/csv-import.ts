import { GWENT, Random, decodeText, localAuthorityReader, readImportRow, suggestMapping, type UserActor } from '@harbour/core';
import type { StoreKind } from '@harbour/db';
import type { Services } from '@harbour/server';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import type { Figure } from './harness';

const ROWS = Number(process.env.HARBOUR_BENCH_IMPORT_ROWS ?? 100_000);
const HEADER = [
  'Ref',
  'Date received',
  'Type',
  'Local authority',
  'Town',
  'Postcode',
  'Client name',
  'DOB',
  'Gender',
  'Nationality',
  'Phone',
  'Notes',
  'Worker',
];
const TYPES = ['Labour', 'Sexual exploitation', 'County lines', 'Domestic servitude', 'Not known'];
const NATIONALITIES = ['Romanian', 'Polish', 'Vietnamese', 'Albanian', 'British', 'Sudanese', 'Eritrean', 'Chinese'];
const GIVEN = ['Ana', 'Zoë', 'Ion', 'Mai', 'Arben', 'Tomasz', 'Ioana', 'Linh', 'Gëzim', 'Siân'];
const FAMILY = ['Popescu', 'Nowak', 'Rusu', 'Tran', 'Hoxha', 'Kowalski', 'Ionescu', 'Nguyen', 'Krasniqi', 'Jones'];

/** A partner's register as Excel on Windows saves it: Windows-1252, UK dates, one row in a hundred wrong. */
export function partnerCsv(rows = ROWS): Buffer {
  const rng = new Random('csv-import');
  const lines = [HEADER.join(',')];
  for (let i = 0; i < rows; i++) {
    const la = rng.pick(GWENT.localAuthorities);
    const town = rng.pick(la.towns);
    const bad = rng.chance(0.01);
    const day = `${String(rng.int(1, 28)).padStart(2, '0')}/${String(rng.int(1, 12)).padStart(2, '0')}/${rng.pick([2023, 2024, 2025])}`;
    lines.push(
      [
        `P-${i}`,
        bad && rng.chance(0.5) ? '31/02/2025' : day,
        rng.pick(TYPES),
        bad ? 'Cardiff' : la.name,
        town.name,
        `${rng.pick(town.postcodeDistricts)} ${rng.int(1, 9)}AB`,
        `"${rng.pick(FAMILY)}, ${rng.pick(GIVEN)}"`,
        rng.chance(0.3) ? `${String(rng.int(1, 28)).padStart(2, '0')}/0${rng.int(1, 9)}/${rng.int(1960, 2010)}` : '',
        rng.pick(['F', 'M', 'Female', 'Male', '']),
        rng.pick(NATIONALITIES),
        rng.chance(0.4) ? `07700 ${String(rng.int(900000, 900999))}` : '',
        `"Seen at ${town.name}, paid £${rng.int(5, 40)} a day"`,
        rng.pick(['AB', 'CD', 'EF']),
      ].join(','),
    );
  }
  return iconv.encode(lines.join('\r\n'), 'windows-1252');
}

/**
 * A partner's spreadsheet of 100,000 rows imported as referrals (uploaded, mapped, read, stored in
 * batches with their audit entries and ledger keys, bad rows quarantined), as rows a second and
 * the memory the process took on top of what it held before. The baseline, in the same run:
 * reading the same file (decoding, parsing and reading each row) with nothing stored.
 */
export async function csvImportFigures(kind: StoreKind, svc: Services, partner: UserActor): Promise<Figure[]> {
  const file = partnerCsv();
  const readStart = performance.now();
  const { text } = decodeText(file);
  const header = HEADER;
  const mapping = { columns: suggestMapping(header), dateOrder: 'dmy' as const, source: 'partner' as const };
  const context = { area: localAuthorityReader(GWENT), today: '2026-11-30' };
  let read = 0;
  for await (const record of Readable.from([text]).pipe(parse({ from_line: 2, relax_column_count: true })) as AsyncIterable<string[]>) {
    readImportRow(header, mapping, record, context);
    read++;
  }
  const readSeconds = (performance.now() - readStart) / 1000;

  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = performance.now();
  const uploaded = await svc.imports.upload(partner, { fileName: 'partner-register.csv', bytes: file, encoding: 'auto' });
  const preview = await svc.imports.preview(partner, uploaded.id);
  await svc.imports.start(partner, uploaded.id, { columns: preview.suggested, dateOrder: 'dmy', source: 'partner', remember: true });
  await svc.imports.settled();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const done = await svc.imports.get(partner, uploaded.id);
  if (done.status !== 'done' || done.rowsDone !== ROWS) throw new Error(`the import ended ${done.status} after ${done.rowsDone} rows`);

  const rows = ROWS.toLocaleString('en-GB');
  return [
    { bench: 'analytics', metric: `read a ${rows}-row CSV, nothing stored (baseline)`, value: read / readSeconds, unit: 'rows/s', store: kind },
    {
      bench: 'analytics',
      metric: `CSV import of ${rows} rows (${done.accepted.toLocaleString('en-GB')} stored, ${done.quarantined.toLocaleString('en-GB')} quarantined)`,
      value: ROWS / seconds,
      unit: 'rows/s',
      store: kind,
      baseline: { metric: 'read only', value: read / readSeconds },
    },
    {
      bench: 'analytics',
      metric: `CSV import of ${rows} rows: memory taken (peak RSS over before)`,
      value: (peak - before) / 2 ** 20,
      unit: 'MiB',
      store: kind,
    },
  ];
}
