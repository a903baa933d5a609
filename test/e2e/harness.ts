import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../helpers/app.ts';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Browser tests run when Chromium is present; CI sets RELAIS_REQUIRE_BROWSER=1 so that a missing
 * browser fails the run instead of skipping the flows.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.RELAIS_REQUIRE_BROWSER) {
    throw new Error(`Chromium est requis pour les tests navigateur (${CHROMIUM} introuvable).`);
  }
  return false;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile and no background traffic. */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'relais-pw-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'fr-FR',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  // A missing element fails well within the test's own timeout, with Playwright's explanation.
  context.setDefaultTimeout(10_000);
  await context.addInitScript(recordTechnicalText);
  // What the Content-Security-Policy blocked, on any page and across navigations (Chromium reports it in the console).
  const blocked: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      blocked.push(`${message.location().url} — ${message.text()}`);
    }
  });
  return {
    context,
    close: async () => {
      // Every page the browser showed is checked, not only those a test looked at closely.
      const leaks = (await Promise.all(context.pages().map(technicalTextShown))).flat();
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      if (leaks.length > 0) throw new Error(formatTechnicalText(leaks));
      if (blocked.length > 0) {
        throw new Error(
          [`${blocked.length} blocage(s) par la CSP :`, ...blocked.map((b) => `  - ${b}`)].join('\n'),
        );
      }
    },
  };
}

/**
 * Runs in every page: watches what the page shows (text, and the labels read aloud) and records any
 * piece of the machine a user must never see — an identifier (UUID), an enum code or field key
 * (snake_case), a dotted code (household.budget.read). E-mail addresses, web addresses and file
 * names are people's data, not codes.
 */
function recordTechnicalText() {
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
  const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/;
  const DOTTED = /\b[a-z]+(?:\.[a-z_]+)+\b/g;
  const FILE_OR_DOMAIN = /\.(pdf|png|jpe?g|webp|docx|odt|txt|csv|xlsx|example|fr|com|org|net|local|relais)$/;
  const found = new Set<string>();
  (window as unknown as { __relaisTechnicalText: Set<string> }).__relaisTechnicalText = found;
  const check = (raw: string | null, where: string) => {
    if (!raw) return;
    const text = raw.replace(/\S+@\S+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
    const dotted = [...text.matchAll(DOTTED)].map((m) => m[0]).filter((d) => !FILE_OR_DOMAIN.test(d));
    const hit = UUID.exec(text)?.[0] ?? SNAKE.exec(text)?.[0] ?? dotted[0];
    if (hit) found.add(`${location.pathname} — ${where} : « ${hit} » dans « ${text.trim().slice(0, 120)} »`);
  };
  const scan = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && !['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName))
        check(node.textContent, 'texte');
      return;
    }
    if (!(node instanceof Element)) return;
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt'])
      check(node.getAttribute(attribute), attribute);
    // What a text field shows is read too (a checkbox's or radio's value is never shown).
    if (node instanceof HTMLInputElement && !['hidden', 'password', 'checkbox', 'radio'].includes(node.type))
      check(node.value, 'champ');
    node.childNodes.forEach(scan);
  };
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'characterData') scan(m.target);
      else if (m.type === 'attributes') scan(m.target);
      else m.addedNodes.forEach(scan);
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-label', 'title', 'placeholder', 'alt', 'value'],
  });
  document.addEventListener('DOMContentLoaded', () => scan(document.documentElement));
}

/** What the page showed that a user must never see (see recordTechnicalText). */
export const technicalTextShown = (page: Page): Promise<string[]> =>
  page
    .evaluate(() => [
      ...((window as unknown as { __relaisTechnicalText?: Set<string> }).__relaisTechnicalText ?? []),
    ])
    .catch(() => []);

const formatTechnicalText = (leaks: readonly string[]) =>
  [
    `${leaks.length} élément(s) technique(s) montré(s) à l’utilisateur :`,
    ...leaks.map((l) => `  - ${l}`),
  ].join('\n');

