import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemo } from '../../src/demo/load-demo.ts';
import {
  assertAccessible,
  browserAvailable,
  horizontalOverflows,
  launchBrowser,
  screenshot,
  startApp,
  type Browser,
  type RunningApp,
} from './harness.ts';
import { demoSignIn } from './sign-in.ts';

const ADMIN = 'admin@le-passage.example';
const NEXT_PERIOD = '2026-10';
/** The families whose versioned files end on 30/09/2026, so that October 2026 cannot be computed. */
const ENDING_FAMILIES = ['Loyers plafonds', 'Forfait charges', 'Participation minimale (P0)'];
const UNCOVERED = /Le mois en cours n.est pas couvert : ajoutez le barème publié/;

const estimateRequest = {
  period: NEXT_PERIOD,
  zone: 2,
  monthlyRent: 450,
  couple: false,
  dependants: 1,
  annualResources: 12600,
  conventioned: false,
  furnished: false,
  flatShare: false,
  room: false,
  disabledMember: false,
};

/**
 * An administrator adds the housing-benefit scales published for October 2026 through the page
 * (copies of the latest values, one family edited as JSON, one with its own fields), which makes
 * the estimator answer for that month; then adds a département budget convention. Both pages
 * pass axe (WCAG 2.1 AA, no serious violation).
 */
describe.skipIf(!browserAvailable())('administration of dated scales', { timeout: 90_000 }, () => {
  let t: RunningApp;
  let browser: Browser;
  let page: Page;
  const browserLog: string[] = [];

  beforeAll(async () => {
    t = await startApp();
    await loadDemo(t.deps.db, { now: t.deps.clock() });
    browser = await launchBrowser({ viewport: { width: 1024, height: 768 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => browserLog.push(`erreur de script : ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 500) browserLog.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    await demoSignIn(t)(page, ADMIN);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  beforeEach(({ task, onTestFailed }) => {
    browserLog.length = 0;
    onTestFailed(async () => {
      console.error(`Capture d’écran : ${await screenshot(page, task.name)}`);
      if (browserLog.length > 0) console.error(`Navigateur :\n${browserLog.join('\n')}`);
    });
  });

  const estimate = () =>
    t.app.inject({ method: 'POST', url: '/api/calculators/housing-benefit', payload: estimateRequest });

  async function open(link: string, title: string) {
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  const periods = (family: string) =>
    page.getByRole('table', { name: `Périodes du barème « ${family} », les plus récentes d’abord` });

  async function addScale(family: string) {
    const form = page.getByRole('region', { name: 'Ajouter un barème' });
    await form.getByRole('combobox', { name: 'Famille de paramètres' }).click();
    await page.getByRole('option', { name: family, exact: true }).click();
    await form.getByRole('textbox', { name: /^En vigueur à partir du/ }).fill('01/10/2026');
    await form
      .getByRole('textbox', { name: /^Source/ })
      .fill('Arrêté du 29 septembre 2026 relatif au calcul des aides personnelles au logement');
    await form.getByRole('button', { name: 'Ajouter le barème' }).click();
  }

  it('lists the scales with the uncovered current month, and refuses October 2026 before they are added', async () => {
    expect((await estimate()).statusCode).toBe(422);
    await open('Barèmes d’aide au logement', 'Barèmes d’aide au logement');
    await page.getByText('L’estimation est possible de janvier 2021 à septembre 2026.').waitFor();
    await page.getByText(UNCOVERED).waitFor();
    // Six periods in the versioned file, under the header row.
    await periods('Loyers plafonds').getByRole('cell', { name: '01/10/2025', exact: true }).waitFor();
    expect(await periods('Loyers plafonds').getByRole('row').count()).toBe(7);
    await assertAccessible(page, 'les barèmes d’aide au logement');
    expect(await horizontalOverflows(page), 'défilement horizontal sur tablette').toEqual([]);
  });

  it('adds the October 2026 scales through the form, the list and the estimator follow', async () => {
    const form = page.getByRole('region', { name: 'Ajouter un barème' });
    // Nested values: a JSON editor pre-filled with the latest period's values.
    await form.getByRole('combobox', { name: 'Famille de paramètres' }).click();
    await page.getByRole('option', { name: 'Loyers plafonds', exact: true }).click();
    const json = form.getByRole('textbox', { name: /^Valeurs \(JSON\)/ });
    const template = await json.inputValue();
    const latest = JSON.parse(template) as Record<'1' | '2' | '3', { single: number }>;
    expect(latest['1'].single).toBeGreaterThan(0);
    // An error inside the JSON is shown under it with its path.
    await json.fill(JSON.stringify({ ...latest, '1': { ...latest['1'], single: -1 } }, null, 2));
    await form.getByRole('button', { name: 'Ajouter le barème' }).click();
    await form.getByText(/values\.1\.single : Le montant ne peut pas être négatif/).waitFor();
    await json.fill(template);
    await assertAccessible(page, 'le formulaire de barème (JSON)');

    for (const family of ENDING_FAMILIES) {
      await addScale(family);
      await periods(family).getByRole('cell', { name: '01/10/2026', exact: true }).waitFor();
    }
    // The flat family had its own fields, pre-filled too.
    await form.getByRole('combobox', { name: 'Famille de paramètres' }).click();
    await page.getByRole('option', { name: 'Participation minimale (P0)', exact: true }).click();
    expect(await form.getByRole('textbox', { name: /^Montant forfaitaire/ }).inputValue()).not.toBe('');
    expect(await form.getByRole('textbox', { name: /^Valeurs \(JSON\)/ }).count()).toBe(0);

    await page.getByText('L’estimation est possible de janvier 2021 à décembre 2026.').waitFor();
    const month = new Date().toISOString().slice(0, 7);
    expect(await page.getByText(UNCOVERED).count()).toBe(month <= '2026-12' ? 0 : 1);
    expect((await estimate()).statusCode).toBe(200);

    // The same dates again overlap: the server's 409 message is shown.
    await addScale('Loyers plafonds');
    await form
      .getByRole('alert')
      .filter({ hasText: /chevauche les dates demandées/ })
      .waitFor();
  });

  it('lists and adds a département budget convention, with the default one for reference', async () => {
    await open('Conventions budgétaires', 'Conventions budgétaires');
    const reference = page.getByRole('region', { name: 'Convention par défaut (référence)' });
    await reference.getByText('Convention par défaut de Relais').waitFor();
    await assertAccessible(page, 'les conventions budgétaires');
    expect(await horizontalOverflows(page), 'défilement horizontal sur tablette').toEqual([]);

    const form = page.getByRole('region', { name: 'Ajouter une convention' });
    await form.getByRole('textbox', { name: /^Nom/ }).fill('Règle FSL de la Brenne');
    await form.getByRole('textbox', { name: /^En vigueur à partir du/ }).fill('01/01/2027');
    await form.getByRole('textbox', { name: /^Chauffage par m²/ }).fill('0,90');
    await form.getByRole('button', { name: 'Ajouter la convention' }).click();

    const table = page.getByRole('table', { name: /^Conventions du département/ });
    const row = table.getByRole('row').filter({ hasText: 'Règle FSL de la Brenne' });
    await row.getByRole('cell', { name: '01/01/2027', exact: true }).waitFor();
    await row.getByText(/Chauffage 0,90\s€\/m²/).waitFor();
  });
});
