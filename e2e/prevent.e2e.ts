import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { signedInBrowser } from './support/pages';

const CAMPAIGN = 'Nail bars, winter 2026';
const CODE = 'nail-bars-winter-2026';
const folder = mkdtempSync(join(tmpdir(), 'harbour-prevent-e2e-'));

async function pageIsSound(page: Page): Promise<void> {
  expect(await overflowWidth(page)).toBe(0);
  expect(await accessibilityProblems(page)).toEqual([]);
}

/** The QR code on a downloaded PDF's page, read from a picture of it as a phone's camera would. */
async function scanned(pdf: string): Promise<string | undefined> {
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf, pdf]);
  const { data, info } = await sharp(`${pdf}.png`).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
}

describe('awareness work on a phone: a campaign, a leaflet whose QR code brings a report, an event', () => {
  let b: Browser;
  let scanAddress: string;
  beforeAll(async () => {
    b = await signedInBrowser('officer', { phone: true });
  });
  afterAll(async () => {
    await b?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('the officer starts a campaign and makes an Arabic leaflet for nail bars, which leads to the Arabic form', async () => {
    const page = b.page;
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Awareness' }).click();
    await page.getByRole('heading', { level: 1, name: 'Awareness' }).waitFor();
    await pageIsSound(page);
    await page.getByLabel('Campaign name').fill(CAMPAIGN);
    await page.getByRole('button', { name: 'Start campaign' }).click();
    await page.getByText(`Campaign started: ${CAMPAIGN} (code ${CODE}).`).waitFor();

    await page.getByLabel('Campaign', { exact: true }).selectOption(CODE);
    await page.getByLabel('Where it is for').selectOption({ label: 'Nail bar' });
    await page.getByLabel('Language').selectOption('ar');
    await page.getByLabel('Size').selectOption({ label: 'Leaflet (A5)' });
    await page.getByRole('button', { name: 'Make it' }).click();
    await page.getByText('Made and added to the library: Leaflet (A5), Nail bar, العربية.').waitFor();
    await pageIsSound(page);

    const link = page.getByRole('link', { name: 'Download Leaflet (A5), Nail bar, العربية as a PDF' }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${CODE}-leaflet-nail-bar-ar.pdf`);
    const pdf = join(folder, 'leaflet.pdf');
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'])
      .toString()
      .replace(/[\u00a0\s]+/g, ' ');
    for (const number of ['999', '101', '0800 555 111', '08000 121 700', `${b.baseUrl}/report?lang=ar`]) expect(text).toContain(number);
    scanAddress = (await scanned(pdf))!;
    expect(scanAddress).toBe(`${b.baseUrl}/report?lang=ar&c=${CODE}`);
  });

  it('a reporter who scans it writes in Arabic, and the campaign counts the report without knowing who sent it', async () => {
    const reporter = await openBrowser();
    try {
      const page = reporter.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(scanAddress);
      await page.locator('html[dir="rtl"][lang="ar"]').waitFor();
      await page.locator('#dangerNow-no').waitFor();
      // The form is refused if sent within seconds of opening it (machines are that quick).
      const opened = Date.now();
      await page.locator('#dangerNow-no').check();
      await page.locator('#relation-someone_else').check();
      await page.locator('form button[type=submit]').click();
      await page.locator('#description').fill('تعمل نساء في صالون الأظافر طوال اليوم ولا يُسمح لهن بالخروج');
      for (const next of ['#postcode', '#person-0-name', '.govuk-summary-list']) {
        await page.locator('form button[type=submit]').click();
        await page.locator(next).waitFor();
      }
      await page.waitForTimeout(Math.max(0, 4000 - (Date.now() - opened)));
      await page.locator('form button[type=submit]').click();
      await page.getByTestId('reference').waitFor();
    } finally {
      await reporter.close();
    }
    const page = b.page;
    await page.reload();
    const row = page.locator(`tr[data-campaign="${CODE}"]`);
    await expect.poll(async () => (await row.locator('td').allInnerTexts()).map((s) => s.trim())).toEqual([CODE, '1', '0', '1']);
  });

  it('a customer of a car wash ticks what they saw on its self-check page, in Polish, on a phone', async () => {
    const customer = await openBrowser();
    try {
      const page = customer.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${customer.baseUrl}/check/car-wash?lang=pl&c=${CODE}`);
      await page.getByRole('heading', { level: 1, name: 'Czy zauważyłeś coś z poniższych?' }).waitFor();
      const opened = Date.now();
      await pageIsSound(page);
      // Sent with nothing ticked or written: asked, in Polish, for either.
      await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
      await page.locator('.govuk-error-summary').getByText('Zaznacz, co zauważyłeś, albo opisz to własnymi słowami').waitFor();
      await pageIsSound(page);
      await page.getByLabel('Mieszkają tam, gdzie pracują').check();
      await page.getByLabel('Ktoś wozi ich do pracy i z pracy').check();
      await page.waitForTimeout(Math.max(0, 4000 - (Date.now() - opened)));
      await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
      await page.getByTestId('reference').waitFor();
      await pageIsSound(page);
    } finally {
      await customer.close();
    }
    const page = b.page;
    await page.reload();
    const row = page.locator(`tr[data-campaign="${CODE}"]`);
    await expect.poll(async () => (await row.locator('td').allInnerTexts()).map((s) => s.trim())).toEqual([CODE, '1', '0', '2']);
  });

  it('records an event held today, placed on the map, and lists it with the reports around it', async () => {
    const page = b.page;
    await page.getByRole('link', { name: 'Awareness events' }).click();
    await page.getByRole('heading', { level: 1, name: 'Awareness events' }).waitFor();
    await page.getByRole('link', { name: 'Record an event' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record an awareness event' }).waitFor();
    await pageIsSound(page);

    // Sent empty first: each problem is named, and nothing is lost when it is put right.
    await page.getByRole('button', { name: 'Record event' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await pageIsSound(page);

    // Today in the UK is never before today in UTC, so the event is never "not held yet".
    const [year, month, day] = new Date().toISOString().slice(0, 10).split('-');
    const held = page.getByRole('group', { name: /When was it held/ });
    await held.getByLabel('Day').fill(String(Number(day)));
    await held.getByLabel('Month').fill(String(Number(month)));
    await held.getByLabel('Year').fill(year!);
    await page.getByLabel('What was it?').fill('Visits to nail bars on Commercial Street');
    await page.getByLabel('Where was it?').fill('Commercial Street, Newport');
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Newport' });
    const map = page.locator('.app-map--picker');
    await map.waitFor();
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await page.getByText(/^Placed at 5\d\.\d+, -\d\.\d+\.$/).waitFor();
    await page.getByLabel('Nail bars').check();
    await page.getByLabel('The public').check();
    await page.getByLabel('Partners present (optional)').fill('GLAA\nNewport City Council');
    await page.getByLabel('How many people were there?').fill('17');
    await page.getByLabel('How many posters and leaflets were handed out?').fill('40');
    await page.getByLabel('Campaign (optional)').selectOption(CODE);
    await page.getByRole('button', { name: 'Record event' }).click();

    await page.getByText('Event recorded: Visits to nail bars on Commercial Street.').waitFor();
    const row = page.locator('tr[data-event="Visits to nail bars on Commercial Street"]');
    await expect.poll(() => row.innerText()).toContain('Commercial Street, Newport, Newport');
    expect(await row.innerText()).toContain('Nail bars, The public');
    // Four weeks from today have not passed: the reports after it are counted so far.
    expect(await row.locator('td').last().innerText()).toMatch(/so far$/);
    await pageIsSound(page);
  });
});

describe('awareness in Welsh, and beside the reports on the analyst’s map', () => {
  it('the DS reads the awareness pages in Welsh, a refused event named in Welsh', async () => {
    const b = await signedInBrowser('supervisor', { lang: 'cy', phone: true });
    try {
      const page = b.page;
      await page.goto(`${b.baseUrl}/prevent?lang=cy`);
      await page.getByRole('heading', { level: 1, name: 'Codi ymwybyddiaeth' }).waitFor();
      await page.locator(`tr[data-campaign="${CODE}"]`).waitFor();
      await pageIsSound(page);
      await page.getByRole('link', { name: 'Digwyddiadau codi ymwybyddiaeth' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Digwyddiadau codi ymwybyddiaeth' }).waitFor();
      await page.locator('tr[data-event="Visits to nail bars on Commercial Street"]').waitFor();
      await pageIsSound(page);
      await page.getByRole('link', { name: 'Cofnodi digwyddiad' }).click();
      await page.getByRole('button', { name: 'Cofnodi digwyddiad' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await pageIsSound(page);
    } finally {
      await b.close();
    }
  });

  it('the self-check pages read in English and Welsh on a phone, without accessibility problems', async () => {
    const visitor = await openBrowser();
    try {
      const page = visitor.page;
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [lang, heading] of [
        ['en', 'Did you notice any of these?'],
        ['cy', "Wnaethoch chi sylwi ar unrhyw un o'r rhain?"],
      ] as const) {
        await page.goto(`${visitor.baseUrl}/check/nail-bar?lang=${lang}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        // A customer who may be watched can leave at once.
        await page.getByRole('button', { name: /Leave this site quickly|Gadael y wefan hon yn gyflym/ }).waitFor();
        await pageIsSound(page);
      }
      await page.goto(`${visitor.baseUrl}/check/no-such-place?lang=en`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    } finally {
      await visitor.close();
    }
  });

  it('the analyst sees the event on the map of reports, and counted in the 4P view', async () => {
    const b = await signedInBrowser('analyst');
    try {
      const page = b.page;
      await page.goto(`${b.baseUrl}/figures/map?events=1`);
      const events = page.locator('#map-events');
      await expect.poll(() => events.innerText()).toContain('Visits to nail bars on Commercial Street');
      // The event is marked where it was placed, a square beside the round places of reports.
      await expect.poll(() => page.locator('.app-event-marker').count()).toBeGreaterThanOrEqual(1);
      await pageIsSound(page);
      await page.goto(`${b.baseUrl}/figures`);
      const held = page.locator('#figure-fourp tr[data-measure="awarenessEvents"] td').last();
      await expect.poll(async () => Number((await held.innerText()).replace(/\D/g, '') || 0)).toBeGreaterThanOrEqual(1);
    } finally {
      await b.close();
    }
  });
});
