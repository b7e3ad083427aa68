import { GWENT, type AgencyKind } from '@harbour/core';
import { seedDatabase, type Repositories } from '@harbour/db';
import { sha256 } from './auth/tokens';
import type { Services } from './services/index';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-accounts';

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
  for (const account of DEMO_ACCOUNTS) {
    const created = await svc.users.create(null, {
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      agencyId: agencyIds.get(account.agency)!,
      password: DEMO_PASSWORD,
    });
    if (account.enrolled) await repos.users.enableTotp(created.id, DEMO_TOTP_SECRET, [sha256('demo0-codes')], new Date());
  }
  if (reports === 0 || (await repos.reports.counts()).reports > 0) return false;
  let shown = 0;
  await seedDatabase(repos, { reports, seed: 'demo', area: GWENT, until }, (done, total) => {
    // About every tenth, so a large demo shows it is moving without filling the screen.
    if (done === total || done - shown >= total / 10) {
      progress?.(`Seeding the demo: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} synthetic reports…`);
      shown = done;
    }
  });
  return true;
}

function startOfToday(): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return d;
}
