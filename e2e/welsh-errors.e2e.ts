import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@harbour/server';
import cy from '../packages/web/src/i18n/cy.json';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { SignInFlow } from './support/pages';

/** The problems the error summary lists, as read on the page. */
const summaryOf = (b: Browser) => b.page.locator('.govuk-error-summary__list li').allInnerTexts();

describe('in Welsh, a refusal says what is wrong, as it does in English', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.setViewportSize({ width: 390, height: 844 });
  });
  afterAll(async () => b?.close());

  it('a wrong password is named, not "something went wrong"', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/sign-in?lang=cy`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const officer = DEMO_ACCOUNTS.find((a) => a.role === 'officer')!;
    await new SignInFlow(page, b.baseUrl).withPassword(officer.email, 'not-the-password');
    await expect.poll(() => summaryOf(b)).toEqual([cy.staffErrors.reason.wrongCredentials]);
    expect(await page.locator('main').innerText()).not.toContain(cy.errors.generic);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it("a referral's postcode and phone number are refused in Welsh, each linked to its box", async () => {
    const page = b.page;
    await new SignInFlow(page, b.baseUrl).asRole('officer');
    await page.goto(`${b.baseUrl}/referral?lang=cy`);
    await page.getByRole('heading', { level: 1, name: 'Gwneud atgyfeiriad' }).waitFor();
    await page.locator('#summary').fill('Dyn yn cysgu yn y golchfa geir ar Ffordd Caerdydd.');
    await page.locator('#postcode').fill('nunlle');
    await page.getByRole('button', { name: cy.referral.phones.add }).click();
    await page.locator('#phone-0-number').fill('ffoniwch fi');
    await page.getByRole('button', { name: cy.referral.submit }).click();
    await expect.poll(() => summaryOf(b)).toEqual(expect.arrayContaining([cy.errors.field.postcode, cy.errors.field.phone]));
    await page.getByRole('link', { name: cy.errors.field.phone }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('phone-0-number');
    expect(await page.locator('main').innerText()).not.toContain(cy.errors.field.invalid);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the account page shows the officer the wrong password typed for their account', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/account?lang=cy`);
    await page.getByRole('heading', { level: 2, name: cy.account.activity.title }).waitFor();
    const activity = page.getByTestId('account-activity');
    await expect.poll(() => activity.innerText()).toContain(cy.account.activity.events.signInFailed);
    expect(await activity.innerText()).toContain(cy.account.activity.events.signedIn);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('a common password, or one made of their name, is refused in Welsh and the old one still works', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/account?lang=cy`);
    await page.getByRole('heading', { level: 2, name: cy.account.changePassword }).waitFor();
    await page.locator('#currentPassword').fill(DEMO_PASSWORD);
    await page.locator('#newPassword').fill('Sunshine2026!');
    await page.getByRole('button', { name: cy.account.submit }).click();
    await expect.poll(() => summaryOf(b)).toEqual([cy.staffErrors.field.commonPassword]);
    await page.locator('#newPassword').fill('Sian Davies ar y bît');
    await page.getByRole('button', { name: cy.account.submit }).click();
    await expect.poll(() => summaryOf(b)).toEqual([cy.staffErrors.field.passwordHasIdentity]);
    await page.getByRole('link', { name: cy.staffErrors.field.passwordHasIdentity }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('newPassword');
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
