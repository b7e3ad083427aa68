import { sql, type Kysely } from 'kysely';
import type { DB } from '@harbour/db';

/**
 * The seed's people put into the picture as its truth says (one entity per true person, every
 * record resolved to it), as a finished picture would have them: figures of people count from
 * this as they would from a built picture, without the hours resolution of a million records
 * takes here (the `er` and `picture` benches measure that). Returns the people made.
 */
export async function pictureFromTruth(db: Kysely<DB>): Promise<number> {
  const made = await sql`
    insert into entities (id, kind, label)
    select distinct on (t.entity_key) md5('truth:' || t.entity_key)::uuid, 'person', concat_ws(' ', p.given_name, p.family_name)
    from seed_truth t join report_persons p on p.id = t.record_id
    where t.record_type = 'person' order by t.entity_key, p.id`.execute(db);
  await sql`
    insert into entity_records (id, kind, report_id, role, attributes, entity_id, resolved_by)
    select p.id, 'person', p.report_id, p.role, '{}', md5('truth:' || t.entity_key)::uuid, 'key'
    from seed_truth t join report_persons p on p.id = t.record_id
    where t.record_type = 'person'`.execute(db);
  return Number(made.numAffectedRows ?? 0);
}
