import { ROLES, type Role } from '@harbour/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { navigationItems, SignInFlow } from './support/pages';
import cy from '../packages/web/src/i18n/cy.json';

/** What each role sees in the main navigation once signed in. */
const NAVIGATION: Record<Role, string[]> = {
  admin: ['Home', 'Training', 'Accounts', 'Agencies', 'Audit log', 'Sharing agreements', 'Background jobs', 'Records review', 'Your account'],
  supervisor: [
    'Home',
    'Triage queue',
    'Cases',
    'Tasks',
    'Search',
    'Networks',
    'Figures',
    'Review matches',
    'Matching',
    'Make a referral',
    'Imports',
    'Training',
    'Awareness',
    'Accounts',
    'Agencies',
    'Background jobs',
    'Records review',
    'Your account',
  ],
  investigator: [
    'Home',
    'Triage queue',
    'Cases',
    'Tasks',
    'Search',
    'Networks',
    'Figures',
    'Review matches',
    'Make a referral',
    'Imports',
    'Training',
    'Awareness',
    'Your account',
  ],
  // De-identified and aggregate figures only, unless a supervisor grants named access.
  researcher: ['Home', 'Figures', 'Training', 'Awareness', 'Your account'],
  analyst: ['Home', 'Cases', 'Search', 'Networks', 'Figures', 'Review matches', 'Matching', 'Imports', 'Training', 'Awareness', 'Your account'],
  officer: ['Home', 'Make a referral', 'Training', 'Awareness', 'Your account'],
  partner: ['Home', 'Shared cases', 'Tasks', 'Make a referral', 'Imports', 'Your account'],
  partner_admin: ['Home', 'Shared cases', 'Tasks', 'Make a referral', 'Imports', 'Your agency’s activity', 'Your account'],
};

const PAGES: Record<string, string> = {
  Home: '/home',
  'Triage queue': '/triage',
  Cases: '/cases',
  Tasks: '/tasks',
  'Make a referral': '/referral',
  Imports: '/imports',
  Training: '/training',
  Awareness: '/prevent',
  Search: '/search',
  Networks: '/networks',
  Figures: '/figures',
  'Review matches': '/review',
  Matching: '/picture/settings',
  Accounts: '/admin/accounts',
  Agencies: '/admin/agencies',
  'Audit log': '/admin/audit',
  'Background jobs': '/admin/jobs',
  'Sharing agreements': '/admin/agreements',
  'Shared cases': '/shared',
  'Records review': '/records/review',
  'Your agency’s activity': '/agency/activity',
  'Your account': '/account',
};

/**
 * Pages whose content changes with the role reading them, and the roles whose views differ. Every
 * other page reads the same for every role that has it, so it is checked once, with the first role
 * (in ROLES order) that has it; each role's home page is its own.
 */
const VIEWS_THAT_DIFFER: Record<string, Role[]> = {
  Accounts: ['admin', 'supervisor'], // the supervisor also grants researchers named access
  Figures: ['supervisor', 'researcher'], // the researcher's are de-identified, without lists or exports
  Tasks: ['supervisor', 'partner'], // a partner works its agency's tasks, without their cases
  Cases: ['supervisor', 'analyst'], // the analyst reads cases without working them
};

/** Pages whose own e2e file checks them for accessibility in English and Welsh, as their users meet them. */
const CHECKED_IN_THEIR_OWN_FILE = new Set(['Training', 'Awareness']);

function checkedFor(role: Role, item: string): boolean {
  if (item === 'Home') return true;
  if (CHECKED_IN_THEIR_OWN_FILE.has(item)) return false;
  const differing = VIEWS_THAT_DIFFER[item];
  if (differing) return differing.includes(role);
  return ROLES.find((r) => NAVIGATION[r].includes(item)) === role;
}

