import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { SignInFlow } from './support/pages';

/**
 * The people on the chart recorded as suspects, read from their entity pages' records as the web
 * app would, each under the name the chart shows (the picture may have named them afresh since the
 * chart was drawn: the comparison job works while other tests report people).
 */
async function suspectsOnChart(page: Page): Promise<{ id: string; label: string }[]> {
  const shown = await page
    .locator('input[id^="select-"]')
    .evaluateAll((inputs) =>
      inputs.map((i) => ({ id: i.id.slice('select-'.length), label: document.querySelector(`label[for="${i.id}"]`)?.textContent ?? '' })),
    );
  return page.evaluate(async (nodes) => {
    const found: { id: string; label: string }[] = [];
    for (const { id, label } of nodes) {
      const entity = (await (await fetch(`/api/entities/${id}`)).json()) as { kind: string; records: { role: string | null }[] };
      if (entity.kind === 'person' && entity.records.some((r) => r.role === 'suspect')) found.push({ id, label: label.replace(/^Select /, '') });
    }
    return found;
  }, shown);
}

describe('an analyst charts a planted network, finds the path between two suspects, saves the chart and reopens it', () => {
  let b: Browser;
  let chartUrl = '';
  let entitiesOnChart = '';

  beforeAll(async () => {
    b = await openBrowser();
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    await new SignInFlow(b.page, b.baseUrl).asRole('analyst');
  });
  afterAll(async () => b?.close());

  it('the networks page ranks the demo networks by risk; the planted ones, with children and potential victims, come first', async () => {
    const page = b.page;
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Networks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Networks' }).waitFor();
    const table = page.getByRole('table', { name: /networks, highest risk first/ });
    await table.waitFor();
    const first = table.locator('tbody tr').first();
    expect(await first.innerText()).toMatch(/Children/);
    expect(await first.innerText()).toMatch(/Not opened by you/);
    expect(await accessibilityProblems(page)).toEqual([]);

    await first.getByRole('link', { name: /Chart the network of/ }).click();
    await page.waitForURL(/\/chart\?network=/);
    await page.getByText(/\d+ entities and \d+ links on the chart\./).waitFor();
    entitiesOnChart = (await page.getByText(/\d+ entities and \d+ links on the chart\./).textContent())!;
    expect(Number(/(\d+) entities/.exec(entitiesOnChart)![1])).toBeGreaterThan(5);
  });

  it('two suspects chosen in the table (by keyboard) are joined by a path, each link naming its reports', async () => {
    const page = b.page;
    const suspects = await suspectsOnChart(page);
    const [a, c] = suspects.filter((s, i) => suspects.findIndex((x) => x.label === s.label) === i);
    expect(a && c, `two suspects on the chart: ${JSON.stringify(suspects)}`).toBeTruthy();

    // Chosen one way and then the other: the path runs from the first chosen, whatever order the
    // canvas holds them in.
    const choose = async (first: typeof a, second: typeof a) => {
      for (const s of [first, second]) {
        await page.locator(`#select-${s!.id}`).focus();
        await page.keyboard.press('Space');
      }
      await page.getByText(`Between ${first!.label} and ${second!.label}.`).waitFor();
    };
    await choose(c, a);
    for (const s of [c, a]) await page.locator(`#select-${s!.id}`).uncheck();
    await page.getByText('Select two entities, on the chart or in the table. 0 are selected.').waitFor();
    await choose(a, c);
    await page.getByRole('button', { name: 'Find the shortest path' }).click();

    const path = page.getByTestId('path');
    await path.waitFor();
    const steps = await path.locator('li').allInnerTexts();
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[0]).toContain(a!.label);
    expect(steps.at(-1)).toContain(c!.label);
    // Every link on the path is backed by at least one report, cited by reference.
    for (const step of steps) expect(step).toMatch(/[A-Z]{2,}-\d{4}-\d+/);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('links say what they are; one opened shows each report behind it; reports can be drawn as events instead', async () => {
    const page = b.page;
    // The key names each kind of line.
    for (const words of ['controls', 'lives at', 'uses phone', 'mentioned together'])
      expect(await page.locator('.app-chart-legend').innerText()).toContain(words);
    await page.getByText(/^Links on the chart \(\d+\)$/).click();
    const rows = page.getByRole('table', { name: 'Links on the chart, with what they say' }).locator('tbody tr');
    const controls = rows.filter({ hasText: / controls / }).first();
    await controls.waitFor();
    const sentence = (await controls.locator('td').first().innerText()).trim();
    const reports = Number(await controls.locator('td').nth(1).innerText());
    await controls.getByRole('button', { name: `Evidence for the link: ${sentence}` }).click();

    const panel = page.getByRole('region', { name: `The link: ${sentence}` });
    await panel.waitFor();
    // Focus lands on the opened link, for the keyboard and screen readers.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('link-evidence-heading');
    await panel.getByText(new RegExp(`^${reports} reports? under the filter, seen `)).waitFor();
    const sources = panel.locator('tbody tr');
    expect(await sources.count()).toBeGreaterThanOrEqual(reports);
    expect(await sources.first().innerText()).toMatch(/[A-Z]{2,}-\d{4}-\d+/);
    expect((await sources.allInnerTexts()).some((r) => r.includes(sentence))).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Close the link' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.getByText(/^Links on the chart \(\d+\)$/).click();

    // Reports drawn as events: each one point joined to whom it names, listed for the keyboard too.
    await page.getByLabel('Show reports as events').check();
    const events = page.getByRole('table', { name: 'Reports drawn as events' });
    await events.waitFor();
    const counted = await page.getByText(/reports? drawn as events?\./).innerText();
    expect(await events.locator('tbody tr').count()).toBe(Number(/(\d+) reports? drawn as/.exec(counted)![1]));
    const row = events.locator('tbody tr').first();
    const reference = (await row.locator('th').innerText()).trim();
    expect((await row.locator('td').nth(2).innerText()).split('; ').length).toBeGreaterThanOrEqual(2);
    await row.getByRole('button', { name: `Select on the chart ${reference}` }).click();
    await page.getByRole('region', { name: reference }).getByText('Names on this chart').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    // Exported as drawn: the report among the entities, and in the key.
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    const drawn = Buffer.concat(await (await svg.createReadStream()).toArray()).toString('utf8');
    for (const words of [reference, 'Report']) expect(drawn).toContain(`>${words}</text>`);
    await page.getByLabel('Show reports as events').uncheck();
    await events.waitFor({ state: 'detached' });
  });

  it("the network's key players (brokers first) and communities, measured on the whole network", async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Analyse the network' }).click();
    const table = page.getByRole('table', { name: 'Key players, brokers first' });
    await table.waitFor();
    await page.getByText(/\d+ entities in \d+ communities \(modularity [\d.]+\)\. Betweenness counted exactly\./).waitFor();
    const betweenness = (await table.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((x) => Number(x.replace(/,/g, '')));
    expect(betweenness.length).toBeGreaterThan(2);
    expect([...betweenness].sort((x, y) => y - x)).toEqual(betweenness);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the analysis is drawn on the chart: sized by betweenness, communities ringed, key players named; one chosen is detailed beside it', async () => {
    const page = b.page;
    const drawn = page.getByRole('region', { name: 'Analysis on the chart' });
    await drawn.getByLabel('Size entities by').selectOption({ label: 'Betweenness: brokers largest' });
    await drawn.getByRole('button', { name: 'Draw the analysis' }).click();
    const players = drawn.getByTestId('key-players').locator('li');
    await players.first().waitFor();
    await drawn.getByText(/^\d+ entities in \d+ communities\./).waitFor();
    expect(await drawn.getByTestId('communities').innerText()).toMatch(/Community 1: \d+ entities/);
    const first = (await players.first().innerText()).trim();

    // What is drawn is what an export carries: the first key player named by rank, the largest
    // community in its ring colour.
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    const text = Buffer.concat(await (await svg.createReadStream()).toArray()).toString('utf8');
    expect(text).toContain(`>1 · ${first.replace(/&/g, '&#38;')}</text>`);
    expect(text).toContain('stroke="#332288"');

    // A key player chosen is detailed beside the chart: its rank, figures and links, each link opening its evidence.
    await players.first().getByRole('button').click();
    const details = page.getByRole('region', { name: first });
    await details.getByText('Number 1, most between first').waitFor();
    const links = details.getByTestId('entity-links').getByRole('button');
    expect(await links.count()).toBeGreaterThan(0);
    const sentence = (await links.first().innerText()).trim();
    await links.first().click();
    const panel = page.getByRole('region', { name: `The link: ${sentence}` });
    await panel.waitFor();
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Close the link' }).click();
    // On a phone, the chart and its side column stack, within the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => overflowWidth(page)).toBe(0);
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('the chart is saved by name, with a group and a note, and reopens from the networks page as it was', async () => {
    const page = b.page;
    // Two entities grouped and a note on one, by keyboard: the table to choose, the side column to mark.
    const boxes = page.locator('input[id^="select-"]');
    for (const box of await boxes.all()) if (await box.isChecked()) await box.uncheck();
    const [first, second] = [page.locator(`#${await boxes.nth(0).getAttribute('id')}`), page.locator(`#${await boxes.nth(1).getAttribute('id')}`)];
    await first.check();
    await second.check();
    await page.getByLabel('Group the 2 chosen entities').fill('Night shift');
    await page.getByRole('button', { name: 'Group them' }).click();
    await second.uncheck();
    await page.getByLabel('Note on the chart').fill('Seen at the plant gate at 5 am');
    await page.getByRole('button', { name: 'Keep the note and group' }).click();
    const marked = async () => {
      const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
      return Buffer.concat(await (await svg.createReadStream()).toArray()).toString('utf8');
    };
    for (const words of ['Night shift', 'Seen at the plant gate at 5 am']) expect(await marked()).toContain(`>${words}</text>`);

    const name = `Suspects path ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save chart' }).click();
    await page.getByText(`Chart saved as ${name}`).waitFor();
    await page.waitForURL(/\/chart\?saved=/);
    chartUrl = page.url();

    await page.getByRole('link', { name: 'Networks' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Networks' }).waitFor();
    // Opened just now: the network is marked as seen, not grown.
    await expect.poll(() => page.getByRole('table').locator('tbody tr').first().innerText()).not.toMatch(/Not opened by you|Grown since/);
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText(entitiesOnChart).waitFor();
    expect(page.url()).toBe(chartUrl);
    // The group and the note came back with it.
    await first.check();
    expect(await page.getByLabel('Note on the chart').inputValue()).toBe('Seen at the plant gate at 5 am');
    expect(await page.getByLabel('Group', { exact: true }).inputValue()).toBe('Night shift');
    for (const words of ['Night shift', 'Seen at the plant gate at 5 am']) expect(await marked()).toContain(`>${words}</text>`);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('a chart worked on is kept in the tab: left and reloaded, it is as it was; changes not saved are said, asked about, and can be discarded', async () => {
    const page = b.page;
    // The table of entities (rows with a box to select), not the list of links.
    const entityRows = page.locator('table tbody tr', { has: page.locator('input[id^="select-"]') });
    const row = entityRows.first();
    const hidden = (await row.locator('a[href^="/entities/"]').innerText()).trim();
    await row.getByRole('button', { name: `Hide ${hidden}` }).click();
    await row.getByText('Hidden').waitFor();
    // Off to the networks and back: the chart is as it was left, its change not yet saved said.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Networks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Networks' }).waitFor();
    await page.goBack();
    const kept = page.getByTestId('kept-changes');
    await kept.getByText('This chart has changes you have not saved').waitFor();
    const hiddenRow = entityRows.filter({ hasText: hidden }).first();
    await hiddenRow.getByText('Hidden').waitFor();
    await page.getByText(entitiesOnChart).waitFor();
    // Reloading asks first (changes not saved), and, reloaded, the chart is still as it was.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      }),
    );
    await page.reload();
    expect(await asked).toBe('beforeunload');
    await kept.waitFor();
    await hiddenRow.getByText('Hidden').waitFor();
    // Discarded: the chart as saved, nothing hidden, nothing more to ask about.
    await kept.getByRole('button', { name: 'Discard the changes' }).click();
    await kept.waitFor({ state: 'detached' });
    await page.getByText(entitiesOnChart).waitFor();
    expect(await entityRows.filter({ hasText: 'Hidden' }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('shared with the team, the chart opens for a DC, saved by the analyst, to copy and not to change', async () => {
    const page = b.page;
    const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    const share = page.getByRole('region', { name: 'Share with the team' });
    await share.getByRole('button', { name: 'Share with the team' }).click();
    await page.getByText(`${name} is shared with the team`).waitFor();
    await share.getByRole('button', { name: 'Stop sharing' }).waitFor();

    const dc = await openBrowser();
    try {
      await dc.page.goto(`${dc.baseUrl}/?lang=en`);
      await new SignInFlow(dc.page, dc.baseUrl).asRole('investigator');
      await dc.page.goto(`${dc.baseUrl}/networks`);
      const item = dc.page.locator('li', { has: dc.page.getByRole('link', { name, exact: true }) });
      await item.getByText('shared by Tom Price').waitFor();
      // Not theirs to delete.
      expect(await item.getByRole('button').count()).toBe(0);
      await item.getByRole('link', { name, exact: true }).click();
      await dc.page.getByText('Saved by Tom Price and shared with the team.').waitFor();
      await dc.page.getByText(entitiesOnChart).waitFor();
      await dc.page.getByRole('button', { name: 'Save a copy as yours' }).waitFor();
      expect(await dc.page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
      expect(await dc.page.getByRole('region', { name: 'Share with the team' }).count()).toBe(0);
      expect(await accessibilityProblems(dc.page)).toEqual([]);
    } finally {
      await dc.close();
    }
  });

  it('exports the chart as PNG, SVG and PDF, each with its title, date, author and key, and marked OFFICIAL-SENSITIVE above and below', async () => {
    const page = b.page;
    const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('harbour-chart-OFFICIAL-SENSITIVE.png');
    const image = sharp(Buffer.concat(await (await png.createReadStream()).toArray()));
    const { data, info } = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
    // The marking is dark ink in the middle of the white bands at the head and foot, and nowhere near their edges.
    const inkIn = (top: number, left: number, width: number) => {
      let dark = 0;
      for (let y = top; y < top + 80; y++) for (let x = left; x < left + width; x++) if (data[y * info.width + x]! < 128) dark++;
      return dark;
    };
    const middle = Math.floor(info.width / 2) - 100;
    expect(inkIn(0, middle, 200)).toBeGreaterThan(100);
    expect(inkIn(info.height - 80, middle, 200)).toBeGreaterThan(100);
    expect(inkIn(0, 0, 20)).toBe(0);
    // The title, under the marking, at the left.
    expect(inkIn(90, 30, 300)).toBeGreaterThan(100);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(svg.suggestedFilename()).toBe('harbour-chart-OFFICIAL-SENSITIVE.svg');
    const text = Buffer.concat(await (await svg.createReadStream()).toArray()).toString('utf8');
    expect(text).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(text.match(/>OFFICIAL-SENSITIVE<\/text>/g)).toHaveLength(2);
    expect(text).toContain(`>${title}</text>`);
    expect(text).toMatch(/>Drawn \d{1,2} [A-Z][a-z]{2} \d{4} by Tom Price<\/text>/);
    for (const words of ['Key', 'Person', 'Phone', 'controls']) expect(text).toContain(`>${words}</text>`);
    // The PNG is the same drawing, twice the size for print.
    // (to a pixel or two: the browser takes the drawing's size in whole pixels)
    expect(Math.abs(info.width - 2 * Number(/^<svg [^>]*? width="([\d.]+)"/.exec(text)![1]))).toBeLessThanOrEqual(2);

    // The PDF, made by the server from the same drawing: one page, marked at its head and foot, every label on it.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('harbour-chart-OFFICIAL-SENSITIVE.pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'harbour-chart-')), 'chart.pdf');
    writeFileSync(file, Buffer.concat(await (await pdf.createReadStream()).toArray()));
    const lines = execFileSync('pdftotext', ['-layout', file, '-'])
      .toString()
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect([lines[0], lines.at(-1)]).toEqual(['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
    const words = execFileSync('pdftotext', ['-raw', file, '-']).toString().replace(/\s+/g, ' ');
    expect(words).toContain(title);
    expect(words).toMatch(/Drawn \d{1,2} [A-Z][a-z]{2} \d{4} by Tom Price/);
    const labels = [...text.matchAll(/<text y="[\d.]+" font-size="1[24]"[^>]*>([^<]+)<\/text>/g)].map((m) =>
      m[1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
    );
    expect(labels.length).toBeGreaterThan(3);
    for (const label of labels) expect(words).toContain(label);
  });

  it('the time slider replays the links in the order first seen, by keyboard', async () => {
    const page = b.page;
    const slider = page.getByLabel('Links in the order first seen');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.getByText(/Showing the \d+ of \d+ links first seen by/).waitFor();
    await page.keyboard.press('End');
    await page.getByText(/Showing all \d+ links\./).waitFor();
  });

  it('the timeline lists every link of the chart, earliest first, by the month it was first reported; one opens its evidence', async () => {
    const page = b.page;
    const counts = (await page.getByText(/\d+ entities and \d+ links on the chart\./).innerText()).trim();
    const count = Number(/(\d+) links/.exec(counts)![1]);
    await page.getByText(/^Timeline of the links \(\d+\)$/).click();
    const rows = page.getByTestId('timeline').locator('tbody tr[data-first-seen]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(count);
    const firstSeen = await rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-first-seen')!));
    expect([...firstSeen].sort()).toEqual(firstSeen);
    // Each month heads the links first reported in it.
    const months = await page.getByTestId('timeline').locator('th[scope="rowgroup"]').allInnerTexts();
    expect(months.length).toBeGreaterThan(0);
    expect(months[0]).toMatch(/^[A-Z][a-z]+ \d{4}$/);
    const first = rows.first().getByRole('button');
    const sentence = (await first.innerText()).trim();
    await first.click();
    const panel = page.getByRole('region', { name: `The link: ${sentence}` });
    await panel.waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Close the link' }).click();
    await page.getByText(/^Timeline of the links \(\d+\)$/).click();
  });

  it('imports call data: the known number is matched to its phone and the people reported with it, and the numbers chart', async () => {
    const page = b.page;
    const known = (await page.locator('table tbody a[href^="/entities/"]').allInnerTexts()).find((label) => /^\+44\d{10}$/.test(label));
    expect(known).toBeDefined();
    const csv = [
      'Calling Number,Called Number,Call Date,Duration',
      `0${known!.slice(3, 7)} ${known!.slice(7)},07700 900111,01/03/2026 09:15:00,0:02:05`,
      '07700900111,07700900222,02/03/2026 21:40:00,35',
      '07700900111,unknown,02/03/2026 21:45:00,10',
    ].join('\n');

    await page.goto(`${b.baseUrl}/networks?lang=en`);
    await page.getByRole('link', { name: 'Import call data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import call data' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('What is this call data?').fill('Test handset, March 2026');
    await page.getByLabel('CSV file').setInputFiles({ name: 'calls.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // The columns are guessed from their headings.
    await expect.poll(() => page.getByLabel('Column with the calling number').inputValue()).toBe('Calling Number');
    expect(await page.getByLabel('Column with the number called').inputValue()).toBe('Called Number');
    expect(await page.getByLabel('Column with the time of the call (optional)').inputValue()).toBe('Call Date');
    await page.getByRole('button', { name: 'Import call data' }).click();

    await page.getByText(/Imported as HBR-\d{4}-\d+: 2 calls between 3 numbers\./).waitFor();
    await page.getByText('1 row not taken').first().waitFor();
    expect(await page.getByRole('row', { name: /^4 / }).innerText()).toContain('"unknown" is not a phone number');
    await page.getByText('1 of 3 numbers were already in the picture.').waitFor({ timeout: 30_000 });
    const row = page.getByRole('row', { name: new RegExp(`^\\${known}`) });
    expect(Number((await row.locator('td').nth(2).innerText()).trim())).toBeGreaterThan(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Chart these numbers' }).click();
    await page.waitForURL(/\/chart\?calls=/);
    await page.getByText(/\d+ entities and \d+ links on the chart\./).waitFor();
    for (const number of [known!, '+447700900111', '+447700900222']) await page.getByRole('link', { name: number, exact: true }).waitFor();

    // The middle number's page reads its calls: one made, one received, their hours, its two contacts.
    await page.getByRole('link', { name: '+447700900111', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '+447700900111' }).waitFor();
    const calls = page.getByRole('region', { name: 'Calls in call data' });
    const value = (key: string) => calls.locator('.govuk-summary-list__row', { hasText: key }).locator('dd').innerText();
    await calls.getByText('Calls made').waitFor();
    expect(await value('Calls made')).toBe('1');
    expect(await value('Calls received')).toBe('1');
    expect(await value('Time on calls')).toBe('3 mins');
    expect(await value('Busiest hours')).toBe('09:00–10:00 (1 call); 21:00–22:00 (1 call)');
    await calls.getByRole('heading', { name: '2 contacts, most calls first' }).waitFor();
    const contacts = calls.getByRole('table', { name: '2 contacts, most calls first' });
    expect(await contacts.getByRole('link', { name: known!, exact: true }).count()).toBe(1);
    expect(await contacts.getByRole('link', { name: '+447700900222', exact: true }).count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    // On a phone in Welsh, the same, and nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${page.url()}?lang=cy`);
    await page.getByRole('region', { name: 'Galwadau yn y data galwadau' }).getByText('Galwadau a wnaed').waitFor();
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('the networks page, a chart, an entity charted from its page and the call data page read in Welsh, without accessibility problems', async () => {
    const page = b.page;
    for (const path of ['/networks', chartUrl.slice(b.baseUrl.length), '/call-data']) {
      await page.goto(`${b.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=cy`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await accessibilityProblems(page), path).toEqual([]);
    }
    // From an entity's page to its chart.
    await page.goto(`${chartUrl}&lang=cy`);
    const entity = page.locator('table tbody a[href^="/entities/"]').first();
    const name = await entity.innerText();
    await entity.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('link', { name: 'Siartio ei gysylltiadau' }).click();
    await page.waitForURL(/\/chart\?entity=/);
    await page.getByRole('link', { name, exact: true }).first().waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // Expanded by three links, the chart holds the entity's whole three-link neighbourhood.
    const entityId = new URL(page.url()).searchParams.get('entity')!;
    const within = await page.evaluate(
      async (id) => ((await (await fetch(`/api/graph/entities/${id}?hops=3`)).json()) as { nodes: unknown[] }).nodes.length,
      entityId,
    );
    await page.getByLabel('Ehangu o').selectOption('3');
    await page
      .locator(`#select-${entityId}`)
      .locator('xpath=ancestor::tr')
      .getByRole('button', { name: /^Ehangu/ })
      .click();
    await expect.poll(async () => Number(/(\d+) endid/.exec(await page.getByText(/\d+ endid a \d+ cysylltiad ar y siart/).innerText())![1])).toBe(within);
  });

  it('the link filter takes dates day, month, year as written in the UK, and names one that is not a real date', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/networks?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Networks' }).waitFor();
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await page.getByText('Filter the links').click();
    const from = page.getByRole('group', { name: 'Reports received from' });
    await from.getByLabel('Day').fill('31');
    await from.getByLabel('Month').fill('2');
    await from.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await from.getByText('Enter a real date, for example 27 3 2026').waitFor();
    await from.getByLabel('Day').fill('3');
    await from.getByLabel('Month').fill('4');
    const [request] = await Promise.all([
      page.waitForRequest((r) => new URL(r.url()).pathname === '/api/graph/networks' && new URL(r.url()).searchParams.has('from')),
      page.getByRole('button', { name: 'Apply filter' }).click(),
    ]);
    // 3 April, not 4 March.
    expect(new URL(request.url()).searchParams.get('from')).toBe('2026-04-03');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('an analyst adds a link by hand to a phone no report names: drawn and keyed as an assertion, its evidence saying who and why; withdrawn, it goes', async () => {
    const page = b.page;
    await page.goto(`${chartUrl}&lang=en`);
    await page.getByText(entitiesOnChart).waitFor();
    const [suspect] = await suspectsOnChart(page);
    for (const box of await page.locator('input[id^="select-"]').all()) if (await box.isChecked()) await box.uncheck();
    await page.locator(`#select-${suspect!.id}`).check();
    await page.getByText('Add a link by hand').click();
    const form = page.getByRole('form', { name: `Add a link by hand from ${suspect!.label}` });
    await form.getByLabel('What the link says').selectOption('uses_phone');
    await form.getByLabel('Something no report names yet').check();
    const digits = String(Date.now()).slice(-5);
    await form.getByLabel('What it is').fill(`07700 9${digits}`);
    // Part of a grade is no grade: refused, and nothing is added.
    await form.locator('#assert-grade-source').selectOption('2');
    await form.getByLabel('What it rests on').fill('Intelligence log 4471: seen using this phone at the car wash');
    await form.getByRole('button', { name: 'Add the link' }).click();
    await form.getByText('Choose the source evaluation, the intelligence assessment and the handling code').first().waitFor();
    await form.locator('#assert-grade-assessment').selectOption('B');
    await form.locator('#assert-grade-handling').selectOption('C');
    await form.getByRole('button', { name: 'Add the link' }).click();
    await page.getByText('Link and entity added by hand. They are shown as your assertion.').waitFor();

    // Its evidence opens: no report, one assertion, by whom, graded, on what.
    const phone = `+4477009${digits}`;
    const panel = page.getByRole('region', { name: `The link: ${suspect!.label} uses phone ${phone}` });
    await panel.waitFor();
    await panel.getByText('No report under the filter links these two.').waitFor();
    const asserted = panel.getByRole('table', { name: 'Asserted by hand (1)' });
    const row = await asserted.locator('tbody tr').innerText();
    for (const words of ['Tom Price on ', '2BC', `${suspect!.label} uses phone ${phone}`, 'Intelligence log 4471: seen using this phone at the car wash'])
      expect(row).toContain(words);
    expect(await page.locator('.app-chart-legend').innerText()).toContain('Asserted by hand: no report says it');
    expect(await accessibilityProblems(page)).toEqual([]);
    // Drawn as an assertion in the exported SVG: purple, dash-dot, and keyed.
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    const drawn = Buffer.concat(await (await svg.createReadStream()).toArray()).toString('utf8');
    expect(drawn).toContain('stroke-dasharray="12 4 2 4"');
    for (const words of [phone, 'uses phone · 1 assertion', 'Asserted by hand: no report says it']) expect(drawn).toContain(`>${words}</text>`);

    // The phone's own page says where it came from: no record, one link by hand.
    await page.locator('table tbody a[href^="/entities/"]', { hasText: phone }).first().click();
    await page.getByRole('heading', { level: 1, name: phone }).waitFor();
    const byHand = await page.getByTestId('asserted-links').innerText();
    for (const words of [suspect!.label, `${suspect!.label} uses phone ${phone}`, 'Tom Price on ', 'Intelligence log 4471']) expect(byHand).toContain(words);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.goBack();
    await page.getByText(/^Links on the chart \(\d+\)$/).click();
    await page.getByRole('button', { name: `Evidence for the link: ${suspect!.label} uses phone ${phone}` }).click();
    await asserted.waitFor();

    const linksOnChart = async () => Number(/\((\d+)\)/.exec(await page.getByText(/^Links on the chart \(\d+\)$/).innerText())![1]);
    const before = await linksOnChart();
    await asserted.getByRole('button', { name: `Withdraw ${suspect!.label} uses phone ${phone}` }).click();
    await asserted.waitFor({ state: 'detached' });
    await expect.poll(linksOnChart).toBe(before - 1);
    const [after] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(Buffer.concat(await (await after.createReadStream()).toArray()).toString('utf8')).not.toContain('12 4 2 4');
  });
});
