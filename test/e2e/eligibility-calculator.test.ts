import { describe, expect, it } from 'vitest';
import { assertAccessible, browserAvailable, screenshot } from './harness.ts';
import { publicFlow } from './flow.ts';

/**
 * The social-housing eligibility calculator is public: signed out, in the light public layout, it
 * computes in the browser a single parent of five against the 2026 PLAI ceiling of Île-de-France,
 * explains the category, the ceiling and the income retained (N-1, 10 % lower), and asks a couple
 * without children for its age sum, as the API would, with no axe violation.
 */
describe.runIf(browserAvailable())(
  'public social-housing eligibility calculator',
  { timeout: 60_000 },
  () => {
    const flow = publicFlow();

    it('explains the answer without signing in', async ({ onTestFailed }) => {
      const { t, page } = flow;
      onTestFailed(async () =>
        console.error(`Capture d’écran : ${await screenshot(page, 'éligibilité logement social')}`),
      );
      await page.goto(`${t.url}/eligibilite-logement-social`);
      await page.getByRole('heading', { level: 1, name: 'Éligibilité au logement social' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Se connecter' }).getAttribute('href')).toBe(
        '/connexion?retour=%2Feligibilite-logement-social',
      );

      const form = page.getByRole('form', { name: 'Ménage et logement' });
      await form.getByRole('combobox', { name: 'Année de la commission' }).click();
      await page.getByRole('option', { name: '2026' }).click();
      await form.getByRole('combobox', { name: 'Financement du logement' }).click();
      await page.getByRole('option', { name: 'PLAI (prêt locatif aidé d’intégration)' }).click();
      await form.getByRole('combobox', { name: 'Zone du logement' }).click();
      await page.getByRole('option', { name: 'Île-de-France hors Paris et communes limitrophes' }).click();
      await form.getByRole('textbox', { name: /^Personnes qui vivront dans le logement/ }).fill('6');
      await form.getByRole('textbox', { name: /^Dont personnes à charge/ }).fill('5');
      await form.getByRole('textbox', { name: /^Revenu fiscal de référence 2024 \(N-2\)/ }).fill('60000');
      await form.getByRole('textbox', { name: /^Revenu fiscal de référence 2025 \(N-1\)/ }).fill('47171');

      const result = page.getByRole('region', { name: 'Résultat' });
      await result.getByText('Ressources sous le plafond').waitFor();
      const category = result.getByRole('article', { name: 'Catégorie de ménage' });
      await category.getByText('Catégorie 6 + 1 personne supplémentaire').waitFor();
      await category
        .getByText('Une personne seule avec 5 personnes à charge compte comme 7 personnes.', { exact: false })
        .waitFor();
      const ceiling = result.getByRole('article', { name: 'Plafond de ressources' });
      await ceiling.getByText(/^47 171,00\s€ par an$/).waitFor();
      await ceiling.getByText(/plus 1 × 4 727,00\s€ par personne supplémentaire/).waitFor();
      const income = result.getByRole('article', { name: 'Revenu retenu' });
      await income.getByText('Revenu fiscal de référence de l’année N-1').waitFor();
      await income
        .getByText(/inférieur d’au moins 10 % au revenu N-2 et sous le plafond, est retenu/)
        .waitFor();
      await assertAccessible(page, 'le calculateur d’éligibilité');

      // One euro above 90 % of N-2: N-1 no longer counts, the household is over the ceiling.
      await form.getByRole('textbox', { name: /^Revenu fiscal de référence 2025 \(N-1\)/ }).fill('54001');
      await result.getByText('Ressources au-dessus du plafond').waitFor();

      // A couple without dependants: the age sum is asked, and its absence named as the API names it.
      await form.getByRole('textbox', { name: /^Personnes qui vivront dans le logement/ }).fill('2');
      await form.getByRole('textbox', { name: /^Dont personnes à charge/ }).fill('0');
      await form.getByLabel('En couple (mariés, pacsés ou concubins)').check();
      await form
        .getByText(
          'Pour un couple sans personne à charge, indiquez la somme des âges des deux conjoints : 55 ans ou moins, c’est un jeune ménage.',
        )
        .waitFor();
      await result.getByText('Corrigez les champs signalés dans le formulaire.').waitFor();
      await assertAccessible(page, 'le calculateur avec une erreur');
      await form.getByRole('textbox', { name: /^Somme des âges des deux conjoints/ }).fill('48');
      await form.getByRole('textbox', { name: /^Revenu fiscal de référence 2024 \(N-2\)/ }).fill('28000');
      await category.getByText('Catégorie 3', { exact: true }).waitFor();
      await category.getByText(/est un jeune ménage : il compte comme 3 personnes/).waitFor();
      await result.getByText('Ressources sous le plafond').waitFor();
    });
  },
);
