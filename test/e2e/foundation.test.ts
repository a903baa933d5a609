import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
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
  waitForLoaded,
} from './harness.ts';
import { demoSignIn, type DemoSignIn } from './sign-in.ts';

const LANDLORD_ADVISOR = 'conseillere.sociale@habitat-brenne.example';
const CASEWORKER = 'camille.roussel@le-passage.example';
const ASSOCIATION_ADMIN = 'admin@le-passage.example';
const TENANT = { firstName: 'Yasmine', lastName: 'Kerbrat' };

/** Keys of the household file that a landlord must never receive (shared and caseworker-only parts). */
const HIDDEN_FROM_LANDLORD = [
  'healthNotes',
  'justiceNotes',
  'familyConflictNotes',
  'resources',
  'expenses',
  'debts',
  'housingHistory',
  'housingSince',
  'shelterName',
];

/**
 * The foundation's user flow in a real browser, on the demo territory: a landlord social advisor
 * signs in with TOTP and refers a new tenant; the association's caseworker accepts the referral,
 * logs a contact attempt, records the first interview and opens the file; the landlord then sees
 * the status and only the landlord-visible part of the file. Every page visited passes axe (WCAG
 * 2.1 AA, no serious violation); the inbox and the file have no horizontal overflow on a tablet.
 */
