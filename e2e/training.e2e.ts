import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { readStarterCourses } from '@harbour/server';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { signedInBrowser } from './support/pages';

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
    b = await signedInBrowser('officer', { phone: true });
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
    b = await signedInBrowser('investigator', { lang: 'cy', phone: true });
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

// One DS, signed in once: each second-factor code works once, so a second sign-in within the same
// 30 seconds would wait for the next.
describe('the DS, at a desk', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await signedInBrowser('supervisor');
  });
  afterAll(async () => b?.close());

  const box = (page: Page, id: string) => page.locator(`[id="${id}"]`);
  const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  const prepare = (page: Page, measure: string) => page.locator(`#figure-fourp tr[data-measure="${measure}"] td`).last();

  it('writes a course in English and Welsh: refused with the missing Welsh named and linked, then saved, previewed, published and taken', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/training/authoring`);
    await page.getByRole('heading', { level: 1, name: 'Write and publish courses' }).waitFor();
    await expect.poll(() => page.getByTestId('authored-courses').locator('tbody tr').count()).toBe(COURSES.length);
    await pageIsSound(page);
    await page.getByRole('button', { name: 'Write a new course' }).click();
    await page.getByRole('heading', { level: 1, name: 'Write a new course' }).waitFor();
    await pageIsSound(page);

    await box(page, 'slug').fill('hotel-staff-briefing');
    const fills: [string, string][] = [
      ['content.title.en', 'Signs in hotels'],
      ['content.title.cy', 'Arwyddion mewn gwestai'],
      ['content.summary.en', 'What hotel staff may see.'],
      ['content.summary.cy', 'Yr hyn y gall staff gwesty ei weld.'],
      ['content.modules.0.title.en', 'At the front desk'],
      ['content.modules.0.title.cy', 'Wrth y ddesg flaen'],
      ['content.modules.0.body.en', '## Who books the room\n\n- Paid in cash by someone else\n- **Many** visitors'],
      ['content.questions.0.prompt.en', 'Who paid for the room?'],
      ['content.questions.0.prompt.cy', 'Pwy dalodd am yr ystafell?'],
      ['content.questions.0.options.0.text.en', 'A man who did not stay'],
      ['content.questions.0.options.0.text.cy', 'Dyn nad arhosodd'],
      ['content.questions.0.options.0.feedback.en', 'Right: a sign of control.'],
      ['content.questions.0.options.0.feedback.cy', 'Cywir: arwydd o reolaeth.'],
      ['content.questions.0.options.1.text.en', 'The guest'],
      ['content.questions.0.options.1.text.cy', 'Y gwestai'],
      ['content.questions.0.options.1.feedback.en', 'Usual.'],
      ['content.questions.0.options.1.feedback.cy', 'Arferol.'],
    ];
    for (const [id, text] of fills) await box(page, id).fill(text);
    await box(page, 'content.questions.0.options.0.correct').check();
    await page.getByRole('button', { name: 'Save the draft' }).click();
    // The module's Welsh is missing: named in the summary, linked to its box, and nothing saved.
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.innerText()).toContain('Module 1, Text (Welsh)');
    expect(await summary.getByRole('link').count()).toBe(1);
    await summary.getByRole('link', { name: /Module 1, Text \(Welsh\)/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('content.modules.0.body.cy');
    await pageIsSound(page);

    await box(page, 'content.modules.0.body.cy').fill('## Pwy sy’n archebu’r ystafell\n\n- Wedi’i thalu ag arian parod gan rywun arall');
    await page.getByText('Preview the Welsh').first().click();
    const preview = page.getByTestId('preview-content.modules.0.body.cy');
    await expect.poll(() => preview.getByRole('heading', { level: 2 }).innerText()).toBe('Pwy sy’n archebu’r ystafell');
    expect(await preview.locator('li').innerText()).toBe('Wedi’i thalu ag arian parod gan rywun arall');

    // A picture for the English text: asked for what it shows first, then added and previewed.
    const english = 'content.modules.0.body.en';
    await page.getByText('Add a picture').first().click();
    const png = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#00703c' } })
      .png()
      .toBuffer();
    await page.locator(`[id="${english}-picture"]`).setInputFiles({ name: 'front-desk.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Add the picture' }).first().click();
    await page.getByText('Say what the picture shows').first().waitFor();
    await page.locator(`[id="${english}-picture-alt"]`).fill('A hotel front desk with a bell');
    await page.getByRole('button', { name: 'Add the picture' }).first().click();
    await expect.poll(() => box(page, english).inputValue()).toMatch(/!\[A hotel front desk with a bell\]\(\/api\/training\/images\/[0-9a-f-]{36}\)\n$/);
    await page.getByText('Preview the English').first().click();
    const picture = page.getByTestId(`preview-${english}`).getByRole('img', { name: 'A hotel front desk with a bell' });
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
    await pageIsSound(page);
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByText('The draft is saved.').waitFor();
    await expect.poll(() => page.getByTestId('editing-version').innerText()).toContain('Version 1 is a draft');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByText('The course is published').waitFor();
    await pageIsSound(page);

    await page.goto(`${b.baseUrl}/training`);
    await page.getByRole('link', { name: 'Signs in hotels' }).click();
    await page.getByRole('link', { name: 'At the front desk' }).click();
    await page.getByRole('heading', { level: 2, name: 'Who books the room' }).waitFor();
    // The colleague taking the course sees the picture, described for a screen reader.
    await expect.poll(() => page.getByRole('img', { name: 'A hotel front desk with a bell' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  });

  it('the authoring pages in Welsh, every one accessible', async () => {
    const page = b.page;
    await page.goto(`${b.baseUrl}/training/authoring?lang=cy`);
    await page.getByRole('heading', { level: 1, name: 'Ysgrifennu a chyhoeddi cyrsiau' }).waitFor();
    await pageIsSound(page);
    await page.getByRole('link', { name: 'Arwyddion mewn gwestai' }).click();
    await page.getByRole('heading', { level: 1, name: 'Golygu’r cwrs' }).waitFor();
    expect(await page.getByTestId('editing-version').innerText()).toContain('Mae fersiwn 1 wedi’i chyhoeddi');
    await pageIsSound(page);
  });

  it('records the establishment: the Prepare figure waits for one; the files are taken, a bad one refused by line', async () => {
    const page = b.page;
    // Back in English after the Welsh pages.
    await page.goto(`${b.baseUrl}/figures?lang=en`);
    await expect.poll(() => prepare(page, 'trained').innerText()).toBe('Not yet recorded: record the establishment');

    await page.goto(`${b.baseUrl}/training/coverage`);
    await page.getByRole('heading', { level: 1, name: 'Who is trained' }).waitFor();
    await pageIsSound(page);
    await page
      .getByLabel('Units file (CSV)')
      .setInputFiles(csv('units.csv', 'code,name,local authority\nNPT-RESP,Newport response,Newport\nHQ,Headquarters,\n'));
    await page.getByRole('button', { name: 'Send the units file' }).click();
    await page.getByText('2 units saved.').waitFor();

    const colleagues = [
      'Staff number,Name,Email,Unit',
      'G1,PC Sian Davies,pc.davies@gwent.police.example,NPT-RESP',
      'G2,PC Tom Lewis,,NPT-RESP',
      'G3,DS Carys Jones,ds.jones@gwent.police.example,HQ',
    ];
    await page
      .getByLabel('Establishment file of the whole force (CSV)')
      .setInputFiles(csv('staff.csv', [...colleagues, 'G4,PC New Starter,,NOWHERE'].join('\n')));
    await page.getByRole('button', { name: 'Send the establishment file' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toContain('Line 5, Unit: No unit has the code NOWHERE');
    await page.getByLabel('Establishment file of the whole force (CSV)').setInputFiles(csv('staff.csv', colleagues.join('\n')));
    await page.getByRole('button', { name: 'Send the establishment file' }).click();
    await page.getByText('3 added, 0 changed, 0 marked as having left.').waitFor();
    await expect.poll(() => page.getByTestId('establishment-size').innerText()).toBe('3 colleagues in 2 units.');
  });

  it('the course the officer passed counts her; set for her unit by a day gone, it shows overdue and who is outstanding', async () => {
    const page = b.page;
    const course = COURSES.find((c) => c.slug === 'partners-and-harbour')!.content;
    await page.locator('#course').selectOption({ label: course.title.en });
    await expect.poll(() => page.getByTestId('coverage-total').innerText()).toBe('1 of 3 colleagues trained and in date (33%).');
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Newport response' });
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Set the course' }).click();
    const unit = page.getByTestId('coverage-units').locator('tr[data-unit="NPT-RESP"]');
    await expect.poll(() => unit.innerText()).toContain('1 still to complete');
    expect(await unit.locator('.govuk-tag--red').innerText()).toBe('Overdue');
    const outstanding = page.getByTestId('coverage-colleagues');
    expect(await outstanding.innerText()).toContain('PC Tom Lewis');
    expect(await outstanding.innerText()).toContain('No Harbour account with their email');
    expect(await outstanding.innerText()).not.toContain('PC Sian Davies');
    await pageIsSound(page);

    await page.goto(`${b.baseUrl}/figures`);
    await expect.poll(() => prepare(page, 'trainedInAny').innerText()).toBe('1');
    expect(await prepare(page, 'trained').innerText()).toBe('0');

    await page.goto(`${b.baseUrl}/training/coverage?lang=cy`);
    await page.getByRole('heading', { level: 1, name: 'Pwy sydd wedi’u hyfforddi' }).waitFor();
    await page.getByTestId('coverage-total').waitFor();
    await pageIsSound(page);
  });
});
