import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { SignInFlow } from './support/pages';
import cy from '../packages/web/src/i18n/cy.json';

/** A public report sent as the form sends it, so the picture has something new to take in. */
async function sendReport(baseUrl: string, description: string): Promise<void> {
  const { token } = (await (await fetch(`${baseUrl}/api/public/form-token`)).json()) as { token: string };
  await new Promise((resolve) => setTimeout(resolve, 3_500)); // a form sent at once is a machine's
  const sent = await fetch(`${baseUrl}/api/public/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      formToken: token,
      language: 'cy',
      description,
      people: [{ name: 'Elira Doka' }],
      phones: ['07700 900418'],
    }),
  });
  expect(sent.status).toBe(201);
}

describe('an administrator reads the background jobs on a phone, in Welsh', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.goto(`${b.baseUrl}/?lang=cy`);
    await new SignInFlow(b.page, b.baseUrl).asRole('admin');
  });
  afterAll(async () => b?.close());

  it('each job has its card; a new report is taken into the picture and the run shows what it did', async () => {
    await sendReport(b.baseUrl, 'Mae dwy fenyw yn byw uwchben y salon ewinedd ac nid ydynt byth yn cael gadael.');
    await b.page.goto(`${b.baseUrl}/admin/jobs?lang=cy`);
    await b.page.getByRole('heading', { level: 1, name: cy.jobs.title }).waitFor();
    for (const name of Object.values(cy.jobs.names)) await b.page.getByRole('heading', { level: 2, name: new RegExp(name) }).waitFor();

    // The run that took the report in: the page checks again by itself, no reload needed.
    const resolution = b.page.locator('[data-job="resolution"]');
    await expect.poll(() => resolution.locator('[data-state]').getAttribute('data-state'), { timeout: 30_000 }).toBe('working');
    await expect.poll(() => resolution.textContent(), { timeout: 30_000 }).toMatch(/Cofnodion wedi'u datrys: [1-9]/);
    // Housekeeping runs as Harbour starts.
    await expect.poll(() => b.page.locator('[data-job="housekeeping"] [data-state]').getAttribute('data-state'), { timeout: 30_000 }).toBe('working');
    // The scheduled backup runs as Harbour starts with an empty backup folder, and says what it wrote.
    await expect.poll(() => b.page.locator('[data-job="backup"]').textContent(), { timeout: 30_000 }).toMatch(/Rhesi wedi'u cadw wrth gefn: [1-9]/);
    expect(await resolution.textContent()).toContain(cy.jobs.descriptions.resolution);
    expect(await resolution.textContent()).toContain('Bob 2 eiliad');
    // Dates day first, in the 24-hour clock, though this browser has no Welsh data of its own.
    expect(await resolution.textContent()).toMatch(/\d{1,2} [A-Z][a-z]{2} 20\d\d, \d\d:\d\d:\d\d/);

    expect(await overflowWidth(b.page)).toBe(0);
    expect(await accessibilityProblems(b.page)).toEqual([]);
  });

  it('an officer is refused the page and its data', async () => {
    const officer = await openBrowser();
    try {
      await new SignInFlow(officer.page, officer.baseUrl).asRole('officer');
      const answer = await officer.page.evaluate(async () => (await fetch('/api/admin/jobs')).status);
      expect(answer).toBe(403);
      await officer.page.goto(`${officer.baseUrl}/admin/jobs?lang=en`);
      await officer.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await officer.page.getByRole('heading', { level: 1 }).textContent()).not.toContain('Background jobs');
    } finally {
      await officer.close();
    }
  });
});
