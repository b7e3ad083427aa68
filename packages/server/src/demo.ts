import { GWENT, type AgencyKind } from '@harbour/core';
import { seedDatabase, type Repositories } from '@harbour/db';
import { randomUUID } from 'node:crypto';
import { sha256 } from './auth/tokens';
import type { Services } from './services/index';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoAccount } from './demo-accounts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoAccount } from './demo-accounts';

const AGENCIES: readonly { name: string; kind: AgencyKind }[] = [
  { name: 'Gwent Police', kind: 'police' },
  { name: 'Newport City Council', kind: 'local_authority' },
  { name: 'Caerphilly County Borough Council', kind: 'local_authority' },
  { name: 'Aneurin Bevan University Health Board', kind: 'health' },
  { name: 'Survivor support charity (demo)', kind: 'charity' },
  { name: 'Gangmasters and Labour Abuse Authority', kind: 'glaa' },
  { name: 'Home Office Immigration Enforcement', kind: 'home_office' },
];

/**
 * Fills an empty store with agencies, demo accounts and a synthetic force area; says whether it
 * wrote the reports (a store seeded from the command line keeps its own).
 */
export async function seedDemo(
  repos: Repositories,
  svc: Services,
  reports: number,
  until = startOfToday(),
  progress?: (line: string) => void,
): Promise<boolean> {
  progress?.('Adding the demo agencies and sign-ins…');
  const agencyIds = new Map<string, string>();
  for (const a of AGENCIES) agencyIds.set(a.name, (await svc.agencies.create(null, a)).id);
  const userIds = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const created = await svc.users.create(null, {
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      agencyId: agencyIds.get(account.agency)!,
      password: DEMO_PASSWORD,
    });
    userIds.set(account.email, created.id);
    if (account.enrolled) await svc.auth.enrolPublishedSecret(created.id, DEMO_TOTP_SECRET, [sha256('demo0-codes')]);
  }
  await agreeDemoSharing(repos, agencyIds, userIds);
  if (reports === 0 || (await repos.reports.counts()).reports > 0) return false;
  let shown = 0;
  await seedDatabase(repos, { reports, seed: 'demo', area: GWENT, until }, (done, total) => {
    // About every tenth, so a large demo shows it is moving without filling the screen.
    if (done === total || done - shown >= total / 10) {
      progress?.(`Seeding the demo: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} synthetic reports…`);
      shown = done;
    }
  });
  await assignDemoWork(repos, userIds);
  return true;
}

/**
 * Gives the DS and the DC some of the newest reports, as a DS would on a Monday, so each home's
 * "My work" has something in it: the most urgent to the DC, the next to the DS, and to the DC the
 * oldest report still awaiting triage (which, at a week or more, is overdue in any band).
 */
async function assignDemoWork(repos: Repositories, userIds: ReadonlyMap<string, string>): Promise<void> {
  const dc = userIds.get(demoEmailOf('investigator'));
  const ds = userIds.get(demoEmailOf('supervisor'));
  if (!dc || !ds) return;
  const waiting = await repos.intake.queue({ status: 'new', limit: 200, offset: 0 });
  const oldest = [...waiting].sort((a, b) => new Date(a.received_at).getTime() - new Date(b.received_at).getTime())[0];
  const toDc = new Set([...waiting.slice(0, 3), ...(oldest ? [oldest] : [])].map((r) => r.id));
  const toDs = waiting.filter((r) => !toDc.has(r.id)).slice(0, 2);
  const assign = (reportId: string, userId: string) =>
    repos.intake.updateTriage(
      reportId,
      { assignedTo: userId, assignedBy: ds },
      { actorId: ds, actorRole: 'supervisor', action: 'report.triaged', subjectType: 'report', subjectId: reportId, details: { assignTo: userId, demo: true } },
    );
  for (const id of toDc) await assign(id, dc);
  for (const r of toDs) await assign(r.id, ds);
}

/**
 * Information-sharing agreements with the demo's partners, in force from a year ago to a year
 * ahead: the council may know suspects and addresses but not victims' identities (so the redacted
 * view shows); the support charity may know victims and addresses.
 */
async function agreeDemoSharing(repos: Repositories, agencyIds: ReadonlyMap<string, string>, userIds: ReadonlyMap<string, string>): Promise<void> {
  const admin = userIds.get(demoEmailOf('admin'));
  if (!admin) return;
  const today = new Date();
  const day = (years: number) => `${today.getUTCFullYear() + years}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-01`;
  const terms = [
    {
      agency: 'Newport City Council',
      purpose: 'Safeguarding adults and children at risk of exploitation in Newport',
      categories: ['suspect_identity', 'addresses'] as const,
    },
    {
      agency: 'Survivor support charity (demo)',
      purpose: 'Support for potential victims referred through the NRM',
      categories: ['victim_identity', 'addresses'] as const,
    },
  ];
  for (const t of terms) {
    const agencyId = agencyIds.get(t.agency);
    if (!agencyId) continue;
    await repos.sharing.addAgreement({
      id: randomUUID(),
      agencyId,
      purpose: t.purpose,
      lawfulBasis: 'Crime and Disorder Act 1998 s115; UK GDPR art. 6(1)(e); DPA 2018 s35 (law enforcement)',
      categories: t.categories,
      startsOn: day(-1),
      endsOn: day(1),
      by: admin,
      at: today,
    });
  }
}

function demoEmailOf(role: DemoAccount['role']): string {
  return DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
}

function startOfToday(): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return d;
}
