import { countryOf, type SeedBatch, type SeedNetwork } from '@harbour/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema';
import { receivedBefore, receivedFrom } from './received-in';

export interface ReportCounts {
  reports: number;
  persons: number;
  phones: number;
  vehicles: number;
  businesses: number;
  online: number;
  bankAccounts: number;
  documents: number;
  networks: number;
}

export class ReportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async counts(): Promise<ReportCounts> {
    const n = (table: keyof DB) => sql<number>`(select count(*) from ${sql.table(table)})`;
    const row = await sql<ReportCounts>`select ${n('reports')} as reports, ${n('report_persons')} as persons, ${n('report_phones')} as phones,
      ${n('report_vehicles')} as vehicles, ${n('report_businesses')} as businesses, ${n('report_online')} as online,
      ${n('report_bank_accounts')} as "bankAccounts", ${n('report_documents')} as documents, ${n('seed_networks')} as networks`.execute(this.db);
    const r = row.rows[0]!;
    return {
      reports: Number(r.reports),
      persons: Number(r.persons),
      phones: Number(r.phones),
      vehicles: Number(r.vehicles),
      businesses: Number(r.businesses),
      online: Number(r.online),
      bankAccounts: Number(r.bankAccounts),
      documents: Number(r.documents),
      networks: Number(r.networks),
    };
  }

  /** Reports received since a date, counted by local authority and by source. */
  async overview(since: Date): Promise<{ total: number; byArea: { code: string | null; count: number }[]; bySource: { source: string; count: number }[] }> {
    // Call data is evidence an analyst imported, not a report of exploitation: not counted here.
    const base = this.db.selectFrom('reports').where('received_at', '>=', since).where('source', '<>', 'call_data');
    const [byArea, bySource] = await Promise.all([
      base
        .select(['local_authority as code', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('local_authority')
        .orderBy('local_authority')
        .execute(),
      base
        .select(['source', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('source')
        .orderBy('source')
        .execute(),
    ]);
    const total = bySource.reduce((sum, r) => sum + Number(r.count), 0);
    return {
      total,
      byArea: byArea.map((r) => ({ code: r.code, count: Number(r.count) })),
      bySource: bySource.map((r) => ({ source: r.source, count: Number(r.count) })),
    };
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
          exploitation_types: ['text', r.map((x) => `{${x.exploitationTypes.join(',')}}`)],
          involves_child: ['bool', r.map((x) => x.involvesChild)],
          status: ['text', r.map((x) => x.status)],
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

  /**
   * Reports received in a span of months (Welsh time), oldest first, each with the people it
   * names: what an HTCDS export holds. Call data is not a case.
   */
  async casesReceived(from: string, to: string, limit: number): Promise<CaseRow[]> {
    const reports = await sql<Omit<CaseRow, 'persons'>>`
      select id, reference, source, received_at, status, summary, local_authority, town, postcode, exploitation_types, involves_child
      from reports
      where source <> 'call_data'
        and ${receivedFrom('received_at', from)} and ${receivedBefore('received_at', to)}
      order by received_at, id limit ${limit}`.execute(this.db);
    const ids = reports.rows.map((r) => r.id);
    const persons =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('report_persons')
            .select(['report_id', 'role', 'given_name', 'family_name', 'dob', 'gender', 'nationality', 'nationality_code', 'phone', 'address'])
            .where('report_id', 'in', ids)
            .orderBy('report_id')
            .orderBy('role')
            .orderBy('id')
            .execute();
    const byReport = new Map<string, CaseRow['persons']>();
    for (const p of persons) byReport.set(p.report_id, [...(byReport.get(p.report_id) ?? []), p]);
    return reports.rows.map((r) => ({ ...r, persons: byReport.get(r.id) ?? [] }));
  }

  /** Sets an imported report's status (reports are written as new). */
  async setStatus(id: string, status: 'new' | 'triaged' | 'closed'): Promise<void> {
    await this.db.updateTable('reports').set({ status }).where('id', '=', id).execute();
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

export interface CaseRow {
  id: string;
  reference: string;
  source: string;
  received_at: Date;
  status: string;
  summary: string;
  local_authority: string | null;
  town: string | null;
  postcode: string | null;
  exploitation_types: string[];
  involves_child: boolean;
  persons: {
    report_id: string;
    role: string;
    given_name: string | null;
    family_name: string | null;
    dob: string | null;
    gender: string | null;
    nationality: string | null;
    nationality_code: string | null;
    phone: string | null;
    address: string | null;
  }[];
}
