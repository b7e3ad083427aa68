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
});
