import { GWENT, type AgencyKind, type Role } from '@harbour/core';
import { seedDatabase, type Repositories } from '@harbour/db';
import { sha256 } from './auth/tokens';
import type { Services } from './services/index';

/** Published on purpose: demo accounts exist only outside production (see config). */
export const DEMO_PASSWORD = 'harbour-demo-2026';
/** The demo accounts' shared authenticator secret (base32), so a demo needs no phone. */
export const DEMO_TOTP_SECRET = 'HARBOURDEMOSECRETGWENTPOLICEAAAA';

const AGENCIES: readonly { name: string; kind: AgencyKind }[] = [
  { name: 'Gwent Police', kind: 'police' },
  { name: 'Newport City Council', kind: 'local_authority' },
  { name: 'Caerphilly County Borough Council', kind: 'local_authority' },
  { name: 'Aneurin Bevan University Health Board', kind: 'health' },
  { name: 'Survivor support charity (demo)', kind: 'charity' },
  { name: 'Gangmasters and Labour Abuse Authority', kind: 'glaa' },
  { name: 'Home Office Immigration Enforcement', kind: 'home_office' },
];

export interface DemoAccount {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agency: string;
  /** False: the account sets up its authenticator app at first sign-in. */
  readonly enrolled: boolean;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@gwent.police.example', displayName: 'Alex Morgan', role: 'admin', agency: 'Gwent Police', enrolled: true },
  { email: 'ds.jones@gwent.police.example', displayName: 'DS Carys Jones', role: 'supervisor', agency: 'Gwent Police', enrolled: true },
  { email: 'dc.evans@gwent.police.example', displayName: 'DC Rhys Evans', role: 'investigator', agency: 'Gwent Police', enrolled: true },
  { email: 'researcher@gwent.police.example', displayName: 'Nia Powell', role: 'researcher', agency: 'Gwent Police', enrolled: false },
  { email: 'analyst@gwent.police.example', displayName: 'Tom Price', role: 'analyst', agency: 'Gwent Police', enrolled: true },
  { email: 'pc.davies@gwent.police.example', displayName: 'PC Sian Davies', role: 'officer', agency: 'Gwent Police', enrolled: false },
  { email: 'safeguarding@newport.gov.example', displayName: 'Priya Patel', role: 'partner', agency: 'Newport City Council', enrolled: true },
];

/** Fills an empty store with agencies, demo accounts and a synthetic force area. */
export async function seedDemo(repos: Repositories, svc: Services, reports: number, until = startOfToday()): Promise<void> {
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
  // A store seeded from the command line keeps its reports; only the accounts are added.
  if ((await repos.reports.counts()).reports === 0) await seedDatabase(repos, { reports, seed: 'demo', area: GWENT, until });
}

function startOfToday(): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return d;
}
