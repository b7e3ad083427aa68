import { sql } from 'kysely';
import { repositories, type Store } from '@harbour/db';
import { AuditService } from '@harbour/server';
import { MARKER, type Acknowledged } from './workload';

/** What a crashed store was found to hold: each problem named, so a failure says what was lost. */
export interface StoreFindings {
  /** Acknowledged writes missing or incomplete. */
  readonly lost: string[];
  /** Writes found in part (acknowledged or not): a report short of its people, an import batch short of its rows, a merge half done. */
  readonly halfWritten: string[];
  /** The audit chain's first break, if any. */
  readonly auditBreak: string | null;
  readonly auditEntries: number;
}

/**
 * Reads a store with Harbour stopped (as after a crash, before the restart): every acknowledged
 * write must be there whole; nothing anywhere may be half written; the audit chain must verify.
 * `importsDone` also asks that every acknowledged import has finished (once a worker resumed it).
 */
export async function checkStore(store: Store, acknowledged: readonly Acknowledged[], options: { importsDone?: boolean } = {}): Promise<StoreFindings> {
  const db = store.db;
  const lost: string[] = [];
  const halfWritten: string[] = [];

  // Every report the drill sent carries a marker of its parts: count what the store holds of each.
  const reports = await sql<{ id: string; summary: string; people: number; phones: number; vehicles: number; businesses: number; audited: boolean }>`
    select r.id, r.summary, coalesce(p.n, 0)::int as people, coalesce(ph.n, 0)::int as phones, coalesce(v.n, 0)::int as vehicles,
      coalesce(b.n, 0)::int as businesses, (a.subject_id is not null or i.report_id is not null) as audited
    from reports r
      left join (select report_id, count(*) as n from report_persons group by report_id) p on p.report_id = r.id
      left join (select report_id, count(*) as n from report_phones group by report_id) ph on ph.report_id = r.id
      left join (select report_id, count(*) as n from report_vehicles group by report_id) v on v.report_id = r.id
      left join (select report_id, count(*) as n from report_businesses group by report_id) b on b.report_id = r.id
      left join (select distinct subject_id from audit_log where subject_type = 'report') a on a.subject_id = r.id::text
      left join imported_rows i on i.report_id = r.id
    where r.summary like '%[drill %'`.execute(db);
  const byMarker = new Map<string, number>();
  for (const r of reports.rows) {
    const m = MARKER.exec(r.summary);
    if (!m) continue;
    byMarker.set(m[1]!, (byMarker.get(m[1]!) ?? 0) + 1);
    const want = { people: Number(m[2]), phones: Number(m[3]), vehicles: Number(m[4]), businesses: Number(m[5]) };
    const got = { people: r.people, phones: r.phones, vehicles: r.vehicles, businesses: r.businesses };
    if (JSON.stringify(want) !== JSON.stringify(got)) halfWritten.push(`report ${m[1]} holds ${JSON.stringify(got)}, sent with ${JSON.stringify(want)}`);
    // An imported report's audit entry names its import, not the report: the ledger row stands for it.
    if (!r.audited) halfWritten.push(`report ${m[1]} has no audit entry`);
  }
  for (const [id, n] of byMarker) if (n > 1) halfWritten.push(`report ${id} stored ${n} times`);

  // Imports: every batch whole (its counts match the rows it stored), acknowledged ones running or done.
  const imports = await sql<{
    id: string;
    status: string;
    rows_total: number;
    rows_done: number;
    accepted: number;
    already: number;
    empty: number;
    quarantined: number;
    ledger: number;
    kept: number;
    refused_kept: number;
  }>`
    select i.id, i.status, i.rows_total, i.rows_done, i.accepted, i.already, i.empty, i.quarantined,
      (select count(*) from imported_rows r where r.import_id = i.id)::int as ledger,
      (select count(*) from imported_rows r join reports p on p.id = r.report_id where r.import_id = i.id)::int as kept,
      (select count(*) from import_quarantine q where q.import_id = i.id)::int as refused_kept
    from imports i`.execute(db);
  const importById = new Map(imports.rows.map((i) => [i.id, i]));
  for (const i of imports.rows) {
    if (i.ledger !== i.accepted || i.kept !== i.accepted)
      halfWritten.push(`import ${i.id} counts ${i.accepted} accepted, holds ${i.ledger} ledger rows and ${i.kept} reports`);
    if (i.refused_kept !== i.quarantined) halfWritten.push(`import ${i.id} counts ${i.quarantined} quarantined, holds ${i.refused_kept}`);
    if (i.accepted + i.already + i.empty + i.quarantined !== i.rows_done)
      halfWritten.push(`import ${i.id} has done ${i.rows_done} rows but its counts add up to another figure`);
  }

  // Merges: an entity merged away holds no records; every merge moved something.
  const stranded = await sql<{ id: string; n: number }>`
    select e.id, count(*)::int as n from entities e join entity_records r on r.entity_id = e.id where e.merged_into is not null group by e.id`.execute(db);
  for (const s of stranded.rows) halfWritten.push(`entity ${s.id} was merged away but still holds ${s.n} records`);
  const empty = await sql<{ id: string }>`
    select c.id from entity_changes c where c.action = 'merge' and not exists (select 1 from entity_moves m where m.change_id = c.id)`.execute(db);
  for (const c of empty.rows) halfWritten.push(`merge ${c.id} moved no record`);

  // Cases: the status a case shows is the last change it records.
  const drifted = await sql<{ id: string; status: string; last: string }>`
    select c.id, c.status, (select s.to_status from case_status_changes s where s.case_id = c.id order by s.changed_at desc, s.id desc limit 1) as last
    from cases c where c.title like 'Op Drill %'`.execute(db);
  for (const c of drifted.rows) if (c.last !== null && c.last !== c.status) halfWritten.push(`case ${c.id} shows ${c.status}, its last change says ${c.last}`);

  for (const ack of acknowledged) {
    switch (ack.kind) {
      case 'public-report':
      case 'referral':
        if (!byMarker.has(ack.marker)) lost.push(`${ack.kind} ${ack.marker}`);
        break;
      case 'import': {
        const i = importById.get(ack.importId);
        if (!i || (i.status !== 'running' && i.status !== 'done')) lost.push(`import ${ack.importId} (${i?.status ?? 'missing'})`);
        else if (
          options.importsDone &&
          (i.status !== 'done' || i.rows_done !== ack.rows || i.quarantined !== ack.refused || i.accepted !== ack.rows - ack.refused)
        )
          lost.push(`import ${ack.importId}: ${i.status}, ${i.rows_done} of ${ack.rows} rows, ${i.accepted} accepted, ${i.quarantined} quarantined`);
        break;
      }
      case 'merge': {
        const row = await db.selectFrom('entities').select('merged_into').where('id', '=', ack.other).executeTakeFirst();
        if (!row?.merged_into) lost.push(`merge of ${ack.other} into ${ack.target}`);
        break;
      }
      case 'case-opened':
        if (!(await db.selectFrom('cases').select('id').where('id', '=', ack.caseId).executeTakeFirst())) lost.push(`case ${ack.caseId}`);
        break;
      case 'case-status':
        if (
          !(await db
            .selectFrom('case_status_changes')
            .select('id')
            .where('case_id', '=', ack.caseId)
            .where('to_status', '=', ack.to as never)
            .where('reason', '=', ack.reason)
            .executeTakeFirst())
        )
          lost.push(`status change of case ${ack.caseId}`);
        break;
      case 'case-note':
        if (!(await db.selectFrom('case_notes').select('id').where('case_id', '=', ack.caseId).where('body', '=', ack.body).executeTakeFirst()))
          lost.push(`note on case ${ack.caseId}`);
        break;
    }
  }

  const verified = await new AuditService(repositories(db)).verify();
  return {
    lost,
    halfWritten,
    auditBreak: verified.firstBreak ? `entry ${verified.firstBreak.seq}: ${verified.firstBreak.explanation}` : null,
    auditEntries: verified.checked,
  };
}

/** Pairs of people in the picture, neither merged away, for the next round's merges. */
export async function mergeCandidates(store: Store, count: number): Promise<[string, string][]> {
  const rows = await sql<{ id: string }>`
    select e.id from entities e where e.kind = 'person' and e.merged_into is null
      and exists (select 1 from entity_records r where r.entity_id = e.id)
    order by random() limit ${count * 2}`.execute(store.db);
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < rows.rows.length; i += 2) pairs.push([rows.rows[i]!.id, rows.rows[i + 1]!.id]);
  return pairs;
}
