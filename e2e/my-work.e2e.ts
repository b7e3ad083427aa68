import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { SignInFlow } from './support/pages';

interface Listed {
  reference: string;
  overdue: boolean;
  text: string;
}

/** What "My work" lists, top to bottom, as the page shows it. */
async function myWork(page: Page): Promise<Listed[]> {
  const items = page.getByTestId('my-work').locator(':scope > li');
  await items.first().waitFor();
  return items.evaluateAll((lis: HTMLElement[]) =>
    lis.map((li) => ({
      reference: (li.querySelector('a')?.textContent ?? '').trim(),
      overdue: li.classList.contains('app-work-list__item--overdue') && !!li.querySelector('.govuk-tag--red'),
      text: li.innerText,
    })),
  );
}

/** True when no report that is not overdue is listed above one that is. */
const overdueFirst = (listed: Listed[]) =>
  listed.findIndex((l) => !l.overdue) === -1 || listed.slice(listed.findIndex((l) => !l.overdue)).every((l) => !l.overdue);

describe("each team member's home lists the reports assigned to them, overdue first", () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    await new SignInFlow(b.page, b.baseUrl).asRole('investigator');
  });
  afterAll(async () => b?.close());

  it('the DC, on a phone, finds the overdue first, counted and marked', async () => {
    const page = b.page;
    await page.getByRole('heading', { level: 2, name: 'My work' }).waitFor();
    const listed = await myWork(page);
    // The demo gives the DC the oldest report still awaiting triage: a week old or more, overdue in any band.
    const overdue = listed.filter((l) => l.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdueFirst(listed)).toBe(true);
    expect(overdue.every((l) => l.text.includes('Triage was due by'))).toBe(true);
    expect(await page.locator('.govuk-warning-text').innerText()).toContain(
      overdue.length === 1 ? '1 report is overdue for triage' : `${overdue.length} reports are overdue for triage`,
    );
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('a report the DC takes is listed with when its triage is due, and as in hand once triaged', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/referral?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Make a referral' }).waitFor();
    await page.locator('#child-yes').check();
    await page.getByLabel('What did you see and what were you told?').fill('Boy of about 14 selling at the back of the bus station in Pontypool.');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByRole('heading', { level: 1, name: 'Referral sent' }).waitFor();
    const reference = /HBR-\d{4}-\d{7,}/.exec(await page.locator('.govuk-panel__body').innerText())![0];

    // The DC takes it from the queue.
    await page.goto(`${b.baseUrl}/triage?lang=en`);
    await page.getByLabel('Find by reference').fill(reference);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Report ${reference}` }).waitFor();
    await page.getByLabel('Assign to').selectOption({ label: 'DC Rhys Evans' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    await page.goto(`${b.baseUrl}/home?lang=en`);
    let listed = await myWork(page);
    const taken = listed.findIndex((l) => l.reference === reference);
    expect(taken).toBeGreaterThan(-1);
    // A child: high priority, due within the day, so not overdue; listed below every overdue report.
    expect(listed[taken]).toMatchObject({ overdue: false });
    expect(listed[taken]!.text).toMatch(/\bhigh Child\b/);
    expect(listed[taken]!.text).toContain('Triage due by');
    expect(listed[taken]!.text).toContain('Boy of about 14 selling');
    expect(overdueFirst(listed)).toBe(true);

    // Triaged, it stays in the DC's work, below everything still awaiting triage.
    await page.getByRole('link', { name: reference }).click();
    await page.getByLabel('Mark as triaged').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.goto(`${b.baseUrl}/home?lang=en`);
    listed = await myWork(page);
    const inHand = listed.findIndex((l) => l.reference === reference);
    expect(listed[inHand]!.text).toContain('Triaged: in hand');
    expect(listed.slice(0, inHand).every((l) => !l.text.includes('Triaged: in hand'))).toBe(true);
    expect(overdueFirst(listed)).toBe(true);
  });

  it('reads the same in Welsh, at desk width, and stays accessible', async () => {
    const page = b.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${b.baseUrl}/home?lang=cy`);
    await page.getByRole('heading', { level: 2, name: 'Fy ngwaith' }).waitFor();
    const listed = await myWork(page);
    expect(listed.filter((l) => l.overdue).every((l) => l.text.includes('Hwyr'))).toBe(true);
    expect(await page.locator('.govuk-warning-text').innerText()).toMatch(/adroddiad yn hwyr i'w brysbennu/);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
