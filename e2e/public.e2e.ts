/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { HELPLINE_NUMBERS, overflowWidth, phoneNumberProblems } from './support/layout';
import { SignInFlow } from './support/pages';
import en from '../packages/web/src/i18n/en.json';
import cy from '../packages/web/src/i18n/cy.json';
import pl from '../packages/web/src/i18n/pl.json';
import ro from '../packages/web/src/i18n/ro.json';
import sq from '../packages/web/src/i18n/sq.json';
import vi from '../packages/web/src/i18n/vi.json';
import ar from '../packages/web/src/i18n/ar.json';
import zh from '../packages/web/src/i18n/zh.json';
import { REPORT_LANGUAGES } from '../packages/web/src/pages/report/report-languages';

const WORDS = { en, cy, pl, ro, sq, vi, ar, zh } as const;

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

  for (const { code: lang } of REPORT_LANGUAGES) {
    it(`on a phone, the home page and page-not-found in ${lang} are in that language, fit the screen, and offer every language`, async () => {
      const words = WORDS[lang];
      await b.page.setViewportSize({ width: 390, height: 844 });
      await b.page.goto(`${b.baseUrl}/?lang=${lang}`);
      await b.page.getByRole('heading', { level: 1, name: words.publicHome.title }).waitFor();
      expect(await b.page.title()).toBe(`${words.publicHome.title} – Harbour`);
      const text = await b.page.locator('body').innerText();
      for (const shown of [
        words.publicHome.lead,
        words.publicHome.reportLink,
        words.publicHome.followUpLink,
        words.publicHome.staffLink,
        ...words.publicHome.signs,
      ]) {
        expect(text).toContain(shown);
      }
      if (lang !== 'en') expect(text).not.toContain(en.publicHome.lead);
      // Each language named in itself, marked as that language, the current one not a button.
      const picker = b.page.getByRole('navigation', { name: words.report.chooseLanguage });
      for (const other of REPORT_LANGUAGES) {
        const name = picker.getByText(other.name, { exact: true });
        expect(await name.getAttribute('lang'), other.code).toBe(other.code);
        expect(await name.evaluate((e) => e.tagName), other.code).toBe(other.code === lang ? 'SPAN' : 'BUTTON');
      }
      expect(await overflowWidth(b.page)).toBe(0);
      expect(await phoneNumberProblems(b.page)).toEqual([]);
      expect(await accessibilityProblems(b.page)).toEqual([]);

      await b.page.goto(`${b.baseUrl}/no/such/page?lang=${lang}`);
      await b.page.getByRole('heading', { level: 1, name: words.notFound.title }).waitFor();
      expect(await b.page.title()).toBe(`${words.notFound.title} – Harbour`);
      expect(await b.page.getByRole('link', { name: words.notFound.home }).count()).toBe(1);
      expect(await overflowWidth(b.page)).toBe(0);
      expect(await accessibilityProblems(b.page)).toEqual([]);
      await b.page.setViewportSize({ width: 1200, height: 900 });
    });
  }

  it("the home page's language picker switches the whole page, right to left for Arabic", async () => {
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    await b.page.getByRole('button', { name: 'العربية' }).click();
    await b.page.getByRole('heading', { level: 1, name: ar.publicHome.title }).waitFor();
    expect(await b.page.getAttribute('html', 'dir')).toBe('rtl');
    await b.page.getByRole('button', { name: '简体中文' }).click();
    await b.page.getByRole('heading', { level: 1, name: zh.publicHome.title }).waitFor();
    expect(await b.page.getAttribute('html', 'lang')).toBe('zh');
    expect(await b.page.getAttribute('html', 'dir')).toBe('ltr');
    // Kept on the way to the form.
    await b.page.getByRole('link', { name: zh.publicHome.reportLink }).click();
    await b.page.getByRole('heading', { level: 1, name: zh.report.steps.safety.title }).waitFor();
  });

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
