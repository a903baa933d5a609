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
    // From 150 tags and operations, Swagger UI (5.33+) renders only the part of the list near the
    // viewport: the page is scrolled to the end to see every operation of the document listed.
    const doc = (await (await fetch(`${t.url}/api/docs/json`)).json()) as { paths: Record<string, object> };
    const operations = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    const listed = new Set<string>();
    for (let previous = -1; ;) {
      for (const id of await page.locator('.opblock').evaluateAll((els) => els.map((el) => el.id))) {
        listed.add(id);
      }
      const scrolled = await page.evaluate(async () => {
        window.scrollBy(0, window.innerHeight / 2);
        // Two frames: the scroll event, then the rows it brings in.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return window.scrollY;
      });
      if (scrolled === previous) break;
      previous = scrolled;
    }
    expect(operations).toBeGreaterThan(50);
    expect(listed.size).toBe(operations);
    await page.close();
  });
});
