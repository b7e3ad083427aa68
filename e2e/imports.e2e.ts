import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { SignInFlow } from './support/pages';

const HEADER = 'Case no,Date received,Type,Local authority,Town,Client name,Gender,Nationality,Notes,Worker';
const BAD = [
  'E2E-B1,31/02/2026,Labour,Newport,Newport,Ion Rusu,M,Moldovan,A date that is no day,AB',
  'E2E-B2,04/03/2026,Labour,Cardiff,Cardiff,Li Wei,M,Chinese,Outside the force,AB',
];
const GOOD = Array.from(
  { length: 2500 },
  (_, i) => `E2E-${i},${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2026,Labour,Torfaen,Cwmbrân,Zoë Nowak ${i},F,Polish,Car wash £20 a day,AB`,
);

/** As Excel on Windows saves a sheet as CSV: Windows-1252, CRLF. */
const FILE = iconv.encode([HEADER, ...BAD, ...GOOD].join('\r\n'), 'windows-1252');

describe('a partner imports a spreadsheet of referrals, puts a refused row right, and imports the file again', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    await new SignInFlow(b.page, b.baseUrl).asRole('partner');
  });
  afterAll(async () => b?.close());

  async function upload(): Promise<void> {
    const page = b.page;
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a spreadsheet' }).waitFor();
    await page.getByLabel('CSV file').setInputFiles({ name: 'council-referrals.csv', mimeType: 'text/csv', buffer: FILE });
    await page.getByRole('button', { name: 'Upload the file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import: council-referrals.csv' }).waitFor();
    await page.getByRole('heading', { name: 'Choose what each column holds' }).waitFor();
  }

  it('uploads a Windows-1252 file and is offered a mapping from its headings, without accessibility problems', async () => {
    await upload();
    const page = b.page;
    await expect.poll(() => page.getByText('2,502 rows, read as Windows-1252 (Western European)').count()).toBe(1);
    expect(await page.getByLabel('Date received').inputValue()).toBe('received');
    expect(await page.getByLabel('Client name').inputValue()).toBe('victim_name');
    expect(await page.getByLabel('Worker').inputValue()).toBe('');
    // The file's own accents survive: its examples read as written.
    await page.getByText('For example: Newport · Cardiff · Cwmbrân').waitFor();
    await page.getByText('For example: Ion Rusu · Li Wei · Zoë Nowak 0').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('maps the case number to their reference, then watches the import run to its end', async () => {
    const page = b.page;
    await page.getByLabel('Case no').selectOption({ label: 'Their reference' });
    await page.getByRole('button', { name: 'Import 2,502 rows' }).click();
    await page.getByLabel('Rows read so far').waitFor();
    await page.getByRole('heading', { name: 'What became of the rows' }).waitFor({ timeout: 120_000 });
    const count = (key: string) => page.locator(`[data-count="${key}"]`).innerText();
    expect(await count('accepted')).toBe('2,500');
    expect(await count('quarantined')).toBe('2');
    await page.getByText('Line 2: Date received: "31/02/2026" is not a day of the calendar').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('puts the Cardiff row right and re-submits it', async () => {
    const page = b.page;
    const row = page.locator('[data-line="3"]');
    await row.getByText(/^Line 3: Local authority: "Cardiff" is not a local authority/).click();
    const area = row.getByLabel('Local authority (Local authority)');
    await area.fill('Newport');
    await row.getByRole('button', { name: 'Re-submit this row' }).click();
    await page.getByText(/^Line 3 is stored as HBR-\d{4}-\d+\.$/).waitFor();
    await expect.poll(() => page.locator('[data-count="accepted"]').innerText()).toBe('2,501');
    await expect.poll(() => page.locator('[data-line]').count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('imports the same file again: nothing new is added', async () => {
    await upload();
    const page = b.page;
    // The agency's choice for "Case no" was remembered.
    await expect.poll(() => page.getByLabel('Case no').inputValue()).toBe('reference');
    await page.getByRole('button', { name: 'Import 2,502 rows' }).click();
    await page.getByRole('heading', { name: 'What became of the rows' }).waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-count="accepted"]').innerText()).toBe('0');
    expect(await page.locator('[data-count="already"]').innerText()).toBe('2,501');
    expect(await page.locator('[data-count="quarantined"]').innerText()).toBe('1');
  });

  it('reads in Welsh, without accessibility problems', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/imports?lang=cy`);
    await page.getByRole('heading', { level: 1, name: 'Mewnforio taenlen' }).waitFor();
    await page.locator('#imports').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.goto(`${b.baseUrl}/imports?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Import a spreadsheet' }).waitFor();
  });
});