describe.skipIf(!browserAvailable())(
  'foundation flow: landlord referral to association',
  // One step runs axe on every tab of the file (nineteen of them), slow on a busy machine.
  { timeout: 120_000 },
  () => {
    let t: RunningApp;
    const browsers: Browser[] = [];
    /** The page of the user acting now, captured when a test fails. */
    let page: Page | undefined;
    let signInDemo: DemoSignIn;
    let referralPath = '';
    let householdId = '';

    beforeAll(async () => {
      t = await startApp();
      signInDemo = demoSignIn(t);
      await loadDemo(t.deps.db, { now: t.deps.clock() });
    }, 60_000);

    afterAll(async () => {
      for (const b of browsers) await b.close();
      await t?.close();
    });

    /** Script errors and failed requests in the browser, printed when a test fails. */
    const browserLog: string[] = [];

    beforeEach(({ task, onTestFailed }) => {
      browserLog.length = 0;
      onTestFailed(async () => {
        if (page) console.error(`Capture d’écran : ${await screenshot(page, task.name)}`);
        if (browserLog.length > 0) console.error(`Navigateur :\n${browserLog.join('\n')}`);
      });
    });

    const nav = () => page!.getByRole('navigation', { name: 'Navigation principale' });
    const heading = (name: string | RegExp) => page!.getByRole('heading', { level: 1, name });
    const accessible = (where: string) => assertAccessible(page!, where);

    /** A fresh browser (new profile, no cookie) for the next user. */
    async function newBrowser() {
      const browser = await launchBrowser();
      browsers.push(browser);
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      page.on('pageerror', (e) => browserLog.push(`erreur de script : ${e.message}`));
      page.on('response', (r) => {
        if (r.status() >= 400) browserLog.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
    }

    /** Signs a demo account in; the first sign-in also checks both steps of the page with axe. */
    async function signIn(email: string, options: { checkAccessibility?: boolean } = {}) {
      await signInDemo(page!, email, {
        onStep: options.checkAccessibility
          ? (step) => accessible(`la connexion (${step === 'password' ? 'mot de passe' : 'second facteur'})`)
          : undefined,
      });
    }

    async function go(link: string, title: string | RegExp) {
      await nav().getByRole('link', { name: link, exact: true }).click();
      await heading(title).waitFor();
    }

    /** Opens the household file from the referral page and returns the JSON the page was given. */
    async function openFileFromReferral(): Promise<{ id: string; body: Record<string, unknown> }> {
      const isFileRead = (r: Response) =>
        r.request().method() === 'GET' &&
        /^\/api\/households\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname);
      const [response] = await Promise.all([
        page!.waitForResponse(isFileRead),
        page!.getByRole('link', { name: /ouvrir le dossier/ }).click(),
      ]);
      expect(response.status()).toBe(200);
      await heading(/^Dossier /).waitFor();
      const body = (await response.json()) as Record<string, unknown>;
      return { id: new URL(response.url()).pathname.split('/').pop()!, body };
    }

    const fileTabList = () => page!.getByRole('tablist', { name: 'Parties du dossier' });
    const fileTabs = () => fileTabList().getByRole('tab');

    /** Shows a tab of the open file and waits for its content (no loading indicator left). */
    async function showTab(label: string) {
      await fileTabList().getByRole('tab', { name: label, exact: true }).click();
      await fileTabList().getByRole('tab', { name: label, exact: true, selected: true }).waitFor();
      const panel = page!.getByRole('tabpanel');
      await panel.waitFor();
      await waitForLoaded(panel);
    }

    /** Every tab of the open file, each checked with axe. */
    async function checkEveryTab(who: string): Promise<string[]> {
      const labels = await fileTabs().allTextContents();
      for (const label of labels) {
        await showTab(label);
        await accessible(`l’onglet « ${label} » du dossier (${who})`);
      }
      return labels;
    }

    it('the landlord social advisor signs in with TOTP and refers a new tenant for maintenance', async () => {
      await newBrowser();
      await signIn(LANDLORD_ADVISOR, { checkAccessibility: true });
      await page!.getByRole('heading', { name: 'Mes saisines et leur état' }).waitFor();
      await accessible('l’accueil du bailleur');

      await go('Ménages', 'Ménages');
      await accessible('la liste des ménages (bailleur)');

      await go('Nouvelle saisine', 'Nouvelle saisine');
      await page!.getByRole('radio', { name: 'Un locataire pas encore suivi dans Relais' }).waitFor();
      await accessible('le formulaire de saisine');
      expect(
        await page!.getByRole('radio', { name: 'Un locataire pas encore suivi dans Relais' }).isChecked(),
      ).toBe(true);
      await page!.getByRole('textbox', { name: 'Prénom', exact: true }).fill(TENANT.firstName);
      await page!.getByRole('textbox', { name: 'Nom', exact: true }).fill(TENANT.lastName);
      await page!
        .getByRole('textbox', { name: 'Adresse du logement occupé' })
        .fill('12 rue des Peupliers, 00100 Saint-Aubin-sur-Brenne');
      await page!.getByRole('checkbox', { name: 'Impayés de loyer' }).check();
      await page!.getByRole('textbox', { name: 'Montant des impayés' }).fill('1234,50');
      await page!.getByRole('textbox', { name: "Nombre de mois d'impayés" }).fill('4');
      await page!
        .getByRole('textbox', { name: 'Informations complémentaires' })
        .fill('Locataire joignable le matin, ne répond pas aux courriers.');
      await page!.getByRole('combobox', { name: 'Association destinataire' }).click();
      await page!.getByRole('option', { name: /Le Passage/ }).click();
      await page!.getByRole('button', { name: 'Envoyer la saisine' }).click();

      await heading(/^Saisine S-\d{6}$/).waitFor();
      referralPath = new URL(page!.url()).pathname;
      expect(referralPath).toMatch(/^\/saisines\/[0-9a-f-]{36}$/);
      const sentNotice = page!.locator('.mantine-Notification-root', { hasText: 'Saisine envoyée.' });
      await sentNotice.getByRole('button', { name: 'Fermer' }).waitFor();
      await page!.getByText('Envoyée', { exact: true }).first().waitFor();
      await page!.getByText('1 234,50 € sur 4 mois').waitFor();
      // The success notification is on screen: its close button must have a name too.
      await accessible('la saisine envoyée (bailleur, avec la notification)');

      await page!.getByRole('button', { name: /^Menu de / }).click();
      await page!.getByRole('menuitem', { name: 'Se déconnecter', exact: true }).click();
      await page!.getByRole('heading', { name: 'Connexion' }).waitFor();
    });

    it('the caseworker accepts the referral, logs a contact attempt, opens the case and the file', async () => {
      expect(referralPath).not.toBe('');
      await newBrowser();
      await signIn(CASEWORKER);
      await accessible('l’accueil du travailleur social');

      await go('Saisines reçues', 'Saisines reçues');
      const row = page!.getByRole('row', { name: new RegExp(TENANT.lastName, 'i') });
      await row.getByText('Envoyée', { exact: true }).waitFor();
      await accessible('les saisines reçues');
      await row.getByRole('link', { name: /^S-\d{6}$/ }).click();
      await heading(/^Saisine S-/).waitFor();
      expect(new URL(page!.url()).pathname).toBe(referralPath);
      await page!.getByText(/^Reçue de Habitat Brenne/).waitFor();
      await accessible('le détail de la saisine reçue');

      // Accept, naming the caseworker who will contact the household.
      await page!.getByRole('button', { name: 'Accepter', exact: true }).click();
      const accept = page!.getByRole('dialog', { name: 'Accepter la saisine' });
      await accept.getByRole('combobox', { name: 'Référent désigné' }).click();
      await page!.getByRole('option', { name: 'Camille Roussel' }).click();
      await accessible('la boîte de dialogue d’acceptation');
      await accept.getByRole('button', { name: 'Accepter', exact: true }).click();
      await accept.waitFor({ state: 'detached' });
      await page!.getByText('Acceptée — prise de contact', { exact: true }).first().waitFor();

      await page!.getByRole('button', { name: 'Noter une tentative de contact' }).click();
      const contact = page!.getByRole('dialog', { name: 'Noter une tentative de contact' });
      await contact.getByRole('combobox', { name: 'Résultat' }).click();
      await page!.getByRole('option', { name: 'Rendez-vous fixé' }).click();
      await contact.getByRole('button', { name: 'Enregistrer' }).click();
      await contact.waitFor({ state: 'detached' });
      await page!
        .getByRole('table', { name: 'Tentatives de prise de contact avec le ménage' })
        .getByRole('row', { name: /Téléphone.*Rendez-vous fixé/ })
        .waitFor();

      await page!.getByRole('button', { name: 'Premier entretien réalisé' }).click();
      const interview = page!.getByRole('dialog', { name: 'Premier entretien réalisé' });
      await interview.getByRole('button', { name: "Ouvrir l'accompagnement" }).click();
      await interview.waitFor({ state: 'detached' });
      await page!.getByText('Accompagnement ouvert', { exact: true }).first().waitFor();
      await accessible('la saisine après ouverture de l’accompagnement');

      const file = await openFileFromReferral();
      householdId = file.id;
      // The caseworker gets the whole file: the landlord's check below is not vacuous.
      expect(Object.keys(file.body)).toEqual(expect.arrayContaining(['healthNotes', 'resources']));
      await page!.getByText('Votre accès : Référent — accès complet').waitFor();
      expect(await checkEveryTab('travailleur social')).toEqual(
        expect.arrayContaining(['Situation', 'Membres', 'Ressources', 'Logement', 'Audit']),
      );

      await go('Ménages', 'Ménages');
      await page!.getByRole('row', { name: new RegExp(TENANT.lastName, 'i') }).waitFor();
      await accessible('la liste des ménages (travailleur social)');
    });

    it('keeps the referral inbox and the household file within a tablet screen', async () => {
      await page!.setViewportSize({ width: 768, height: 1024 });
      await page!.goto(`${t.url}/saisines/recues`);
      await page!.getByRole('row', { name: new RegExp(TENANT.lastName, 'i') }).waitFor();
      expect(await horizontalOverflows(page!), 'défilement horizontal des saisines reçues').toEqual([]);
      await accessible('les saisines reçues (tablette)');

      await page!.goto(`${t.url}${referralPath}`);
      await page!.getByRole('link', { name: /ouvrir le dossier/ }).click();
      await heading(/^Dossier /).waitFor();
      for (const label of await fileTabs().allTextContents()) {
        await showTab(label);
        expect(await horizontalOverflows(page!), `défilement horizontal de l’onglet « ${label} »`).toEqual(
          [],
        );
      }
    });

    it('the landlord sees the case opened and only the landlord-visible part of the file', async () => {
      await newBrowser();
      await signIn(LANDLORD_ADVISOR);
      const homeRow = page!.getByRole('row', { name: new RegExp(TENANT.lastName, 'i') });
      await homeRow.getByText('Accompagnement ouvert', { exact: true }).waitFor();

      await go('Mes saisines', 'Saisines envoyées');
      const row = page!.getByRole('row', { name: new RegExp(TENANT.lastName, 'i') });
      await row.getByText('Accompagnement ouvert', { exact: true }).waitFor();
      await row.getByText('Camille Roussel').waitFor();
      await accessible('les saisines envoyées');
      await row.getByRole('link', { name: /^S-\d{6}$/ }).click();
      await heading(/^Saisine S-/).waitFor();
      expect(new URL(page!.url()).pathname).toBe(referralPath);
      // The caseworker's note on the contact attempt stays with the association.
      await page!.getByRole('table', { name: 'Tentatives de prise de contact avec le ménage' }).waitFor();
      expect(await page!.getByRole('columnheader', { name: 'Note' }).count()).toBe(0);
      expect(await page!.getByRole('button', { name: 'Accepter' }).count()).toBe(0);
      await accessible('le détail de la saisine (bailleur)');

      const file = await openFileFromReferral();
      expect(file.id).toBe(householdId);
      expect(file.body.accessLevel).toBe('landlord_summary');
      expect(Object.keys(file.body).filter((k) => HIDDEN_FROM_LANDLORD.includes(k))).toEqual([]);
      // The referral's dwelling is the file's tenancy, placed in its commune from the postcode, and
      // the arrears it reported are the file's debt (nothing typed twice).
      expect(file.body.tenancy).toMatchObject({
        address: '12 rue des Peupliers, 00100 Saint-Aubin-sur-Brenne',
        commune: { name: 'Saint-Aubin-sur-Brenne' },
      });
      expect(file.body.rentArrears).toBe(123_450);

      await page!.getByText('Votre accès : Synthèse bailleur').waitFor();
      const tabs = await checkEveryTab('bailleur');
      expect(tabs).toContain('Membres');
      for (const hidden of ['Ressources', 'Audit']) expect(tabs).not.toContain(hidden);
      // « Logement » lists the occupancy contracts the landlord is party to, never the housing history.
      await showTab('Logement');
      await page!.getByRole('region', { name: 'Contrats d’occupation' }).waitFor();
      expect(await page!.getByRole('heading', { name: 'Parcours logement' }).count()).toBe(0);
      await showTab('Situation');
      await page!.getByRole('heading', { name: 'Logement actuel' }).waitFor();
      await page!.getByText('12 rue des Peupliers, 00100 Saint-Aubin-sur-Brenne').waitFor();
      expect(await page!.getByRole('heading', { name: 'Informations réservées au référent' }).count()).toBe(
        0,
      );
      for (const label of ['Santé', 'Justice', 'Conflits familiaux']) {
        expect(await page!.getByText(label, { exact: true }).count(), label).toBe(0);
      }
      expect(await page!.getByRole('button', { name: 'Modifier le dossier' }).count()).toBe(0);
    });

    it('an association administrator reaches the users and outbox pages without accessibility issue', async () => {
      await newBrowser();
      await signIn(ASSOCIATION_ADMIN);
      await accessible('l’accueil de l’administrateur');
      await go('Utilisateurs', 'Utilisateurs');
      await page!.getByRole('row', { name: /Camille Roussel/ }).waitFor();
      await accessible('la page des utilisateurs');
      await go("Boîte d'envoi", /Boîte d.envoi/);
      await accessible('la boîte d’envoi');
    });
  },
);
