import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { SignInFlow } from './support/pages';

describe('an officer refers a child from the street; the supervisor finds it in the queue', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    // A phone-sized screen: referrals are made on the street.
    await b.page.setViewportSize({ width: 390, height: 844 });
  });
  afterAll(async () => b?.close());

  it('shows NRM and safeguarding guidance for a child as the form is filled in, and keeps a draft', async () => {
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    await new SignInFlow(b.page, b.baseUrl).asRole('officer');
    await b.page.goto(`${b.baseUrl}/referral?lang=en`);
    await b.page.getByRole('heading', { level: 1, name: 'Make a referral' }).waitFor();
    await b.page.locator('[id="indicator-ho.county_lines_phone"]').waitFor();
    expect(await accessibilityProblems(b.page)).toEqual([]);

    await b.page.getByLabel('Given name').fill('Kyle');
    await b.page.getByLabel('Age in years').fill('15');
    await b.page.locator('#consentToNrm-no').check();
    await b.page.locator('[id="indicator-ho.county_lines_phone"]').check();
    await b.page.locator('[id="indicator-ho.moved_between_places"]').check();
    await b.page
      .getByLabel('What did you see and what were you told?')
      .fill('Boy of 15 found in a flat in Maindee with two phones and cash; says he owes money.');
    // Everyone and everything involved, as many of each as the officer knows.
    await b.page.getByRole('button', { name: 'Add a person' }).click();
    await b.page.locator('#person-0-givenName').fill('Dylan');
    await b.page.locator('#person-0-familyName').fill('Marsh');
    await b.page.getByRole('button', { name: 'Add a phone number' }).click();
    await b.page.locator('#phone-0-number').fill('07700 900461');
    await b.page.getByRole('button', { name: 'Add a phone number' }).click();
    expect(await b.page.evaluate(() => document.activeElement?.id)).toBe('phone-1-number');
    await b.page.locator('#phone-1-number').fill('07700 900462');
    await b.page.getByRole('button', { name: 'Add a business' }).click();
    await b.page.locator('#business-0-name').fill('Sparkle Hand Car Wash');
    await b.page.locator('#business-0-kind').fill('car wash');
    const guidance = b.page.getByTestId('guidance');
    await expect.poll(async () => (await guidance.count()) > 0 && (await guidance.textContent())).toContain('Safeguard the child now');
    const steps = await guidance.locator('li').allTextContents();
    expect(steps[0]).toMatch(/^Safeguard the child now/);
    expect(steps[1]).toMatch(/National Referral Mechanism referral for the child. A child's consent is not needed/);
    expect(steps.join(' ')).not.toMatch(/Duty to Notify/);
    await b.page
      .getByRole('status')
      .getByText(/Draft saved at/)
      .waitFor();
    expect(await accessibilityProblems(b.page)).toEqual([]);

    // The signal drops: reloading brings the draft back.
    await b.page.reload();
    await expect.poll(() => b.page.locator('#givenName').inputValue()).toBe('Kyle');
    expect(await b.page.locator('#phone-1-number').inputValue()).toBe('07700 900462');

    // The same form in Welsh, with its lists filled in, is as accessible.
    await b.page.goto(`${b.baseUrl}/referral?lang=cy`);
    await b.page.getByRole('heading', { level: 1, name: 'Gwneud atgyfeiriad' }).waitFor();
    await expect.poll(() => b.page.locator('#business-0-name').inputValue()).toBe('Sparkle Hand Car Wash');
    expect(await accessibilityProblems(b.page)).toEqual([]);
    await b.page.goto(`${b.baseUrl}/referral?lang=en`);
    await expect.poll(() => b.page.locator('#givenName').inputValue()).toBe('Kyle');

    // The account his phone was topped up from, and the profile that recruited him; a mistyped account number is named.
    await b.page.getByRole('button', { name: 'Add an online account or advert' }).click();
    await b.page.locator('#online-0-identifier').fill('https://www.instagram.com/Kyle.Cash.Ldn/');
    await b.page.getByRole('button', { name: 'Add a bank account' }).click();
    await b.page.locator('#bank-0-sortCode').fill('20-20-15');
    await b.page.locator('#bank-0-accountNumber').fill('5555');
    await b.page.getByRole('button', { name: 'Send referral' }).click();
    await b.page.getByRole('link', { name: 'Enter an account number of 6 to 18 digits' }).click();
    expect(await b.page.evaluate(() => document.activeElement?.id)).toBe('bank-0-accountNumber');
    expect(await accessibilityProblems(b.page)).toEqual([]);
    await b.page.locator('#bank-0-accountNumber').fill('5555 5555');

    await b.page.getByRole('button', { name: 'Send referral' }).click();
    await b.page.getByRole('heading', { level: 1, name: 'Referral sent' }).waitFor();
    expect(await b.page.locator('.govuk-panel__body').textContent()).toMatch(/Reference HBR-\d{4}-1\d{7}/);
    expect(await accessibilityProblems(b.page)).toEqual([]);
    await b.page.getByRole('button', { name: 'Sign out' }).click();
    await b.page.waitForURL('**/sign-in');
  });

  it('the supervisor sees the child referral at the top of the filtered queue', async () => {
    await b.page.setViewportSize({ width: 1200, height: 900 });
    await new SignInFlow(b.page, b.baseUrl).asRole('supervisor');
    await b.page.goto(`${b.baseUrl}/triage?lang=en`);
    await b.page.getByLabel('Child involved').selectOption('yes');
    await b.page.getByLabel('Source').selectOption('officer');
    await b.page.getByRole('button', { name: 'Apply' }).click();
    await b.page.waitForURL(/child=yes/);
    const firstRow = b.page.locator('tbody tr').first();
    await firstRow.waitFor();
    expect(await firstRow.textContent()).toContain('Boy of 15 found in a flat in Maindee');
    expect(await firstRow.textContent()).toContain('Child');
    expect(await accessibilityProblems(b.page)).toEqual([]);
  });

  it('the supervisor opens it, grades it 2BP, assigns it and marks it triaged', async () => {
    await b.page.locator('tbody tr').first().getByRole('link').click();
    await b.page.getByRole('heading', { level: 1, name: /Report HBR-/ }).waitFor();
    expect(await b.page.getByTestId('guidance').textContent()).toContain('Safeguard the child now');
    // Indicator names come with the catalogue, which may arrive after the report.
    await b.page.getByText('Carries a "deal line" phone or drugs for others').waitFor();
    const main = await b.page.locator('main').textContent();
    for (const mentioned of [
      'Dylan',
      'Marsh',
      '07700 900461',
      '07700 900462',
      'Sparkle Hand Car Wash',
      'https://www.instagram.com/Kyle.Cash.Ldn/',
      '5555 5555',
    ])
      expect(main).toContain(mentioned);
    await b.page.getByLabel('Source evaluation').selectOption('2');
    await b.page.getByLabel('Intelligence assessment').selectOption('B');
    await b.page.getByLabel('Handling code').selectOption('P');
    await b.page.getByLabel('Assign to').selectOption({ label: 'DC Rhys Evans' });
    await b.page.getByLabel('Mark as triaged').check();
    await b.page.getByRole('button', { name: 'Save' }).click();
    await b.page.getByText('Saved.').waitFor();
    expect(await b.page.locator('.govuk-summary-list').textContent()).toContain('Triaged');
    expect(await accessibilityProblems(b.page)).toEqual([]);
  });
});
