import sharp from 'sharp';
import { ROLES, type Role } from '@harbour/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';
import { buildPictureInBulk } from '../src/index';

/**
 * The expected answer of every route for every role, written out here independently of the
 * policy module. A route registered without an entry here fails this test.
 *   'public'  anyone, signed in or not
 *   'session' any session, even one still owing its second factor
 *   Role[]    only these roles, fully signed in
 */
const EXPECTED: Record<string, 'public' | 'session' | readonly Role[]> = {
  'GET /api/health': 'public',
  'GET /api/force': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/session': 'public',
  'GET /api/session': 'session',
  'POST /api/session/second-factor': 'session',
  'POST /api/session/second-factor/enrolment': 'session',
  'POST /api/session/second-factor/enrolment/confirm': 'session',
  'POST /api/session/password': ROLES,
  'DELETE /api/session': 'session',
  'GET /api/session/activity': ROLES,
  'GET /api/users': ['admin', 'supervisor'],
  'POST /api/users/:id/actions': ['admin'],
  'POST /api/users': ['admin'],
  'GET /api/agencies': ['admin', 'supervisor'],
  'POST /api/agencies': ['admin'],
  'PUT /api/agencies/:id/first-responder': ['admin'],
  'GET /api/access-grants': ['supervisor'],
  'GET /api/training/courses': ['admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'GET /api/training/courses/:id': ['admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'POST /api/training/courses/:id/attempts': ['admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'POST /api/training/attempts/:id': ['admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'GET /api/training/certificates/:certificate': ['admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'GET /api/training/authoring': ['supervisor', 'investigator'],
  'POST /api/training/images': ['supervisor', 'investigator'],
  'GET /api/training/images/:image': ['admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'GET /api/training/units': ['admin', 'supervisor'],
  'POST /api/training/units': ['admin', 'supervisor'],
  'POST /api/training/establishment': ['admin', 'supervisor'],
  'GET /api/training/coverage': ['admin', 'supervisor'],
  'POST /api/training/assignments': ['admin', 'supervisor'],
  'POST /api/training/authoring': ['supervisor', 'investigator'],
  'PUT /api/training/authoring/:id': ['supervisor', 'investigator'],
  'GET /api/prevent/campaigns': ['supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'POST /api/prevent/campaigns': ['supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'GET /api/prevent/materials': ['supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'POST /api/prevent/materials': ['supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'GET /api/prevent/materials/:material': ['supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'GET /api/prevent/boundaries': ['supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'GET /api/prevent/events': ['supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'POST /api/prevent/events': ['supervisor', 'investigator', 'researcher', 'analyst', 'officer'],
  'POST /api/training/authoring/:id/publish': ['supervisor', 'investigator'],
  'POST /api/access-grants': ['supervisor'],
  'POST /api/access-grants/:id/revoke': ['supervisor'],
  'GET /api/audit': ['admin'],
  'GET /api/admin/jobs': ['admin', 'supervisor'],
  'GET /api/overview': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'GET /api/figures/dashboard': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'GET /api/figures/reports': ['supervisor', 'investigator', 'analyst'],
  'GET /api/figures/people': ['supervisor', 'investigator', 'analyst'],
  'GET /api/figures/map': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'GET /api/cases/htcds': ['supervisor', 'analyst'],
  'GET /api/cases/htcds/partners': ['supervisor', 'analyst'],
  'POST /api/cases/htcds': ['supervisor', 'analyst'],
  'GET /api/imports': ['supervisor', 'investigator', 'analyst', 'partner', 'partner_admin'],
  'POST /api/imports': ['supervisor', 'investigator', 'analyst', 'partner', 'partner_admin'],
  'GET /api/imports/:id': ['supervisor', 'investigator', 'analyst', 'partner', 'partner_admin'],
  'GET /api/imports/:id/preview': ['supervisor', 'investigator', 'analyst', 'partner', 'partner_admin'],
  'POST /api/imports/:id/start': ['supervisor', 'investigator', 'analyst', 'partner', 'partner_admin'],
  'GET /api/imports/:id/quarantine': ['supervisor', 'investigator', 'analyst', 'partner', 'partner_admin'],
  'GET /api/imports/:id/quarantine.csv': ['supervisor', 'investigator', 'analyst', 'partner', 'partner_admin'],
  'POST /api/imports/:id/quarantine/:line': ['supervisor', 'investigator', 'analyst', 'partner', 'partner_admin'],
  'DELETE /api/imports/:id/quarantine/:line': ['supervisor', 'investigator', 'analyst', 'partner', 'partner_admin'],
  'GET /api/figures/research-export.csv': ['supervisor', 'researcher', 'analyst'],
  'GET /api/figures/profile': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'GET /api/figures/profile.pdf': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'GET /api/figures/boundaries': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'GET /api/profiles': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'POST /api/profiles': ['supervisor', 'researcher', 'analyst'],
  'GET /api/profiles/:id': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'PUT /api/profiles/:id': ['supervisor', 'researcher', 'analyst'],
  'POST /api/profiles/:id/issue': ['supervisor', 'researcher', 'analyst'],
  'GET /api/profiles/:id/pdf': ['supervisor', 'investigator', 'researcher', 'analyst'],
  'GET /api/public/form-token': 'public',
  'POST /api/public/reports': 'public',
  'POST /api/public/follow-up': 'public',
  'POST /api/public/follow-up/messages': 'public',
  'POST /api/public/follow-up/photos': 'public',
  'GET /api/reports/:id/photos': ['supervisor', 'investigator', 'analyst'],
  'GET /api/reports/:id/photos/:photoId': ['supervisor', 'investigator', 'analyst'],
  'GET /api/triage': ['supervisor', 'investigator'],
  'GET /api/my-work': ['supervisor', 'investigator'],
  'GET /api/reports/assignees': ['supervisor', 'investigator'],
  'GET /api/reports/:id': ['supervisor', 'investigator', 'analyst'],
  'POST /api/reports/:id/triage': ['supervisor', 'investigator'],
  'GET /api/reports/:id/messages': ['supervisor', 'investigator'],
  'POST /api/reports/:id/messages': ['supervisor', 'investigator'],
  'GET /api/referrals/catalogue': ['supervisor', 'investigator', 'officer', 'partner', 'partner_admin'],
  'POST /api/referrals/preview': ['supervisor', 'investigator', 'officer', 'partner', 'partner_admin'],
  'POST /api/referrals': ['supervisor', 'investigator', 'officer', 'partner', 'partner_admin'],
  'GET /api/referrals/drafts': ['supervisor', 'investigator', 'officer', 'partner', 'partner_admin'],
  'PUT /api/referrals/drafts/:id': ['supervisor', 'investigator', 'officer', 'partner', 'partner_admin'],
  'DELETE /api/referrals/drafts/:id': ['supervisor', 'investigator', 'officer', 'partner', 'partner_admin'],
  'GET /api/referrals/sent': ['supervisor', 'investigator', 'officer', 'partner', 'partner_admin'],
  'GET /api/referrals/sent/:id': ['supervisor', 'investigator', 'officer', 'partner', 'partner_admin'],
  'POST /api/referrals/sent/:id/messages': ['supervisor', 'investigator', 'officer', 'partner', 'partner_admin'],
  'GET /api/search': ['supervisor', 'investigator', 'analyst'],
  'GET /api/entities/:id': ['supervisor', 'investigator', 'analyst'],
  'GET /api/entities/:id/calls': ['supervisor', 'investigator', 'analyst'],
  'POST /api/entities/:id/merge': ['supervisor', 'investigator', 'analyst'],
  'POST /api/entities/:id/split': ['supervisor', 'investigator', 'analyst'],
  'POST /api/entity-changes/:id/undo': ['supervisor', 'investigator', 'analyst'],
  'GET /api/review': ['supervisor', 'investigator', 'analyst'],
  'POST /api/review/:id': ['supervisor', 'investigator', 'analyst'],
  'GET /api/picture/settings': ['supervisor', 'analyst'],
  'PUT /api/picture/settings': ['supervisor', 'analyst'],
  'POST /api/picture/model': ['supervisor', 'analyst'],
  'POST /api/picture/people-comparison': ['supervisor', 'analyst'],
  'GET /api/graph/networks': ['supervisor', 'investigator', 'analyst'],
  'GET /api/graph/networks/:id': ['supervisor', 'investigator', 'analyst'],
  'GET /api/graph/networks/:id/analysis': ['supervisor', 'investigator', 'analyst'],
  'GET /api/graph/entities/:id': ['supervisor', 'investigator', 'analyst'],
  'POST /api/graph/entities': ['supervisor', 'investigator', 'analyst'],
  'POST /api/graph/entities/analysis': ['supervisor', 'investigator', 'analyst'],
  'POST /api/graph/entities/events': ['supervisor', 'investigator', 'analyst'],
  'GET /api/graph/charts': ['supervisor', 'investigator', 'analyst'],
  'POST /api/graph/charts': ['supervisor', 'investigator', 'analyst'],
  'POST /api/graph/charts/pdf': ['supervisor', 'investigator', 'analyst'],
  'POST /api/graph/charts/exported': ['supervisor', 'investigator', 'analyst'],
  'POST /api/graph/assertions': ['supervisor', 'investigator', 'analyst'],
  'POST /api/graph/assertions/:id/withdraw': ['supervisor', 'investigator', 'analyst'],
  'GET /api/graph/charts/:id': ['supervisor', 'investigator', 'analyst'],
  'PUT /api/graph/charts/:id': ['supervisor', 'investigator', 'analyst'],
  'PUT /api/graph/charts/:id/sharing': ['supervisor', 'investigator', 'analyst'],
  'DELETE /api/graph/charts/:id': ['supervisor', 'investigator', 'analyst'],
  'POST /api/call-data': ['supervisor', 'investigator', 'analyst'],
  'GET /api/call-data/:id': ['supervisor', 'investigator', 'analyst'],
  'GET /api/graph/paths': ['supervisor', 'investigator', 'analyst'],
  'GET /api/graph/links': ['supervisor', 'investigator', 'analyst'],
  'GET /api/cases': ['supervisor', 'investigator', 'analyst'],
  'POST /api/cases': ['supervisor', 'investigator'],
  'GET /api/cases/:id': ['supervisor', 'investigator', 'analyst'],
  'POST /api/cases/:id/status': ['supervisor', 'investigator'],
  'POST /api/cases/:id/closing': ['supervisor', 'investigator'],
  'POST /api/cases/:id/notes': ['supervisor', 'investigator'],
  'PUT /api/cases/:id/officer': ['supervisor', 'investigator'],
  'POST /api/cases/:id/reports': ['supervisor', 'investigator'],
  'DELETE /api/cases/:id/reports/:reportId': ['supervisor', 'investigator'],
  'POST /api/cases/:id/entities': ['supervisor', 'investigator'],
  'DELETE /api/cases/:id/entities/:entityId/:role': ['supervisor', 'investigator'],
  'POST /api/cases/:id/outcomes': ['supervisor', 'investigator'],
  'POST /api/cases/:id/outcomes/:outcomeId/withdraw': ['supervisor', 'investigator'],
  'POST /api/cases/:id/nrm': ['supervisor', 'investigator'],
  'PUT /api/cases/:id/nrm/:nrmId': ['supervisor', 'investigator'],
  'POST /api/cases/:id/safeguarding': ['supervisor', 'investigator'],
  'PUT /api/cases/:id/safeguarding/:planId': ['supervisor', 'investigator'],
  'POST /api/cases/:id/safeguarding/:planId/reviews': ['supervisor', 'investigator'],
  'POST /api/cases/:id/documents': ['supervisor', 'investigator'],
  'GET /api/cases/:id/documents/:documentId': ['supervisor', 'investigator', 'analyst'],
  'POST /api/cases/:id/documents/:documentId/remove': ['supervisor', 'investigator'],
  'GET /api/cases/task-owners': ['supervisor', 'investigator'],
  'GET /api/agency/activity': ['partner_admin'],
  'GET /api/retention': ['admin', 'supervisor'],
  'POST /api/retention/:kind/:id/retain': ['admin', 'supervisor'],
  'POST /api/retention/:kind/:id/delete': ['admin', 'supervisor'],
  'GET /api/admin/agreements': ['admin'],
  'POST /api/admin/agreements': ['admin'],
  'POST /api/admin/agreements/:id/end': ['admin'],
  'POST /api/cases/:id/shares': ['supervisor'],
  'DELETE /api/cases/:id/shares/:agencyId': ['supervisor'],
  'GET /api/reports/:id/shares': ['supervisor', 'investigator', 'analyst'],
  'POST /api/reports/:id/shares': ['supervisor'],
  'DELETE /api/reports/:id/shares/:agencyId': ['supervisor'],
  'GET /api/shared/reports': ['partner', 'partner_admin'],
  'GET /api/shared/reports/:id': ['partner', 'partner_admin'],
  'GET /api/shared/cases': ['partner', 'partner_admin'],
  'GET /api/shared/cases/:id': ['partner', 'partner_admin'],
  'POST /api/shared/cases/:id/notes': ['partner', 'partner_admin'],
  'POST /api/cases/:id/tasks': ['supervisor', 'investigator'],
  'GET /api/tasks/mine': ['supervisor', 'investigator', 'partner', 'partner_admin'],
  'GET /api/tasks': ['supervisor'],
  'POST /api/tasks/:id/finish': ['supervisor', 'investigator', 'partner', 'partner_admin'],
  'GET /assets/*': 'public',
  'GET /*': 'public',
};

const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

describe(`access matrix on ${TEST_STORE}`, () => {
  let t: TestApp;
  const clients = new Map<Role, Client>();
  let pending: Client;

  beforeAll(async () => {
    t = await newTestApp();
    for (const role of ROLES) clients.set(role, await signIn(t, role));
    pending = await signIn(t, 'supervisor', false);
  });
  afterAll(async () => t?.close());

  it('every registered route has an expected entry (a new route must be added here)', () => {
    const missing = t.routes
      .filter((r) => r.method !== 'HEAD' && !isDocs(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !(key in EXPECTED));
    expect(missing).toEqual([]);
    const gone = Object.keys(EXPECTED).filter((key) => !t.routes.some((r) => `${r.method} ${r.url}` === key));
    expect(gone).toEqual([]);
  });

  it('API documentation routes are public and nothing else under /api/docs', () => {
    for (const r of t.routes.filter((x) => isDocs(x.url))) expect(r.permission).toBe('public');
  });

  // Signing out ends the session, so it is checked last.
  const keys = Object.keys(EXPECTED).sort((a, b) => Number(a === 'DELETE /api/session') - Number(b === 'DELETE /api/session'));

  for (const key of keys) {
    const [method, pattern] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
    const url = pattern
      .replace('*', 'x')
      .replace(':id', '00000000-0000-4000-8000-000000000000')
      .replace(':photoId', '00000000-0000-4000-8000-000000000001')
      .replace(':reportId', '00000000-0000-4000-8000-000000000002')
      .replace(':entityId', '00000000-0000-4000-8000-000000000003')
      .replace(/:(outcomeId|nrmId|planId|agencyId|documentId)/, '00000000-0000-4000-8000-000000000004')
      .replace(':role', 'suspect')
      .replace(':kind', 'report');
    const expected = EXPECTED[key]!;
    const body = method === 'GET' || method === 'DELETE' ? undefined : {};

    it(`${key}: anonymous ${expected === 'public' ? 'allowed' : 'refused (401)'}`, async () => {
      const response = await t.app.inject({ method, url, ...(body ? { payload: body } : {}) });
      if (expected === 'public') expect([401, 403]).not.toContain(response.statusCode);
      else expect(response.statusCode).toBe(401);
    });

    it(`${key}: a session owing its second factor ${expected === 'public' || expected === 'session' ? 'allowed' : 'refused (401)'}`, async () => {
      if (key === 'DELETE /api/session') return; // would end the session the other checks use
      const response = await pending.request(method, url, body);
      if (expected === 'public' || expected === 'session')
        expect(['not_permitted', 'unauthenticated', 'second_factor_required']).not.toContain(errorCode(response.body));
      else expect(response.statusCode).toBe(401);
    });

    for (const role of ROLES) {
      const allowed = expected === 'public' || expected === 'session' || expected.includes(role);
      it(`${key}: ${role} ${allowed ? 'allowed' : 'refused (403)'}`, async () => {
        const response = await clients.get(role)!.request(method, url, body);
        // Whatever the answer, no cache keeps it: API answers carry people's details.
        if (pattern.startsWith('/api/')) expect(response.headers['cache-control']).toBe('no-store');
        if (allowed) {
          expect(response.statusCode).not.toBe(401);
          expect(errorCode(response.body)).not.toBe('not_permitted');
          // Allowed means answered: a refusal of the (empty) request is fine, a server error is not.
          expect(response.statusCode, response.body).toBeLessThan(500);
        } else {
          expect(response.statusCode).toBe(403);
          expect(errorCode(response.body)).toBe('not_permitted');
        }
      });
    }
  }
});

/**
 * Reads made well (real ids from the demo, the queries each route needs), so that "allowed" can
 * mean answered with 2xx. Routes over a resource one account or agency owns (an import, a saved
 * chart, call data, a photo) are left to the checks above: for anyone else they are rightly not found.
 */
const OWNED = new Set([
  'GET /api/imports/:id',
  'GET /api/imports/:id/preview',
  'GET /api/imports/:id/quarantine',
  'GET /api/imports/:id/quarantine.csv',
  'GET /api/graph/charts/:id',
  'GET /api/call-data/:id',
  'GET /api/reports/:id/photos/:photoId',
  'GET /api/cases/:id/documents/:documentId',
  'GET /api/referrals/sent/:id',
  'GET /api/training/certificates/:certificate',
]);

describe(`well-formed reads on ${TEST_STORE}: every allowed role is answered 2xx`, () => {
  let t: TestApp;
  const clients = new Map<Role, Client>();
  const urls = new Map<string, string>();

  beforeAll(async () => {
    t = await newTestApp({ reports: 40 });
    await buildPictureInBulk(t.repos);
    t.svc.graph.changed();
    for (const role of ROLES) clients.set(role, await signIn(t, role));
    const report = await t.store.db.selectFrom('reports').select('id').orderBy('received_at', 'desc').limit(1).executeTakeFirstOrThrow();
    const people = await t.store.db
      .selectFrom('entities')
      .select('id')
      .where('kind', '=', 'person')
      .where('merged_into', 'is', null)
      .orderBy('id')
      .limit(2)
      .execute();
    const phone = await t.store.db
      .selectFrom('entities')
      .select('id')
      .where('kind', '=', 'phone')
      .where('merged_into', 'is', null)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const supervisor = clients.get('supervisor')!;
    const network = (await supervisor.request('GET', '/api/graph/networks')).json<{ networks: { id: string }[] }>().networks[0];
    const [a, b] = people.map((p) => p.id);
    const opened = await supervisor.request('POST', '/api/cases', { kind: 'investigation', title: 'A case to read', fromReportId: report.id });
    const caseId = opened.json<{ id: string }>().id;
    // Shared with the demo council, whose agreement is in force, so its partner reads it.
    const council = await t.store.db.selectFrom('agencies').select('id').where('name', '=', 'Newport City Council').executeTakeFirstOrThrow();
    expect((await supervisor.request('POST', `/api/cases/${caseId}/shares`, { agencyId: council.id, reason: 'Joint safeguarding' })).statusCode).toBe(200);
    // A report of the team's own, graded P and shared with the council on its own.
    const single = await t.store.db
      .selectFrom('reports')
      .select('id')
      .where('source', '<>', 'partner')
      .orderBy('received_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((await supervisor.request('POST', `/api/reports/${single.id}/triage`, { grading: '2BP' })).statusCode).toBe(200);
    const sharedReport = await supervisor.request('POST', `/api/reports/${single.id}/shares`, { agencyId: council.id, reason: 'Safeguarding visit' });
    expect(sharedReport.statusCode, sharedReport.body).toBe(200);
    const profile = await clients
      .get('analyst')!
      .request('POST', '/api/profiles', { title: 'A profile to read', from: '2026-01', to: '2026-03', audience: 'internal', language: 'en' });
    expect(profile.statusCode, profile.body).toBe(201);
    const profileId = profile.json<{ id: string }>().id;
    // A course published, for colleagues to read.
    const both = (text: string) => ({ en: text, cy: text });
    const course = await supervisor.request('POST', '/api/training/authoring', {
      slug: 'a-course-to-read',
      content: {
        title: both('A course'),
        summary: both('To read.'),
        modules: [{ id: 'one', title: both('One'), body: both('Read this.') }],
        questions: [
          {
            id: 'q',
            prompt: both('Read it?'),
            options: [
              { text: both('Yes'), correct: true, feedback: both('Good.') },
              { text: both('No'), correct: false, feedback: both('Read it.') },
            ],
          },
        ],
        passMark: 100,
        questionsPerAttempt: 1,
        refresherMonths: 12,
      },
    });
    expect(course.statusCode, course.body).toBe(201);
    const courseId = course.json<{ id: string }>().id;
    expect((await supervisor.request('POST', `/api/training/authoring/${courseId}/publish`)).statusCode).toBe(200);
    // A poster in the resource library.
    const campaign = await supervisor.request('POST', '/api/prevent/campaigns', { name: 'Car washes 2026' });
    const code = campaign.json<{ code: string }>().code;
    const material = await supervisor.request('POST', '/api/prevent/materials', { campaign: code, setting: 'car_wash', language: 'cy', size: 'A5' });
    expect(material.statusCode, material.body).toBe(201);
    // A picture for a module.
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#1d70b8' } })
      .png()
      .toBuffer();
    const image = await t.app.inject({
      method: 'POST',
      url: '/api/training/images',
      headers: { cookie: supervisor.cookie, 'x-csrf-token': supervisor.csrf, 'content-type': 'image/png' },
      payload: png,
    });
    expect(image.statusCode, image.body).toBe(201);
    const fill: Record<string, string> = {
      'GET /api/training/images/:image': image.json<{ url: string }>().url,
      'GET /api/prevent/materials/:material': `/api/prevent/materials/${material.json<{ id: string }>().id}`,
      'GET /api/training/courses/:id': `/api/training/courses/${courseId}`,
      'GET /api/training/coverage': `/api/training/coverage?course=${courseId}`,
      'GET /api/profiles/:id': `/api/profiles/${profileId}`,
      'GET /api/profiles/:id/pdf': `/api/profiles/${profileId}/pdf`,
      'GET /api/reports/:id': `/api/reports/${report.id}`,
      'GET /api/reports/:id/photos': `/api/reports/${report.id}/photos`,
      'GET /api/reports/:id/messages': `/api/reports/${report.id}/messages`,
      'GET /api/entities/:id': `/api/entities/${a}`,
      'GET /api/entities/:id/calls': `/api/entities/${phone.id}/calls`,
      'GET /api/graph/entities/:id': `/api/graph/entities/${a}`,
      'GET /api/graph/networks/:id': `/api/graph/networks/${network?.id}`,
      'GET /api/graph/networks/:id/analysis': `/api/graph/networks/${network?.id}/analysis`,
      'GET /api/graph/paths': `/api/graph/paths?a=${a}&b=${b}`,
      'GET /api/graph/links': `/api/graph/links?a=${a}&b=${b}`,
      'GET /api/search': '/api/search?q=NP20',
      'GET /api/cases/:id': `/api/cases/${caseId}`,
      'GET /api/shared/cases/:id': `/api/shared/cases/${caseId}`,
      'GET /api/reports/:id/shares': `/api/reports/${single.id}/shares`,
      'GET /api/shared/reports/:id': `/api/shared/reports/${single.id}`,
      'GET /assets/*': '/assets/missing.js',
      'GET /*': '/home',
    };
    for (const key of Object.keys(EXPECTED).filter((k) => k.startsWith('GET ') && !OWNED.has(k))) urls.set(key, fill[key] ?? key.slice(4));
  });
  afterAll(async () => t?.close());

  for (const key of Object.keys(EXPECTED).filter((k) => k.startsWith('GET ') && !OWNED.has(k) && k !== 'GET /assets/*')) {
    const expected = EXPECTED[key]!;
    const roles = expected === 'public' || expected === 'session' ? ROLES : ROLES.filter((r) => expected.includes(r));
    it(`${key}: answered 2xx for ${roles.join(', ')}`, async () => {
      for (const role of roles) {
        const response = await clients.get(role)!.request('GET', urls.get(key)!);
        expect(response.statusCode, `${role} ${urls.get(key)}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
        expect(response.statusCode, `${role} ${urls.get(key)}: ${response.body.slice(0, 300)}`).toBeLessThan(300);
      }
    });
  }
});

function errorCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}