describe('each role signs in and sees its own navigation', () => {
  for (const role of ROLES) {
    describe(role, () => {
      let b: Browser;
      beforeAll(async () => {
        b = await openBrowser();
        await b.page.goto(`${b.baseUrl}/?lang=en`);
      });
      afterAll(async () => b?.close());

      it('signs in (second factor or enrolment as the role needs) and sees its navigation', async () => {
        const { recoveryCodes } = await new SignInFlow(b.page, b.baseUrl).asRole(role);
        if (role === 'researcher') expect(recoveryCodes).toHaveLength(10);
        expect(await navigationItems(b.page)).toEqual(NAVIGATION[role]);
        // Signed-in pages do not offer the public quick exit.
        await expect.poll(() => b.page.getByRole('button', { name: 'Leave this site quickly' }).count()).toBe(0);
      });

      // One test a page, so no role's walk through its pages comes near a test's time limit.
      for (const item of NAVIGATION[role].filter((i) => checkedFor(role, i))) {
        it(`${PAGES[item]} has no accessibility violations, in English and Welsh`, async () => {
          for (const lang of ['en', 'cy']) {
            await b.page.goto(`${b.baseUrl}${PAGES[item]}?lang=${lang}`);
            await b.page.getByRole('heading', { level: 1 }).waitFor();
            await b.page.waitForLoadState('networkidle');
            const problems = await accessibilityProblems(b.page);
            expect(problems, `${PAGES[item]} (${lang})`).toEqual([]);
            // The browser's own date box follows its locale (month first in the US); dates are typed day, month, year.
            expect(await b.page.locator('input[type="date"], input[type="datetime-local"]').count(), PAGES[item]).toBe(0);
          }
        });
      }

      it('is refused pages its role does not allow', async () => {
        if (role === 'admin') return;
        await b.page.goto(`${b.baseUrl}/admin/audit?lang=en`);
        expect(await b.page.getByRole('heading', { level: 1 }).textContent()).toBe('You do not have access to this page.');
      });

      if (role === 'supervisor') {
        it('grants the researcher named access for a purpose and ends it, on a phone in Welsh', async () => {
          const page = b.page;
          await page.setViewportSize({ width: 390, height: 844 });
          await page.goto(`${b.baseUrl}/admin/accounts?lang=cy`);
          await page.getByRole('heading', { level: 2, name: cy.namedAccess.title }).waitFor();
          await page.getByRole('button', { name: cy.namedAccess.submit }).click();
          // The researcher is named by the page's words; the purpose by the limit it falls short of.
          await expect
            .poll(() => page.locator('.govuk-error-summary__list li').allInnerTexts())
            .toEqual([cy.namedAccess.chooseResearcher, 'Defnyddiwch o leiaf 10 nod']);
          await page.getByLabel(cy.namedAccess.researcher).selectOption({ label: 'Nia Powell' });
          await page.getByLabel(cy.namedAccess.purpose).fill('Astudiaeth o gamfanteisio llafur mewn golchfeydd ceir');
          await page.getByLabel(cy.namedAccess.days).fill('7');
          await page.getByRole('button', { name: cy.namedAccess.submit }).click();
          const row = page
            .getByTestId('access-grants')
            .getByRole('row', { name: /Nia Powell/ })
            .first();
          await expect.poll(() => row.innerText()).toContain(cy.namedAccess.inForce);
          expect(await row.innerText()).toContain('Astudiaeth o gamfanteisio llafur mewn golchfeydd ceir');
          expect(await accessibilityProblems(page)).toEqual([]);
          // The tables scroll in their own boxes; the page itself does not.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
          await row.getByRole('button', { name: `${cy.namedAccess.end} Nia Powell` }).click();
          await expect.poll(() => row.innerText()).toContain(cy.namedAccess.endedEarly);
          await page.setViewportSize({ width: 1280, height: 800 });
        });
      }

      if (role === 'admin') {
        it('adds a partner agency and finds the change in the audit log', async () => {
          await b.page.goto(`${b.baseUrl}/admin/agencies?lang=en`);
          await b.page.getByLabel('Name', { exact: true }).fill('Torfaen County Borough Council');
          await b.page.getByLabel('Kind').selectOption('local_authority');
          await b.page.getByRole('button', { name: 'Add agency' }).click();
          await b.page.getByText('Torfaen County Borough Council added.').waitFor();
          await b.page.getByRole('row', { name: /Torfaen County Borough Council/ }).waitFor();

          await b.page.goto(`${b.baseUrl}/admin/audit?lang=en`);
          await b.page.getByRole('table').waitFor();
          await b.page.getByLabel('Action').selectOption('agency.created');
          await b.page.getByRole('button', { name: 'Apply' }).click();
          await b.page.waitForURL(/action=agency\.create/);
          // The filtered list replaces the whole one when it arrives: wait for it, not for a quiet network.
          const actions = () => b.page.locator('tbody tr td:nth-child(4)').allTextContents();
          await expect.poll(async () => [...new Set(await actions())]).toEqual(['agency.created']);
          expect(await accessibilityProblems(b.page)).toEqual([]);
        });

        it('disables an account and enables it again from the accounts page', async () => {
          const page = b.page;
          await page.goto(`${b.baseUrl}/admin/accounts?lang=en`);
          const row = page.getByRole('row', { name: /PC Sian Davies/ });
          await row.getByRole('button', { name: 'Disable PC Sian Davies' }).click();
          await page.getByText('PC Sian Davies’s account is disabled and signed out everywhere.').waitFor();
          await expect.poll(() => row.getByRole('cell').nth(4).innerText()).toBe('Disabled');
          expect(await accessibilityProblems(page)).toEqual([]);
          await row.getByRole('button', { name: 'Enable PC Sian Davies' }).click();
          await page.getByText('PC Sian Davies’s account is enabled.').waitFor();
          await expect.poll(() => row.getByRole('cell').nth(4).innerText()).toBe('Active');
          // Nobody can disable themselves.
          expect(
            await page
              .getByRole('row', { name: /Alex Morgan/ })
              .getByRole('button')
              .count(),
          ).toBe(0);
        });

        it('shows a clear error for a malformed date filter', async () => {
          await b.page.goto(`${b.baseUrl}/admin/audit?lang=en&from=yesterday`);
          const summary = b.page.getByRole('alert');
          await summary.waitFor();
          expect(await summary.textContent()).toContain('There is a problem');
        });
      }

      it('signs out and can no longer reach its home page', async () => {
        await b.page.goto(`${b.baseUrl}/home?lang=en`);
        await b.page.getByRole('button', { name: 'Sign out' }).click();
        await b.page.waitForURL('**/sign-in');
        await b.page.goto(`${b.baseUrl}/home`);
        await b.page.waitForURL('**/sign-in');
      });
    });
  }
});
