import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { referAndWait } from './support/casework';
import { SignInFlow } from './support/pages';
import cy from '../packages/web/src/i18n/cy.json';
import en from '../packages/web/src/i18n/en.json';

/** Today in the force's area, and the date `days` on, as the page's date boxes take them. */
function ukDate(days = 0): { iso: string; day: string; month: string; year: string } {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() + days * 86_400_000));
  const [year, month, day] = iso.split('-') as [string, string, string];
  return { iso, day: String(Number(day)), month: String(Number(month)), year };
}

describe('a DS records a child’s NRM referral, its decision, a safeguarding plan and a charge, on a phone in Welsh', () => {
  let b: Browser;
  let caseUrl = '';
  let victimId = '';
  let suspectId = '';
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.goto(`${b.baseUrl}/?lang=cy`);
    await new SignInFlow(b.page, b.baseUrl).asRole('supervisor');
  });
  afterAll(async () => b?.close());

  it('opens a case from a child’s referral: intake’s guidance waits on the victim’s record as the NRM step', async () => {
    const page = b.page;
    // A 15-year-old made to deal drugs, who speaks Polish; the man running the line is named.
    const reportId = await referAndWait(page, page, {
      consentToNrm: 'unknown',
      exploitationTypes: ['criminal'],
      summary: 'Bachgen 15 oed yn gwerthu cyffuriau o fflat yn Sain Tathan; mae’r dyn hŷn yn cadw ei ffôn',
      victim: { givenName: 'Kacper', familyName: 'Nowakowski', ageYears: 15, child: 'yes', language: 'Pwyleg', interpreterNeeded: true },
      otherPeople: [{ role: 'suspect', givenName: 'Liam', familyName: 'Prydderch' }],
    });
    await page.goto(`${b.baseUrl}/triage/${reportId}?lang=cy`);
    await page.getByRole('heading', { level: 2, name: cy.pursue.open.title }).waitFor();
    await page.getByLabel(cy.pursue.open.caseTitle).fill('Ymgyrch Tathan: llinell gyffuriau');
    await page.getByRole('button', { name: cy.pursue.open.submit }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    caseUrl = page.url().split('?')[0]!;
    victimId = (await page.locator('[data-role="potential_victim"] > li[data-person]').first().getAttribute('data-person'))!;
    suspectId = (await page.locator('[data-role="suspect"] > li[data-person]').first().getAttribute('data-person'))!;
    const victim = page.locator(`[data-role="potential_victim"] > li[data-person="${victimId}"]`);
    await victim.getByText(cy.protect.nrm.step.nrm).waitFor();
    await victim.getByText(cy.protect.nrm.record).click();
    // Prefilled as intake's guidance said: a child, no consent needed, an NRM referral, criminal exploitation.
    expect(await page.locator('#v0-nrm-child-yes').isChecked()).toBe(true);
    expect(await page.locator('#v0-nrm-consent-not_needed').isChecked()).toBe(true);
    expect(await page.locator('#v0-nrm-route-nrm').isChecked()).toBe(true);
    expect(await page.locator('#v0-nrm-exploitationTypes-criminal').isChecked()).toBe(true);
    expect(await page.locator('#v0-nrm-firstResponder').inputValue()).not.toBe('');
    expect(await page.locator('#v0-nrm-referredOn-year').inputValue()).toBe(ukDate().year);
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.locator('#v0-nrm-homeOfficeReference').fill('NRM-2026-0417');
    await victim.getByRole('button', { name: cy.protect.nrm.save }).click();
    await victim.locator('[data-nrm]').waitFor();
    const summary = await victim.locator('[data-nrm]').innerText();
    expect(summary).toContain(cy.protect.nrm.routes.nrm);
    expect(summary).toContain('NRM-2026-0417');
    expect(summary).toContain(cy.referral.types.criminal);
    expect(summary).toContain(cy.protect.nrm.awaitedBy.split('{{')[0]!.trim());
  });

  it('records the positive Reasonable Grounds decision: the recovery period runs 30 days from it', async () => {
    const page = b.page;
    const victim = page.locator(`[data-role="potential_victim"] > li[data-person="${victimId}"]`);
    await victim.getByText(cy.protect.nrm.update).click();
    await page.locator('#v0-nrm-rgDecision-positive').check();
    const today = ukDate();
    await page.locator('#v0-nrm-rgDecidedOn-day').fill(today.day);
    await page.locator('#v0-nrm-rgDecidedOn-month').fill(today.month);
    await page.locator('#v0-nrm-rgDecidedOn-year').fill(today.year);
    // Asked for too soon, the Conclusive Grounds decision is refused with the reason, at its field.
    await page.locator('#v0-nrm-cgDecision-positive').check();
    await page.locator('#v0-nrm-cgDecidedOn-day').fill(today.day);
    await page.locator('#v0-nrm-cgDecidedOn-month').fill(today.month);
    await page.locator('#v0-nrm-cgDecidedOn-year').fill(today.year);
    await victim.getByRole('button', { name: cy.protect.nrm.save }).click();
    await victim.locator('.govuk-error-summary').waitFor();
    // Said at the field, in Welsh, with the day it may be made.
    const refusal = await victim.locator('#v0-nrm-cgDecidedOn-error').innerText();
    expect(refusal).toContain(cy.staffErrors.domain.cgInRecoveryPeriod.split('{{days}}')[0]!.trim());
    expect(refusal).toContain('30');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.locator('#v0-nrm-cgDecision-').check();
    await page.locator('#v0-nrm-supportStatus').selectOption('receiving');
    await victim.getByRole('button', { name: cy.protect.nrm.save }).click();
    await expect.poll(() => victim.locator('[data-nrm]').innerText()).toContain(cy.protect.nrm.decision.positive);
    const summary = await victim.locator('[data-nrm]').innerText();
    expect(summary).toContain(cy.protect.support.receiving);
    expect(summary).toContain(cy.protect.nrm.cgFrom.split('{{')[0]!.trim());
  });

  it('records a safeguarding plan, prefilled with the interpreter the referral asked for', async () => {
    const page = b.page;
    const victim = page.locator(`[data-role="potential_victim"] > li[data-person="${victimId}"]`);
    await victim.getByText(cy.protect.plan.record).click();
    expect(await page.locator('#v0-plan-interpreterNeeded').isChecked()).toBe(true);
    expect(await page.locator('#v0-plan-language').inputValue()).toBe('Pwyleg');
    await page.locator('#v0-plan-immediateRisks').fill('Mae’r llinell yn gwybod ble mae’n byw; ffôn wedi’i gymryd');
    await page.locator('#v0-plan-accommodation').fill('Lleoliad maeth brys, Torfaen');
    await page.locator('#v0-plan-supportProvider').fill('Barnardo’s');
    await page.locator('#v0-plan-leadAgencyId').selectOption({ label: 'Newport City Council' });
    const review = ukDate(14);
    await page.locator('#v0-plan-nextReviewOn-day').fill(review.day);
    await page.locator('#v0-plan-nextReviewOn-month').fill(review.month);
    await page.locator('#v0-plan-nextReviewOn-year').fill(review.year);
    await victim.getByRole('button', { name: cy.protect.plan.save }).click();
    await victim.locator('[data-plan]').waitFor();
    const plan = await victim.locator('[data-plan]').innerText();
    for (const text of [
      'Mae’r llinell yn gwybod ble mae’n byw; ffôn wedi’i gymryd',
      'Lleoliad maeth brys, Torfaen',
      'Barnardo’s',
      'Pwyleg',
      'Newport City Council',
    ])
      expect(plan).toContain(text);
    expect(plan).not.toContain(cy.protect.overdue);
  });

  it('charges the suspect under s2 and reads everything back, in Welsh and in English', async () => {
    const page = b.page;
    const suspect = page.locator(`[data-role="suspect"] > li[data-person="${suspectId}"]`);
    await suspect.getByText(cy.outcomes.record).click();
    await page.locator('#s0-outcome-kind-charge').check();
    await page.locator('#s0-outcome-offence').selectOption('msa_s2');
    await page.locator('#s0-outcome-details').fill('Cyhuddwyd yng Nghasnewydd; remand');
    await suspect.getByRole('button', { name: cy.outcomes.save }).click();
    await expect.poll(() => suspect.locator(`[data-outcomes="${suspectId}"]`).innerText()).toContain(cy.outcomes.offence.msa_s2);
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.goto(`${caseUrl}?lang=en`);
    await page.getByRole('heading', { level: 1, name: /Ymgyrch Tathan/ }).waitFor();
    const main = await page.locator('main').innerText();
    for (const text of [
      en.protect.nrm.routes.nrm,
      'NRM-2026-0417',
      en.protect.support.receiving,
      'Lleoliad maeth brys, Torfaen',
      en.outcomes.line.charge.replace('{{offence}}', en.outcomes.offence.msa_s2),
      'Cyhuddwyd yng Nghasnewydd; remand',
    ])
      expect(main).toContain(text);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
