import type { CaseView } from '@harbour/contract';
import type { UserActor } from '@harbour/core';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { CaseDocumentsService } from '../src/services/case-documents.service';
import { demoEmail, newTestApp, signIn, type Client, type TestApp } from './test-app';

const MB = 1024 * 1024;

function pdfBytes(line: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text(line);
    doc.end();
  });
}

describe(`documents on a case on ${TEST_STORE}`, () => {
  let t: TestApp;
  let dc: Client;
  let caseId: string;

  const upload = (client: Client, bytes: Buffer, fileName: string, description = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents`,
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrf,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(fileName),
        ...(description ? { 'x-description': encodeURIComponent(description) } : {}),
      },
      payload: bytes,
    });
  const refusal = async (bytes: Buffer, fileName: string) => {
    const r = await upload(dc, bytes, fileName);
    expect(r.statusCode, r.body).toBe(400);
    return r.json<{ error: { fields: { path: string; reason: string }[] } }>().error.fields.find((f) => f.path === 'file')?.reason;
  };

  beforeAll(async () => {
    t = await newTestApp({ reports: 0 });
    t.clock.now = Date.parse('2026-11-02T10:00:00Z');
    dc = await signIn(t, 'investigator');
    const opened = await dc.request('POST', '/api/cases', { kind: 'investigation', title: 'Op Harbour Lights' });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json<CaseView>().id;
  });
  afterAll(async () => t?.close());

  it('keeps a statement, a photograph and a spreadsheet as what their bytes are, and gives each back whole as a download', async () => {
    const statement = await pdfBytes('Witness statement: the workers were driven to the farm at 5am.');
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const timeline = Buffer.from('date,event\n2026-10-01,Van seen at Heol y Bont\n2026-10-02,شاهد\n', 'utf8');
    for (const [bytes, name, description] of [
      [statement, 'Datganiad tyst – Ana.pdf', 'Statement taken in Romanian through an interpreter'],
      [photo, 'van.png', ''],
      [timeline, 'timeline.csv', 'Sightings'],
    ] as const) {
      t.clock.advance(60_000);
      const r = await upload(dc, bytes, name, description);
      expect(r.statusCode, r.body).toBe(201);
    }
    const c = (await dc.request('GET', `/api/cases/${caseId}`)).json<CaseView>();
    expect(c.documents.map((d) => [d.fileName, d.kind, d.sizeBytes, d.description])).toEqual([
      ['Datganiad tyst – Ana.pdf', 'pdf', statement.length, 'Statement taken in Romanian through an interpreter'],
      ['van.png', 'png', photo.length, ''],
      ['timeline.csv', 'text', timeline.length, 'Sightings'],
    ]);
    expect(c.documents.every((d) => d.uploadedBy.length > 0 && d.removed === null)).toBe(true);

    // An analyst reads the case and its documents; each download is an attachment, never a page.
    const analyst = await signIn(t, 'analyst');
    const first = await analyst.request('GET', `/api/cases/${caseId}/documents/${c.documents[0]!.id}`);
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.equals(statement)).toBe(true);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe(
      `attachment; filename="Datganiad tyst _ Ana.pdf"; filename*=UTF-8''${encodeURIComponent('Datganiad tyst – Ana.pdf')}`,
    );
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['content-security-policy']).toMatch(/sandbox/);
    expect(first.headers['cache-control']).toBe('no-store');
    const text = await analyst.request('GET', `/api/cases/${caseId}/documents/${c.documents[2]!.id}`);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.body).toContain('شاهد');

    // Partners read no case documents; an analyst cannot upload.
    const partner = await signIn(t, 'partner');
    expect((await partner.request('GET', `/api/cases/${caseId}/documents/${c.documents[0]!.id}`)).statusCode).toBe(403);
    expect((await upload(analyst, photo, 'van.png')).statusCode).toBe(403);
  });

  it('refuses what is empty, too large, not allowed or not what its name says, each with its reason, keeping nothing', async () => {
    const before = (await dc.request('GET', `/api/cases/${caseId}`)).json<CaseView>().documents.length;
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect(await refusal(Buffer.alloc(0), 'empty.pdf')).toBe('file_empty');
    expect(await refusal(Buffer.alloc(20 * MB + 1, 0x41), 'huge.txt')).toBe('file_too_big');
    expect(await refusal(png, 'statement.pdf')).toBe('file_type_mismatch');
    expect(await refusal(Buffer.from('<html><script>alert(1)</script></html>'), 'page.html')).toBe('file_type_mismatch');
    expect(await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.svg')).toBe('file_type_mismatch');
    expect(await refusal(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]), 'tool.exe')).toBe('file_type');
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents`,
      headers: { cookie: dc.cookie, 'x-csrf-token': dc.csrf, 'content-type': 'application/octet-stream' },
      payload: png,
    });
    expect(sent.statusCode).toBe(400);
    expect((await dc.request('GET', `/api/cases/${caseId}`)).json<CaseView>().documents).toHaveLength(before);
  });

  it('takes a document off the case with a reason: its file is gone, who and why stay, and the audit keeps no file name', async () => {
    const c = (await dc.request('GET', `/api/cases/${caseId}`)).json<CaseView>();
    const photo = c.documents.find((d) => d.fileName === 'van.png')!;
    const removed = await dc.request('POST', `/api/cases/${caseId}/documents/${photo.id}/remove`, { reason: 'Uploaded to the wrong case' });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json<CaseView>().documents.find((d) => d.id === photo.id)!.removed).toMatchObject({ reason: 'Uploaded to the wrong case' });
    expect((await dc.request('GET', `/api/cases/${caseId}/documents/${photo.id}`)).statusCode).toBe(404);
    expect((await dc.request('POST', `/api/cases/${caseId}/documents/${photo.id}/remove`, { reason: 'Again' })).statusCode).toBe(404);
    const row = await t.store.db.selectFrom('case_documents').select(['bytes', 'removed_reason']).where('id', '=', photo.id).executeTakeFirstOrThrow();
    expect(row.bytes).toBeNull();
    const audit = await t.store.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'case.document-%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['case.document-added', 'case.document-read', 'case.document-removed']));
    expect(JSON.stringify(audit)).not.toMatch(/van\.png|Datganiad|wrong case/);
  });

  it('keeps files in a configured folder when asked, checks them against their hash, and leaves no file behind a failed write', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'harbour-documents-'));
    const documents = new CaseDocumentsService(t.repos, { maxBytes: MB, folder }, () => new Date(t.clock.now));
    const user = await t.store.db.selectFrom('users').select(['id', 'agency_id']).where('email', '=', demoEmail('investigator')).executeTakeFirstOrThrow();
    const actor: UserActor = { kind: 'user', userId: user.id, role: 'investigator', agencyId: user.agency_id, sessionId: 's', stage: 'complete' };
    const bytes = await pdfBytes('Interview plan');
    await documents.add(actor, caseId, { fileName: 'plan.pdf', description: '', bytes });
    const kept = (await documents.of(caseId)).find((d) => d.fileName === 'plan.pdf')!;
    expect(readdirSync(folder)).toEqual([kept.id]);
    const row = await t.store.db.selectFrom('case_documents').select(['bytes', 'in_folder']).where('id', '=', kept.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ bytes: null, in_folder: true });
    expect((await documents.file(actor, caseId, kept.id)).bytes.equals(bytes)).toBe(true);

    // A file changed on disk is not handed out as the document.
    writeFileSync(join(folder, kept.id), Buffer.concat([bytes, Buffer.from('%tampered')]));
    await expect(documents.file(actor, caseId, kept.id)).rejects.toThrow(/hash/);

    // A write that fails (no such case) leaves neither a row nor a file.
    await expect(documents.add(actor, '00000000-0000-4000-8000-00000000abcd', { fileName: 'plan.pdf', description: '', bytes })).rejects.toThrow();
    expect(readdirSync(folder)).toEqual([kept.id]);

    await documents.remove(actor, caseId, kept.id, 'Superseded by the signed plan');
    expect(existsSync(join(folder, kept.id))).toBe(false);
  });
});
