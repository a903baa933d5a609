import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Download, Locator, Page, Response } from 'playwright-core';
import type {
  TBudget,
  TBudgetCalculatorResult,
  TTargetDwellingInput,
} from '../../src/shared/contracts/budget.ts';
import { householdId } from '../../src/demo/ids.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import {
  assertAccessible,
  browserAvailable,
  launchBrowser,
  screenshot,
  startApp,
  type Browser,
  type RunningApp,
  waitForLoaded,
} from './harness.ts';
import { demoSignIn, type DemoSignIn } from './sign-in.ts';

const CASEWORKER = 'camille.roussel@le-passage.example';
const LANDLORD_ADVISOR = 'conseillere.sociale@habitat-brenne.example';
/** A Habitat Brenne tenant followed by Le Passage (Camille Roussel), without a diagnostic yet. */
const HOUSEHOLD_ID = householdId('h12');
const TABLET = { width: 1024, height: 768 };

/** Written in a caseworker-only field (health): must never reach the landlord. */
const HEALTH_MARKER = 'MARQUEUR-SANTE-e2e';
/** Written in a landlord-visible field (conclusion, tactic): the landlord must read it. */
const TACTIC_MARKER = 'TACTIQUE-PARTAGEE-e2e';
/** The note of an eviction step recorded from the diagnostic: the caseworker's only. */
const STEP_NOTE_MARKER = 'NOTE-ETAPE-e2e';
const STEP_LABEL = 'Demande de concours de la force publique';

const TARGET: TTargetDwellingInput = {
  typology: 'T3',
  surfaceM2: 64.5,
  monthlyRentCents: 43_850,
  monthlyChargesCents: null,
  zone: 3,
  conventioned: true,
  socialLandlord: true,
  furnished: false,
  annualResourcesOverrideCents: null,
};
const TARGET_LABEL = 'T3 rue des Tanneurs';

/** Spaces as the browser and Node may differ on them (narrow no-break before €, thousands). */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const euros = (cents: number) =>
  flat(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100));
