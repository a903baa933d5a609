import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { memberships } from '../../src/modules/identity/schema.ts';
import { outboxEmails } from '../../src/modules/mail/schema.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import {
  browserAvailable,
  launchBrowser,
  axeViolations,
  startApp,
  type Browser,
  type RunningApp,
} from './harness.ts';

/**
 * The web shell in a real browser: sign-in with second-factor enrolment, the navigation of an
 * administrator-caseworker, the administration pages (WCAG 2.1 AA, no serious axe violation),
 * an invitation read in the outbox and accepted, the organisation switch and the tablet menu.
 */
describe.runIf(browserAvailable())('web shell', { timeout: 90_000 }, () => {
  let t: RunningApp;
  let browser: Browser;
  let page: Page;
  let invitationToken = '';

  beforeAll(async () => {
    t = await startApp();
    const asso = await makeOrganisation(t.deps.db, 'association', 'Association Habitat Solidaire');
    const landlord = await makeOrganisation(t.deps.db, 'landlord', 'Office Public de l’Habitat');
    const marie = await makeUser(t.deps.db, {
      organisationId: asso.id,
      roles: ['admin', 'caseworker'],
      email: 'marie@asso.test',
      fullName: 'Marie Dupont',
    });
    await t.deps.db
      .insert(memberships)
      .values({ userId: marie.id, organisationId: landlord.id, role: 'landlord_social_advisor' });
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // No transitions: axe must see the final colours, not a fading dialog.
    await page.emulateMedia({ reducedMotion: 'reduce' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const expectAccessible = async () => expect(await axeViolations(page)).toEqual([]);
  const goto = async (path: string) => {
    await page.goto(`${t.url}${path}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  };

  it('signs in with a second-factor enrolment and comes back to the requested page', async () => {
    await page.goto(`${t.url}/admin/utilisateurs`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(new URL(page.url()).searchParams.get('retour')).toBe('/admin/utilisateurs');
    await expectAccessible();

    await page.getByLabel(/^Adresse e-mail/).fill('marie@asso.test');
    await page.getByLabel(/^Mot de passe/).fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();

    await page.getByLabel(/^Mot de passe/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await expectAccessible();
    const secret = (await page.locator('code').first().textContent())!.trim();

    await page.getByLabel(/^Code affiché/).fill('000000');
    await page.getByRole('button', { name: 'Activer le second facteur' }).click();
    await page.getByText('Code incorrect.').waitFor();

    await page.getByLabel(/^Code affiché/).fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Activer le second facteur' }).click();
    await page.getByRole('list', { name: 'Codes de secours' }).waitFor();
    expect(await page.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem').count()).toBe(10);
    const proceed = page.getByRole('button', { name: 'Continuer vers Relais' });
    expect(await proceed.isDisabled()).toBe(true);
    await page.getByLabel('J’ai noté mes codes de secours en lieu sûr').check();
    await proceed.click();

    await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    await page
      .getByRole('row', { name: /Marie Dupont/ })
      .getByText('Activé', { exact: true })
      .waitFor();
  });

  it('shows the navigation of the roles held and passes axe on every administration page', async () => {
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const label of [
      'Accueil',
      'Ménages',
      'Saisines reçues',
      // An association refers on to another one: its social workers send referrals too.
      'Saisines envoyées',
      'Nouvelle saisine',
      'Utilisateurs',
      "Journal d'audit",
      'Référentiel des briques',
      'Simulateur APL',
      'Délais d’expulsion',
      'Éligibilité logement social',
    ]) {
      await nav.getByRole('link', { name: label }).waitFor();
    }
    expect(await nav.getByRole('link', { name: 'Mes saisines' }).count()).toBe(0);
    // The public simulator, opened from the menu, stays in the shell for a signed-in user.
    await nav.getByRole('link', { name: 'Simulateur APL' }).click();
    await page.getByRole('heading', { level: 1, name: /^Simulateur d’aide au logement/ }).waitFor();
    await nav.getByRole('link', { name: 'Accueil' }).waitFor();
    expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Délais d’expulsion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Délais de la procédure d’expulsion' }).waitFor();
    expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBe(0);
    for (const path of [
      '/',
      '/admin/utilisateurs',
      '/admin/invitations',
      '/admin/boite-envoi',
      '/admin/journal',
      '/admin/organisation',
    ]) {
      await goto(path);
      await expectAccessible();
    }
  });

  it('browses the référentiel of the briques: a brique opens, the search ignores accents', async () => {
    await goto('/');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Référentiel des briques' }).click();
    await page.getByRole('heading', { level: 1, name: 'Référentiel des briques' }).waitFor();
    await page.getByRole('button', { name: '2.3 — Aide aux premiers pas dans le logement' }).click();
    await page.getByText("Faciliter l'installation dans le logement et son appropriation").first().waitFor();
    await page.getByRole('heading', { level: 4, name: 'Rubriques et tâches' }).waitFor();
    await expectAccessible();

    await page.getByLabel(/^Rechercher une brique/).fill('INSALUBRITE');
    await page.getByText('2 briques sur 18 correspondent à la recherche.').waitFor();
    await page.getByRole('button', { name: /^2\.5 — Aide au maintien dans le logement/ }).waitFor();
    expect(await page.getByRole('button', { name: /^2\.3 — / }).count()).toBe(0);
    await expectAccessible();
  });

  it('signs a checkpoint of the audit log and offers it to download', async () => {
    await goto('/admin/journal');
    await page.getByRole('button', { name: 'Signer un point de contrôle maintenant' }).click();
    await page.getByText('Point de contrôle signé.').waitFor();
    const download = page.getByRole('link', { name: /^Télécharger le point de contrôle du / }).first();
    const response = await page.request.get(
      new URL((await download.getAttribute('href'))!, t.url).toString(),
    );
    expect(response.status()).toBe(200);
    expect(Object.keys(await response.json())).toEqual([
      'payload',
      'signature',
      'keyFingerprint',
      'publicKey',
    ]);
    await expectAccessible();
  });

  it('invites a caseworker, whose link is read in the outbox and accepted', async () => {
    await goto('/admin/invitations');
    await page.getByLabel(/^Nom complet/).fill('Léa Bernard');
    await page.getByLabel(/^Adresse e-mail/).fill('lea@asso.test');
    await page.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Travailleur social (référent)' }).click();
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page
      .getByRole('row', { name: /Léa Bernard/ })
      .getByText('En attente')
      .waitFor();

    // The administrator sees the email, its personal link masked; the invitee reads it in the mail
    // (here, the outbox table).
    await goto('/admin/boite-envoi');
    await page.getByRole('button', { name: /Lire : .*invitation/ }).click();
    await page
      .getByRole('dialog')
      .getByText(/lien personnel masqué/)
      .waitFor();
    expect(await page.getByRole('dialog').getByRole('link').count()).toBe(0);
    await expectAccessible();
    const [mail] = await t.deps.db.select().from(outboxEmails).where(eq(outboxEmails.to, 'lea@asso.test'));
    const token = /[?&]token=([\w-]+)/.exec(mail!.textBody)?.[1];
    expect(token).toBeTruthy();

    invitationToken = token!;
  });

  it('keeps the navigation behind a menu button on a tablet', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await goto('/');
    const home = page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Accueil' });
    expect(await home.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
    await home.waitFor();
    await expectAccessible();
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    await expect.poll(() => home.isVisible()).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('switches organisation from the user menu, then signs out', async () => {
    await goto('/');
    await page.getByRole('button', { name: /Menu de Marie Dupont/ }).click();
    await expectAccessible();
    await page.getByRole('menuitem', { name: /Office Public/ }).click();
    await page.getByRole('heading', { name: 'Mes saisines et leur état' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Nouvelle saisine' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);

    await page.getByRole('button', { name: /Menu de Marie Dupont/ }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter', exact: true }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.goto(`${t.url}/`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  });

  it('accepts the invitation when signed out: password policy, then second-factor enrolment', async () => {
    await page.goto(`${t.url}/invitation?token=${invitationToken}`);
    await page.getByLabel(/^Nouveau mot de passe/).fill('court');
    await page.getByLabel(/^Confirmez/).fill('court');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page
      .getByText(/au moins 12 caractères/)
      .first()
      .waitFor();
    await page.getByLabel(/^Nouveau mot de passe/).fill('une phrase de passe assez longue');
    await page.getByLabel(/^Confirmez/).fill('une phrase de passe assez longue');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await expectAccessible();
  });

  it('asks for a reset link without telling whether the account exists', async () => {
    await goto('/mot-de-passe-oublie');
    await expectAccessible();
    await page.getByLabel(/^Adresse e-mail/).fill('personne@inconnu.test');
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page
      .getByRole('status')
      .getByText(/Si un compte actif correspond/)
      .waitFor();
  });
});
