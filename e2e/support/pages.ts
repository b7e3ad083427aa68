import type { Page } from 'playwright-core';
import { currentTotp, DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '@harbour/server';
import type { Role } from '@harbour/core';
import { openBrowser, type Browser } from './browser';

/** Page objects: how a person signs in and moves about, in one place. */
export class SignInFlow {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/sign-in`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  async withPassword(email: string, password: string): Promise<void> {
    await this.page.getByLabel(/Email address|Cyfeiriad e-bost/).fill(email);
    await this.page.getByLabel(/^(Password|Cyfrinair)$/).fill(password);
    await this.page.locator('form').getByRole('button').click();
  }

  /** Signs in a demo account all the way, enrolling an authenticator where it has none. */
  async asRole(role: Role): Promise<{ recoveryCodes: string[] }> {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
    await this.open();
    await this.withPassword(account.email, DEMO_PASSWORD);
    if (role === 'officer') {
      await this.page.waitForURL('**/home');
      return { recoveryCodes: [] };
    }
    if (!account.enrolled) {
      await this.page.waitForURL('**/sign-in/set-up');
      const secret = (await this.page.getByTestId('totp-secret').textContent())!.trim();
      await this.page.getByLabel(/Security code|Cod diogelwch/).fill(currentTotp(secret));
      await this.page.getByRole('button', { name: /Confirm|Cadarnhau/ }).click();
      await this.page.locator('.app-recovery-codes li').first().waitFor();
      const codes = await this.page.locator('.app-recovery-codes li').allTextContents();
      await this.page.getByRole('button', { name: /saved my recovery codes|cadw fy nghodau/ }).click();
      await this.page.waitForURL('**/home');
      return { recoveryCodes: codes };
    }
    await this.page.waitForURL('**/sign-in/code');
    for (let attempt = 0; ; attempt++) {
      await this.page.getByLabel(/Security code|Cod diogelwch/).fill(await demoTotp(attempt));
      // The server's answer decides, not what is on the page: a refusal's error summary stays on
      // screen while the next code is tried, and would read as a second refusal.
      const [answer] = await Promise.all([
        this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/session/second-factor'),
        this.page.getByRole('button', { name: /Continue|Parhau/ }).click(),
      ]);
      if (answer.ok()) {
        await this.page.waitForURL('**/home');
        return { recoveryCodes: [] };
      }
      if (attempt >= 3) throw new Error(`second factor refused four times for ${role} (last answer ${answer.status()})`);
    }
  }
}

export async function navigationItems(page: Page): Promise<string[]> {
  return (
    await page
      .getByRole('navigation', { name: /Menu|Dewislen/ })
      .getByRole('link')
      .allTextContents()
  ).map((s) => s.trim());
}

/**
 * The demo accounts' authenticator code for a sign-in's `attempt` (0, 1, …). Each code works once
 * for an account, and Harbour also takes the next period's (an authenticator's clock a little
 * ahead): a test signing in as an account another has just used takes that one at once. Only a
 * third sign-in within one period waits for the clock, staggered so two waiting do not collide.
 */
export async function demoTotp(attempt: number): Promise<string> {
  if (attempt === 0) return currentTotp(DEMO_TOTP_SECRET);
  if (attempt >= 2) {
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500 + Math.random() * 2_000));
  }
  return currentTotp(DEMO_TOTP_SECRET, Date.now() + 30_000);
}

/** A browser signed in as a demo account, reading in a language, at a desk or on a phone (390 px wide). */
export async function signedInBrowser(role: Role, { lang = 'en', phone = false }: { lang?: 'en' | 'cy'; phone?: boolean } = {}): Promise<Browser> {
  const b = await openBrowser();
  if (phone) await b.page.setViewportSize({ width: 390, height: 844 });
  await b.page.goto(`${b.baseUrl}/?lang=${lang}`);
  await new SignInFlow(b.page, b.baseUrl).asRole(role);
  return b;
}
