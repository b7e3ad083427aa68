/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** The numbers a reader may need to ring, as every public page writes them. */
export const HELPLINE_NUMBERS = ['999', '101', '0800 555 111', '08000 121 700'] as const;

/**
 * What is wrong with the phone numbers on the page as laid out: a helpline written outside a
 * phone-number element (so not isolated from right-to-left text around it, and not a link to call),
 * one whose characters are not laid out left to right in the order they are read, one broken across
 * lines, or one whose link would ring another number.
 */
export async function phoneNumberProblems(page: Page): Promise<string[]> {
  return page.evaluate((numbers) => {
    const problems: string[] = [];
    const phones = Array.from(document.querySelectorAll<HTMLAnchorElement>('a.app-phone'));
    // Every helpline in the page's text is inside one of them.
    const outside = document.body.cloneNode(true) as HTMLElement;
    outside.querySelectorAll('a.app-phone, script, style').forEach((e) => e.remove());
    const rest = outside.textContent ?? '';
    for (const number of numbers) {
      const pattern = new RegExp(`(?<!\\d)${number.replace(/ /g, '\\s')}(?!\\d)`);
      if (pattern.test(rest)) problems.push(`${number} is written outside a phone number`);
    }
    for (const phone of phones) {
      const text = phone.textContent ?? '';
      const boxes = phone.getClientRects().length;
      if (boxes === 0) continue; // not shown on this page (the footer's, where the page has its own)
      if (boxes !== 1) problems.push(`${text}: broken across lines`);
      if (phone.getAttribute('href') !== `tel:${text.replace(/[^\d+]/g, '')}`) problems.push(`${text}: links to ${phone.getAttribute('href')}`);
      // Each character's place on the screen, in reading order: left to right for a number.
      const node = phone.querySelector('bdi')?.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) {
        problems.push(`${text}: not an isolated left-to-right run`);
        continue;
      }
      const lefts: number[] = [];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === ' ') continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        lefts.push(range.getBoundingClientRect().left);
      }
      if (lefts.some((x, i) => i > 0 && x <= lefts[i - 1]!)) problems.push(`${text}: laid out out of order`);
    }
    return problems;
  }, HELPLINE_NUMBERS);
}

/** How much wider than the window the page is (0 when it fits: nothing to scroll sideways to). */
export async function overflowWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * The text boxes in the page's main content that do not say how much they take and count as the
 * reader types (the GOV.UK character count), except those named (a postcode has a format instead).
 */
export async function uncountedTextBoxes(page: Page, except: string[] = []): Promise<string[]> {
  return page.evaluate((except) => {
    const boxes = Array.from(document.querySelectorAll<HTMLElement>('main textarea, main input:not([type]), main input[type=text], main input[type=tel]'));
    return boxes
      .filter((box) => !except.includes(box.id) && !box.closest('[aria-hidden=true]'))
      .filter((box) => {
        const described = (box.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id));
        const limit = described.find((e) => e?.classList.contains('govuk-character-count__message'));
        const count = box.closest('.govuk-character-count')?.querySelector<HTMLElement>('.govuk-character-count__status');
        return !limit?.textContent?.trim() || !count?.innerText.trim();
      })
      .map((box) => box.id);
  }, except);
}
