import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

interface Document {
  standard: string;
  cases: { harbour?: { reference: string }; persons: unknown[] }[];
}

/** A document's cases without the references each store gives, in one order. */
const comparable = (d: Document) =>
  d.cases.map((c) => JSON.stringify({ ...c, harbour: { ...c.harbour, reference: '' }, persons: c.persons.map((p) => JSON.stringify(p)).sort() })).sort();

describe(`HTCDS exchange over HTTP on ${TEST_STORE}`, () => {
  let from: TestApp;
  let to: TestApp;
  let sender: Client;
  let receiver: Client;
  beforeAll(async () => {
    from = await newTestApp({ reports: 60 });
    to = await newTestApp({ reports: 0 });
    sender = await signIn(from, 'analyst');
    receiver = await signIn(to, 'supervisor');
  });
  afterAll(async () => {
    await from?.close();
    await to?.close();
  });

  it('round trip: Harbour → HTCDS → another Harbour → HTCDS keeps every mapped field of every case', async () => {
    const exported = await sender.request('GET', '/api/cases/htcds?from=2000-01');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="harbour-htcds-2000-01-to-\d{4}-\d{2}\.json"$/);
    const document = exported.json<Document>();
    expect(document.standard).toBe('HTCDS');
    // It names people: the file and the response say how it is handled.
    expect(document).toMatchObject({ protectiveMarking: 'OFFICIAL-SENSITIVE' });
    expect(exported.headers['x-protective-marking']).toBe('OFFICIAL-SENSITIVE');
    expect(document.cases.length).toBeGreaterThan(50);

    const imported = await receiver.request('POST', '/api/cases/htcds', document);
    expect(imported.statusCode, imported.body).toBe(201);
    const first = imported.json<{ references: string[]; already: string[] }>();
    expect(first.references).toHaveLength(document.cases.length);
    expect(first.already).toEqual([]);
    // The same file twice adds nothing: each case is known by its content.
    const counted = await to.repos.reports.counts();
    const twice = await receiver.request('POST', '/api/cases/htcds', document);
    expect(twice.statusCode, twice.body).toBe(201);
    expect(twice.json()).toEqual({ references: [], already: first.references });
    expect(await to.repos.reports.counts()).toEqual(counted);

    const again = await receiver.request('GET', '/api/cases/htcds?from=2000-01');
    expect(comparable(again.json<Document>())).toEqual(comparable(document));
    const audit = await from.repos.audit.list({ action: 'cases.exported', limit: 1 });
    expect(audit[0]?.details).toMatchObject({ cases: document.cases.length });
  });

  it('checks a file against the standard before storing anything, naming the field it refuses', async () => {
    const before = await to.repos.reports.counts();
    const response = await receiver.request('POST', '/api/cases/htcds', {
      standard: 'HTCDS',
      version: '2.0',
      cases: [
        { cas_IncomingReferralDate: '2026-02-01', persons: [{ prs_FirstName: 'Mai' }] },
        { cas_IncomingReferralDate: '2026-02-30', persons: [{ prs_Gender: 'Woman', vic_TypeOfExploitation: ['Sexual'] }] },
      ],
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields;
    expect(paths.map((f) => f.path).sort()).toEqual([
      'cases.1.cas_IncomingReferralDate',
      'cases.1.persons.0.prs_Gender',
      'cases.1.persons.0.vic_TypeOfExploitation.0',
    ]);
    expect(paths.find((f) => f.path.endsWith('prs_Gender'))?.message).toMatch(/^Use one of Feminine, Masculine/);
    expect(await to.repos.reports.counts()).toEqual(before);
  });

  it('reads a case from another system by the standard fields alone, into the picture like any report, once', async () => {
    const mai = {
      cas_Status: 'FollowUp',
      cas_IncomingReferralDate: '2026-04-02',
      cas_IncomingReferralDetails: 'Referred by an NGO: a woman kept in a flat in Cwmbran.',
      hte: [{ hte_Type: 'Exploitation', hte_City: 'Cwmbran', hte_State: 'Torfaen' }],
      persons: [
        {
          prs_FirstName: 'Mai',
          prs_SecondName: 'Nguyen',
          prs_Gender: 'Feminine',
          prs_Citizenship: ['VN'],
          vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
          vic_TypeOfExploitation: ['SexualExploitation'],
        },
      ],
    };
    const response = await receiver.request('POST', '/api/cases/htcds', { standard: 'HTCDS', version: '2.0', cases: [mai] });
    expect(response.statusCode, response.body).toBe(201);
    const [reference] = response.json<{ references: string[] }>().references;
    // Again, its fields in another order: known by its content, not added again.
    const reordered = JSON.parse(
      JSON.stringify(
        mai,
        Object.keys(mai)
          .reverse()
          .concat(
            'hte_Type',
            'hte_City',
            'hte_State',
            'prs_FirstName',
            'prs_SecondName',
            'prs_Gender',
            'prs_Citizenship',
            'vic_TraffickingStatus',
            'vic_TypeOfExploitation',
          ),
      ),
    ) as typeof mai;
    expect(Object.keys(reordered)[0]).toBe('persons');
    const again = await receiver.request('POST', '/api/cases/htcds', { version: '2.0', standard: 'HTCDS', cases: [reordered] });
    expect(again.json()).toEqual({ references: [], already: [reference] });
    // Changed (another date): another case.
    const changed = await receiver.request('POST', '/api/cases/htcds', {
      standard: 'HTCDS',
      version: '2.0',
      cases: [{ ...mai, cas_IncomingReferralDate: '2026-04-03' }],
    });
    expect(changed.json<{ references: string[] }>().references).toHaveLength(1);
    const report = await to.store.db.selectFrom('reports').selectAll().where('reference', '=', reference!).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ source: 'partner', status: 'triaged', local_authority: 'W06000020', town: 'Cwmbran', exploitation_types: ['sexual'] });
    const person = await to.store.db.selectFrom('report_persons').selectAll().where('report_id', '=', report.id).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ role: 'potential_victim', given_name: 'Mai', gender: 'female', nationality: 'VN', nationality_code: 'VN' });
  });
  it('leaves out the cases graded C (conditions apply), and says how many', async () => {
    const first = await from.store.db
      .selectFrom('reports')
      .select(['id', 'reference'])
      .where('source', '<>', 'call_data')
      .orderBy('received_at')
      .executeTakeFirstOrThrow();
    await from.store.db
      .updateTable('reports')
      .set({ grading: '2BC', handling_conditions: 'Not to be passed on without the source handler’s consent.' })
      .where('id', '=', first.id)
      .execute();
    const conditional = await from.store.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '<>', 'call_data')
      .where('grading', 'like', '%C')
      .executeTakeFirstOrThrow();
    const exported = await sender.request('GET', '/api/cases/htcds?from=2000-01');
    const document = exported.json<Document & { withheld: number }>();
    expect(document.withheld).toBe(Number(conditional.n));
    expect(exported.headers['x-harbour-withheld']).toBe(String(document.withheld));
    expect(document.cases.map((c) => c.harbour?.reference)).not.toContain(first.reference);
    const audit = await from.repos.audit.list({ action: 'cases.exported', limit: 1 });
    expect(audit[0]?.details).toMatchObject({ withheld: document.withheld });
  });

  it("for a partner agency, holds only the reports shared with it, as its agreement allows, and names none of the force's references", async () => {
    const supervisor = await signIn(from, 'supervisor');
    const council = await from.store.db.selectFrom('agencies').select('id').where('name', '=', 'Newport City Council').executeTakeFirstOrThrow();
    // Reports naming both a potential victim and a suspect: one graded P, one graded C.
    const both = await from.store.db
      .selectFrom('reports as r')
      .select(['r.id', 'r.reference'])
      .where('r.source', '<>', 'call_data')
      .where((eb) => eb.exists(eb.selectFrom('report_persons').select('id').whereRef('report_id', '=', 'r.id').where('role', '=', 'potential_victim')))
      .where((eb) => eb.exists(eb.selectFrom('report_persons').select('id').whereRef('report_id', '=', 'r.id').where('role', '=', 'suspect')))
      .orderBy('r.received_at', 'desc')
      .limit(2)
      .execute();
    expect(both).toHaveLength(2);
    const [open, conditional] = both as [(typeof both)[number], (typeof both)[number]];
    await from.store.db.updateTable('reports').set({ grading: '1AP', handling_conditions: null }).where('id', '=', open.id).execute();
    await from.store.db
      .updateTable('reports')
      .set({ grading: '2BC', handling_conditions: 'Council safeguarding team only.' })
      .where('id', '=', conditional.id)
      .execute();
    // The P one shared on its own; the C one only inside a case shared with the council (a C report is not shared alone without intelligence_c).
    const shared = await supervisor.request('POST', `/api/reports/${open.id}/shares`, { agencyId: council.id, reason: 'Joint safeguarding visit' });
    expect(shared.statusCode, shared.body).toBe(200);
    const opened = await supervisor.request('POST', '/api/cases', { kind: 'investigation', title: 'Dock Street', fromReportId: conditional.id });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseShared = await supervisor.request('POST', `/api/cases/${opened.json<{ id: string }>().id}/shares`, {
      agencyId: council.id,
      reason: 'Joint safeguarding',
    });
    expect(caseShared.statusCode, caseShared.body).toBe(200);

    const partners = (await sender.request('GET', '/api/cases/htcds/partners')).json<{ partners: { id: string; categories: string[]; shared: number }[] }>();
    expect(partners.partners.find((p) => p.id === council.id)).toEqual(expect.objectContaining({ categories: ['addresses', 'suspect_identity'], shared: 2 }));

    const exported = await sender.request('GET', `/api/cases/htcds?from=2000-01&for=${council.id}`);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/-shared\.json"$/);
    const document = exported.json<Document & { withheld: number }>();
    // The C-graded one is not agreed (no intelligence_c): withheld.
    expect(document.cases).toHaveLength(1);
    expect(document.withheld).toBe(1);
    expect(exported.body).not.toMatch(/HBR-\d{4}/);
    expect(document.cases[0]!.harbour?.reference).toBe('shared-1');
    const people = document.cases[0]!.persons as { prs_FirstName?: string; prs_MobilePhone?: string; harbour: { role: string } }[];
    expect(people.every((p) => p.prs_MobilePhone === undefined)).toBe(true);
    expect(people.every((p) => ['victim', 'perpetrator'].includes(p.harbour.role))).toBe(true);
    // Suspects' names are agreed; potential victims' are not.
    const named = await from.store.db
      .selectFrom('report_persons')
      .select(['role', 'given_name'])
      .where('report_id', '=', open.id)
      .where('given_name', 'is not', null)
      .execute();
    for (const p of named.filter((n) => n.role === 'suspect')) expect(people.some((x) => x.prs_FirstName === p.given_name)).toBe(true);
    expect(people.filter((x) => x.harbour.role === 'victim').every((x) => x.prs_FirstName === undefined)).toBe(true);
    const [audited] = await from.repos.audit.list({ action: 'cases.exported', limit: 1 });
    expect(audited?.details).toMatchObject({ for: council.id, cases: 1, withheld: 1, references: [open.reference] });

    // No agreement in force with an agency: no file for it.
    const glaa = await from.store.db.selectFrom('agencies').select('id').where('name', '=', 'Gangmasters and Labour Abuse Authority').executeTakeFirstOrThrow();
    const refused = await sender.request('GET', `/api/cases/htcds?for=${glaa.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { reason?: string } }>().error.reason).toBe('no_agreement_in_force');
    // Nor for the force itself: its own file is the one without `for`.
    const own = await from.store.db.selectFrom('agencies').select('id').where('name', '=', 'Gwent Police').executeTakeFirstOrThrow();
    const ownFile = await sender.request('GET', `/api/cases/htcds?for=${own.id}`);
    expect(ownFile.statusCode).toBe(409);
    expect(ownFile.json<{ error: { reason?: string } }>().error.reason).toBe('share_own_record');
  });
});
