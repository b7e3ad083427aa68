import { chromium } from 'playwright-core';
import { SignInFlow } from './support/pages';
const context = await chromium.launchPersistentContext('/tmp/shot-profile', {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1200, height: 1400 },
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = context.pages()[0] ?? (await context.newPage());
const base = 'http://localhost:8099';
await page.goto(`${base}/?lang=en`);
await new SignInFlow(page, base).asRole('analyst');
await page.goto(`${base}/review?lang=en`);
await page.locator('table.app-review').waitFor();
await page.screenshot({ path: '/tmp/review.png', fullPage: true });
const link = page.locator('table.app-review thead a[href^="/entities/"]').first();
if (await link.count()) await link.click();
else {
  await page.goto(`${base}/search?q=Vu&lang=en`);
  await page.locator('section a').first().click();
}
await page.locator('h1').waitFor();
await page.waitForLoadState('networkidle');
await page.screenshot({ path: '/tmp/entity.png', fullPage: true });
await page.goto(`${base}/search?q=car%20wash&lang=en`);
await page.waitForLoadState('networkidle');
await page.screenshot({ path: '/tmp/search.png', fullPage: true });
await context.close();
