import type { Kysely, Selectable } from 'kysely';
import type { CaseDocumentsTable, DB } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { auditedTransaction } from './audited-transaction';

/** A document as listed: everything but its bytes, with who uploaded and removed it. */
export type DocumentRow = Omit<Selectable<CaseDocumentsTable>, 'bytes'> & { uploaded_by_name: string; removed_by_name: string | null };
export type NewDocument = Omit<Selectable<CaseDocumentsTable>, 'removed_by' | 'removed_at' | 'removed_reason'>;

/** The documents of cases: their bytes kept here unless a folder holds them. */
export class DocumentRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  transaction<T>(work: (documents: DocumentRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return auditedTransaction(this.db, this.audit, (tx) => new DocumentRepository(tx), work);
  }

  async add(document: NewDocument): Promise<void> {
    await this.db.insertInto('case_documents').values(document).execute();
  }

  async list(caseId: string): Promise<DocumentRow[]> {
    return this.rows().where('d.case_id', '=', caseId).orderBy('d.uploaded_at').orderBy('d.id').execute();
  }

  async get(caseId: string, id: string): Promise<DocumentRow | undefined> {
    return this.rows().where('d.case_id', '=', caseId).where('d.id', '=', id).executeTakeFirst();
  }

  /** The bytes kept in the store (null when a folder holds them, or the document was removed). */
  async bytes(caseId: string, id: string): Promise<Buffer | null> {
    const row = await this.db.selectFrom('case_documents').select('bytes').where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
    return row?.bytes ?? null;
  }

  /** Takes a document off its case: the bytes go, the row keeps who, when and why. True when it was there to remove. */
  async remove(caseId: string, id: string, by: string, at: Date, reason: string): Promise<boolean> {
    const done = await this.db
      .updateTable('case_documents')
      .set({ bytes: null, removed_by: by, removed_at: at, removed_reason: reason })
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) > 0;
  }

  private rows() {
    return this.db
      .selectFrom('case_documents as d')
      .innerJoin('users as u', 'u.id', 'd.uploaded_by')
      .leftJoin('users as r', 'r.id', 'd.removed_by')
      .select([
        'd.id',
        'd.case_id',
        'd.file_name',
        'd.kind',
        'd.content_type',
        'd.size_bytes',
        'd.sha256',
        'd.description',
        'd.in_folder',
        'd.uploaded_by',
        'd.uploaded_at',
        'd.removed_by',
        'd.removed_at',
        'd.removed_reason',
        'u.display_name as uploaded_by_name',
        'r.display_name as removed_by_name',
      ]);
  }
}
