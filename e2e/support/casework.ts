import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type en from '../../packages/web/src/i18n/en.json';

type Words = typeof en;

/**
 * Sends a referral as the signed-in account would from its form, and returns the report's id
 * once the picture has taken its people in (its background job; then they can be linked to a case).
 * `read` is a page signed in as the team, which finds the report.
 */
export async function referAndWait(sender: Page, read: Page, referral: Record<string, unknown>): Promise<string> {
  const reference = await sender.evaluate(async (body) => {
    const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
    const sent = await fetch('/api/referrals', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify(body),
    });
    if (sent.status !== 201) throw new Error(`referral refused: ${sent.status} ${await sent.text()}`);
    return ((await sent.json()) as { reference: string }).reference;
  }, referral);
  const reportId = await read.evaluate(async (ref) => {
    const found = (await (await fetch(`/api/triage?reference=${ref}`)).json()) as { items: { id: string }[] };
    return found.items[0]!.id;
  }, reference);
  await expect
    .poll(
      () =>
        read.evaluate(async (id) => {
          const r = (await (await fetch(`/api/reports/${id}`)).json()) as { persons: { entityId: string | null }[] };
          return r.persons.every((p) => p.entityId !== null);
        }, reportId),
      { timeout: 30_000 },
    )
    .toBe(true);
  return reportId;
}

/** An administrator records an information-sharing agreement on the agreements page, in the page's language. */
export async function recordAgreement(
  page: Page,
  words: Words,
  agreement: {
    agency: string;
    purpose: string;
    lawfulBasis: string;
    categories: (keyof Words['sharing']['categories'])[];
    startsOn: string[];
    endsOn: string[];
  },
): Promise<void> {
  await page.getByLabel(words.sharing.agreements.agency).selectOption({ label: agreement.agency });
  await page.getByLabel(words.sharing.agreements.purpose).fill(agreement.purpose);
  await page.getByLabel(words.sharing.agreements.lawfulBasis).fill(agreement.lawfulBasis);
  for (const category of agreement.categories) await page.getByLabel(words.sharing.categories[category]).check();
  for (const [id, [day, month, year]] of [
    ['startsOn', agreement.startsOn],
    ['endsOn', agreement.endsOn],
  ] as const) {
    await page.locator(`#${id}-day`).fill(day!);
    await page.locator(`#${id}-month`).fill(month!);
    await page.locator(`#${id}-year`).fill(year!);
  }
  await page.getByRole('button', { name: words.sharing.agreements.save }).click();
  await page.locator('[data-agreement]', { hasText: agreement.purpose }).waitFor();
}

/** A partner agency's user does its task on a shared case and adds a note, and sees both kept. */
export async function doSharedTaskAndNote(page: Page, words: Words, task: { title: string; done: string; note: string }): Promise<void> {
  const card = page.locator('section[data-task]', { hasText: task.title });
  await card.getByLabel(words.tasks.whatWasDone).fill(task.done);
  await card.getByRole('button', { name: words.tasks.save }).click();
  // The task's tag, not the card: the form's own choice "done" is on the card before it is saved.
  await expect.poll(async () => (await card.locator('.govuk-tag').allInnerTexts()).join(' ')).toContain(words.tasks.status.done);
  await page.getByLabel(words.pursue.case.addNote).fill(task.note);
  await page.getByRole('button', { name: words.pursue.case.saveNote }).click();
  await expect.poll(() => page.locator('#case-notes').innerText()).toContain(task.note);
}
