import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { SignInFlow } from './support/pages';
import cy from '../packages/web/src/i18n/cy.json';
import en from '../packages/web/src/i18n/en.json';

describe('a DC opens a case from a report on a phone, in Welsh, and a DS closes it', () => {
  let dc: Browser;
  let ds: Browser;
  let caseUrl = '';
  let reference = '';
  beforeAll(async () => {
    dc = await openBrowser();
    await dc.page.setViewportSize({ width: 390, height: 844 });
    await dc.page.goto(`${dc.baseUrl}/?lang=cy`);
    await new SignInFlow(dc.page, dc.baseUrl).asRole('investigator');
    ds = await openBrowser();
    await new SignInFlow(ds.page, ds.baseUrl).asRole('supervisor');
  });
  afterAll(async () => {
    await dc?.close();
    await ds?.close();
  });

  it('opens the case from the report: the report is linked, and its people in their parts', async () => {
    const page = dc.page;
    await page.goto(`${dc.baseUrl}/triage?lang=cy`);
    // A report from the demo, long since in the picture (new referrals from other tests sit at the top).
    await page.locator('tbody tr').last().getByRole('link').click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const reportId = /\/triage\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    reference = /HBR-\d{4}-\d{7,}/.exec((await page.getByRole('heading', { level: 1 }).textContent())!)![0];
    await page.getByRole('heading', { level: 2, name: cy.pursue.open.title }).waitFor();
    await page.getByLabel(cy.pursue.open.caseTitle).fill('Ymgyrch Glannau: golchfa geir ar Heol y Gorfforaeth');
    await page.getByRole('button', { name: cy.pursue.open.submit }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    caseUrl = page.url();
    await page.getByRole('heading', { level: 1, name: /Ymgyrch Glannau/ }).waitFor();
    expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('new');
    await page.getByRole('link', { name: reference }).waitFor();
    // The report's potential victims and suspects came with it, each in its part (as the picture resolved them).
    const [report, opened] = await page.evaluate(
      async ([r, c]) => Promise.all([(await fetch(`/api/reports/${r}`)).json(), (await fetch(`/api/cases/${c}`)).json()]),
      [reportId, caseUrl.split('/cases/')[1]!.split('?')[0]!],
    );
    for (const role of ['potential_victim', 'suspect']) {
      const inReport = (report as { persons: { role: string }[] }).persons.some((p) => p.role === role);
      const inCase = (opened as { entities: { role: string }[] }).entities.filter((e) => e.role === role).length;
      expect(inCase > 0, role).toBe(inReport);
      expect(await page.locator(`[data-role="${role}"] > li`).count(), role).toBe(inCase);
    }
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('moves it on with a reason and keeps a note, each with who and when', async () => {
    const page = dc.page;
    await page.getByLabel(cy.pursue.status.investigating).check();
    await page.getByLabel(cy.pursue.case.reason).fill('Ymweliad â’r safle wedi’i drefnu gyda’r cyngor');
    await page.getByRole('button', { name: cy.pursue.case.save, exact: true }).click();
    await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toBe('investigating');
    expect(await page.locator('#case-history').textContent()).toContain('Ymweliad â’r safle wedi’i drefnu gyda’r cyngor');

    await page.getByLabel(cy.pursue.case.addNote).fill('Siaradais â’r rheolwr: pedwar gweithiwr, dim contractau.\nDim cyfieithydd ar gael heddiw.');
    await page.getByRole('button', { name: cy.pursue.case.saveNote }).click();
    await expect.poll(() => page.locator('#case-notes').textContent()).toContain('Dim cyfieithydd ar gael heddiw.');

    // A reason left out is named at the field, and nothing moves.
    await page.getByLabel(cy.pursue.status.no_further_action).check();
    await page.getByRole('button', { name: cy.pursue.case.save, exact: true }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('h1 [data-status]').getAttribute('data-status')).toBe('investigating');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByLabel(cy.pursue.case.reason).fill('Dim tystiolaeth o lafur gorfodol');
    await page.getByRole('button', { name: cy.pursue.case.save, exact: true }).click();
    await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toBe('no_further_action');
    // Closing is the DS's: the DC can only ask.
    await page.getByLabel(cy.pursue.case.askToClose).check();
    await page.getByLabel(cy.pursue.case.reason).fill('Dim i’w wneud bellach');
    await page.getByRole('button', { name: cy.pursue.case.save, exact: true }).click();
    await page.locator('#close-request').waitFor();
  });

  it('keeps a document on the case, refuses one that is not what its name says, and gives it back as a download', async () => {
    const page = dc.page;
    const section = page.locator('section[aria-labelledby="case-documents"]');
    const statement = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    // A web page called a statement is refused, in Welsh, at the field; nothing is kept.
    await section
      .getByLabel(cy.pursue.documents.file)
      .setInputFiles({ name: 'datganiad.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script>') });
    await section.getByRole('button', { name: cy.pursue.documents.upload }).click();
    await section.locator('.govuk-error-summary', { hasText: cy.staffErrors.field.fileTypeMismatch.slice(0, 30) }).waitFor();
    expect(await page.locator('#case-document-list > li').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    await section.getByLabel(cy.pursue.documents.file).setInputFiles({ name: 'Datganiad – gweithiwr 1.pdf', mimeType: 'application/pdf', buffer: statement });
    await section.getByLabel(cy.pursue.documents.description).fill('Datganiad drwy gyfieithydd Rwmaneg');
    await section.getByRole('button', { name: cy.pursue.documents.upload }).click();
    const item = page.locator('#case-document-list > li', { hasText: 'Datganiad – gweithiwr 1.pdf' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Datganiad drwy gyfieithydd Rwmaneg');
    expect(await section.locator('.govuk-error-summary').count()).toBe(0);
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    // It comes back as a download of the very bytes sent, under its own name, never as a page.
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('link').click()]);
    expect(download.suggestedFilename()).toBe('Datganiad – gweithiwr 1.pdf');
    const path = await download.path();
    expect(readFileSync(path).equals(statement)).toBe(true);
  });

  it('links a person found in the picture as a suspect, unlinks them, and hands the case to the DS', async () => {
    const page = dc.page;
    const caseId = caseUrl.split('/cases/')[1]!.split('?')[0]!;
    // A person of the demo's picture who is not on the case yet.
    const person = await page.evaluate(async (id) => {
      const onCase = new Set(((await (await fetch(`/api/cases/${id}`)).json()) as { entities: { entityId: string }[] }).entities.map((e) => e.entityId));
      for (const q of ['ov', 'an', 'ar', 'er']) {
        const found = (await (await fetch(`/api/search?q=${q}`)).json()) as { groups: { kind: string; items: { id: string; label: string }[] }[] };
        const item = found.groups.find((g) => g.kind === 'person')?.items.find((i) => !onCase.has(i.id));
        if (item) return item;
      }
      return null;
    }, caseId);
    expect(person).not.toBeNull();
    const links = page.locator('section[aria-labelledby="case-links"]');
    await links.getByLabel(cy.pursue.links.search).fill(person!.label);
    await links.getByRole('button', { name: cy.pursue.links.find, exact: true }).click();
    const hit = links.locator(`[data-found="${person!.id}"]`);
    await hit.waitFor();
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await hit.getByRole('button', { name: new RegExp(cy.pursue.links.link) }).click();
    const asSuspect = page.locator(`[data-role="suspect"] > li[data-person="${person!.id}"]`);
    await asSuspect.waitFor();
    await asSuspect.getByRole('button', { name: new RegExp(cy.pursue.links.unlink) }).click();
    await asSuspect.waitFor({ state: 'detached' });

    await links.getByLabel(cy.pursue.links.officer).selectOption({ label: 'DS Carys Jones' });
    await links.getByRole('button', { name: cy.pursue.links.changeOfficer }).click();
    await expect.poll(() => page.locator('.govuk-summary-list').first().textContent()).toContain('DS Carys Jones');
    const history = await page.evaluate(async (id) => (await (await fetch(`/api/cases/${id}`)).json()) as { officerInCharge: string }, caseId);
    expect(history.officerInCharge).toBe('DS Carys Jones');
  });

  it('the DC gives the council a task; the council, on a phone in Welsh, finds it from its home page and records what was done', async () => {
    const page = dc.page;
    // The give-task form's own boxes: each person on the case has forms with dates of their own.
    const give = page.locator('section[aria-labelledby="give-task"]');
    await give.getByLabel(cy.tasks.taskTitle).fill('Ymweliad diogelu â’r gweithwyr');
    await give.getByLabel(cy.tasks.owner).selectOption({ label: 'Newport City Council' });
    await give.getByLabel(cy.common.date.day).fill('24');
    await give.getByLabel(cy.common.date.month).fill('12');
    await give.getByLabel(cy.common.date.year).fill('2030');
    await give.getByRole('button', { name: cy.tasks.giveSubmit }).click();
    await page.locator('section[data-task]', { hasText: 'Ymweliad diogelu â’r gweithwyr' }).waitFor();

    const council = await openBrowser();
    try {
      await council.page.setViewportSize({ width: 390, height: 844 });
      await council.page.goto(`${council.baseUrl}/?lang=cy`);
      await new SignInFlow(council.page, council.baseUrl).asRole('partner');
      await council.page.goto(`${council.baseUrl}/home?lang=cy`);
      // The home page leads with the five most pressing (overdue, then soonest due); files before
      // this one may have given the council tasks due sooner, so the new one is among its open tasks
      // and the home page shows the first five of them, whatever they are.
      const mine = await council.page.evaluate(async () =>
        ((await (await fetch('/api/tasks/mine')).json()) as { tasks: { title: string }[] }).tasks.map((task) => task.title),
      );
      expect(mine).toContain('Ymweliad diogelu â’r gweithwyr');
      await expect.poll(() => council.page.locator('#home-tasks > li').allTextContents()).toHaveLength(Math.min(5, mine.length));
      const onHome = await council.page.locator('#home-tasks > li').allTextContents();
      onHome.forEach((text, i) => expect(text).toContain(mine[i]));
      await council.page.getByRole('link', { name: cy.tasks.toAll }).click();
      const card = council.page.locator('section[data-task]', { hasText: 'Ymweliad diogelu â’r gweithwyr' });
      await card.waitFor();
      // The council sees the case's reference, not the case.
      expect(await card.getByRole('link').count()).toBe(0);
      expect(await overflowWidth(council.page)).toBe(0);
      expect(await accessibilityProblems(council.page)).toEqual([]);
      await card.getByLabel(cy.tasks.whatWasDone).fill('Ymwelwyd gyda chyfieithydd; dau weithiwr wedi’u symud i lety diogel.');
      await card.getByRole('button', { name: cy.tasks.save }).click();
      // Done, it leaves the council's open tasks (the demo gives the council others).
      await card.waitFor({ state: 'detached' });
    } finally {
      await council.close();
    }
  });

  it('the DS sees the request in the list and closes the case, the reasons kept', async () => {
    const page = ds.page;
    await page.goto(`${ds.baseUrl}/cases?lang=en`);
    const row = page.locator('tbody tr', { hasText: 'Ymgyrch Glannau' });
    await row.waitFor();
    expect(await row.textContent()).toContain(en.pursue.closeRequestedTag);
    expect(await accessibilityProblems(page)).toEqual([]);
    await row.getByRole('link').click();
    expect(page.url()).toBe(caseUrl.replace('?lang=cy', ''));
    await page.getByLabel(en.pursue.case.decisionReason).fill('Agreed: council to follow up on contracts');
    await page.getByRole('button', { name: en.pursue.case.approveClose }).click();
    await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toBe('closed');
    const history = await page.locator('#case-history').textContent();
    expect(history).toContain('Dim i’w wneud bellach');
    expect(history).toContain('Agreed: council to follow up on contracts');
    expect(await page.locator('#case-notes').textContent()).toContain('pedwar gweithiwr');
    // The council's record of its task is on the case.
    expect(await page.locator('section[data-task]').first().textContent()).toContain('dau weithiwr wedi’u symud i lety diogel');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('a case opened from a person’s page starts with that person, in the part chosen', async () => {
    const page = dc.page;
    await page.goto(`${dc.baseUrl}/search?lang=cy`);
    // A person of the demo's picture, found as the search finds people.
    const personId = await page.evaluate(async () => {
      for (const q of ['an', 'ar', 'er', 'ov']) {
        const found = (await (await fetch(`/api/search?q=${q}`)).json()) as { groups: { kind: string; items: { id: string }[] }[] };
        const person = found.groups.find((g) => g.kind === 'person')?.items[0];
        if (person) return person.id;
      }
      return null;
    });
    expect(personId).not.toBeNull();
    await page.goto(`${dc.baseUrl}/entities/${personId}?lang=cy`);
    const name = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    await page.getByLabel(cy.pursue.roleOne.suspect).check();
    await page.getByLabel(cy.pursue.open.caseTitle).fill('Ymgyrch Afon: y dyn yn y fan wen');
    await page.getByRole('button', { name: cy.pursue.open.submit }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: /Ymgyrch Afon/ }).waitFor();
    expect(await page.locator('[data-role="suspect"] > li').allTextContents()).toEqual([expect.stringContaining(name)]);
    expect(await page.locator('[data-role="potential_victim"] > li').count()).toBe(0);
    expect(await overflowWidth(page)).toBe(0);
  });
});
