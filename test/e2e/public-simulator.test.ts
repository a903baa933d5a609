import { describe, expect, it } from 'vitest';
import { assertAccessible, browserAvailable, screenshot } from './harness.ts';
import { publicFlow } from './flow.ts';

/**
 * The housing-benefit simulator is public: signed out, it opens in the light public layout (no
 * application menu, a link to sign in) and estimates in the browser, to the cent of the API
 * (a single parent, zone 3, January 2024: 271,07 € of ALF), with no serious axe violation.
 */
describe.runIf(browserAvailable())('public housing-benefit simulator', { timeout: 60_000 }, () => {
  const flow = publicFlow();

  it('estimates the aid of a household without signing in', async ({ onTestFailed }) => {
    const { t, page } = flow;
    onTestFailed(async () =>
      console.error(`Capture d’écran : ${await screenshot(page, 'simulateur public')}`),
    );
    await page.goto(`${t.url}/simulateur-apl`);
    await page
      .getByRole('heading', { level: 1, name: 'Simulateur d’aide au logement (APL, ALF, ALS)' })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/simulateur-apl');
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    const signIn = page.getByRole('link', { name: 'Se connecter' });
    expect(await signIn.getAttribute('href')).toBe('/connexion?retour=%2Fsimulateur-apl');

    const form = page.getByRole('form', { name: 'Situation du ménage' });
    await form.getByLabel(/^Mois calculé/).fill('2024-01');
    await form.getByRole('combobox', { name: /^Zone géographique/ }).click();
    await page.getByRole('option', { name: /^Zone 3/ }).click();
    await form.getByRole('textbox', { name: /^Loyer mensuel hors charges/ }).fill('400');
    await form.getByRole('textbox', { name: /^Ressources annuelles retenues/ }).fill('12600');
    await form.getByRole('textbox', { name: /^Personnes à charge/ }).fill('1');
    await form.getByRole('switch', { name: 'Logement conventionné (APL)' }).waitFor();

    const result = page.getByRole('region', { name: 'Résultat de la simulation' });
    await result.getByText('Aide estimée pour janvier 2024').waitFor();
    await result
      .getByText(/^271,07\s€/)
      .first()
      .waitFor();
    await result.getByText('ALF', { exact: true }).waitFor();
    await assertAccessible(page, 'le simulateur public');

    await signIn.click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  });
});
