import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headAndFoot, pdfText } from '../test/pdf';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { SignInFlow } from './support/pages';

const TITLE = 'Newport 2024 to 2025: labour exploitation';
const JUDGEMENTS = ['Labour exploitation in Newport’s car washes is the main threat, and it is likely to grow.', 'Sexual exploitation is under-reported.'];
const GAP = 'Who controls the shared houses in Maindee is not known.';
const PURSUE = 'Target the operators of the two car washes on Corporation Road.';

describe('an analyst writes a problem profile around the figures, issues it, and reads it on a phone in Welsh', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    await new SignInFlow(b.page, b.baseUrl).asRole('analyst');
  });
  afterAll(async () => b?.close());

  it('starts one from the profile page, its period and area brought along', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/figures/profile?from=2024-01&to=2025-12&area=W06000022&audience=internal&language=en&lang=en`);
    await page.getByRole('link', { name: 'Write a profile around these figures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Written problem profiles' }).waitFor();
    expect(await page.getByLabel('First month', { exact: true }).inputValue()).toBe('2024-01');
    expect(await page.getByLabel('Area', { exact: true }).inputValue()).toBe('W06000022');
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByRole('button', { name: 'Start the profile' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // The analyst's parts come first and last, each saying it is not written yet.
    const judgements = page.getByRole('region', { name: 'Key judgements' });
    await expect.poll(() => judgements.innerText()).toContain('[Not written yet]');
    expect(await page.locator('.app-profile h3').first().innerText()).toBe('Key judgements');
    expect(await page.locator('.app-profile h3').last().innerText()).toBe('Recommendations: Prepare');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('writes its judgements, gaps and recommendations: each reads back in the document, paragraph by paragraph, and after a reload', async () => {
    const page = b.page;
    await page.getByRole('textbox', { name: 'Key judgements', exact: true }).fill(JUDGEMENTS.join('\n\n'));
    await page.getByRole('textbox', { name: 'Intelligence gaps', exact: true }).fill(GAP);
    await page.getByRole('textbox', { name: 'Pursue', exact: true }).fill(PURSUE);
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('status').getByText('Draft saved.').waitFor();
    const judgements = page.getByRole('region', { name: 'Key judgements' });
    await expect.poll(() => judgements.locator('p').allInnerTexts()).toEqual(JUDGEMENTS);
    expect(await page.getByRole('region', { name: 'Intelligence gaps' }).innerText()).toContain(GAP);
    expect(await page.getByRole('region', { name: 'Recommendations: Pursue' }).innerText()).toContain(PURSUE);
    expect(await page.getByRole('region', { name: 'Recommendations: Prevent' }).innerText()).toContain('[Not written yet]');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Key judgements', exact: true }).inputValue()).toBe(JUDGEMENTS.join('\n\n'));
    expect(await page.getByRole('textbox', { name: 'Pursue', exact: true }).inputValue()).toBe(PURSUE);
  });

  it('issues it: the form goes, and the PDF carries the words, who prepared it and its marking on every page', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Issue the profile' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).getByText('Issued').waitFor();
    expect(await page.getByRole('button', { name: 'Save the draft' }).count()).toBe(0);
    expect(await page.locator('.app-profile').innerText()).toMatch(/Issued on .+ by /);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('newport-2024-to-2025-labour-exploitation-issued-en.pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'harbour-written-')), 'profile.pdf');
    await download.saveAs(file);
    const text = pdfText(file);
    const flat = text.replace(/\s+/g, ' ');
    for (const words of [TITLE, ...JUDGEMENTS, GAP, 'Recommendations: Pursue', PURSUE, 'Prepared by']) expect(flat).toContain(words);
    for (const ends of headAndFoot(text)) expect(ends).toEqual(['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
  });

  it('on a phone in Welsh, the list and the issued profile fit the screen, without accessibility problems', async () => {
    const page = b.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${b.baseUrl}/figures/profiles?lang=cy`);
    await page.getByRole('heading', { level: 1, name: 'Proffiliau problem ysgrifenedig' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await expect.poll(() => row.innerText()).toMatch(/Wedi’i ryddhau/);
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await row.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('region', { name: 'Key judgements' }).waitFor();
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 1200, height: 900 });
  });
});
