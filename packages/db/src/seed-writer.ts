import { countryOf, type SeedBatch, type SeedNetwork } from '@harbour/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema';

/**
 * Writes generated data (the demo, `harbour seed`, benchmarks) in bulk: the synthetic reports,
 * and the planted networks and ground truth only generated data has. Kept apart from the
 * repositories the running system reads and writes through.
 */
export class SeedWriter {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Reports a demo case could be opened from: those naming both a potential victim and a suspect
   * the picture has resolved, the most urgent of each month first, with those people.
   */
  async caseCandidates(
    limit: number,
  ): Promise<{ id: string; received_at: Date; triage: unknown; exploitation_types: string[]; victims: string[]; suspects: string[] }[]> {
    const rows = await sql<{ id: string; received_at: Date; triage: unknown; exploitation_types: string[]; victims: string[]; suspects: string[] }>`
      select r.id, r.received_at, r.triage, r.exploitation_types,
        array(select distinct er.entity_id from entity_records er where er.report_id = r.id and er.kind = 'person' and er.role = 'potential_victim' and er.entity_id is not null) as victims,
        array(select distinct er.entity_id from entity_records er where er.report_id = r.id and er.kind = 'person' and er.role = 'suspect' and er.entity_id is not null) as suspects
      from reports r
      where exists (select 1 from entity_records er where er.report_id = r.id and er.role = 'potential_victim' and er.entity_id is not null)
        and exists (select 1 from entity_records er where er.report_id = r.id and er.role = 'suspect' and er.entity_id is not null)
      order by coalesce(r.triage_score, 0) desc, r.received_at desc, r.id
      limit ${limit}`.execute(this.db);
    return rows.rows;
  }

  async insertSeedNetworks(networks: readonly SeedNetwork[]): Promise<void> {
    for (let i = 0; i < networks.length; i += 1000) {
      const chunk = networks.slice(i, i + 1000);
      await this.db
        .insertInto('seed_networks')
        .values(chunk.map((n) => ({ id: n.id, name: n.name, exploitation_type: n.exploitationType, local_authority: n.localAuthority, town: n.town })))
        .execute();
    }
  }

