import type { Role } from '@harbour/core';
import { currentTotp } from './auth/totp';

// The demo's accounts on their own, light to load: the command line prints their code with
// nothing else of Harbour loaded.

/** Published on purpose: demo accounts exist only outside production (see config). */
export const DEMO_PASSWORD = 'harbour-demo-2026';
/** The demo accounts' shared authenticator secret (base32), so a demo needs no phone. */
export const DEMO_TOTP_SECRET = 'HARBOURDEMOSECRETGWENTPOLICEAAAA';

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
  { email: 'it.access@newport.gov.example', displayName: 'Gareth Lewis', role: 'partner_admin', agency: 'Newport City Council', enrolled: true },
];

/** The demo accounts' second-factor code now. */
export function demoCode(now = Date.now()): string {
  return currentTotp(DEMO_TOTP_SECRET, now);
}
