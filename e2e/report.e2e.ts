import { GWENT } from '@harbour/core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@harbour/server';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import i18next from 'i18next';
import ar from '../packages/web/src/i18n/ar.json';
import cy from '../packages/web/src/i18n/cy.json';
import en from '../packages/web/src/i18n/en.json';
import pl from '../packages/web/src/i18n/pl.json';
import ro from '../packages/web/src/i18n/ro.json';
import sq from '../packages/web/src/i18n/sq.json';
import vi from '../packages/web/src/i18n/vi.json';
import zh from '../packages/web/src/i18n/zh.json';
import { HELPLINE_NUMBERS, overflowWidth, phoneNumberProblems, uncountedTextBoxes } from './support/layout';
import { demoTotp, SignInFlow } from './support/pages';

const LANGUAGES = ['en', 'cy', 'pl', 'ro', 'sq', 'vi', 'ar', 'zh'] as const;
/**
 * What behaves alike in every language (what is kept on Back, a box's count) is tried in the two
 * languages of Wales and in the two scripts least like English: right to left, and Chinese.
 * Every language is walked, step by step, by the tests above them.
 */
const BEHAVIOUR_LANGUAGES = ['en', 'cy', 'ar', 'zh'] as const;
/** The form's words in two of its languages, to find the reporter's choices on the page as they read them. */
const WORDS = { en, ar } as const;

/** The web's own translations, to say what a reader of `lang` should see, counts and plurals included. */
async function translator(lang: (typeof LANGUAGES)[number]) {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { translation: { en, cy, pl, ro, sq, vi, ar, zh }[lang] } }, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n);
}