const percent = (value: number) => `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;

/** Saves a download and checks that it is a real PDF of some size. */
async function expectPdf(download: Download, what: string) {
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1'), what).toBe('%PDF-');
  expect(bytes.length, what).toBeGreaterThan(2_000);
}

/**
 * The shared diagnostic and the budget in a real browser, on the demo territory: a caseworker fills
 * a diagnostic on a tablet (a health detail included) and studies a target dwelling with the
 * estimated APL and the effort rate; the household approves by signing on the tablet; the landlord
 * version is shared with Habitat Brenne and the PDFs download; the landlord then reads its version
 * without any health detail, in the page and in the JSON it receives, and has no budget tab.
 */
describe.skipIf(!browserAvailable())('diagnostic and budget flow', { timeout: 60_000 }, () => {
  let t: RunningApp;
  let signIn: DemoSignIn;
  const browsers: Browser[] = [];
  /** The page of the user acting now, captured when a test fails. */
  let page: Page | undefined;
  const browserLog: string[] = [];

  beforeAll(async () => {
    t = await startApp();
    await loadDemo(t.deps.db, { now: t.deps.clock() });
    signIn = demoSignIn(t);
  }, 60_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await t?.close();
  });

  beforeEach(({ task, onTestFailed }) => {
    browserLog.length = 0;
    onTestFailed(async () => {
      if (page) console.error(`Capture d’écran : ${await screenshot(page, `diag-${task.name}`)}`);
      if (browserLog.length > 0) console.error(`Navigateur :\n${browserLog.join('\n')}`);
    });
  });

  const p = () => page!;
  const accessible = (where: string) => assertAccessible(p(), where);

  async function newBrowser(viewport?: { width: number; height: number }) {
    const browser = await launchBrowser({ viewport });
    browsers.push(browser);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // No transitions: axe must see the final colours, not a fading modal.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    page.on('pageerror', (e) => browserLog.push(`erreur de script : ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) browserLog.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
  }

  const fileTabList = () => p().getByRole('tablist', { name: 'Parties du dossier' });

  async function openFile() {
    await p().goto(`${t.url}/menages/${HOUSEHOLD_ID}`);
    await p()
      .getByRole('heading', { level: 1, name: /^Dossier / })
      .waitFor();
  }

  /** Shows a tab of the household file and waits until its content has loaded. */
  async function showTab(label: string) {
    await fileTabList().getByRole('tab', { name: label, exact: true }).click();
    await fileTabList().getByRole('tab', { name: label, exact: true, selected: true }).waitFor();
    await waitForLoaded(p());
  }

  /** Opens a section of the diagnostic editor (accordion) and returns its panel. */
  async function section(label: string): Promise<Locator> {
    const control = p().getByRole('button', { name: label, exact: true });
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
    const panel = p().getByRole('region', { name: label, exact: true });
    await panel.waitFor();
    return panel;
  }

  async function choose(scope: Locator, field: string | RegExp, option: string) {
    await scope.getByRole('combobox', { name: field }).click();
    await p().getByRole('option', { name: option, exact: true }).click();
  }

  async function download(link: Locator): Promise<Download> {
    const [file] = await Promise.all([p().waitForEvent('download'), link.click()]);
    return file;
  }

  let calculatorBasis: TBudget['calculatorBasis'] | undefined;

  it('the caseworker signs in on a tablet and fills the diagnostic, autosaved', async () => {
    await newBrowser(TABLET);
    await signIn(p(), CASEWORKER);
    await openFile();
    await p().getByText('Votre accès : Référent — accès complet').waitFor();
    await showTab('Diagnostic');
    await p().getByRole('button', { name: 'Commencer le diagnostic' }).click();
    await p()
      .getByText(/^(Brouillon à jour\.|Enregistré à )/)
      .waitFor();

    // Opened with what the file says: one adult and two children, marked so.
    const family = await section('Situation familiale');
    await expect.poll(() => family.getByText('Repris du dossier').count()).toBe(2);
    await family.getByRole('textbox', { name: /^Adultes/ }).fill('1');
    await family.getByRole('textbox', { name: /^Enfants/ }).fill('2');
    expect(await family.getByText('Repris du dossier').count()).toBe(2);
    const budgetSummary = await section('Budget (synthèse)');
    await budgetSummary.getByText('Repris du budget').first().waitFor();

    const administrative = await section('Situation administrative');
    await administrative
      .getByRole('radiogroup', { name: /^Pièces d’identité valides/ })
      .getByRole('radio', { name: 'Oui' })
      .check();

    const employment = await section('Situation professionnelle');
    await choose(employment, /^Situation/, 'En formation');

    const health = await section('Santé');
    await health
      .getByRole('textbox', { name: 'Suivi', exact: true })
      .fill(`Suivi psychiatrique hebdomadaire au CMP (${HEALTH_MARKER}).`);

    const project = await section('Projet résidentiel');
    await choose(project, /^Type de logement visé/, 'Logement social');

    // The tenancy of the file already answers: nothing to type again.
    const dwelling = await section('Logement actuel ou absence de logement');
    expect(
      await dwelling
        .getByRole('radiogroup', { name: /^A un logement/ })
        .getByRole('radio', { name: 'Oui' })
        .isChecked(),
    ).toBe(true);
    expect(await dwelling.getByRole('combobox', { name: /^Statut d’occupation/ }).inputValue()).toBe(
      'Locataire du parc social',
    );
    expect(await dwelling.getByText('Repris du dossier').count()).toBe(3);

    const history = await section('Historique logement');
    await history.getByRole('button', { name: 'Noter une étape de la procédure' }).click();
    const stepForm = history.getByRole('form', { name: 'Noter une étape de la procédure' });
    await choose(stepForm, /^Étape/, STEP_LABEL);
    await stepForm.getByRole('textbox', { name: /^Précision/ }).fill(STEP_NOTE_MARKER);
    await stepForm.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await history
      .getByRole('list', { name: 'Étapes de la procédure d’expulsion' })
      .getByText(new RegExp(`${STEP_LABEL} \\(${STEP_NOTE_MARKER}\\)`))
      .waitFor();

    const urgent = await section('Actions urgentes');
    await urgent.getByRole('button', { name: 'Ajouter une action urgente' }).click();
    const task = urgent.getByRole('form', { name: 'Nouvelle action urgente' });
    await task
      .getByRole('textbox', { name: /^Action/ })
      .fill('Saisir la CCAPEX avant le concours de la force publique');
    await task.getByRole('button', { name: 'Enregistrer l’action urgente' }).click();
    await task.waitFor({ state: 'detached' });
    await urgent
      .getByRole('table', { name: 'Actions urgentes du ménage' })
      .getByRole('row', { name: /Saisir la CCAPEX.*Camille Roussel.*À faire/ })
      .waitFor();

    const needs = await section('Besoins et attentes (dits par le ménage)');
    await needs
      .getByRole('textbox', { name: /^Besoins et attentes/ })
      .fill('« Je veux garder un logement pour mes enfants, même plus petit. »');

    const conclusion = await section('Conclusion');
    await conclusion
      .getByRole('textbox', { name: /^Besoin au regard du marché local/ })
      .fill('Un T3 du parc social à loyer modéré est accessible sur le secteur.');
    await conclusion
      .getByRole('textbox', { name: /^Tactique/ })
      .fill(`Mutation vers un T3 moins cher avec bail de sauvegarde (${TACTIC_MARKER}).`);
    await choose(conclusion, /^Capacité à agir seul/, 'Peut les mener en partie, avec un appui');

    // The only wait on time: the autosave runs after a quiet moment, then says so.
    await p()
      .getByText(/^Enregistré à \d{2}:\d{2}$/)
      .waitFor({ timeout: 15_000 });
    await p().getByText('À compléter avant de présenter le diagnostic :').waitFor({ state: 'detached' });
    await accessible('l’éditeur du diagnostic (tablette)');
  });

  it('the caseworker adds a target dwelling and sees the estimated APL and the effort rate', async () => {
    const budgetPath = `/api/households/${HOUSEHOLD_ID}/budget`;
    const isBudget = (r: Response) =>
      r.request().method() === 'GET' && new URL(r.url()).pathname === budgetPath;
    const [budgetResponse] = await Promise.all([p().waitForResponse(isBudget), showTab('Budget')]);
    calculatorBasis = ((await budgetResponse.json()) as TBudget).calculatorBasis;

    // The same figures, asked of the public calculator directly.
    const reply = await t.app.inject({
      method: 'POST',
      url: '/api/calculators/budget',
      payload: { ...calculatorBasis, dwelling: TARGET },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const { evaluation } = reply.json<TBudgetCalculatorResult>();
    expect(evaluation.housingBenefit.monthlyCents).toBeGreaterThan(0);
    expect(evaluation.effortRate.percent).not.toBeNull();
    const apl = euros(evaluation.housingBenefit.monthlyCents);
    const effort = percent(evaluation.effortRate.percent!);

    await p().getByRole('button', { name: 'Ajouter un logement cible' }).click();
    const form = p().getByRole('form', { name: 'Logement cible' });
    await form.getByRole('textbox', { name: /^Libellé/ }).fill(TARGET_LABEL);
    await choose(form, /^Typologie/, 'T3');
    await form.getByRole('textbox', { name: /^Surface/ }).fill('64,5');
    await choose(form, /^Zone de l’aide au logement/, 'Zone 3');
    await form.getByRole('textbox', { name: /^Loyer mensuel hors charges/ }).fill('438,50');
    expect(await form.getByRole('switch', { name: 'Logement conventionné (APL)' }).isChecked()).toBe(true);
    expect(await form.getByRole('switch', { name: 'Bailleur social' }).isChecked()).toBe(true);

    /** The amount cell of a row of an evaluation table. */
    const figure = (table: Locator, row: RegExp) =>
      table.getByRole('row', { name: row }).getByRole('cell').first();
    const live = form.getByRole('table', { name: /^Calcul en direct/ });
    await expect.poll(async () => flat(await figure(live, /^Loyer/).innerText())).toBe(euros(43_850));
    await expect
      .poll(async () => flat(await figure(live, /^Aide au logement/).innerText()))
      .toMatch(new RegExp(`^${apl}`));
    expect(flat(await figure(live, /^Aide au logement/).innerText())).toMatch(/ € \(APL\)$/);
    expect(flat(await figure(live, /^Taux d’effort/).innerText())).toBe(effort);
    await accessible('le formulaire de logement cible avec le calcul en direct');

    await form.getByRole('button', { name: 'Enregistrer le logement cible' }).click();
    await form.waitFor({ state: 'detached' });
    const saved = p().getByRole('table', { name: new RegExp(`^${TARGET_LABEL} :`) });
    await p()
      .getByRole('heading', { name: `${TARGET_LABEL} — T3, 64,5 m², zone 3` })
      .waitFor();
    expect(flat(await figure(saved, /^Aide au logement/).innerText())).toMatch(new RegExp(`^${apl}`));
    expect(flat(await figure(saved, /^Taux d’effort/).innerText())).toBe(effort);
    await accessible('l’onglet Budget');
  });

  it('the diagnostic is presented, then the household approves it by signing on the tablet', async () => {
    await showTab('Diagnostic');
    await p().getByRole('button', { name: 'Présenter au ménage' }).click();
    const present = p().getByRole('dialog', { name: 'Présenter le diagnostic au ménage' });
    await present
      .getByRole('textbox', { name: /^Ce qui a été expliqué au ménage/ })
      .fill('Lecture du diagnostic section par section, et de ce qui sera transmis au bailleur.');
    await present.getByRole('button', { name: 'Enregistrer la présentation' }).click();
    await present.waitFor({ state: 'detached' });

    await p().getByRole('button', { name: 'Faire approuver' }).click();
    const approval = p().getByRole('dialog', { name: 'Approbation par le ménage' });
    const submit = approval.getByRole('button', { name: 'Enregistrer l’approbation' });
    expect(await submit.isDisabled()).toBe(true);
    const pad = approval.getByRole('img', { name: 'Signature du ménage' });
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const mouse = p().mouse;
    await mouse.move(box.x + 40, box.y + box.height * 0.6);
    await mouse.down();
    for (const [dx, dy] of [
      [90, -50],
      [150, 30],
      [220, -40],
      [300, 20],
    ] as const) {
      await mouse.move(box.x + 40 + dx, box.y + box.height * 0.6 + dy, { steps: 6 });
    }
    await mouse.up();
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await accessible('la fenêtre d’approbation avec la signature');
    await submit.click();
    await approval.waitFor({ state: 'detached' });

    await p()
      .getByText(/^Approuvé le \d{2}\/\d{2}\/\d{4} — figé$/)
      .waitFor();
    await p().getByRole('img', { name: 'Signature du ménage' }).waitFor();
    expect(await p().getByRole('button', { name: 'Présenter au ménage' }).count()).toBe(0);
    // The caseworker's frozen version holds the health detail: its absence below is no accident.
    await p().getByText(HEALTH_MARKER, { exact: false }).waitFor();
  });

  it('the landlord version is shared with Habitat Brenne and the PDFs download', async () => {
    await p().getByRole('tab', { name: 'Partage et PDF' }).click();
    const landlordVersion = p().getByRole('radio', { name: 'Version bailleur' });
    await landlordVersion.waitFor();
    expect(await landlordVersion.isChecked()).toBe(true);
    await p()
      .getByRole('checkbox', { name: /^Habitat Brenne/ })
      .check();
    await p().getByRole('button', { name: 'Partager', exact: true }).click();
    await p()
      .getByRole('table', { name: 'Partages du diagnostic' })
      .getByRole('row', { name: /Habitat Brenne.*Version bailleur.*Version 1/ })
      .waitFor();

    await expectPdf(await download(p().getByRole('link', { name: 'PDF version ménage' })), 'PDF ménage');
    await expectPdf(await download(p().getByRole('link', { name: 'PDF version bailleur' })), 'PDF bailleur');
  });

  it('the landlord reads its version without any health detail, and has no budget tab', async () => {
    await newBrowser();
    const diagnosticJson: Promise<string>[] = [];
    p().on('response', (r) => {
      const { pathname } = new URL(r.url());
      if (/^\/api\/(households\/[^/]+\/)?diagnostics(\/|$)/.test(pathname) && !pathname.endsWith('/pdf')) {
        diagnosticJson.push(r.text().then((body) => `${pathname} ${body}`));
      }
    });
    await signIn(p(), LANDLORD_ADVISOR);
    await openFile();
    await p().getByText('Votre accès : Synthèse bailleur').waitFor();
    const tabs = await fileTabList().getByRole('tab').allTextContents();
    expect(tabs).toContain('Diagnostic');
    expect(tabs).not.toContain('Budget');

    await showTab('Diagnostic');
    const shared = p().getByRole('region', { name: 'Version bailleur — diagnostic version 1' });
    await shared.waitFor();
    await shared.getByText(TACTIC_MARKER, { exact: false }).waitFor();
    await shared
      .getByRole('list', { name: 'Étapes de la procédure d’expulsion' })
      .getByText(STEP_LABEL, { exact: false })
      .waitFor();
    expect(await shared.innerText()).not.toContain(STEP_NOTE_MARKER);
    expect(await p().locator('body').innerText()).not.toContain(HEALTH_MARKER);
    expect(await shared.getByRole('heading', { name: 'Santé', exact: true }).count()).toBe(0);
    await accessible('la version bailleur du diagnostic');

    const bodies = await Promise.all(diagnosticJson);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.join('\n')).toContain(TACTIC_MARKER);
    for (const body of bodies) {
      expect(body).not.toContain(HEALTH_MARKER);
      expect(body).not.toContain(STEP_NOTE_MARKER);
    }

    await expectPdf(
      await download(shared.getByRole('link', { name: 'Télécharger le PDF' })),
      'PDF du bailleur',
    );
  });
});
