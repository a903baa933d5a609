import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertAccessible, browserAvailable } from './harness.ts';
import { browserFlow, CASEWORKER, choose, LANDLORD_ADVISOR, notified } from './flow.ts';

const ADDRESS = '3 rue de Siam';

/**
 * A sublease created from the web on the demo territory (tablet, 1024 × 768): Le Passage's Camille
 * Roussel opens « Baux et sous-locations », « Nouveau contrat », picks the convention with Habitat
 * Brenne and one of the dwellings it made available (kind and landlord follow), forgets the household
 * and reads why in French on the field, picks it, lands on the contract in preparation and puts it in
 * force; a second contract on the same dwelling and dates is refused in French. Every step passes axe.
 */
describe.skipIf(!browserAvailable())('creating an occupancy contract', { timeout: 120_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });

  const openForm = async (p: Page) => {
    await p.getByRole('button', { name: 'Nouveau contrat' }).click();
    const dialog = p.getByRole('dialog', { name: 'Nouveau contrat d’occupation' });
    await choose(p, dialog, 'Convention', /Habitat Brenne/);
    await choose(p, dialog, 'Logement', new RegExp(ADDRESS));
    return dialog;
  };

  it('creates a sublease, shows the missing household then a refused overlap, puts it in force', async () => {
    const p = await flow.signedIn(CASEWORKER);
    await p
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Baux et sous-locations' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Baux et sous-locations' }).waitFor();

    let dialog = await openForm(p);
    await dialog
      .getByRole('combobox', { name: 'Type de contrat' })
      .and(p.locator('[value="Sous-location sans glissement"]'))
      .waitFor();
    await dialog
      .getByRole('combobox', { name: 'Bailleur' })
      .and(p.locator('[value^="Habitat Brenne"]'))
      .waitFor();
    await assertAccessible(p, 'le formulaire du nouveau contrat');

    await dialog.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await dialog.getByText('Indiquez le ménage (son dossier) ou le nom de l’occupant.').waitFor();
    // On the field itself, not only in the dialog.
    const household = dialog.getByRole('combobox', { name: 'Dossier du ménage' });
    expect(await household.getAttribute('aria-invalid')).toBe('true');
    await assertAccessible(p, 'le formulaire avec l’erreur du ménage');

    await choose(p, dialog, 'Dossier du ménage', /^M-\d+/);
    await dialog.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await notified(p, 'Contrat enregistré, en préparation.');
    await p
      .getByRole('heading', { level: 1, name: new RegExp(`^Sous-location sans glissement — ${ADDRESS}`) })
      .waitFor();
    await p.getByText('En préparation', { exact: true }).first().waitFor();
    await assertAccessible(p, 'la page du contrat en préparation');

    await p.getByRole('button', { name: 'Mettre en vigueur' }).click();
    const activation = p.getByRole('dialog', { name: 'Mettre le contrat en vigueur' });
    await assertAccessible(p, 'la mise en vigueur');
    await activation.getByRole('button', { name: 'Mettre en vigueur' }).click();
    await notified(p, 'Contrat en vigueur.');
    await p.getByText('En cours', { exact: true }).first().waitFor();
    await assertAccessible(p, 'le contrat en vigueur');

    // The same dwelling on the same days: the server refuses the overlap, in French.
    await p
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Baux et sous-locations' })
      .click();
    await p.getByRole('cell', { name: new RegExp(ADDRESS) }).waitFor();
    dialog = await openForm(p);
    await choose(p, dialog, 'Dossier du ménage', /^M-\d+/);
    await dialog.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await dialog.getByText(/Ce logement est déjà occupé sous un autre contrat du/).waitFor();
    await assertAccessible(p, 'le chevauchement refusé');
  });

  it('lets the landlord’s staff record a direct lease of its own dwelling with a tenant’s name', async () => {
    const p = await flow.signedIn(LANDLORD_ADVISOR);
    await p
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Baux et sous-locations' })
      .click();
    await p.getByRole('button', { name: 'Nouveau contrat' }).click();
    const dialog = p.getByRole('dialog', { name: 'Nouveau contrat d’occupation' });
    await dialog.getByRole('combobox', { name: 'Logement' }).fill('Moulin');
    await p.getByRole('option', { name: /7 chemin du Moulin/ }).click();
    await dialog.getByRole('textbox', { name: 'Nom du locataire' }).fill('Inès Garnier');
    await assertAccessible(p, 'le formulaire du bailleur');
    await dialog.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await p.getByRole('heading', { level: 1, name: /^Bail direct — 7 chemin du Moulin/ }).waitFor();
    await p.getByRole('button', { name: 'Mettre en vigueur' }).waitFor();
    await assertAccessible(p, 'le bail direct en préparation');
  });
});
