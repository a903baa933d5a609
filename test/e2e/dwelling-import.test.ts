import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertAccessible, browserAvailable } from './harness.ts';
import { browserFlow, LANDLORD_ADVISOR, notified } from './flow.ts';

const HEADER =
  'Réf logement;Adresse;Commune;Typologie;Surface;Loyer;Charges;Réf locataire;Nom locataire;Début bail';
const lines = (commune3: string) =>
  [
    HEADER,
    'IMP-001;4 rue des Lilas;VB001;T2;45,5;412,30;60;LOC-101;Mme Laurent;01/09/2021',
    'IMP-002;6 rue des Lilas;Montreval-la-Rivière;T3;61;498,00;75;;;',
    `IMP-003;8 rue des Lilas;${commune3};T4;78;1 020,00;90;LOC-103;M. Caron;15/01/2024`,
  ].join('\n');

async function sendFile(p: Page, name: string, content: string) {
  await p
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await p.getByRole('button', { name: 'Envoyer le fichier' }).click();
  await p.getByRole('heading', { level: 2, name: new RegExp(`Fichier « ${name} »`) }).waitFor();
}

/**
 * A landlord's social adviser (Habitat Brenne, demo territory) imports part of the stock from a CSV:
 * the columns are mapped from the headers, the dry run refuses a line whose commune is unknown and says
 * so with its line number; the fixed file passes, imports with its progress, and the stock shows it.
 * Every page passes axe.
 */
describe.skipIf(!browserAvailable())('a landlord imports its stock', { timeout: 120_000 }, () => {
  const flow = browserFlow();

  it('uploads, maps, reads the rejected line, fixes it and imports', async () => {
    const p = await flow.signedIn(LANDLORD_ADVISOR);
    const nav = p.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Importer un fichier' }).click();
    await p.getByRole('heading', { level: 1, name: 'Importer un fichier du logiciel de gestion' }).waitFor();
    await assertAccessible(p, 'la page d’import');

    await sendFile(p, 'parc-lilas.csv', lines('Paris'));
    // The mapping proposed from the headers: the commune column is the one named so.
    expect(
      await p.getByRole('combobox', { name: 'Commune (code INSEE, code postal ou nom)' }).inputValue(),
    ).toBe('Commune');
    await assertAccessible(p, 'la correspondance des colonnes');
    await p.getByRole('button', { name: 'Vérifier toutes les lignes (essai à blanc)' }).click();
    await p.getByRole('heading', { level: 2, name: 'Lignes refusées' }).waitFor();
    await p.getByRole('cell', { name: /Commune inconnue : « Paris »/ }).waitFor();
    await p.getByRole('cell', { name: '4', exact: true }).waitFor();
    await p.getByText('Rien n’a été importé').waitFor();
    await assertAccessible(p, 'les lignes refusées');

    await p.getByRole('button', { name: 'Envoyer un autre fichier' }).click();
    await sendFile(p, 'parc-lilas-corrige.csv', lines('VB005'));
    await p.getByText('La correspondance de votre dernier import est reprise ; vérifiez-la.').waitFor();
    await p.getByRole('button', { name: 'Vérifier toutes les lignes (essai à blanc)' }).click();
    await p.getByRole('progressbar', { name: 'Lignes vérifiées : 100 %' }).waitFor();
    await p.getByRole('button', { name: 'Importer les 3 lignes' }).click();
    await notified(p, 'Import terminé.');
    await p.getByRole('progressbar', { name: 'Import terminé : 100 %' }).waitFor();
    await p.getByText('3 logement(s) créé(s), 0 mis à jour').waitFor();
    await p.getByText('2 locataire(s) créé(s), 0 mis à jour').waitFor();
    await assertAccessible(p, 'l’import terminé');

    await p.getByRole('link', { name: 'Voir le parc' }).click();
    await p.getByRole('heading', { level: 1, name: 'Parc de logements' }).waitFor();
    await p.getByRole('textbox', { name: 'Référence ou adresse' }).fill('IMP-');
    await p.getByRole('link', { name: 'IMP-003 — 8 rue des Lilas' }).waitFor();
    await p.getByRole('cell', { name: 'Castelbrenne' }).waitFor();
    await assertAccessible(p, 'le parc');
    await p.getByRole('link', { name: 'IMP-001 — 4 rue des Lilas' }).click();
    await p.getByRole('heading', { level: 1, name: 'Logement IMP-001' }).waitFor();
    await p.getByRole('cell', { name: '412,30 €' }).waitFor();
    await assertAccessible(p, 'la page du logement');
  });
});