  /**
   * Writes one generated batch in a single transaction. Columns travel as arrays through
   * `unnest`, so a batch of any size is one statement per table and needs no parameter limit.
   */
  async insertSeedBatch(batch: SeedBatch): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const r = batch.reports;
      await insertColumns(
        tx,
        'reports',
        {
          id: ['uuid', r.map((x) => x.id)],
          reference: ['text', r.map((x) => x.reference)],
          source: ['text', r.map((x) => x.source)],
          received_at: ['timestamptz', r.map((x) => x.receivedAt.toISOString())],
          local_authority: ['text', r.map((x) => x.localAuthority)],
          town: ['text', r.map((x) => x.town)],
          postcode: ['text', r.map((x) => x.postcode)],
          summary: ['text', r.map((x) => x.summary)],
          language: ['text', r.map((x) => x.language)],
          exploitation_types: ['text', r.map((x) => `{${x.exploitationTypes.join(',')}}`)],
          involves_child: ['bool', r.map((x) => x.involvesChild)],
          status: ['text', r.map((x) => x.status)],
          grading: ['text', r.map((x) => x.grading)],
          handling_conditions: ['text', r.map((x) => x.handlingConditions)],
        },
        { exploitation_types: 'text[]' },
      );
      const p = batch.persons;
      await insertColumns(tx, 'report_persons', {
        id: ['uuid', p.map((x) => x.id)],
        report_id: ['uuid', p.map((x) => x.reportId)],
        role: ['text', p.map((x) => x.role)],
        given_name: ['text', p.map((x) => x.givenName)],
        family_name: ['text', p.map((x) => x.familyName)],
        dob: ['date', p.map((x) => x.dob)],
        gender: ['text', p.map((x) => x.gender)],
        nationality: ['text', p.map((x) => x.nationality)],
        nationality_code: ['text', p.map((x) => countryOf(x.nationality)?.code ?? null)],
        phone: ['text', p.map((x) => x.phone)],
        address: ['text', p.map((x) => x.address)],
        postcode: ['text', p.map((x) => x.postcode)],
        town: ['text', p.map((x) => x.town)],
      });
      await insertColumns(tx, 'report_phones', {
        id: ['uuid', batch.phones.map((x) => x.id)],
        report_id: ['uuid', batch.phones.map((x) => x.reportId)],
        number: ['text', batch.phones.map((x) => x.number)],
      });
      const v = batch.vehicles;
      await insertColumns(tx, 'report_vehicles', {
        id: ['uuid', v.map((x) => x.id)],
        report_id: ['uuid', v.map((x) => x.reportId)],
        registration: ['text', v.map((x) => x.registration)],
        make: ['text', v.map((x) => x.make)],
        model: ['text', v.map((x) => x.model)],
        colour: ['text', v.map((x) => x.colour)],
      });
      const b = batch.businesses;
      await insertColumns(tx, 'report_businesses', {
        id: ['uuid', b.map((x) => x.id)],
        report_id: ['uuid', b.map((x) => x.reportId)],
        name: ['text', b.map((x) => x.name)],
        kind: ['text', b.map((x) => x.kind)],
        address: ['text', b.map((x) => x.address)],
        postcode: ['text', b.map((x) => x.postcode)],
        town: ['text', b.map((x) => x.town)],
      });
      const o = batch.online;
      await insertColumns(tx, 'report_online', {
        id: ['uuid', o.map((x) => x.id)],
        report_id: ['uuid', o.map((x) => x.reportId)],
        identifier: ['text', o.map((x) => x.identifier)],
        platform: ['text', o.map((x) => x.platform)],
        description: ['text', o.map((x) => x.description)],
      });
      const a = batch.bankAccounts;
      await insertColumns(tx, 'report_bank_accounts', {
        id: ['uuid', a.map((x) => x.id)],
        report_id: ['uuid', a.map((x) => x.reportId)],
        bank: ['text', a.map((x) => x.bank)],
        sort_code: ['text', a.map((x) => x.sortCode)],
        account_number: ['text', a.map((x) => x.accountNumber)],
        iban: ['text', a.map((x) => x.iban)],
      });
      const d = batch.documents;
      await insertColumns(tx, 'report_documents', {
        id: ['uuid', d.map((x) => x.id)],
        report_id: ['uuid', d.map((x) => x.reportId)],
        type: ['text', d.map((x) => x.type)],
        number: ['text', d.map((x) => x.number)],
        country: ['text', d.map((x) => x.country)],
        holder: ['text', d.map((x) => x.holder)],
        description: ['text', d.map((x) => x.description)],
      });
      const truth = [
        ...p.map((x) => ['person', x.id, x.truePersonId, x.networkId] as const),
        ...o.map((x) => ['online', x.id, x.trueKey, x.networkId] as const),
        ...a.map((x) => ['bank_account', x.id, x.trueKey, x.networkId] as const),
        ...d.map((x) => ['document', x.id, x.trueKey, x.networkId] as const),
        ...batch.phones.map((x) => ['phone', x.id, x.trueNumber, x.networkId] as const),
        ...v.map((x) => ['vehicle', x.id, x.trueRegistration, x.networkId] as const),
        ...b.map((x) => ['business', x.id, x.trueBusinessId, x.networkId] as const),
      ];
      await insertColumns(tx, 'seed_truth', {
        record_type: ['text', truth.map((t) => t[0])],
        record_id: ['uuid', truth.map((t) => t[1])],
        entity_key: ['text', truth.map((t) => t[2])],
        network_id: ['uuid', truth.map((t) => t[3])],
      });
    });
  }
}

type Column = readonly [pgType: string, values: readonly (string | boolean | null)[]];

async function insertColumns(tx: Transaction<DB>, table: keyof DB, columns: Record<string, Column>, casts: Record<string, string> = {}): Promise<void> {
  const names = Object.keys(columns);
  const first = columns[names[0]!]!;
  if (first[1].length === 0) return;
  const arrays = names.map((name) => {
    const [type, values] = columns[name]!;
    return sql`${values}::${sql.raw(type)}[]`;
  });
  const selects = names.map((name, i) => {
    const cast = casts[name];
    return cast ? sql`c${sql.raw(String(i))}::${sql.raw(cast)}` : sql`c${sql.raw(String(i))}`;
  });
  const aliases = names.map((_, i) => `c${i}`).join(', ');
  await sql`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
    select ${sql.join(selects)} from unnest(${sql.join(arrays)}) as t(${sql.raw(aliases)})`.execute(tx);
}
