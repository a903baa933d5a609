import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, startApp, type Browser, type RunningApp } from './harness.ts';

/**
 * The API documentation (Swagger UI) works under the app's Content-Security-Policy: its scripts
 * load, it lists the routes and calls one; closing the browser fails on anything the policy
 * blocked. Its page shows codes by nature, so it is closed before the check of what users see.
 */
describe.runIf(browserAvailable())('API documentation', { timeout: 60_000 }, () => {
  let t: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the routes and calls one from the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${t.url}/api/docs`);
    const health = page.locator('.opblock', { hasText: '/api/health' });
    await health.locator('.opblock-summary').click();
    await health.getByRole('button', { name: 'Try it out' }).click();
    await health.getByRole('button', { name: 'Execute' }).click();
    const status = health.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('200');
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    await page.close();
  });
});
