import { currentTotp, DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '@harbour/server';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { HELPLINE_NUMBERS, overflowWidth, phoneNumberProblems } from './support/layout';
import { waitForNextTotpPeriod } from './support/pages';

const LANGUAGES = ['en', 'cy', 'pl', 'ro', 'sq', 'vi', 'ar', 'zh'] as const;

/** The form as a new reporter finds it: nothing kept from an earlier visit in this tab. */
async function openEmptyForm(page: Page, baseUrl: string, lang: string): Promise<void> {
  await page.goto(`${baseUrl}/report?lang=${lang}`);
  await page.evaluate(() => window.sessionStorage.clear());
  await page.reload();
  await page.locator('h1').waitFor();
}

/**
 * Walks the public form as a reporter would, up to the check step, checking each step for
 * accessibility, for a page wider than the window, and for phone numbers not laid out as numbers.
 */
async function walk(page: Page, baseUrl: string, lang: string, description: string): Promise<string[]> {
  const problems: string[] = [];
  const check = async (where: string) => {
    const wider = await overflowWidth(page);
    if (wider > 0) problems.push(`${where}: the page is ${wider} px wider than the window`);
    problems.push(...[...(await accessibilityProblems(page)), ...(await phoneNumberProblems(page))].map((p) => `${where}: ${p}`));
  };
  await openEmptyForm(page, baseUrl, lang);
  await check('safety');
  await page.locator('#dangerNow-no').check();
  await page.locator('#relation-someone_else').check();
  await page.locator('form button[type=submit]').click();
  await page.locator('#description').waitFor();
  await page.locator('#description').fill(description);
  await page.locator('[id="sign-ho.lives_at_workplace"]').check();
  await check('what');
  await page.locator('form button[type=submit]').click();
  await page.locator('#postcode').fill('NP20 1AB');
  await check('where');
  await page.locator('form button[type=submit]').click();
  await page.locator('#person-0-name').fill('Ardit');
  await page.locator('#phone-0').fill('07700 900123');
  await check('who');
  await page.locator('form button[type=submit]').click();
  await page.locator('.govuk-summary-list').waitFor();
  await check('check');
  return problems;
}

/** Walks the public form and sends it. */
async function report(page: Page, baseUrl: string, lang: string, description: string): Promise<{ reference: string; passphrase: string; problems: string[] }> {
  const problems = await walk(page, baseUrl, lang, description);
  const check = async (where: string) => problems.push(...(await accessibilityProblems(page)).map((p) => `${where}: ${p}`));
  // The server refuses a form sent within seconds of opening it (machines are that quick).
  await page.waitForTimeout(3000);
  await page.locator('form button[type=submit]').click();
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  const passphrase = (await page.getByTestId('passphrase').textContent())!.trim();
  await check('sent');
  return { reference, passphrase, problems };
}

describe('the public reporting portal in Chromium', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => b?.close());

  for (const lang of LANGUAGES) {
    it(`the first step in ${lang} is accessible, in its language and direction, with quick exit and helplines`, async () => {
      await b.page.goto(`${b.baseUrl}/report?lang=${lang}`);
      await b.page.locator('h1').waitFor();
      expect(await b.page.getAttribute('html', 'lang')).toBe(lang);
      expect(await b.page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await b.page.locator('.app-quick-exit button').count()).toBe(1);
      const text = await b.page.locator('main').textContent();
      for (const number of HELPLINE_NUMBERS) expect(text).toContain(number);
      // Each a link that rings it, read left to right even in Arabic, never broken across lines.
      expect(await phoneNumberProblems(b.page)).toEqual([]);
      // The header, banner and footer around the form are in the reporter's language too.
      if (lang !== 'en') expect(await b.page.locator('body').textContent()).not.toMatch(/This is a new service|We do not use cookies|Sign in/);
      expect(await accessibilityProblems(b.page)).toEqual([]);
    });

    it(`on a phone, every step of the form and the follow-up page in ${lang} fit the screen, have no accessibility problems, and Send can be tapped`, async () => {
      await b.page.setViewportSize({ width: 390, height: 844 });
      expect(await walk(b.page, b.baseUrl, lang, 'A description of what is happening.')).toEqual([]);
      // Visible, still, and not covered: a tap would reach it.
      await b.page.locator('form button[type=submit]').click({ trial: true });
      await b.page.goto(`${b.baseUrl}/report/follow-up?lang=${lang}`);
      await b.page.locator('#reference').waitFor();
      expect(await accessibilityProblems(b.page)).toEqual([]);
      // With its error summary showing, too.
      await b.page.locator('form button[type=submit]').click();
      await b.page.getByRole('alert').waitFor();
      expect(await accessibilityProblems(b.page)).toEqual([]);
      expect(await overflowWidth(b.page)).toBe(0);
      await b.page.setViewportSize({ width: 1200, height: 900 });
    });
  }

  for (const lang of LANGUAGES) {
    it(`on a phone in ${lang}, nothing written is lost by Back, a reload or Escape in a text box; quick exit takes it all away`, async () => {
      const page = b.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await b.context.route('https://www.bbc.co.uk/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>BBC Weather</title>' }),
      );
      await openEmptyForm(page, b.baseUrl, lang);
      const step = async () => (await page.locator('.govuk-caption-l').textContent())!.match(/\d/)![0];
      await page.locator('#dangerNow-yes').check();
      await page.locator('#relation-self').check();
      await page.locator('form button[type=submit]').click();
      await page.locator('#description').fill('He keeps our passports; we sleep at the car wash.');
      // Escape in a text box closes a keyboard or a suggestion: it does not leave.
      await page.locator('#description').press('Escape');
      await page.locator('form button[type=submit]').click();
      await page.locator('#postcode').fill('NP20 1AB');
      await page.locator('form button[type=submit]').click();
      await page.locator('#person-0-name').fill('Ardit');
      expect(await step()).toBe('4');

      // The browser's Back goes back one step of the form, with every answer in place.
      await page.goBack();
      await page.locator('#postcode').waitFor();
      expect(await page.locator('#postcode').inputValue()).toBe('NP20 1AB');
      await page.goBack();
      expect(await page.locator('#description').inputValue()).toBe('He keeps our passports; we sleep at the car wash.');
      // A reload keeps the step and the answers; so does coming back to the form, as the 999 warning promises.
      await page.reload();
      await page.locator('#description').waitFor();
      expect(await page.locator('#description').inputValue()).toBe('He keeps our passports; we sleep at the car wash.');
      await page.goForward();
      await page.goForward();
      expect(await page.locator('#person-0-name').inputValue()).toBe('Ardit');
      await page.goto(`${b.baseUrl}/?lang=${lang}`);
      await page.goto(`${b.baseUrl}/report?lang=${lang}`);
      expect(await page.locator('#dangerNow-yes').isChecked()).toBe(true);
      expect(await page.locator('#relation-self').isChecked()).toBe(true);
      expect(await overflowWidth(page)).toBe(0);

      // Escape outside a text box leaves, and takes the draft with it.
      await page.locator('h1').click();
      await page.keyboard.press('Escape');
      await page.waitForURL('https://www.bbc.co.uk/**');
      await page.goto(`${b.baseUrl}/report?lang=${lang}`);
      await page.locator('h1').waitFor();
      expect(await page.locator('#dangerNow-yes').isChecked()).toBe(false);
      await page.locator('form button[type=submit]').click();
      expect(await page.locator('#description').inputValue()).toBe('');
      await page.setViewportSize({ width: 1200, height: 900 });
    });
  }

  it('a report in Welsh and one in Polish each return a code; the reporter comes back and answers the team', async () => {
    const welsh = await report(b.page, b.baseUrl, 'cy', "Mae dynion yn byw yn y golchfa geir ac yn gweithio drwy'r dydd.");
    expect(welsh.problems).toEqual([]);
    expect(welsh.reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await b.page.locator('h1').textContent()).toContain('Diolch');
    // A photo of the advert, with camera details that must not survive.
    const photo = join(mkdtempSync(join(tmpdir(), 'harbour-photo-')), 'advert.jpg');
    writeFileSync(
      photo,
      await sharp({ create: { width: 80, height: 60, channels: 3, background: '#36c' } })
        .jpeg()
        .withMetadata({ exif: { IFD0: { Artist: 'Reporter' } } })
        .toBuffer(),
    );
    await b.page.locator('#photo').setInputFiles(photo);
    await b.page.getByRole('button', { name: 'Ychwanegu llun', exact: true }).click();
    await b.page.getByRole('status').getByText('Llun wedi').waitFor();

    const polish = await report(b.page, b.baseUrl, 'pl', 'Mężczyźni mieszkają w myjni samochodowej i pracują cały dzień.');
    expect(polish.problems).toEqual([]);
    expect(polish.reference).not.toBe(welsh.reference);
    expect(await b.page.locator('h1').textContent()).toContain('Dziękujemy');

    // The supervisor finds the Welsh report in the triage queue and asks a question.
    const api = b.context.request;
    const supervisor = DEMO_ACCOUNTS.find((a) => a.role === 'supervisor')!;
    const signedIn = await (await api.post(`${b.baseUrl}/api/session`, { data: { email: supervisor.email, password: DEMO_PASSWORD } })).json();
    const secondFactor = () =>
      api.post(`${b.baseUrl}/api/session/second-factor`, { data: { code: currentTotp(DEMO_TOTP_SECRET) }, headers: { 'x-csrf-token': signedIn.csrfToken } });
    let answer = await secondFactor();
    if (answer.status() === 400) {
      // Each code works once: another test may have just used this one. Wait for the next.
      await waitForNextTotpPeriod();
      answer = await secondFactor();
    }
    const session = await answer.json();
    expect(session.stage).toBe('complete');
    const queue = (await (await api.get(`${b.baseUrl}/api/triage?source=public`)).json()) as { items: { id: string; language: string }[] };
    const welshItem = queue.items.find((i) => i.language === 'cy')!;
    expect(welshItem).toBeDefined();
    const asked = await api.post(`${b.baseUrl}/api/reports/${welshItem.id}/messages`, {
      data: { body: 'Diolch. Ydych chi’n ddiogel i siarad?' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(asked.status()).toBe(201);
    await api.delete(`${b.baseUrl}/api/session`, { headers: { 'x-csrf-token': session.csrfToken } });

    // The reporter comes back with nothing but the code and passphrase, and answers.
    await b.page.goto(`${b.baseUrl}/report/follow-up?lang=cy`);
    await b.page.locator('#reference').fill(welsh.reference.toLowerCase());
    await b.page.locator('#passphrase').fill(welsh.passphrase);
    await b.page.locator('form button[type=submit]').click();
    await b.page.getByText('Ydych chi’n ddiogel i siarad?').waitFor();
    expect(await accessibilityProblems(b.page)).toEqual([]);
    await b.page.locator('#reply').fill('Ydw. Mae’r golchfa ar Heol y Gorfforaeth.');
    await b.page.locator('form button[type=submit]').click();
    await b.page.getByRole('status').waitFor();
    expect(await b.page.locator('.app-thread__message').count()).toBe(2);
    expect(await accessibilityProblems(b.page)).toEqual([]);
  });

  it('a wrong passphrase is refused with a clear message in the reporter’s language', async () => {
    await b.page.goto(`${b.baseUrl}/report/follow-up?lang=pl`);
    await b.page.locator('#reference').fill('ABCD-EFGH');
    await b.page.locator('#passphrase').fill('WXYZ-WXYZ-WXYZ-WXYZ');
    await b.page.locator('form button[type=submit]').click();
    const alert = b.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Kod referencyjny lub hasło są nieprawidłowe');
  });

  it('asks for a description before moving on, in the reporter’s language', async () => {
    await openEmptyForm(b.page, b.baseUrl, 'ro');
    await b.page.locator('form button[type=submit]').click();
    await b.page.locator('#description').waitFor();
    await b.page.locator('form button[type=submit]').click();
    const alert = b.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Spuneți-ne ce se întâmplă');
  });

  it('a field the server refuses is explained in the reporter’s language, and nothing they wrote is lost', async () => {
    await openEmptyForm(b.page, b.baseUrl, 'vi');
    await b.page.locator('form button[type=submit]').click();
    await b.page.locator('#description').fill('Có nhiều người sống trong tiệm làm móng.');
    await b.page.locator('form button[type=submit]').click();
    await b.page.locator('#postcode').waitFor();
    await b.page.locator('form button[type=submit]').click();
    await b.page.locator('#phone-0').fill('gọi cho tôi');
    await b.page.locator('form button[type=submit]').click();
    await b.page.locator('.govuk-summary-list').waitFor();
    await b.page.waitForTimeout(3000);
    await b.page.locator('form button[type=submit]').click();
    const alert = b.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Hãy kiểm tra những gì bạn đã nhập ở đây và thử lại');
    expect(await alert.textContent()).not.toMatch(/Enter a phone number/);
    expect(await b.page.locator('#phone-0').inputValue()).toBe('gọi cho tôi');
    expect(await accessibilityProblems(b.page)).toEqual([]);
  });
});
