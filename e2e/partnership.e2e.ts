import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { doSharedTaskAndNote, recordAgreement, referAndWait } from './support/casework';
import { SignInFlow } from './support/pages';
import cy from '../packages/web/src/i18n/cy.json';
import en from '../packages/web/src/i18n/en.json';

const CONDITIONS = 'Council safeguarding team only; not to be shown to the landlord or the employer';
const VICTIM = { givenName: 'Ilinca', familyName: 'Mărgărit' };
const SUSPECT = { givenName: 'Bogdan', familyName: 'Țurcanu' };

/** The 4P view's figure for a measure, as the page shows it. */
async function fourP(page: Page, measure: string): Promise<number> {
  return Number((await page.locator(`#figure-fourp [data-measure="${measure}"] td`).last().innerText()).replace(/\D/g, '') || '0');
}

/** The force's date boxes for today (UK time). */
function today(): { day: string; month: string; year: string } {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()).split('-') as [string, string, string];
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/**
 * The whole story, as its people would live it: the council refers a woman; the DS
 * triages and grades the referral (handling C), opens a case from it and links the two suspects
 * of the network the picture knows; shares it with the council and tasks it with a safeguarding
 * visit; the council, on a phone in Welsh, reads the case redacted by its agreement, does the
 * visit and writes a note; the DS records the NRM Reasonable Grounds decision and a charge under
 * s2, and the 4P view counts them; the council's agreement ends and it loses the case at once.
 */
