import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { doSharedTaskAndNote, recordAgreement } from './support/casework';
import { SignInFlow } from './support/pages';
import cy from '../packages/web/src/i18n/cy.json';
import en from '../packages/web/src/i18n/en.json';

interface CaseJson {
  id: string;
  reference: string;
  victims: number;
  suspects: number;
  entities: { label: string; role: string; kind: string }[];
}

describe('a DS shares a case with the council; the council, on a phone in Welsh, reads it redacted and loses it when withdrawn', () => {
  let ds: Browser;
  let council: Browser;
  let c: CaseJson;
  beforeAll(async () => {
    ds = await openBrowser();
    await ds.page.goto(`${ds.baseUrl}/?lang=en`);
    await new SignInFlow(ds.page, ds.baseUrl).asRole('supervisor');
    council = await openBrowser();
    await council.page.setViewportSize({ width: 390, height: 844 });
    await council.page.goto(`${council.baseUrl}/?lang=cy`);
    await new SignInFlow(council.page, council.baseUrl).asRole('partner');
  });
  afterAll(async () => {
    await ds?.close();
    await council?.close();
  });

  it('the DS shares a demo case with the council, which has an agreement in force, and gives it a task', async () => {
    const page = ds.page;
    c = await page.evaluate(async () => {
      const list = (await (await fetch('/api/cases?status=open')).json()) as { cases: { id: string; victims: number; suspects: number }[] };
      const chosen = list.cases.find((x) => x.victims > 0 && x.suspects > 0)!;
      return (await (await fetch(`/api/cases/${chosen.id}`)).json()) as CaseJson;
    });
    await page.goto(`${ds.baseUrl}/cases/${c.id}?lang=en`);
    await page.getByRole('heading', { level: 2, name: en.sharing.case.title }).waitFor();
    await page.getByLabel(en.sharing.case.agency).selectOption({ label: 'Newport City Council' });
    await page.getByLabel(en.sharing.case.reason).fill('Joint safeguarding of the women housed at the address');
    await page.getByRole('button', { name: en.sharing.case.share }).click();
    await page.locator('#case-shares li', { hasText: 'Newport City Council' }).waitFor();
    const give = page.locator('section[aria-labelledby="give-task"]');
    await give.getByLabel(en.tasks.taskTitle).fill('Welfare visit with an interpreter');
    await give.getByLabel(en.tasks.owner).selectOption({ label: 'Newport City Council' });
    await give.getByRole('button', { name: en.tasks.giveSubmit }).click();
    await page.locator('section[data-task]', { hasText: 'Welfare visit with an interpreter' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the council reads the case redacted by its agreement: suspects named, victims not; it does the task and adds a note', async () => {
    const page = council.page;
    await page.goto(`${council.baseUrl}/shared?lang=cy`);
    await page.getByRole('heading', { level: 1, name: cy.sharing.list.title }).waitFor();
    await page.getByRole('link', { name: new RegExp(c.reference) }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('#shared-parties li').first().waitFor();
    const main = await page.locator('main').innerText();
    // The council's agreement allows suspects' identities and addresses, not victims'.
    for (const v of c.entities.filter((e) => e.role === 'potential_victim' && e.kind === 'person')) expect(main).not.toContain(v.label);
    for (const s of c.entities.filter((e) => e.role === 'suspect' && e.kind === 'person')) expect(main).toContain(s.label);
    expect(await page.locator('[data-party-role="potential_victim"]').first().innerText()).toContain(
      cy.sharing.case.hidden.potential_victim.replace(' {{n}} ', ' 1 '),
    );
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    await doSharedTaskAndNote(page, cy, {
      title: 'Welfare visit with an interpreter',
      done: 'Ymwelwyd gyda chyfieithydd; y ddwy fenyw yn ddiogel.',
      note: 'Cyfarfod strategaeth diogelu wedi’i drefnu ar gyfer dydd Llun.',
    });
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the DS reads the council’s note and withdraws the case; the council loses it at once', async () => {
    await ds.page.reload();
    await expect.poll(() => ds.page.locator('#case-notes').innerText()).toContain('Cyfarfod strategaeth diogelu');
    await ds.page.getByRole('button', { name: en.sharing.case.withdraw.replace('{{agency}}', 'Newport City Council') }).click();
    await expect.poll(() => ds.page.locator('#case-shares').count()).toBe(0);

    const page = council.page;
    await page.reload();
    await page.locator('.govuk-error-summary').waitFor();
    await page.goto(`${council.baseUrl}/shared?lang=cy`);
    await page.getByRole('heading', { level: 1, name: cy.sharing.list.title }).waitFor();
    await page.locator('main p').first().waitFor();
    expect(await page.getByRole('link', { name: new RegExp(c.reference) }).count()).toBe(0);
  });

  it('the DS grades one report and shares it on its own; the council reads it redacted, in Welsh on a phone', async () => {
    const page = ds.page;
    // A report of the team's own (not the council's referral) naming a potential victim.
    const chosen = await page.evaluate(async () => {
      const { items } = (await (await fetch('/api/triage')).json()) as { items: { id: string; source: string }[] };
      for (const item of items.filter((i) => i.source !== 'partner')) {
        const r = (await (await fetch(`/api/reports/${item.id}`)).json()) as {
          persons: { role: string; givenName: string | null; familyName: string | null }[];
        };
        const victim = r.persons.find((p) => p.role === 'potential_victim' && p.givenName && p.familyName);
        if (victim) return { id: item.id, victim: `${victim.givenName} ${victim.familyName}` };
      }
      return null;
    });
    expect(chosen).not.toBeNull();
    await page.goto(`${ds.baseUrl}/triage/${chosen!.id}?lang=en`);
    await page.locator('#gradeSource').selectOption('1');
    await page.locator('#gradeAssessment').selectOption('B');
    await page.locator('#gradeHandling').selectOption('P');
    await page.getByRole('button', { name: en.reportView.save }).click();
    await page.getByText(en.reportView.saved).waitFor();
    await page.getByLabel(en.sharing.case.agency).selectOption({ label: 'Newport City Council' });
    await page.getByLabel(en.sharing.case.reason).fill('The council is housing her this week');
    await page.getByRole('button', { name: en.sharing.case.share }).click();
    await page.locator('#case-shares li', { hasText: 'Newport City Council' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    const phone = council.page;
    await phone.goto(`${council.baseUrl}/shared?lang=cy`);
    await phone.locator('#shared-reports a').first().click();
    await phone.getByRole('heading', { level: 1, name: cy.sharing.report.title }).waitFor();
    await phone.locator('[data-grading="1BP"]').waitFor();
    const main = await phone.locator('main').innerText();
    expect(main).not.toContain(chosen!.victim);
    expect(main).toContain(cy.sharing.case.hidden.potential_victim.replace(' {{n}} ', ' 1 '));
    expect(await overflowWidth(phone)).toBe(0);
    expect(await accessibilityProblems(phone)).toEqual([]);
  });

  it('an administrator reads the agreements and records one, in Welsh and English, accessibly', async () => {
    const admin = await openBrowser();
    try {
      await admin.page.goto(`${admin.baseUrl}/?lang=cy`);
      await new SignInFlow(admin.page, admin.baseUrl).asRole('admin');
      await admin.page.goto(`${admin.baseUrl}/admin/agreements?lang=cy`);
      await admin.page.locator('[data-agreement]', { hasText: 'Newport City Council' }).first().waitFor();
      expect(await accessibilityProblems(admin.page)).toEqual([]);
      await admin.page.goto(`${admin.baseUrl}/admin/agreements?lang=en`);
      await recordAgreement(admin.page, en, {
        agency: 'Caerphilly County Borough Council',
        purpose: 'Safeguarding adults at risk in Caerphilly',
        lawfulBasis: 'Crime and Disorder Act 1998 s115',
        categories: ['addresses'],
        startsOn: ['1', '1', '2026'],
        endsOn: ['31', '12', '2030'],
      });
      expect(await accessibilityProblems(admin.page)).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
