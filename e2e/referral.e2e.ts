import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../packages/web/src/i18n/en.json';
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
    // Part of a grade is refused, naming the part still to choose, and nothing is stored.
    await b.page.getByLabel('Source evaluation').selectOption('2');
    await b.page.getByLabel('Intelligence assessment').selectOption('B');
    await b.page.getByRole('button', { name: 'Save' }).click();
    await b.page.getByRole('link', { name: 'Choose the handling code too, or leave all three parts of the grade as not graded' }).click();
    expect(await b.page.evaluate(() => document.activeElement?.id)).toBe('gradeHandling');
    expect(await b.page.getByText('Saved.').count()).toBe(0);
    expect(await accessibilityProblems(b.page)).toEqual([]);
    await b.page.reload();
    await b.page.getByLabel('Source evaluation').waitFor();
    expect(await b.page.getByLabel('Source evaluation').inputValue()).toBe('');

    await b.page.getByLabel('Source evaluation').selectOption('2');
    await b.page.getByLabel('Intelligence assessment').selectOption('B');
    await b.page.getByLabel('Handling code').selectOption('P');
    await b.page.getByLabel('Assign to').selectOption({ label: 'DC Rhys Evans' });
    await b.page.getByLabel('Mark as triaged').check();
    await b.page.getByRole('button', { name: 'Save' }).click();
    await b.page.getByText('Saved.').waitFor();
    expect(await b.page.locator('.govuk-summary-list').textContent()).toContain('Triaged');
    await b.page.reload();
    await expect.poll(() => b.page.getByLabel('Handling code').inputValue()).toBe('P');
    expect(await accessibilityProblems(b.page)).toEqual([]);
  });
});

describe('the referral form guides from the first answer, asks about contradictions, and starts clean', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    await new SignInFlow(b.page, b.baseUrl).asRole('officer');
  });
  afterAll(async () => b?.close());

  const inView = async (locator: Locator, height: number) => {
    const box = await locator.boundingBox();
    return box !== null && box.y >= 0 && box.y + box.height <= height;
  };

  it('guides from the first answer, before any summary: at the foot of a phone, beside the form on a wide screen', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/referral?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Make a referral' }).waitFor();
    const bar = page.getByTestId('guidance-bar');
    await page.locator('#child-yes').check();
    await expect.poll(() => bar.innerText()).toContain('Safeguard the child now');
    expect(await page.locator('#summary').inputValue()).toBe('');
    expect(await inView(bar, 844)).toBe(true);
    // Still in view half way down the checklist.
    await page.locator('[id="indicator-ho.county_lines_phone"]').scrollIntoViewIfNeeded();
    await page.locator('[id="indicator-ho.county_lines_phone"]').check();
    expect(await inView(bar, 844)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await bar.isVisible()).toBe(false);
    const guidance = page.locator('section.app-guidance');
    await page.locator('#summary').scrollIntoViewIfNeeded();
    expect(await inView(guidance, 800)).toBe(true);
    const form = (await page.locator('main form').boundingBox())!;
    expect((await guidance.boundingBox())!.x).toBeGreaterThanOrEqual(form.x + form.width);
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('asks about an age of 17 with "under 18: no" instead of choosing one, and sends once it is settled', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/referral?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Make a referral' }).waitFor();
    await page.getByLabel('Age in years').fill('17');
    await page.locator('#child-no').check();
    const warning = page.getByTestId('age-contradictions');
    await warning.waitFor();
    expect(await warning.innerText()).toContain(en.referral.contradictions.age_under_18_but_not_child);
    // Meanwhile treated as a child.
    await expect.poll(() => page.getByTestId('guidance').innerText()).toContain('Safeguard the child now');
    await page.getByLabel('What did you see and what were you told?').fill('Girl of 17 at the nail bar on Commercial Street; says she owes the owner.');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByRole('alert').getByRole('link', { name: en.referral.contradictions.age_under_18_but_not_child }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('child-yes');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.locator('#child-yes').check();
    await expect.poll(() => warning.count()).toBe(0);

    // A date of birth typed day first, as written in the UK; one that is not a real date is named.
    await page.locator('#dob-day').fill('31');
    await page.locator('#dob-month').fill('4');
    await page.locator('#dob-year').fill('2008');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByRole('alert').getByRole('link', { name: en.referral.dobInvalid }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dob-day');
    // One that makes them years older than the age given is asked about.
    await page.locator('#dob-day').fill('1');
    await page.locator('#dob-year').fill('1990');
    await expect.poll(() => warning.innerText()).toMatch(/The date of birth makes them \d+, but the age given is different/);
    await page.locator('#dob-year').fill('');
    await page.locator('#dob-month').fill('');
    await page.locator('#dob-day').fill('');
    await expect.poll(() => warning.count()).toBe(0);
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByRole('heading', { level: 1, name: 'Referral sent' }).waitFor();
  });

  it('"Make another referral" starts clean: no answers, guidance or score from the last one', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Make another referral' }).click();
    await page.getByRole('heading', { level: 1, name: 'Make a referral' }).waitFor();
    for (const id of ['givenName', 'age', 'dob-day', 'dob-month', 'dob-year', 'summary']) expect(await page.locator(`#${id}`).inputValue(), id).toBe('');
    expect(await page.locator('#child-unknown').isChecked()).toBe(true);
    expect(await page.locator('main').innerText()).not.toContain('Safeguard the child now');
    // An adult who refuses consent: Duty to Notify, and nothing of the child before.
    await page.getByLabel('Age in years').fill('34');
    await page.locator('#child-no').check();
    await page.locator('#consentToNrm-no').check();
    await expect.poll(() => page.getByTestId('guidance').innerText()).toContain('Duty to Notify');
    expect(await page.locator('main').innerText()).not.toMatch(/Safeguard the child|child's consent/);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('on a slow signal, a saved draft that arrives after the officer has started again does not overwrite what they typed', async () => {
    const page = b.page;
    // The last test's answers are saved as a draft; hold its answer back until the officer has typed.
    await expect
      .poll(async () => (await page.evaluate(() => fetch('/api/referrals/drafts').then((r) => r.json() as Promise<{ drafts: unknown[] }>))).drafts.length)
      .toBeGreaterThan(0);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/referrals/drafts', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${b.baseUrl}/referral?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Make a referral' }).waitFor();
    await page.getByLabel('Given name').fill('Mirela');
    release();
    await page.waitForResponse('**/api/referrals/drafts');
    await page.waitForTimeout(300);
    expect(await page.getByLabel('Given name').inputValue()).toBe('Mirela');
    expect(await page.getByLabel('Age in years').inputValue()).toBe('');
    await page.unroute('**/api/referrals/drafts');
  });
});
