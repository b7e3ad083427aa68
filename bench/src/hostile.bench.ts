import { setTimeout as sleep } from 'node:timers/promises';
import iconv from 'iconv-lite';
import { DRILL_ENV, signInDrillAccounts } from './crash/drill';
import type { StaffClient } from './crash/http-client';
import type { Benchmark, Figure } from './harness';
import { residentBytes, startServer } from './server-process';

const MB = 1_000_000;

interface HostileFile {
  readonly name: string;
  readonly as: 'partner' | 'supervisor';
  readonly path: string;
  readonly contentType: string;
  readonly bytes: () => Uint8Array;
  /** The answer it must get. */
  readonly status: number;
}

/** A partner's referral rows, numbered, repeated until the file is `size` bytes: a real 100 MB CSV. */
function referralsCsv(size: number): Buffer {
  const header = 'Our ID,Date received,Type,Local authority,Town,Postcode,Client name,DOB,Gender,Nationality,Phone,Notes\r\n';
  const parts = [header];
  let length = header.length;
  for (let i = 0; length < size; i++) {
    const row = `NCC-${i},14/02/2026,Labour,Newport,Newport,NP20 1AB,"Nowak, Zoë ${i}",03/05/1999,F,Polish,07700 9${String(i % 100_000).padStart(5, '0')},Seen at a car wash on the Corporation Road; paid twenty pounds a day and lives above the unit with three other men who say the same${' .'.repeat(110)}\r\n`;
    parts.push(row);
    length += Buffer.byteLength(row);
  }
  return Buffer.from(parts.join(''));
}

const FILES: HostileFile[] = [
  {
    name: 'CSV of 100 MB (about 217,000 rows)',
    as: 'partner',
    path: '/api/imports?name=big.csv',
    contentType: 'text/csv',
    bytes: () => referralsCsv(100 * MB),
    status: 201,
  },
  {
    name: 'CSV of 110 MB (over the limit)',
    as: 'partner',
    path: '/api/imports?name=huge.csv',
    contentType: 'text/csv',
    bytes: () => referralsCsv(110 * MB),
    status: 413,
  },
  {
    name: 'Excel workbook of 50 MB sent as CSV',
    as: 'partner',
    path: '/api/imports?name=referrals.xlsx',
    contentType: 'text/csv',
    bytes: () => Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml', 'latin1'), Buffer.alloc(50 * MB, 0x41)]),
    status: 400,
  },
  {
    name: 'CSV of 20 MB in UTF-16 without its mark',
    as: 'partner',
    path: '/api/imports?name=utf16.csv',
    contentType: 'text/csv',
    bytes: () => iconv.encode(referralsCsv(10 * MB).toString(), 'utf-16le'),
    status: 400,
  },
  {
    name: 'HTCDS of 100 MB (over the limit)',
    as: 'supervisor',
    path: '/api/cases/htcds',
    contentType: 'application/json',
    bytes: () => Buffer.from(`{"cases":[${Array.from({ length: 400_000 }, (_, i) => `{"caseId":"C${i}","notes":"${'x'.repeat(230)}"}`).join(',')}]}`),
    status: 413,
  },
  {
    name: 'HTCDS of 30 MB, every case the wrong shape',
    as: 'supervisor',
    path: '/api/cases/htcds',
    contentType: 'application/json',
    bytes: () =>
      Buffer.from(`{"cases":[${Array.from({ length: 120_000 }, (_, i) => `{"caseId":${i},"victims":"many","notes":"${'x'.repeat(200)}"}`).join(',')}]}`),
    status: 400,
  },
  {
    name: 'JSON nested a million deep',
    as: 'supervisor',
    path: '/api/cases/htcds',
    contentType: 'application/json',
    bytes: () => Buffer.from(`{"cases":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`),
    status: 400,
  },
  {
    name: 'HTCDS of 10 MB in Windows-1252',
    as: 'supervisor',
    path: '/api/cases/htcds',
    contentType: 'application/json',
    bytes: () =>
      iconv.encode(
        `{"cases":[${Array.from({ length: 40_000 }, (_, i) => `{"caseId":"C${i}","notes":"Zoë at the café ${'é'.repeat(200)}"}`).join(',')}]}`,
        'windows-1252',
      ),
    status: 400,
  },
];

/**
 * Hostile files (issue 23, part 6): each sent to a Harbour of its own process, the answer checked,
 * and the server's resident memory sampled every 20 ms from /proc while it is read. Figures: the
 * answer, the peak memory against the server's memory just before (the baseline), and the time.
 */
export const hostileBench: Benchmark = async (ctx) => {
  const figures: Figure[] = [];
  for (const kind of ctx.stores) {
    const server = await startServer(await ctx.location(kind), DRILL_ENV);
    try {
      const accounts = await signInDrillAccounts(() => server.url);
      for (const file of FILES) {
        const bytes = file.bytes();
        await sleep(2_000); // what the last file left is collected, as far as it will be
        const before = residentBytes(server.pid);
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(server.pid))), 20);
        const started = performance.now();
        const client: StaffClient = accounts[file.as];
        const answer = await client.request('POST', file.path, bytes, file.contentType);
        const ms = performance.now() - started;
        clearInterval(sampler);
        peak = Math.max(peak, residentBytes(server.pid));
        const reason =
          answer.status === 201
            ? 'accepted'
            : (answer.json<{ error: { code: string; fields: { message: string }[] } }>().error.fields[0]?.message ??
              answer.json<{ error: { code: string } }>().error.code);
        process.stderr.write(`  ${kind}: ${file.name} (${(bytes.byteLength / MB).toFixed(0)} MB): ${answer.status} ${reason.slice(0, 120)}\n`);
        if (answer.status !== file.status) process.stderr.write(`  ${kind}: expected ${file.status}\n`);
        const figure = (metric: string, value: number, unit: string, baseline?: Figure['baseline']): Figure => ({
          bench: 'hostile',
          metric: `${file.name}: ${metric}`,
          value,
          unit,
          store: kind,
          ...(baseline ? { baseline } : {}),
        });
        figures.push(
          figure('answer', answer.status, `status (want ${file.status})`),
          figure('server memory before (baseline)', before / MB, 'MB'),
          figure('server memory peak', peak / MB, 'MB', { metric: 'before', value: before / MB }),
          figure('time', ms, 'ms'),
        );
      }
    } finally {
      await server.stop();
    }
  }
  return figures;
};
