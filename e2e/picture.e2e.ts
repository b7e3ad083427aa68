import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { SignInFlow } from './support/pages';

/** Sends a referral through the API as the signed-in user, as the web app does (session cookie and CSRF token). */
async function refer(page: Page, body: unknown): Promise<string> {
  return page.evaluate(async (payload) => {
    const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
    const response = await fetch('/api/referrals', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify(payload),
    });
    if (!response.ok) throw new Error(`referral refused: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { reference: string }).reference;
  }, body);
}

/** The rows of an entity page's source records. */
function records(page: Page) {
  return page.locator('form[aria-labelledby="records-title"] tbody tr');
}

/** The names in the review table's name row, new record first. */
async function namesOnScreen(page: Page): Promise<string[]> {
  const row = page.locator('table.app-review tbody tr').first();
  return [await row.locator('td').nth(0).innerText(), await row.locator('td').nth(1).innerText()];
}

describe('an analyst clears a review pair; the entity page shows both sources', () => {
  let investigator: Browser;
  let analyst: Browser;
  const references: string[] = [];

  beforeAll(async () => {
    [investigator, analyst] = [await openBrowser(), await openBrowser()];
  });
  afterAll(async () => {
    await investigator?.close();
    await analyst?.close();
  });

  it('two referrals name the same woman, one with her date of birth and one without, each with another phone', async () => {
    await investigator.page.goto(`${investigator.baseUrl}/?lang=en`);
    await new SignInFlow(investigator.page, investigator.baseUrl).asRole('investigator');
    const base = { exploitationTypes: ['sexual'], location: { localAuthority: 'W06000021', town: 'Abergavenny' } };
    references.push(
      await refer(investigator.page, {
        ...base,
        victim: { givenName: 'Teuta', familyName: 'Berisha', dob: '1999-07-14', nationality: 'Albanian', phone: '07700 900123' },
        summary: 'Woman working at a massage parlour on Frogmore Street, driven there and collected each day.',
        online: [{ identifier: '@Teuta.Relax', platform: 'AdultWork', description: 'advert for massage' }],
      }),
    );
    references.push(
      await refer(investigator.page, {
        ...base,
        // Another phone: the same name in the same town alone would be enough to join them.
        victim: { givenName: 'Teuta', familyName: 'Berisha', phone: '07700 900456' },
        summary: 'A woman called Teuta seen with a man who held her passport, at the bus station.',
      }),
    );
  });

  it('the analyst finds the pair in the review queue, compares the records and accepts with the keyboard', async () => {
    const page = analyst.page;
    await page.goto(`${analyst.baseUrl}/?lang=en`);
    await new SignInFlow(page, analyst.baseUrl).asRole('analyst');
    // The picture takes new reports in the background within seconds; until then they are not in the queue.
    let found = false;
    for (let attempt = 0; attempt < 40 && !found; attempt++) {
      await page.goto(`${analyst.baseUrl}/review?lang=en`);
      await page.getByRole('heading', { level: 1, name: 'Review possible matches' }).waitFor();
      await page.getByText(/pairs? to review|There are no pairs to review/).waitFor();
      const open = Number(
        (
          await page
            .getByText(/pairs? to review\./)
            .textContent()
            .catch(() => '0')
        )?.match(/\d+/)?.[0] ?? 0,
      );
      // Other pairs (from the demo data) may come first: skip them with S until ours shows.
      for (let i = 0; i < open; i++) {
        if ((await namesOnScreen(page)).every((n) => n === 'Teuta Berisha')) {
          found = true;
          break;
        }
        const current = await page.locator('table.app-review').innerText();
        await page.keyboard.press('s');
        await expect.poll(() => page.locator('table.app-review').innerText()).not.toBe(current);
      }
      if (!found) await page.waitForTimeout(1000);
    }
    expect(found).toBe(true);
    for (const reference of references) expect(await page.locator('table.app-review thead').innerText()).toContain(reference);
    const dob = page.locator('table.app-review tbody tr', { hasText: 'Date of birth' });
    expect(await dob.innerText()).toMatch(/Not recorded[\s\S]*1999-07-14|1999-07-14[\s\S]*Not recorded/);
    expect(await page.locator('table.app-review tbody tr', { hasText: 'Name' }).first().innerText()).toContain('Agrees');
    expect(await accessibilityProblems(page)).toEqual([]);

    const before = await page
      .getByText(/pairs? to review\.|There are no pairs/)
      .first()
      .textContent();
    await page.keyboard.press('a');
    await expect
      .poll(() =>
        page
          .getByText(/pairs? to review\.|There are no pairs/)
          .first()
          .textContent(),
      )
      .not.toBe(before);
  });

  it('search now finds one Teuta Berisha, whose page lists both reports as sources', async () => {
    const page = analyst.page;
    await page.goto(`${analyst.baseUrl}/search?lang=en`);
    await page.getByLabel(/Search for a person/).fill('Teuta Berrisha');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const people = page.getByRole('region', { name: 'People' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'People' }) }));
    await people.getByRole('link', { name: 'Teuta Berisha' }).first().waitFor();
    expect(await people.getByRole('link', { name: 'Teuta Berisha' }).count()).toBe(1);
    // What tells her from any namesake, under her name: born, nationality, her part, where.
    await expect.poll(() => people.getByRole('row', { name: /Teuta Berisha/ }).innerText()).toMatch(/born 14 Jul 1999 · Albania · .*Monmouthshire/);
    expect(await accessibilityProblems(page)).toEqual([]);

    await people.getByRole('link', { name: 'Teuta Berisha' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teuta Berisha' }).waitFor();
    expect(await records(page).count()).toBe(2);
    const text = await records(page).allInnerTexts();
    for (const reference of references) expect(text.join('\n')).toContain(reference);
    expect(await page.getByRole('heading', { name: 'Merges and splits' }).count()).toBe(1);
    expect(await page.getByText(/Merged by .*\(1 record moved, from the review queue\)/).count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('she opens a source report and reads it whole, without the triage controls, then goes back', async () => {
    const page = analyst.page;
    await records(page).getByRole('link', { name: references[1]! }).click();
    await page.getByRole('heading', { level: 1, name: `Report ${references[1]}` }).waitFor();
    expect(await page.locator('main').textContent()).toContain('held her passport');
    expect(await page.getByRole('heading', { name: 'Intelligence grading (3x5x2)' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByLabel('Assign to').count()).toBe(0);
    // Each person it names leads to their page in the picture.
    expect(await page.locator('main').getByRole('link', { name: 'Teuta Berisha' }).getAttribute('href')).toMatch(/^\/entities\//);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teuta Berisha' }).waitFor();
  });

  it('on a phone, a word many reports use is counted, and all its reports are paged', async () => {
    const page = analyst.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${analyst.baseUrl}/search?lang=en`);
    await page.getByLabel(/Search for a person/).fill('documents');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const words = page.getByRole('region', { name: 'Words in reports' });
    const count = words.getByText(/^(More than )?\d+ found$/);
    await count.waitFor();
    const found = Number(/\d+/.exec((await count.textContent())!)![0]);
    // The demo's narratives speak of workers' documents kept from them in many more reports than a page shows.
    expect(found).toBeGreaterThan(25);
    expect(await words.getByRole('listitem').count()).toBe(10);
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    await words.getByRole('link', { name: /^See (all|more than) \d+ reports found$/ }).click();
    await page.getByRole('heading', { name: 'Words in reports matching “documents”' }).waitFor();
    const pages = Math.ceil(Math.min(found, 500) / 25);
    await page.getByText(`Page 1 of ${pages}`).waitFor();
    const firstPage = await page
      .getByRole('region', { name: /^Words in reports matching/ })
      .getByRole('listitem')
      .allInnerTexts();
    expect(firstPage).toHaveLength(25);
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.getByText(`Page 2 of ${pages}`).waitFor();
    const secondPage = await page
      .getByRole('region', { name: /^Words in reports matching/ })
      .getByRole('listitem')
      .allInnerTexts();
    expect(secondPage.some((r) => firstPage.includes(r))).toBe(false);
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'All results for “documents”' }).click();
    await words.getByText(/^(More than )?\d+ found$/).waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the advert she was sold through is found by its user name, and its page links to her', async () => {
    const page = analyst.page;
    await page.goto(`${analyst.baseUrl}/search?lang=cy`);
    await page.locator('#q').fill('teuta.relax');
    await page.locator('form[role="search"] button[type="submit"]').click();
    const adverts = page.getByRole('region', { name: 'Cyfrifon a hysbysebion ar-lein' });
    await adverts.getByRole('link', { name: 'AdultWork teuta.relax' }).click();
    await page.getByRole('heading', { level: 1, name: 'AdultWork teuta.relax' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Cyfrif neu hysbyseb ar-lein');
    expect(await page.getByRole('link', { name: 'Teuta Berisha' }).count()).toBeGreaterThan(0);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
