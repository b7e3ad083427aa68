import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { readStarterCourses } from '@harbour/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { SignInFlow } from './support/pages';

/** The starter courses as shipped: the test knows the right answers from the files the demo loads. */
const COURSES = readStarterCourses();

/** For each question prompt, in either language, the text of its right answer and of a wrong one. */
function answerKey(language: 'en' | 'cy'): Map<string, { right: string; wrong: string }> {
  return new Map(
    COURSES.flatMap((c) =>
      c.content.questions.map((q) => [
        q.prompt[language],
        { right: q.options.find((o) => o.correct)!.text[language], wrong: q.options.find((o) => !o.correct)!.text[language] },
      ]),
    ),
  );
}

/** Answers every question on the quiz page, rightly or wrongly; returns how many were asked. */
async function answerAll(page: Page, language: 'en' | 'cy', rightly: boolean): Promise<number> {
  const key = answerKey(language);
  const questions = page.locator('form fieldset');
  await questions.first().waitFor();
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    const fieldset = questions.nth(i);
    const legend = (await fieldset.locator('legend').innerText()).split('\n').pop()!.trim();
    const answers = key.get(legend);
    expect(answers, `a question the course files hold: ${legend}`).toBeDefined();
    await fieldset.getByLabel(rightly ? answers!.right : answers!.wrong, { exact: true }).check();
  }
  return count;
}

async function pageIsSound(page: Page): Promise<void> {
  expect(await overflowWidth(page)).toBe(0);
  expect(await accessibilityProblems(page)).toEqual([]);
}

describe('a colleague takes a course on a phone: reads it, loses signal, fails, passes', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.goto(`${b.baseUrl}/?lang=en`);
    await new SignInFlow(b.page, b.baseUrl).asRole('officer');
  });
  afterAll(async () => b?.close());

  it('the officer’s home lists the courses to take, and the training page each with where they stand', async () => {
    const page = b.page;
    const home = page.getByTestId('my-training');
    await home.waitFor();
    for (const c of COURSES) await expect.poll(() => home.innerText()).toContain(c.content.title.en);
    await page.getByRole('link', { name: 'All courses' }).click();
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    const list = page.getByTestId('courses');
    await expect.poll(() => list.locator(':scope > li').count()).toBe(COURSES.length);
    await pageIsSound(page);
  });

  it('reads the modules, and the next module still opens with the connection lost', async () => {
    const page = b.page;
    const course = COURSES.find((c) => c.slug === 'partners-and-harbour')!.content;
    await page.getByRole('link', { name: course.title.en }).click();
    await page.getByRole('heading', { level: 1, name: course.title.en }).waitFor();
    await pageIsSound(page);
    await page.getByRole('button', { name: 'Start the course' }).click();
    await page.getByRole('heading', { level: 1, name: course.modules[0]!.title.en }).waitFor();
    // The module is the course's text, whole: its first words and its helplines.
    const text = await page.locator('.app-markdown').innerText();
    expect(text).toContain(course.modules[0]!.body.en.split('\n')[0]!.slice(0, 60));
    for (const n of ['0800 555 111', '08000 121 700']) expect(text).toContain(n);
    await pageIsSound(page);

    await b.context.setOffline(true);
    await page.getByRole('link', { name: /Next/ }).click();
    await page.getByRole('heading', { level: 1, name: course.modules[1]!.title.en }).waitFor();
    expect(await page.locator('.app-markdown').innerText()).toContain('Make a referral');
    await b.context.setOffline(false);
    await page.getByRole('link', { name: 'Take the quiz' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quiz' }).waitFor();
    await pageIsSound(page);
  });

  it('answers wrongly, keeps the answers through a reload, loses signal sending, and is marked when it returns', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Begin the quiz' }).click();
    const asked = await answerAll(page, 'en', false);
    expect(asked).toBe(6);
    await pageIsSound(page);
    await page.reload();
    await page.locator('form fieldset').first().waitFor();
    await expect.poll(() => page.locator('input[type=radio]:checked').count()).toBe(asked);

    await b.context.setOffline(true);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('your answers are kept on this device and will be sent');
    expect(await page.locator('input[type=radio]:checked').count()).toBe(asked);
    await b.context.setOffline(false);
    await page.getByRole('heading', { level: 1, name: 'You did not pass this time' }).waitFor();
    expect(await page.getByTestId('quiz-result').innerText()).toContain('You scored 0 out of 6 (0%)');
    // Feedback for every answer of every question, the right one marked.
    const marked = page.getByTestId('marked-questions').locator(':scope > li');
    expect(await marked.count()).toBe(6);
    expect(await page.locator('.app-marked-option').count()).toBeGreaterThanOrEqual(6 * 3);
    expect(await page.locator('.app-marked-option--correct').count()).toBe(6);
    await pageIsSound(page);
  });

  it('tries again with questions drawn afresh, passes, and is recorded as up to date', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Try again with new questions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quiz' }).waitFor();
    await answerAll(page, 'en', true);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { level: 1, name: 'You passed' }).waitFor();
    const result = await page.getByTestId('quiz-result').innerText();
    expect(result).toContain('You scored 6 out of 6 (100%)');
    const number = /Certificate (HT-\d{4}-[A-Z0-9]{10})/.exec(result)![1]!;
    await pageIsSound(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the certificate (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe(`certificate-${number}.pdf`);
    expect((await readFile(await download.path())).subarray(0, 5).toString()).toBe('%PDF-');

    await page.goto(`${b.baseUrl}/training`);
    const course = COURSES.find((c) => c.slug === 'partners-and-harbour')!.content;
    const item = page.getByTestId('courses').locator(':scope > li', { hasText: course.title.en });
    await expect.poll(() => item.innerText()).toContain('Up to date');
    expect(await item.innerText()).toContain('Take it again by');
  });
});

describe('the same in Welsh, on a phone', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.goto(`${b.baseUrl}/?lang=cy`);
    await new SignInFlow(b.page, b.baseUrl).asRole('investigator');
  });
  afterAll(async () => b?.close());

  it('a course read and its quiz passed in Welsh, every page accessible', async () => {
    const page = b.page;
    const course = COURSES.find((c) => c.slug === 'first-response')!.content;
    await page.goto(`${b.baseUrl}/training?lang=cy`);
    await page.getByRole('heading', { level: 1, name: 'Hyfforddiant' }).waitFor();
    await pageIsSound(page);
    await page.getByRole('link', { name: course.title.cy }).click();
    await page.getByRole('heading', { level: 1, name: course.title.cy }).waitFor();
    await pageIsSound(page);
    await page.getByRole('link', { name: course.modules[3]!.title.cy }).click();
    await page.getByRole('heading', { level: 1, name: course.modules[3]!.title.cy }).waitFor();
    expect(await page.locator('.app-markdown').innerText()).toContain('Atodlen 4');
    await pageIsSound(page);
    await page.getByRole('link', { name: 'Gwneud y cwis' }).click();
    await page.getByRole('button', { name: 'Dechrau’r cwis' }).click();
    await page.locator('form fieldset').first().waitFor();
    // Sent with a question unanswered: the quiz names it, and sends nothing.
    const asked = await page.locator('form fieldset').count();
    expect(asked).toBe(8);
    await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toContain('Dewiswch ateb i gwestiwn 1');
    await pageIsSound(page);
    await answerAll(page, 'cy', true);
    await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rydych wedi llwyddo' }).waitFor();
    expect(await page.getByTestId('quiz-result').innerText()).toContain('Cawsoch 8 allan o 8 (100%)');
    await pageIsSound(page);
  });
});