/** Text with numbers' group separators taken out: browsers differ from Node in how some languages group digits. */
function ungrouped(text: string | null): string {
  return (text ?? '').replace(/([\d\u0660-\u0669])[\s\u00a0\u202f,.\u066c'](?=[\d\u0660-\u0669])/g, '$1');
}

/** Types each answer into the text box of its id, in the order given. */
async function fillIn(page: Page, answers: Record<string, string>, ids: readonly string[]): Promise<void> {
  for (const id of ids) await page.locator(`[id="${id}"]`).fill(answers[id]!);
}

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
    problems.push(...(await uncountedTextBoxes(page, ['postcode'])).map((id) => `${where}: #${id} does not show its limit and count`));
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
  const opened = Date.now();
  const problems = await walk(page, baseUrl, lang, description);
  const check = async (where: string) => problems.push(...(await accessibilityProblems(page)).map((p) => `${where}: ${p}`));
  // The server refuses a form sent within seconds of opening it (machines are that quick); the
  // walk, checking every step, usually takes longer than that already.
  await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - opened)));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('form button[type=submit]').click();
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  const passphrase = (await page.getByTestId('passphrase').textContent())!.trim();
  // Copied down from a phone: a line may end between the passphrase's groups, never inside one.
  const brokenGroups = await page
    .getByTestId('passphrase')
    .locator('.app-secret__group')
    .evaluateAll((groups) => groups.filter((g) => g.getClientRects().length !== 1).map((g) => g.textContent));
  if (brokenGroups.length > 0) problems.push(`sent: passphrase groups broken across lines: ${brokenGroups.join(', ')}`);
  await check('sent');
  await page.setViewportSize({ width: 1200, height: 900 });
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
      // Helplines once a page; nothing a member of the public cannot act on (an administrator to
      // tell, documentation of the API).
      expect(await b.page.getByRole('heading', { name: await b.page.locator('#helplines-title').innerText() }).count()).toBe(1);
      expect(await b.page.locator('a[href^="/api/"]').count()).toBe(0);
      expect(await b.page.locator('body').innerText()).not.toMatch(/administrator|gweinyddwr|quản trị viên|مسؤول النظام|系统管理员|\bAPI\b/i);
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

  for (const lang of BEHAVIOUR_LANGUAGES) {
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

  for (const lang of BEHAVIOUR_LANGUAGES) {
    it(`on a phone in ${lang}, a text box says its limit and counts as the reporter types; too long is told as the limit`, async () => {
      const page = b.page;
      const say = await translator(lang);
      await page.setViewportSize({ width: 390, height: 844 });
      await openEmptyForm(page, b.baseUrl, lang);
      await page.locator('form button[type=submit]').click();
      const box = page.locator('#description');
      const count = page.locator('.govuk-character-count:has(#description) .govuk-character-count__status');
      const spoken = page.locator('.govuk-character-count:has(#description) .govuk-character-count__sr-status');
      expect(ungrouped(await page.locator('#description-info').textContent())).toBe(ungrouped(say('characterCount.limit', { count: 10_000 })));
      expect(ungrouped(await count.innerText())).toBe(ungrouped(say('characterCount.left', { count: 10_000 })));
      await box.fill('Ten men.');
      expect(ungrouped(await count.innerText())).toBe(ungrouped(say('characterCount.left', { count: 9_992 })));
      const tooLong = `${'They work all night. '.repeat(476)}Hello`;
      expect(tooLong.length).toBe(10_001);
      await box.fill(tooLong);
      expect(await count.innerText()).toBe(say('characterCount.over', { count: 1 }));
      expect(await count.getAttribute('class')).toContain('govuk-error-message');
      // A screen reader hears the count once typing stops.
      await expect.poll(() => spoken.textContent()).toBe(say('characterCount.over', { count: 1 }));

      await page.locator('form button[type=submit]').click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(ungrouped(await alert.innerText())).toContain(ungrouped(say('errors.field.tooLong', { limit: (10_000).toLocaleString(lang) })));
      expect(await alert.innerText()).not.toContain(say('report.errors.descriptionRequired'));
      // Nothing is cut: the reporter chooses what to take out.
      expect(await box.inputValue()).toBe(tooLong);
      expect(await overflowWidth(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);
      await box.fill(tooLong.slice(0, 10_000));
      await page.locator('form button[type=submit]').click();
      await page.locator('#postcode').waitFor();
      await page.setViewportSize({ width: 1200, height: 900 });
    });
  }

  for (const lang of ['en', 'ar'] as const) {
    it(`on a phone in ${lang}, the check step shows every answer given, each with a way back to change it`, async () => {
      const page = b.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await openEmptyForm(page, b.baseUrl, lang);
      await page.locator('#dangerNow-yes').check();
      await page.locator('#relation-someone_else').check();
      await page.locator('form button[type=submit]').click();
      const answers: Record<string, string> = {
        description: 'Four men sleep in the back of the car wash.\nThey are driven there at six.',
        when: 'Every night since March',
        town: 'Rogerstone',
        postcode: 'NP10 9AB',
        locationDescription: 'Behind the tyre shop',
        'person-0-name': 'Ardit',
        'person-0-nationality': 'Albanian',
        'person-0-description': 'Tall, a scar on his left hand',
        'phone-0': '07700 900123',
        vehicle: 'CU57 ABC',
        vehicleDescription: 'A white Transit van',
        business: 'Sparkle Hand Car Wash',
        businessAddress: '1 Tredegar Street',
        online: 'instagram.com/sparkle.wash',
      };
      const fill = (ids: string[]) => fillIn(page, answers, ids);
      await fill(['description', 'when']);
      await page.locator('[id="sign-ilo.retention_of_documents"]').check();
      await page.locator('#childInvolved-yes').check();
      await page.locator('form button[type=submit]').click();
      await page.locator('#localAuthority').selectOption('W06000022');
      await fill(['town', 'postcode', 'locationDescription']);
      await page.locator('form button[type=submit]').click();
      await fill([
        'person-0-name',
        'person-0-nationality',
        'person-0-description',
        'phone-0',
        'vehicle',
        'vehicleDescription',
        'business',
        'businessAddress',
        'online',
      ]);
      await page.locator('form button[type=submit]').click();

      const list = page.locator('.govuk-summary-list');
      await list.waitFor();
      const shown = await list.innerText();
      for (const [id, value] of Object.entries(answers)) for (const line of value.split('\n')) expect(shown, id).toContain(line);
      // The choices, in the reader's words: danger now, someone else, a child, the area, the sign.
      const words = WORDS[lang].report;
      // Area names come from the force's configuration (English names on every page but a Welsh one).
      const newport = GWENT.localAuthorities.find((l) => l.code === 'W06000022')!;
      for (const choice of [words.yes, words.steps.safety.someoneElse, newport.name, words.signs.ilo_retention_of_documents]) expect(shown).toContain(choice);
      expect(await list.locator('.govuk-summary-list__row').count()).toBe(15);
      expect(shown).not.toContain(words.notGiven);
      expect(await overflowWidth(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);

      // Change the place: back to its step with the answers in place, then on to check again.
      await list.locator('.govuk-summary-list__row').nth(7).getByRole('button').click();
      expect(await page.locator('#town').inputValue()).toBe('Rogerstone');
      await page.locator('#town').fill('Bettws');
      await page.locator('form button[type=submit]').click();
      await page.locator('form button[type=submit]').click();
      expect(await page.locator('.govuk-summary-list').innerText()).toContain('Bettws');
      await page.setViewportSize({ width: 1200, height: 900 });
    });
  }

  it('a report with every answer given is read back whole by the team, found by the reporter’s code', async () => {
    const page = b.page;
    await openEmptyForm(page, b.baseUrl, 'en');
    await page.locator('#dangerNow-yes').check();
    await page.locator('#relation-self').check();
    await page.locator('form button[type=submit]').click();
    const answers = {
      description: 'The boss keeps our passports. Nine of us sleep above the car wash and are driven there at six.',
      when: 'Every night since March',
      town: 'Rogerstone',
      postcode: 'NP10 9AB',
      locationDescription: 'The flat above the tyre shop, blue door at the back',
      'person-0-name': 'Dritan Hoxha',
      'person-0-nationality': 'Albanian',
      'person-0-description': 'Tall, shaved head, a scar on his left hand; drives the white van',
      'person-1-name': 'Ardit',
      'person-1-description': 'Nineteen, very thin, does not speak English',
      'phone-0': '07700 900123',
      vehicle: 'CU57 ABC',
      vehicleDescription: 'A white Transit van',
      business: 'Sparkle Hand Car Wash',
      businessAddress: '1 Tredegar Street',
      online: 'instagram.com/sparkle.wash',
    };
    const fill = (ids: (keyof typeof answers)[]) => fillIn(page, answers, ids);
    await fill(['description', 'when']);
    await page.locator('[id="sign-ilo.retention_of_documents"]').check();
    await page.locator('[id="sign-ho.lives_at_workplace"]').check();
    await page.locator('#childInvolved-yes').check();
    await page.locator('form button[type=submit]').click();
    await page.locator('#localAuthority').selectOption('W06000022');
    await fill(['town', 'postcode', 'locationDescription']);
    await page.locator('form button[type=submit]').click();
    await page.locator('#person-0-part-suspect').check();
    await fill(['person-0-name', 'person-0-nationality', 'person-0-description']);
    await page.getByRole('button', { name: en.report.steps.who.addPerson }).click();
    await page.locator('#person-1-part-potential_victim').check();
    await fill(['person-1-name', 'person-1-description', 'phone-0', 'vehicle', 'vehicleDescription', 'business', 'businessAddress', 'online']);
    await page.locator('form button[type=submit]').click();
    await page.locator('.govuk-summary-list').waitFor();
    await page.waitForTimeout(3000);
    await page.locator('form button[type=submit]').click();
    const code = (await page.getByTestId('reference').textContent())!.trim();

    await page.goto(`${b.baseUrl}/?lang=en`);
    await new SignInFlow(page, b.baseUrl).asRole('supervisor');
    await page.goto(`${b.baseUrl}/triage?lang=en`);
    // Read out over the phone: lower case, spaces instead of the hyphen.
    await page.getByLabel('Find by reference').fill(code.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /Report HBR-/ }).waitFor();
    const catalogue = await page.evaluate(
      async () => (await (await fetch('/api/referrals/catalogue')).json()) as { indicators: { id: string; label: { en: string } }[] },
    );
    const label = (id: string) => catalogue.indicators.find((i) => i.id === id)!.label.en;
    await page.getByText(label('ilo.retention_of_documents')).waitFor();
    const main = await page.locator('main').innerText();
    for (const [id, value] of Object.entries(answers)) expect(main, id).toContain(value);
    for (const shown of [
      label('ho.lives_at_workplace'),
      'Someone in danger now\tYes',
      'A child involved\tYes',
      'Happening to\tThe reporter',
      'Area\tNewport',
      'Written in\tEnglish (en)',
      `Reporter’s reference code\t${code}`,
      'Suspect: Dritan Hoxha',
      'Potential victim: Ardit',
    ])
      expect(main).toContain(shown);
    // Two people, as given: no empty row for "happening to me", and the boss is not a victim.
    expect(await page.locator('main li', { hasText: /^(Potential victim|Suspect|Witness|Part not known):/ }).count()).toBe(2);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
  });

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
    const secondFactor = async (attempt: number) =>
      api.post(`${b.baseUrl}/api/session/second-factor`, { data: { code: await demoTotp(attempt) }, headers: { 'x-csrf-token': signedIn.csrfToken } });
    let answer = await secondFactor(0);
    // Each code works once: another test may have just used this one.
    for (let attempt = 1; answer.status() === 400 && attempt < 3; attempt++) answer = await secondFactor(attempt);
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
    // What to enter, not just "check this": the server names the shape it wants.
    expect(await alert.textContent()).toContain(vi.errors.field.phone);
    expect(await alert.textContent()).not.toMatch(/Enter a phone number/);
    expect(await b.page.locator('#phone-0').inputValue()).toBe('gọi cho tôi');
    expect(await accessibilityProblems(b.page)).toEqual([]);
  });
});
