import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { SignInFlow } from './support/pages';

/** The number in a figure's table on the row of `what`. */
async function figure(b: Browser, section: string, what: string): Promise<string> {
  const row = b.page.locator(`#figure-${section} tbody tr`).filter({ has: b.page.getByRole('rowheader', { name: what, exact: true }) });
  return (await row.locator('td').innerText()).trim();
}

describe('an analyst filters the figures, then lists and opens the reports behind a number', () => {
  let b: Browser;
  let newportLabour = 0;

  beforeAll(async () => {
    b = await openBrowser();
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    await new SignInFlow(b.page, b.baseUrl).asRole('analyst');
  });
  afterAll(async () => b?.close());

  it('opens the figures from the menu: every chart has its table, and the page has no accessibility problems', async () => {
    const page = b.page;
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Figures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Figures' }).waitFor();
    await page.locator('#figure-area svg').waitFor();
    for (const section of ['trend', 'area', 'type', 'age', 'source', 'gender', 'nationality']) {
      expect(await page.locator(`#figure-${section} [role="img"]`).count(), section).toBe(1);
      expect(await page.locator(`#figure-${section} table tbody tr`).count(), section).toBeGreaterThan(0);
    }
    // The default period runs to today: its last month is said to be counted so far, and labelled with its days.
    const summary = await page.locator('#summary').innerText();
    expect(summary).toMatch(/ is counted so far, not whole\./);
    expect(await page.locator('#figure-trend tbody tr').last().innerText()).toMatch(/, 1–\d{1,2}\s/);
    // Victims are people, each once; the times reports name them are a separate measure.
    const people = Number(/([\d,]+) potential victims?/.exec(summary)![1]!.replace(/,/g, ''));
    const named = Number(/the reports name them ([\d,]+) times?/.exec(summary)![1]!.replace(/,/g, ''));
    expect(people).toBeLessThanOrEqual(named);
    expect(summary).toMatch(/[\d,]+ suspects?\./);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('filters to labour in Newport over the whole demo: every table follows', async () => {
    const page = b.page;
    await page.getByLabel('First month', { exact: true }).fill('2020-01');
    await page.getByLabel('Local authority', { exact: true }).selectOption({ label: 'Newport' });
    await page.getByLabel('Type of exploitation', { exact: true }).selectOption({ label: 'Labour' });
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.waitForURL(/area=W06000022/);
    expect(page.url()).toMatch(/type=labour/);
    await page.locator('#figure-area tbody').getByText('Newport').waitFor();
    // Other areas count nothing under this filter; Newport's labour reports are the whole total.
    await expect.poll(() => figure(b, 'area', 'Torfaen')).toBe('0');
    newportLabour = Number(await figure(b, 'area', 'Newport'));
    expect(newportLabour).toBeGreaterThan(0);
    expect(await page.locator('#summary .app-figure').first().innerText()).toBe(`${newportLabour} report${newportLabour === 1 ? '' : 's'}`);
    expect(await figure(b, 'type', 'Labour')).toBe(String(newportLabour));
  });

  it('shows the 4P view from the same figures, saying what Harbour does not record yet', async () => {
    const page = b.page;
    const fourP = (measure: string) => page.locator(`#figure-fourp [data-measure="${measure}"] td`).last().innerText();
    expect(await fourP('partnerReferrals')).toBe(await figure(b, 'source', 'Partner agency'));
    expect(await fourP('publicReports')).toBe(await figure(b, 'source', 'Public'));
    expect(await fourP('childReports')).toBe(await figure(b, 'age', 'Children'));
    // Training is counted once the establishment is recorded (training.e2e may record it first, on this worker's Harbour).
    expect(await fourP('trained')).toMatch(/^(Not yet recorded in Harbour|\d+)$/);
    expect(await page.locator('#figure-fourp th[scope="rowgroup"]').allInnerTexts()).toEqual(['Pursue', 'Protect', 'Prevent', 'Prepare']);
  });

  it('clicks the Newport number through to as many reports, each of labour in Newport, and opens one', async () => {
    const page = b.page;
    await page
      .locator('#figure-area')
      .getByRole('link', { name: new RegExp(`^${newportLabour} reports?, Newport`) })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Reports behind a figure' }).waitFor();
    await expect.poll(() => page.locator('#behind-total').innerText()).toMatch(new RegExp(`^${newportLabour} reports?, newest first`));
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(Math.min(50, newportLabour));
    for (const text of await rows.allInnerTexts()) {
      expect(text).toContain('Newport');
      expect(text).toContain('Labour');
    }
    expect(await accessibilityProblems(page)).toEqual([]);
    const reference = (await rows.first().getByRole('link').innerText()).trim();
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Report ${reference}` }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: 'Back to the figures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Figures' }).waitFor();
    expect(page.url()).toMatch(/area=W06000022/);
  });

  it('opens the people behind a figure of people: each woman once, her page one click on; on a phone and in Welsh', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/figures?from=2020-01&lang=en`);
    await page.locator('#figure-gender svg').waitFor();
    for (const section of ['gender', 'victim-age', 'nationality'])
      expect(await page.locator(`#figure-${section} table tbody tr`).count(), section).toBeGreaterThan(0);
    const women = Number((await figure(b, 'gender', 'Female')).replace(/,/g, ''));
    expect(women).toBeGreaterThan(0);
    await page
      .locator('#figure-gender')
      .getByRole('link', { name: new RegExp(`^${women} (person|people), Female`) })
      .click();
    await page.getByRole('heading', { level: 1, name: 'The people behind a figure' }).waitFor();
    await expect
      .poll(() => page.locator('#people-total').innerText())
      .toMatch(new RegExp(`^${women.toLocaleString('en-GB')} (person|people), each counted once`));
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(Math.min(50, women));
    const names = await rows.locator('th').allInnerTexts();
    for (const text of await rows.allInnerTexts()) expect(text).toContain('Female');
    expect(await accessibilityProblems(page)).toEqual([]);
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: names[0]!.trim() }).waitFor();
    await page.goBack();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${page.url()}&lang=cy`);
    await page.getByRole('heading', { level: 1, name: 'Y bobl y tu ôl i ffigur' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('reads in Welsh, without accessibility problems', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/figures?from=2020-01&lang=cy`);
    await page.getByRole('heading', { level: 1, name: 'Ffigurau' }).waitFor();
    await page.locator('#figure-area svg').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Adroddiadau fesul awdurdod lleol' }).waitFor();
    expect(await page.locator('#figure-area tbody').innerText()).toContain('Casnewydd');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('sees the same choice on the map: boundaries with their attribution, places, hotspots; an area chosen shows its figures', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/figures?from=2020-01&lang=en`);
    await page.getByRole('link', { name: 'See these on a map' }).click();
    await page.getByRole('heading', { level: 1, name: 'Map' }).waitFor();
    expect(page.url()).toMatch(/from=2020-01/);
    const map = page.locator('.app-map');
    await map.locator('path.leaflet-interactive').first().waitFor();
    // Five areas, and a circle for each place in the table below.
    const places = await page.getByRole('table', { name: 'Reports by place' }).locator('tbody tr').count();
    expect(places).toBeGreaterThan(5);
    expect(await map.locator('path.leaflet-interactive').count()).toBe(5 + places);
    expect(await map.innerText()).toContain('© Crown copyright');
    expect(await accessibilityProblems(page)).toEqual([]);
    // Clicking an area on the map chooses it.
    await map.locator('path.leaflet-interactive').first().click({ force: true });
    await page.locator('#area-figures h2').waitFor();
    // And so does its name in the table, by keyboard.
    await page.getByRole('button', { name: 'Newport' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#area-figures h2').innerText()).toBe('Newport');
    const newport = await page
      .getByRole('table', { name: 'Reports by local authority' })
      .getByRole('row', { name: /Newport/ })
      .locator('td')
      .innerText();
    expect(await page.locator('#area-figures').innerText()).toContain(`${newport} report`);
    await page.getByRole('link', { name: 'Figures for Newport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Figures' }).waitFor();
    expect(page.url()).toMatch(/area=W06000022/);
  });

  it('produces a problem profile for the public, reads it on the page, and downloads the PDF: its text says the same, its first page renders', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/figures?from=2020-01&lang=en`);
    await page.getByRole('link', { name: 'Produce a problem profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Problem profile' }).waitFor();
    await page.getByLabel('Who it is for').selectOption('external');
    await page.getByRole('button', { name: 'Produce the profile' }).click();
    await page.getByRole('heading', { level: 2, name: /problem profile for Gwent Police/ }).waitFor();
    expect(await page.locator('.govuk-warning-text').innerText()).toMatch(/shown as <5/);
    // For the public, small counts suppressed: OFFICIAL at its head and foot.
    const markings = await page.locator('.app-profile .app-marking').allInnerTexts();
    expect(markings.map((m) => m.replace(/\s+/g, ' '))).toEqual(['Protective marking: OFFICIAL', 'Protective marking: OFFICIAL']);
    // No table shows a number from 1 to 4.
    const cells = await page.locator('.app-profile td').allInnerTexts();
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) expect(c.trim()).not.toMatch(/^[1-4]$/);
    const readTotal = async () => (await page.locator('#profile-table-areas tbody tr').last().locator('td').innerText()).trim();
    const areaTotal = await readTotal();
    expect(await accessibilityProblems(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^problem-profile-2020-01-to-\d{4}-\d{2}-external-en\.pdf$/);
    const dir = mkdtempSync(join(tmpdir(), 'harbour-profile-'));
    const file = join(dir, 'profile.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text.trim().split('\n')[0]!.trim()).toBe('OFFICIAL');
    expect(text.replace(/\s+/g, ' ')).toContain('Modern slavery and human trafficking: problem profile for Gwent Police');
    expect(text).toContain('Reports by local authority');
    // The same total as the page; other files' work on this Harbour (a report whose intake finishes
    // late) may add one between reading the page and making the PDF: then the page, made again, agrees.
    const totalIn = (total: string) => new RegExp(`Total\\s+${total.replace(/[<*]/g, '\\$&')}`).test(text);
    if (!totalIn(areaTotal)) {
      await page.reload();
      await page.getByRole('heading', { level: 2, name: /problem profile for Gwent Police/ }).waitFor();
      const again = await readTotal();
      expect(totalIn(again), `the PDF's total is neither ${areaTotal} nor ${again}`).toBe(true);
    }
    expect(text).not.toMatch(/Newport\s+[1-4]\s*$/m);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = readFileSync(join(dir, 'page-1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The profile in Welsh, while the site stays in English.
    await page.getByLabel('Language', { exact: true }).selectOption('cy');
    await page.getByRole('button', { name: 'Produce the profile' }).click();
    await page.getByRole('heading', { level: 2, name: /proffil problem ar gyfer Heddlu Gwent/ }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Problem profile' }).waitFor();
    expect(page.url()).toMatch(/language=cy/);
    // A4 (595 by 842 points) at 50 dots an inch: about 414 by 585, a portrait page.
    expect(Math.abs(png.readUInt32BE(16) - 414)).toBeLessThanOrEqual(1);
    expect(Math.abs(png.readUInt32BE(20) - 585)).toBeLessThanOrEqual(1);
    // Not blank: a blank page compresses to almost nothing.
    expect(png.length).toBeGreaterThan(15_000);
  });

  it('exports de-identified rows for research: every group of quasi-identifiers at least k strong', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/figures?lang=en`);
    await page.getByRole('link', { name: 'Export de-identified data for research' }).click();
    await page.getByRole('heading', { level: 1, name: 'Export for research' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('First month', { exact: true }).fill('2020-01');
    await page.getByLabel(/^k \(the smallest group/).fill('15');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the CSV file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^harbour-research-2020-01-to-\d{4}-\d{2}-k15\.csv$/);
    const file = join(mkdtempSync(join(tmpdir(), 'harbour-research-')), 'rows.csv');
    await download.saveAs(file);
    const [marking, header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
    expect(marking).toBe('OFFICIAL-SENSITIVE');
    expect(header).toBe(
      'yearOfRegistration,ageBroad,gender,citizenshipRegion,localAuthority,isSexualExploit,isForcedLabour,isForcedCriminality,isDomesticServitude,isOrganRemoval,typeOfExploitUnknown,source',
    );
    expect(lines.length).toBeGreaterThan(15);
    const groups = new Map<string, number>();
    for (const line of lines) {
      const key = line.split(',').slice(0, 5).join(',');
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    for (const [key, size] of groups) expect(size, key).toBeGreaterThanOrEqual(15);
  });

  it('downloads the cases as an HTCDS file, and imports one from another system, a wrong one explained field by field', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/figures?lang=en`);
    await page.getByRole('link', { name: 'Exchange cases with other systems (HTCDS)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exchange cases (HTCDS)' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('First month', { exact: true }).fill('2020-01');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the HTCDS file' }).click()]);
    const dir = mkdtempSync(join(tmpdir(), 'harbour-htcds-'));
    await download.saveAs(join(dir, 'all.json'));
    const exported = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as { standard: string; cases: { persons: unknown[] }[] };
    expect(exported.standard).toBe('HTCDS');
    expect(exported.cases.length).toBeGreaterThan(100);
    // For a partner: what its agreement allows is said, and the file carries none of the force's references.
    const council = (await page.locator('#htcds-for option').allInnerTexts()).find((o) => o.startsWith('Newport City Council ('))!;
    await page.getByLabel('Who the file is for').selectOption({ label: council });
    await page.getByText('The agreement with Newport City Council allows: suspects’ names, addresses.').waitFor();
    const [shared] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the HTCDS file' }).click()]);
    expect(shared.suggestedFilename()).toMatch(/-shared\.json$/);
    await shared.saveAs(join(dir, 'shared.json'));
    const forCouncil = readFileSync(join(dir, 'shared.json'), 'utf8');
    expect(JSON.parse(forCouncil)).toMatchObject({ standard: 'HTCDS' });
    expect(forCouncil).not.toMatch(/HBR-\d{4}/);
    expect(await accessibilityProblems(page)).toEqual([]);

    const wrong = { standard: 'HTCDS', version: '2.0', cases: [{ cas_IncomingReferralDate: '2026-05-01', persons: [{ prs_Gender: 'Woman' }] }] };
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify(wrong));
    await page.getByLabel('HTCDS file (JSON)').setInputFiles(join(dir, 'wrong.json'));
    await page.getByRole('button', { name: 'Import the cases' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#import-problems').innerText()).toMatch(/cases\.0\.persons\.0\.prs_Gender: Use one of Feminine/);

    const one = {
      ...wrong,
      cases: [
        {
          ...wrong.cases[0],
          cas_IncomingReferralDetails: 'From a partner system.',
          persons: [{ prs_FirstName: 'Mai', prs_Gender: 'Feminine', vic_TraffickingStatus: 'PossibleVictimOfTrafficking' }],
        },
      ],
    };
    writeFileSync(join(dir, 'one.json'), JSON.stringify(one));
    await page.getByLabel('HTCDS file (JSON)').setInputFiles(join(dir, 'one.json'));
    await page.getByRole('button', { name: 'Import the cases' }).click();
    await expect.poll(() => page.locator('#import-done').innerText()).toBe('1 case imported');
    expect(await accessibilityProblems(page)).toEqual([]);
    // The same file again adds nothing, and says so.
    await page.getByLabel('HTCDS file (JSON)').setInputFiles(join(dir, 'one.json'));
    await page.getByRole('button', { name: 'Import the cases' }).click();
    await expect.poll(() => page.locator('#import-done').innerText()).toMatch(/^0 cases imported\s+1 case was imported before and was not added again$/);
  });
});
