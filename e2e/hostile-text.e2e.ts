import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { SignInFlow } from './support/pages';

describe('text that hides or reorders itself is shown for what it is', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    await new SignInFlow(b.page, b.baseUrl).asRole('supervisor');
  });
  afterAll(async () => b?.close());

  it('a right-to-left override in a referral reads as a visible code on the report page, not as "png.exe"', async () => {
    const page = b.page;
    const reference = await page.evaluate(async () => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/referrals', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ summary: 'Advert attached as invoice\u202Egnp.exe by the agent', victim: { givenName: 'Ro\u2066sa\u2069' } }),
      });
      return ((await response.json()) as { reference: string }).reference;
    });
    await page.goto(`${b.baseUrl}/triage?lang=en&reference=${reference}`);
    await page.locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Report ${reference}` }).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('invoice[U+202E]gnp.exe');
    expect(main).toContain('Ro[U+2066]sa[U+2069]');
    expect(main).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
