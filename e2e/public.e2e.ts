/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { HELPLINE_NUMBERS, phoneNumberProblems } from './support/layout';
import { SignInFlow } from './support/pages';

describe('public pages in Chromium', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => b?.close());

  for (const lang of ['en', 'cy'] as const) {
    for (const path of ['/', '/sign-in', '/no/such/page']) {
      it(`${path} in ${lang === 'en' ? 'English' : 'Welsh'} has no accessibility violations and shows the helplines`, async () => {
        await b.page.goto(`${b.baseUrl}${path}?lang=${lang}`);
        await b.page.getByRole('heading', { level: 1 }).waitFor();
        expect(await b.page.getAttribute('html', 'lang')).toBe(lang);
        // The helplines once a page: in the page, or else in the footer.
        const shown = await b.page.locator('body').innerText();
        for (const number of HELPLINE_NUMBERS) expect(shown).toContain(number);
        expect(await b.page.getByRole('heading', { name: lang === 'en' ? 'Get help now' : 'Cael help nawr' }).count()).toBe(1);
        expect(await phoneNumberProblems(b.page)).toEqual([]);
        expect(await accessibilityProblems(b.page)).toEqual([]);
      });
    }
  }

  it('switches language with the header link, and keeps it while browsing', async () => {
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    expect(await b.page.getByRole('heading', { level: 1 }).textContent()).toBe('Get help or tell us about modern slavery');
    await b.page.getByRole('button', { name: 'Newid yr iaith i Gymraeg' }).click();
    await b.page.getByRole('heading', { level: 1, name: 'Cael help neu ddweud wrthym am gaethwasiaeth fodern' }).waitFor();
    expect(await b.page.getAttribute('html', 'lang')).toBe('cy');
    await b.page.getByRole('link', { name: 'Mewngofnodi i Harbour' }).click();
    await b.page.getByRole('heading', { level: 1, name: 'Mewngofnodi i Harbour' }).waitFor();
    await b.page.getByRole('button', { name: 'Change the language to English' }).click();
    await b.page.getByRole('heading', { level: 1, name: 'Sign in to Harbour' }).waitFor();
  });

  it('shows a page-not-found page for an unknown address', async () => {
    await b.page.goto(`${b.baseUrl}/no-such-page?lang=en`);
    expect(await b.page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await b.page.title()).toBe('Page not found – Harbour');
  });

  it('explains a wrong password without losing the email address, accessibly', async () => {
    const flow = new SignInFlow(b.page, b.baseUrl);
    await b.page.goto(`${b.baseUrl}/sign-in?lang=en`);
    await flow.withPassword('nobody@gwent.police.example', 'not-the-password');
    const summary = b.page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('The email address or password is not right');
    expect(await b.page.getByLabel('Email address').inputValue()).toBe('nobody@gwent.police.example');
    await expect.poll(() => b.page.title()).toMatch(/^Error: /);
    expect(await accessibilityProblems(b.page)).toEqual([]);
  });

  it('names empty fields before sending anything', async () => {
    await b.page.goto(`${b.baseUrl}/sign-in?lang=cy`);
    await b.page.locator('form').getByRole('button').click();
    const summary = b.page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Rhowch eich cyfeiriad e-bost');
    expect(await summary.textContent()).toContain('Rhowch eich cyfrinair');
  });

  it('quick exit, by button or Escape, replaces the page with a neutral site', async () => {
    await b.context.route('https://www.bbc.co.uk/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>BBC Weather</title><h1>Weather</h1>' }),
    );
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    const before = await b.page.evaluate(() => window.history.length);
    await b.page.getByRole('button', { name: 'Leave this site quickly' }).click();
    await b.page.waitForURL('https://www.bbc.co.uk/weather');
    expect(await b.page.evaluate(() => window.history.length)).toBe(before);

    await b.page.goto(`${b.baseUrl}/sign-in?lang=en`);
    await b.page.getByRole('heading', { level: 1, name: 'Sign in to Harbour' }).waitFor();
    await b.page.keyboard.press('Escape');
    await b.page.waitForURL('https://www.bbc.co.uk/weather');
  });
});
