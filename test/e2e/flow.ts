import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { and, eq, isNull } from 'drizzle-orm';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { DEMO_USERS, organisationId, userId, type DemoOrgKey } from '../../src/demo/territory.ts';
import { householdParties, tenancies } from '../../src/modules/households/schema.ts';
import { measureSchemes } from '../../src/modules/measures/schema.ts';
import { sessionFor, type TestSession } from '../helpers/factories.ts';
import { launchBrowser, screenshot, startApp, type Browser, type RunningApp } from './harness.ts';
import { demoSignIn } from './sign-in.ts';

export interface BrowserFlow {
  /** The app, started with the demo territory loaded (from the suite's first beforeAll on). */
  readonly t: RunningApp;
  /** A new browser (its own cookies), on the home page of the demo account signed in. */
  signedIn(email: string): Promise<Page>;
}

/**
 * What every browser flow on the demo territory sets up, registered as the suite's hooks: the app
 * on a fresh database with the demo loaded (before the suite's own beforeAll), a browser per
 * signed-in user closed at the end (which fails on an identifier shown or a CSP block), and on a
 * failure a screenshot of the last page opened and what the browser logged (script errors, 4xx/5xx).
 */
export function browserFlow(options: { viewport?: { width: number; height: number } } = {}): BrowserFlow {
  let app: RunningApp | undefined;
  let signIn: ReturnType<typeof demoSignIn>;
  const browsers: Browser[] = [];
  let page: Page | undefined;
  const browserLog: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    signIn = demoSignIn(app);
    await loadDemo(app.deps.db, { now: app.deps.clock() });
  }, 60_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await app?.close();
  });

  beforeEach(({ task, onTestFailed }) => {
    browserLog.length = 0;
    onTestFailed(async () => {
      if (page) console.error(`Capture d’écran : ${await screenshot(page, task.name)}`);
      if (browserLog.length > 0) console.error(`Navigateur :\n${browserLog.join('\n')}`);
    });
  });

  return {
    get t() {
      if (!app) throw new Error('L’application n’est pas encore démarrée (beforeAll).');
      return app;
    },
    async signedIn(email) {
      const browser = await launchBrowser(options.viewport ? { viewport: options.viewport } : {});
      browsers.push(browser);
      const p = browser.context.pages()[0] ?? (await browser.context.newPage());
      p.on('pageerror', (e) => browserLog.push(`erreur de script : ${e.message}`));
      p.on('response', (r) => {
        if (r.status() >= 400) browserLog.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
      page = p;
      await signIn(p, email);
      return p;
    },
  };
}

/** A demo account: its user id and its organisation's. */
export function demoAccount(email: string): { userId: string; organisationId: string } {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`${email} n’est pas un compte de démonstration.`);
  return { userId: userId(user.key), organisationId: organisationId(user.org) };
}

/** A session of a demo account in its organisation, for the set-up that precedes a flow. */
export function demoSession(t: RunningApp, email: string): Promise<TestSession> {
  const account = demoAccount(email);
  return sessionFor(t.deps, account.userId, account.organisationId);
}

/** Demo accounts the flows sign in as. */
export const COORDINATOR = 'coordination@habitat-brenne.example';
export const CASEWORKER = 'camille.roussel@le-passage.example';
export const LANDLORD_ADVISOR = 'conseillere.sociale@habitat-brenne.example';

/** A scheme the demo's Conseil départemental adopted, found by its code or its name. */
export async function demoSchemeId(t: RunningApp, by: { code: string } | { name: string }): Promise<string> {
  const [scheme] = await t.deps.db
    .select({ id: measureSchemes.id })
    .from(measureSchemes)
    .where(
      and(
        'code' in by ? eq(measureSchemes.code, by.code) : eq(measureSchemes.name, by.name),
        eq(measureSchemes.funderOrganisationId, organisationId('cd')),
      ),
    );
  return scheme!.id;
}

/** A call to the API as `s`, for the set-up; its JSON answer, or a failure naming the route. */
export async function api(
  t: RunningApp,
  s: TestSession,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) {
  const res = await t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/**
 * Tenants of the landlord the account works for, followed by the operator, whose file that
 * account reads (each tenant once, in a stable order).
 */
export async function followedTenants(
  t: RunningApp,
  input: { operator: DemoOrgKey; landlordEmail: string },
): Promise<string[]> {
  const landlord = await demoSession(t, input.landlordEmail);
  const candidates = await t.deps.db
    .selectDistinct({ householdId: tenancies.householdId })
    .from(tenancies)
    .innerJoin(householdParties, eq(householdParties.householdId, tenancies.householdId))
    .where(
      and(
        isNull(tenancies.endDate),
        eq(tenancies.landlordOrganisationId, demoAccount(input.landlordEmail).organisationId),
        eq(householdParties.organisationId, organisationId(input.operator)),
        isNull(householdParties.endedAt),
      ),
    )
    .orderBy(tenancies.householdId);
  const seen: string[] = [];
  for (const c of candidates) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/households/${c.householdId}`,
      headers: landlord.headers,
    });
    if (res.statusCode === 200) seen.push(c.householdId);
  }
  expect(seen, `un locataire suivi par ${input.operator} et visible du bailleur`).not.toHaveLength(0);
  return seen;
}

/** Waits for the notification that says `text` (the latest, when several say it). */
export const notified = (p: Page, text: string) =>
  p.locator('.mantine-Notification-root', { hasText: text }).last().waitFor();

/** Opens the select (or multi-select) labelled `label` in `scope` and picks the option. */
export async function choose(p: Page, scope: Locator | Page, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await p
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

/** Draws a signature with the mouse (a finger on the tablet) across the pad, as a household does. */
export async function drawSignature(p: Page, pad: Locator) {
  const box = (await pad.boundingBox())!;
  await p.mouse.move(box.x + 40, box.y + 120);
  await p.mouse.down();
  const stroke: [number, number][] = [
    [80, 60],
    [140, 150],
    [220, 70],
    [300, 130],
  ];
  for (const [dx, dy] of stroke) await p.mouse.move(box.x + dx, box.y + dy, { steps: 5 });
  await p.mouse.up();
}

/** A signed-out browser on a fresh app (no demo), registered as the suite's hooks: for the public pages. */
export function publicFlow(): { readonly t: RunningApp; readonly page: Page } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.emulateMedia({ reducedMotion: 'reduce' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get t() {
      if (!app) throw new Error('L’application n’est pas encore démarrée (beforeAll).');
      return app;
    },
    get page() {
      if (!page) throw new Error('Le navigateur n’est pas encore ouvert (beforeAll).');
      return page;
    },
  };
}
