import type { CaseDocument } from '@harbour/contract';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFound, checkDocument, looksLikeText, type UserActor } from '@harbour/core';
import type { DocumentRow, Repositories } from '@harbour/db';
import { fileTypeFromBuffer } from 'file-type';
import { auditEntry } from './audit.service';

/** Where documents are kept and how large one may be. */
export interface DocumentSettings {
  readonly maxBytes: number;
  /** A folder for the files themselves; without one they are kept in the store. */
  readonly folder: string | undefined;
}

export const DOCUMENT_DEFAULTS: DocumentSettings = { maxBytes: 20 * 1024 * 1024, folder: undefined };

/** A document's bytes on their way to a download. */
export interface DocumentFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/**
 * The documents of a case: kept only when their bytes are an allowed kind whose name agrees,
 * stored in the store or the configured folder, read back whole and checked against the hash
 * taken on upload. Callers have already decided the user may reach the case; every upload, read
 * and removal is audited.
 */
export class CaseDocumentsService {
  constructor(
    private readonly repos: Repositories,
    private readonly settings: DocumentSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async of(caseId: string): Promise<CaseDocument[]> {
    return (await this.repos.documents.list(caseId)).map(documentOf);
  }

  async add(user: UserActor, caseId: string, upload: { fileName: string; description: string; bytes: Buffer }): Promise<void> {
    const detected = await fileTypeFromBuffer(upload.bytes);
    const accepted = checkDocument(
      {
        fileName: upload.fileName,
        sizeBytes: upload.bytes.length,
        detectedType: detected?.mime,
        isText: detected === undefined && looksLikeText(upload.bytes),
      },
      this.settings.maxBytes,
    );
    const id = randomUUID();
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const folder = this.settings.folder;
    // The file is in place before its row is written; a failed write leaves no row, and its file is removed.
    if (folder) await writeWhole(folder, id, upload.bytes);
    try {
      await this.repos.documents.transaction(async (documents, audit) => {
        await documents.add({
          id,
          case_id: caseId,
          file_name: accepted.fileName,
          kind: accepted.kind,
          content_type: accepted.contentType,
          size_bytes: upload.bytes.length,
          sha256,
          description: upload.description,
          bytes: folder ? null : upload.bytes,
          in_folder: folder !== undefined,
          uploaded_by: user.userId,
          uploaded_at: this.now(),
        });
        await audit(auditEntry(user, 'case.document-added', { type: 'case', id: caseId }, { document: id, kind: accepted.kind, bytes: upload.bytes.length }));
      });
    } catch (error) {
      if (folder) await rm(join(folder, id), { force: true });
      throw error;
    }
  }

  async file(user: UserActor, caseId: string, documentId: string): Promise<DocumentFile> {
    const row = await this.repos.documents.get(caseId, documentId);
    if (!row || row.removed_at) throw new NotFound('No such document on this case');
    const bytes = row.in_folder ? await readFile(join(this.folderFor(row), row.id)) : await this.repos.documents.bytes(caseId, documentId);
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== row.sha256)
      throw new Error(`document ${row.id} does not match the hash taken when it was uploaded`);
    await this.repos.audit.append(auditEntry(user, 'case.document-read', { type: 'case', id: caseId }, { document: row.id }));
    return { fileName: row.file_name, contentType: row.content_type, bytes };
  }

  /** Takes a document off the case: its bytes go; who, when and why stay on the case. */
  async remove(user: UserActor, caseId: string, documentId: string, reason: string): Promise<void> {
    const row = await this.repos.documents.get(caseId, documentId);
    await this.repos.documents.transaction(async (documents, audit) => {
      if (!row || !(await documents.remove(caseId, documentId, user.userId, this.now(), reason))) throw new NotFound('No such document on this case');
      await audit(auditEntry(user, 'case.document-removed', { type: 'case', id: caseId }, { document: documentId, reason: reason.length }));
    });
    if (row?.in_folder) await rm(join(this.folderFor(row), row.id), { force: true });
  }

  private folderFor(row: DocumentRow): string {
    if (!this.settings.folder) throw new Error(`document ${row.id} is kept in a folder, and HARBOUR_DOCUMENT_DIR is not set`);
    return this.settings.folder;
  }
}

/** Writes the whole file under a temporary name, then renames it: a reader never sees half a file. */
async function writeWhole(folder: string, name: string, bytes: Buffer): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const partial = join(folder, `.${name}.partial`);
  await writeFile(partial, bytes, { mode: 0o600 });
  await rename(partial, join(folder, name));
}

function documentOf(row: DocumentRow): CaseDocument {
  return {
    id: row.id,
    fileName: row.file_name,
    kind: row.kind as CaseDocument['kind'],
    sizeBytes: row.size_bytes,
    description: row.description,
    uploadedBy: row.uploaded_by_name,
    uploadedAt: row.uploaded_at.toISOString(),
    removed: row.removed_at ? { by: row.removed_by_name ?? '', at: row.removed_at.toISOString(), reason: row.removed_reason ?? '' } : null,
  };
}
