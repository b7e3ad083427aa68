import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';

/**
 * Runs `work` in one transaction, with a repository bound to it (`bind`) and an audit append in
 * the same transaction, so the change and its audit entry stand or fall together.
 */
export function auditedTransaction<R, T>(
  db: Kysely<DB>,
  audit: AuditRepository | undefined,
  bind: (tx: Transaction<DB>) => R,
  work: (repository: R, audit: (event: AuditEvent) => Promise<void>) => Promise<T>,
): Promise<T> {
  if (!audit) throw new Error('this repository cannot audit');
  return db.transaction().execute((tx) =>
    work(bind(tx), async (event) => {
      await audit.appendIn(tx, event);
    }),
  );
}
