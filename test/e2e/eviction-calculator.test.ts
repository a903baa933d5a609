import { describe, expect, it } from 'vitest';
import { assertAccessible, browserAvailable, screenshot } from './harness.ts';
import { publicFlow } from './flow.ts';

/**
 * The eviction-timeline calculator is public: signed out, in the light public layout, it computes
 * in the browser the worked calendar of eviction-and-aids.md §2.1, shows the dates in French with
 * their legal references and the field errors of an impossible step order, with no axe violation.
 */
describe.runIf(browserAvailable())('public eviction-timeline calculator', { timeout: 60_000 }, () => {
  const flow = publicFlow();

  it('computes the worked calendar without signing in', async ({ onTestFailed }) => {
    const { t, page } = flow;
    onTestFailed(async () =>
      console.error(`Capture d’écran : ${await screenshot(page, 'délais d’expulsion')}`),
    );
    await page.goto(`${t.url}/delais-expulsion`);
    await page.getByRole('heading', { level: 1, name: 'Délais de la procédure d’expulsion' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Se connecter' }).getAttribute('href')).toBe(
      '/connexion?retour=%2Fdelais-expulsion',
    );

    const form = page.getByRole('form', { name: 'Situation du bail et de la procédure' });
    await form.getByLabel(/^Date de signature du bail/).fill('2024-03-01');
    await form.getByRole('textbox', { name: /^Loyer mensuel/ }).fill('420');
    await form.getByRole('textbox', { name: /^Charges mensuelles/ }).fill('80');
    await form.getByRole('combobox', { name: 'Aide au logement' }).click();
    await page.getByRole('option', { name: 'Versée au bailleur (tiers payant)' }).click();
    await form.getByRole('textbox', { name: /^Montant mensuel de l’aide/ }).fill('350');
    for (const [on, amount] of [
      ['2026-01-05', '150'],
      ['2026-02-05', '300'],
    ] as const) {
      await form.getByRole('button', { name: 'Ajouter un solde' }).click();
      await form.getByLabel('Date du solde', { exact: false }).last().fill(on);
      await form
        .getByRole('textbox', { name: /^Montant du solde/ })
        .last()
        .fill(amount);
    }
    await form.getByLabel('Signalement à la CAF ou à la MSA').fill('2026-02-15');
    await form.getByLabel('Commandement de payer').fill('2026-02-10');
    await form.getByLabel('Assignation').fill('2026-04-15');
    await form.getByLabel('Audience').fill('2026-05-27');

    const results = page.getByRole('region', { name: 'Délais calculés' });
    const deadline = (name: string) => results.getByRole('listitem', { name });
    await deadline('Impayé de loyer constitué (au sens de l’aide au logement)')
      .getByText('5 février 2026')
      .waitFor();
    await deadline('Signalement de l’impayé à la CAF ou à la MSA, au plus tard')
      .getByText('5 avril 2026')
      .waitFor();
    const commandement = deadline('Fin du délai du commandement de payer (clause résolutoire acquise)');
    await commandement.getByText('24 mars 2026').waitFor();
    await commandement.getByText('loi n° 89-462 art. 24 I (loi n° 2023-668)').waitFor();
    await deadline('Assignation possible à partir du').getByText('15 avril 2026').waitFor();
    await deadline('Notification de l’assignation au préfet, au plus tard')
      .getByText('15 avril 2026')
      .waitFor();
    await deadline('Expulsion possible à partir du')
      .getByText('Indiquez la date du commandement de quitter les lieux.')
      .waitFor();
    await assertAccessible(page, 'le calculateur des délais d’expulsion');

    // A hearing before the assignation: the field says why, in French, as the API would.
    await form.getByLabel('Audience').fill('2026-04-01');
    await form.getByText('Audience : ne peut pas précéder assignation du 15 avril 2026.').waitFor();
    await results.getByText('Corrigez les champs signalés dans le formulaire.').waitFor();
    await assertAccessible(page, 'le calculateur avec une erreur');
  });
});
