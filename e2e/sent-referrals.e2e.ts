import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openBrowser, type Browser } from './support/browser';
import { overflowWidth } from './support/layout';
import { SignInFlow } from './support/pages';
import cy from '../packages/web/src/i18n/cy.json';

/** A signed-in page's JSON request, with its anti-forgery token. */
async function send(b: Browser, method: string, path: string, body: unknown): Promise<unknown> {
  return b.page.evaluate(
    async ([m, p, json]) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch(p, {
        method: m,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(json),
      });
      return (await response.json()) as unknown;
    },
    [method, path, body] as const,
  );
}

describe('a council officer follows the referral she sent, on a phone in Welsh, and answers the team', () => {
  let council: Browser;
  let ds: Browser;
  beforeAll(async () => {
    council = await openBrowser();
    await council.page.setViewportSize({ width: 390, height: 844 });
    await council.page.goto(`${council.baseUrl}/?lang=cy`);
    await new SignInFlow(council.page, council.baseUrl).asRole('partner');
    ds = await openBrowser();
    await new SignInFlow(ds.page, ds.baseUrl).asRole('supervisor');
  });
  afterAll(async () => {
    await council?.close();
    await ds?.close();
  });

  it('reads the team’s question where her referral stands, answers it, and the team reads the answer', async () => {
    const sent = (await send(council, 'POST', '/api/referrals', {
      consentToNrm: 'yes',
      exploitationTypes: ['labour'],
      summary: 'Gweithwraig salon ewinedd yn cysgu yn yr ystafell gefn',
      victim: { givenName: 'Mirela', familyName: 'Dobre' },
    })) as { reference: string };
    const id = await council.page.evaluate(async (reference) => {
      const mine = (await (await fetch('/api/referrals/sent')).json()) as { referrals: { id: string; reference: string }[] };
      return mine.referrals.find((r) => r.reference === reference)!.id;
    }, sent.reference);
    await send(ds, 'POST', `/api/reports/${id}/messages`, { body: 'Oes ganddi ei phasbort?' });

    const page = council.page;
    await page.goto(`${council.baseUrl}/home?lang=cy`);
    await page.getByRole('link', { name: cy.staffHome.tasks.sentReferrals }).click();
    const item = page.locator(`[data-referral="${id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain(cy.sentReferrals.questions_one.replace('{{count}}', '1'));
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    await item.getByRole('link', { name: sent.reference }).click();
    await page.locator('#referral-thread [data-from="team"]', { hasText: 'Oes ganddi ei phasbort?' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Gweithwraig salon ewinedd yn cysgu yn yr ystafell gefn');
    await page.getByLabel(cy.sentReferrals.answer).fill('Nac oes: y rheolwr sy’n ei gadw');
    await page.getByRole('button', { name: cy.sentReferrals.send }).click();
    await page.locator('#referral-thread [data-from="reporter"]', { hasText: 'Nac oes: y rheolwr sy’n ei gadw' }).waitFor();
    expect(await overflowWidth(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    const thread = await ds.page.evaluate(async (r) => (await (await fetch(`/api/reports/${r}/messages`)).json()) as { messages: { body: string }[] }, id);
    expect(thread.messages.map((m) => m.body)).toEqual(['Oes ganddi ei phasbort?', 'Nac oes: y rheolwr sy’n ei gadw']);
  });
});