describe('the force and the council work a case together under an information-sharing agreement, in English and Welsh', () => {
  let ds: Browser;
  let council: Browser;
  let admin: Browser;
  let reportId = '';
  let caseUrl = '';
  let reference = '';
  let networkSuspects: { id: string; label: string }[] = [];
  const before: Record<string, number> = {};

  beforeAll(async () => {
    ds = await openBrowser();
    await ds.page.goto(`${ds.baseUrl}/?lang=en`);
    await new SignInFlow(ds.page, ds.baseUrl).asRole('supervisor');
    council = await openBrowser();
    await council.page.setViewportSize({ width: 390, height: 844 });
    await council.page.goto(`${council.baseUrl}/?lang=cy`);
    await new SignInFlow(council.page, council.baseUrl).asRole('partner');
    admin = await openBrowser();
    await admin.page.goto(`${admin.baseUrl}/?lang=cy`);
    await new SignInFlow(admin.page, admin.baseUrl).asRole('admin');
  });
  afterAll(async () => {
    await ds?.close();
    await council?.close();
    await admin?.close();
  });

  it('the council refers a woman it found working for nothing', async () => {
    reportId = await referAndWait(council.page, ds.page, {
      consentToNrm: 'yes',
      exploitationTypes: ['labour'],
      summary: `${VICTIM.givenName} ${VICTIM.familyName} works at a hand car wash for no pay; ${SUSPECT.givenName} ${SUSPECT.familyName} holds her passport and rings her on 07700 900555`,
      victim: { ...VICTIM, ageYears: 31, child: 'no' },
      otherPeople: [{ role: 'suspect', ...SUSPECT }],
      location: { town: 'Newport', postcode: 'NP19 0AA' },
    });
  });

  it('the DS reads the 4P view, then triages the referral, grading it with handling code C and its conditions', async () => {
    const page = ds.page;
    await page.goto(`${ds.baseUrl}/figures?lang=en`);
    await page.locator('#figure-fourp').waitFor();
    for (const m of ['peopleReferredToNrm', 'rgPositive', 'peopleCharged', 'charges-msa_s2']) before[m] = await fourP(page, m);

    await page.goto(`${ds.baseUrl}/triage/${reportId}?lang=en`);
    await page.getByRole('heading', { level: 2, name: en.reportView.triageTitle }).waitFor();
    await page.locator('#gradeSource').selectOption('2');
    await page.locator('#gradeAssessment').selectOption('B');
    await page.locator('#gradeHandling').selectOption('C');
    // Handling C without its conditions is refused at the field.
    await page.getByLabel(en.reportView.markTriaged).check();
    await page.getByRole('button', { name: en.reportView.save }).click();
    await page.locator('#handlingConditions-error').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel(en.reportView.handlingConditions).fill(CONDITIONS);
    await page.getByRole('button', { name: en.reportView.save }).click();
    await page.getByText(en.reportView.saved).waitFor();
    const saved = await page.evaluate(
      async (id) => (await (await fetch(`/api/reports/${id}`)).json()) as { grading: string; handlingConditions: string; status: string },
      reportId,
    );
    expect(saved).toMatchObject({ grading: '2BC', handlingConditions: CONDITIONS, status: 'triaged' });
  });

  it('opens a case from the triaged report and links the two suspects of the network the picture knows', async () => {
    const page = ds.page;
    await page.getByLabel(en.pursue.open.caseTitle).fill('Operation Kestrel: the hand car wash');
    await page.getByRole('button', { name: en.pursue.open.submit }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    caseUrl = page.url().split('?')[0]!;
    reference = (await page.locator('.govuk-caption-l').first().innerText()).trim();
    await page.locator(`[data-role="potential_victim"] > li`, { hasText: `${VICTIM.givenName} ${VICTIM.familyName}` }).waitFor();

    // A network of the demo with two suspects or more, as an analyst would find it.
    networkSuspects = await page.evaluate(async () => {
      const { networks } = (await (await fetch('/api/graph/networks')).json()) as { networks: { id: string }[] };
      for (const n of networks.slice(0, 6)) {
        const chart = (await (await fetch(`/api/graph/networks/${n.id}`)).json()) as { nodes: { id: string; kind: string; label: string }[] };
        const suspects: { id: string; label: string }[] = [];
        for (const node of chart.nodes.filter((x) => x.kind === 'person').slice(0, 40)) {
          const entity = (await (await fetch(`/api/entities/${node.id}`)).json()) as { records: { role: string | null }[] };
          if (entity.records.some((r) => r.role === 'suspect')) suspects.push({ id: node.id, label: node.label });
          if (suspects.length === 2) return suspects;
        }
      }
      return [];
    });
    expect(networkSuspects).toHaveLength(2);
    const links = page.locator('section[aria-labelledby="case-links"]');
    for (const suspect of networkSuspects) {
      await links.getByLabel(en.pursue.links.search).fill(suspect.label);
      await links.getByRole('button', { name: en.pursue.links.find, exact: true }).click();
      const hit = links.locator(`[data-found="${suspect.id}"]`);
      await hit.waitFor();
      await hit.locator('select').selectOption('suspect');
      await hit.getByRole('button', { name: new RegExp(en.pursue.links.link) }).click();
      await page.locator(`[data-role="suspect"] > li[data-person="${suspect.id}"]`).waitFor();
    }
    expect(await page.locator('[data-role="suspect"] > li[data-person]').count()).toBe(3);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('shares the case with the council and tasks it with a safeguarding visit', async () => {
    const page = ds.page;
    await page.getByLabel(en.sharing.case.agency).selectOption({ label: 'Newport City Council' });
    await page.getByLabel(en.sharing.case.reason).fill('Joint safeguarding of the woman at the car wash');
    await page.getByRole('button', { name: en.sharing.case.share }).click();
    await page.locator('#case-shares li', { hasText: 'Newport City Council' }).waitFor();
    const give = page.locator('section[aria-labelledby="give-task"]');
    await give.getByLabel(en.tasks.taskTitle).fill('Safeguarding visit with a Romanian interpreter');
    await give.getByLabel(en.tasks.owner).selectOption({ label: 'Newport City Council' });
    await give.getByRole('button', { name: en.tasks.giveSubmit }).click();
    await page.locator('section[data-task]', { hasText: 'Safeguarding visit with a Romanian interpreter' }).waitFor();
  });

  it('an administrator, in Welsh, adds an agreement letting the council receive intelligence graded C', async () => {
    const page = admin.page;
    await page.goto(`${admin.baseUrl}/admin/agreements?lang=cy`);
    const now = today();
    await recordAgreement(page, cy, {
      agency: 'Newport City Council',
      purpose: 'Diogelu oedolion sy’n cael eu hecsbloetio ar gyfer llafur',
      lawfulBasis: 'Deddf Trosedd ac Anhrefn 1998 a115',
      categories: ['intelligence_c'],
      startsOn: [now.day, now.month, now.year],
      endsOn: ['31', '12', String(Number(now.year) + 1)],
    });
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the council, on a phone in Welsh, reads the case redacted: the woman’s name withheld, the suspects named, the intelligence with its conditions', async () => {
    const page = council.page;
    await page.goto(`${council.baseUrl}/shared?lang=cy`);
    await page.getByRole('link', { name: new RegExp(reference) }).click();
    await page.locator('#shared-parties li').first().waitFor();
    const main = await page.locator('main').innerText();
    expect(main).not.toContain(VICTIM.givenName);
    expect(main).not.toContain(VICTIM.familyName);
    expect(main).not.toContain('07700');
    for (const name of [`${SUSPECT.givenName} ${SUSPECT.familyName}`, ...networkSuspects.map((s) => s.label)]) expect(main).toContain(name);
    const intelligence = page.locator('[data-grading="2BC"]');
    expect(await intelligence.innerText()).toContain(CONDITIONS);
    expect(await intelligence.innerText()).toContain(`${cy.sharing.case.withheld} works at a hand car wash`);
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    await doSharedTaskAndNote(page, cy, {
      title: 'Safeguarding visit with a Romanian interpreter',
      done: 'Ymwelwyd gyda chyfieithydd; symudwyd hi i lety diogel.',
      note: 'Mae hi’n barod i siarad â’r heddlu gyda gweithiwr cymorth.',
    });
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the DS reads the council’s work, records the NRM referral with its Reasonable Grounds decision and a charge under s2', async () => {
    const page = ds.page;
    await page.goto(`${caseUrl}?lang=en`);
    await expect.poll(() => page.locator('#case-notes').innerText()).toContain('Mae hi’n barod i siarad');
    expect(await page.locator('section[data-task]', { hasText: 'Safeguarding visit with a Romanian interpreter' }).innerText()).toContain(
      'Ymwelwyd gyda chyfieithydd',
    );

    const victim = page.locator('[data-role="potential_victim"] > li[data-person]', { hasText: VICTIM.familyName });
    await victim.getByText(en.protect.nrm.record).click();
    await victim.locator('input[id$="-nrm-child-no"]').check();
    await victim.locator('input[id$="-nrm-consent-given"]').check();
    const now = today();
    await victim.locator('input[id$="-nrm-rgDecision-positive"]').check();
    await victim.locator('input[id$="-nrm-rgDecidedOn-day"]').fill(now.day);
    await victim.locator('input[id$="-nrm-rgDecidedOn-month"]').fill(now.month);
    await victim.locator('input[id$="-nrm-rgDecidedOn-year"]').fill(now.year);
    await victim.getByRole('button', { name: en.protect.nrm.save }).click();
    await expect.poll(() => victim.locator('[data-nrm]').innerText()).toContain(en.protect.nrm.decision.positive);

    const suspect = page.locator('[data-role="suspect"] > li[data-person]', { hasText: SUSPECT.familyName });
    await suspect.getByText(en.outcomes.record).click();
    await suspect.locator('input[id$="-outcome-kind-charge"]').check();
    await suspect.locator('select[id$="-outcome-offence"]').selectOption('msa_s2');
    await suspect.getByRole('button', { name: en.outcomes.save }).click();
    await expect.poll(() => suspect.locator('[data-outcomes]').innerText()).toContain(en.outcomes.offence.msa_s2);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the 4P view counts the woman’s referral and decision and the man’s charge', async () => {
    const page = ds.page;
    await page.goto(`${ds.baseUrl}/figures?lang=en`);
    await page.locator('#figure-fourp').waitFor();
    expect(await fourP(page, 'peopleReferredToNrm')).toBe(before.peopleReferredToNrm! + 1);
    expect(await fourP(page, 'rgPositive')).toBe(before.rgPositive! + 1);
    expect(await fourP(page, 'peopleCharged')).toBe(before.peopleCharged! + 1);
    expect(await fourP(page, 'charges-msa_s2')).toBe(before['charges-msa_s2']! + 1);
  });

  it('the council’s agreements end, and it loses the case at once; renewed, it reads it again', async () => {
    const page = admin.page;
    await page.goto(`${admin.baseUrl}/admin/agreements?lang=cy`);
    const inForce = page
      .locator('[data-agreement]', { hasText: 'Newport City Council' })
      .filter({ has: page.getByRole('button', { name: cy.sharing.agreements.end }) });
    await inForce.first().waitFor();
    while ((await inForce.count()) > 0) {
      const agreement = inForce.first();
      await agreement.getByLabel(cy.sharing.agreements.endReason).fill('Adolygiad blynyddol: y cytundeb i’w adnewyddu');
      const count = await inForce.count();
      await agreement.getByRole('button', { name: cy.sharing.agreements.end }).click();
      await expect.poll(() => inForce.count()).toBe(count - 1);
    }

    await council.page.reload();
    await council.page.locator('.govuk-error-summary').waitFor();
    expect(await council.page.locator('main').innerText()).not.toContain(SUSPECT.familyName);
    await council.page.goto(`${council.baseUrl}/shared?lang=cy`);
    await council.page.getByRole('heading', { level: 1, name: cy.sharing.list.title }).waitFor();
    await council.page.locator('main p').first().waitFor();
    expect(await council.page.getByRole('link', { name: new RegExp(reference) }).count()).toBe(0);
    expect(await accessibilityProblems(council.page)).toEqual([]);

    // Renewed on the demo's terms (suspects and addresses): the share was never withdrawn, so the council reads it again.
    const now = today();
    await recordAgreement(page, cy, {
      agency: 'Newport City Council',
      purpose: 'Diogelu ar y cyd: cytundeb wedi’i adnewyddu',
      lawfulBasis: 'Deddf Trosedd ac Anhrefn 1998 a115',
      categories: ['suspect_identity', 'addresses'],
      startsOn: [now.day, now.month, now.year],
      endsOn: ['31', '12', String(Number(now.year) + 2)],
    });
    await council.page.reload();
    await council.page.getByRole('link', { name: new RegExp(reference) }).waitFor();
  });
});