export interface RunningApp extends TestApp {
  url: string;
}

/**
 * The real app (built web client included) on a fresh database, listening on a free port. Its clock
 * follows the real time, as the browser's does (date inputs default to the browser's now, which
 * the server refuses when it is in its future); advance() moves it ahead, e.g. to the next TOTP step.
 */
export async function startApp(): Promise<RunningApp> {
  const t = await createTestApp();
  let offsetMs = 0;
  t.deps.clock = () => new Date(Date.now() + offsetMs);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return {
    ...t,
    setNow: (date) => {
      offsetMs = date.getTime() - Date.now();
    },
    advance: (ms) => {
      offsetMs += ms;
    },
    url: `http://127.0.0.1:${port}`,
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/**
 * Waits for the CSS transitions and finite animations under way (a notification fading in, a modal
 * opening): measured mid-fade, text blends with the background and axe reports a contrast that
 * the settled page does not have. Endless ones (loaders) are not waited for.
 */
const transitionsSettled = (page: Page) =>
  page.evaluate(async () => {
    // Two frames, so that transitions started by the last render have begun.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });

/**
 * WCAG 2.1 A/AA violations of any impact on the current page; each node reads
 * "selector — html — why" (axe's summary, e.g. the contrast ratio and colours found).
 */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol: a <script> tag of ours would be inline, which the CSP blocks.
  await page.evaluate(axeSource);
  await transitionsSettled(page);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } })
      .axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  const violations = (results as { violations: { id: string; impact: string; nodes: AxeNode[] }[] })
    .violations;
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) =>
      [n.target.join(' '), oneLine(n.html, 160), oneLine(n.failureSummary ?? '', 240)]
        .filter(Boolean)
        .join(' — '),
    ),
  }));
}

export type AxeViolation = Awaited<ReturnType<typeof axeViolations>>[number];

/** The violations as a readable failure message: rule, impact and the offending nodes. */
export const formatAxeViolations = (where: string, violations: readonly AxeViolation[]) =>
  [
    `${violations.length} violation(s) axe sur ${where} :`,
    ...violations.flatMap((v) => [`  - ${v.id} (${v.impact}) :`, ...v.nodes.map((n) => `      ${n}`)]),
  ].join('\n');

/**
 * Fails with the rule ids and nodes when the page has an axe violation, and with the text when it
 * has shown a user an identifier or a code (recorded since the page loaded).
 */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(formatAxeViolations(where, violations));
  const leaks = await technicalTextShown(page);
  if (leaks.length > 0) throw new Error(formatTechnicalText(leaks));
}

/**
 * What scrolls sideways on the page: the document itself (content wider than the viewport), or a
 * region inside it, such as a table wider than its scroll container, which hides columns off-screen.
 */
export const horizontalOverflows = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      found.push(`document (${root.scrollWidth} > ${root.clientWidth} px)`);
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const overflowX = getComputedStyle(el).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        const label = el.getAttribute('aria-label') ?? el.querySelector('caption')?.textContent ?? '';
        found.push(
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} « ${label} » (${el.scrollWidth} > ${el.clientWidth} px)`,
        );
      }
    }
    return found;
  });

/** A full-page screenshot in .tmp/e2e-<name>.png, to see what the browser showed when a test failed. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync('.tmp', { recursive: true });
  const path = join('.tmp', `e2e-${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => undefined);
  return path;
}

/**
 * Waits until no loading indicator is left in `scope` (a status whose text starts with
 * "Chargement" or "Ouverture"); several may be showing at once, each leaving in its own time.
 */
export async function waitForLoaded(scope: Locator | Page): Promise<void> {
  const loading = scope.getByRole('status').filter({ hasText: /^(Chargement|Ouverture)/ });
  while ((await loading.count()) > 0) await loading.first().waitFor({ state: 'detached' });
}
