import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { housingAids } from '../../src/modules/housing-aids/schema.ts';
import { assertAccessible, browserAvailable } from './harness.ts';
import { browserFlow, CASEWORKER, choose, LANDLORD_ADVISOR, notified } from './flow.ts';

const TITLE = 'Convention de sous-location — quartier des Tilleuls';

const openPartnerships = async (p: Page) => {
  await p
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Partenariats' })
    .click();
  await p.getByRole('heading', { level: 1, name: 'Conventions de partenariat' }).waitFor();
};

/**
 * On the demo territory, Habitat Brenne's social adviser concludes a convention with Le Passage and
 * makes two dwellings available (one under GLA); the yearly review is computed from them; an amendment
 * raises the fee and one dwelling goes back to the landlord. Le Passage's caseworker opens the same
 * convention and its review, writes the GLA plan, does its visit from « Mes tâches », then opens a
 * followed tenant's aids and requests one. Every page and dialog passes axe.
 */
describe.skipIf(!browserAvailable())('partnership conventions', { timeout: 120_000 }, () => {
  const flow = browserFlow();

  it('a landlord and an association: a convention with two dwellings and its yearly review', async () => {
    const l = await flow.signedIn(LANDLORD_ADVISOR);
    await openPartnerships(l);
    await assertAccessible(l, 'la liste des conventions');
    await l.getByRole('button', { name: 'Nouvelle convention' }).click();
    const dialog = l.getByRole('dialog', { name: 'Nouvelle convention de partenariat' });
    await choose(l, dialog, 'Association partenaire', /Le Passage/);
    await dialog.getByRole('textbox', { name: 'Intitulé' }).fill(TITLE);
    await dialog
      .getByRole('textbox', { name: 'Engagements d’accompagnement' })
      .fill('Visite à domicile chaque trimestre');
    await assertAccessible(l, 'le formulaire de convention');
    await dialog.getByRole('button', { name: 'Enregistrer la convention' }).click();
    await notified(l, 'Convention enregistrée.');
    await l.getByRole('link', { name: TITLE }).click();
    await l.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    for (const [reference, kind, gla] of [
      [/HB-CONV-SIAM/, 'Sous-location sans glissement', true],
      [/HB-CONV-LILAS/, 'Bail glissant', false],
    ] as const) {
      await l.getByRole('button', { name: 'Mettre un logement à disposition' }).click();
      const add = l.getByRole('dialog', { name: 'Mettre un logement à disposition' });
      await choose(l, add, 'Logement', reference);
      await choose(l, add, 'Type d’occupation', kind);
      if (gla) await add.getByRole('checkbox', { name: 'En gestion locative adaptée' }).check();
      await assertAccessible(l, 'la mise à disposition');
      await add.getByRole('button', { name: 'Mettre à disposition' }).click();
      await notified(l, 'Logement mis à disposition.');
    }
    await l.getByRole('cell', { name: 'Bail glissant' }).first().waitFor();
    await l.getByText(/2 logement\(s\) sur l’année/).waitFor();
    await l.getByText(/Gestion locative adaptée : coût/).waitFor();
    await assertAccessible(l, 'la convention et son bilan');

    // An amendment raises the fee from today; the convention lists it, what changed in words.
    await l.getByRole('button', { name: 'Conclure un avenant' }).click();
    const amend = l.getByRole('dialog', { name: 'Conclure un avenant' });
    await amend.getByRole('textbox', { name: 'Montant par logement et par an' }).fill('360');
    await assertAccessible(l, 'le formulaire d’avenant');
    await amend.getByRole('button', { name: 'Enregistrer l’avenant' }).click();
    await notified(l, 'Avenant enregistré.');
    await l.getByText(/Avenant n° 1, à compter du/).waitFor();
    await l
      .getByText(/Participation aux frais de gestion : 360,00/)
      .first()
      .waitFor();

    // The dwelling under a bail glissant goes back to the landlord (no contract runs on it yet).
    await l.getByRole('button', { name: /Mettre fin à la mise à disposition du .*Lilas/i }).click();
    const end = l.getByRole('dialog', { name: 'Mettre fin à la mise à disposition' });
    await choose(l, end, 'Motif', 'Rendu au bailleur');
    await assertAccessible(l, 'la fin de mise à disposition');
    await end.getByRole('button', { name: 'Mettre fin' }).click();
    await notified(l, 'Mise à disposition terminée.');
    await l
      .getByRole('cell', { name: /rendu au bailleur/ })
      .first()
      .waitFor();
    await assertAccessible(l, 'la convention après l’avenant');

    const a = await flow.signedIn(CASEWORKER);
    await openPartnerships(a);
    await a.getByRole('link', { name: TITLE }).click();
    await a.getByRole('heading', { level: 2, name: /Bilan annuel/ }).waitFor();
    await a.getByText(/2 logement\(s\) sur l’année/).waitFor();
    await a.getByRole('button', { name: /Écrire le plan .* en tâches/ }).click();
    await notified(a, 'Plan de gestion locative adaptée écrit en tâches.');
    await assertAccessible(a, 'le bilan côté association');

    // The plan's tasks are in « Mes tâches », with the dwelling they are about; one is done there.
    await a.goto(`${new URL(a.url()).origin}/`);
    const mine = a.getByRole('table', { name: 'Mes tâches ouvertes, par échéance' });
    await mine
      .getByRole('cell', { name: /Logement : .*Siam/ })
      .first()
      .waitFor();
    await assertAccessible(a, 'Mes tâches avec la gestion locative adaptée');
    await mine
      .getByRole('button', { name: 'Marquer « Visite annuelle du logement » comme faite' })
      .first()
      .click();
    await notified(a, 'Tâche faite.');
    await a.goBack();
    await a.getByRole('heading', { level: 2, name: /Bilan annuel/ }).waitFor();
    await a
      .getByText(/tâches du plan faites : [1-9]/)
      .first()
      .waitFor();

    // The « Aides » tab of a followed tenant (demo aids in every state), and a request.
    const [aid] = await flow.t.deps.db
      .select({ householdId: housingAids.householdId })
      .from(housingAids)
      .where(eq(housingAids.status, 'paid'))
      .limit(1);
    await a.goto(`${new URL(a.url()).origin}/menages/${aid!.householdId}?onglet=aides`);
    await a.getByRole('heading', { level: 2, name: 'Aides financières et garanties' }).waitFor();
    await a
      .getByRole('cell', { name: /FSL maintien/ })
      .first()
      .waitFor();
    await assertAccessible(a, 'l’onglet des aides');
    await a.getByRole('button', { name: 'Demander une aide' }).click();
    const request = a.getByRole('dialog', { name: 'Demander une aide' });
    await choose(a, request, 'Type d’aide', 'Aide sur quittance');
    await request.getByRole('textbox', { name: 'Financeur' }).fill('Fondation Brenne Solidarité');
    await request.getByRole('textbox', { name: 'Montant demandé' }).fill('240');
    await choose(a, request, 'Versée à', 'Le ménage');
    await request.getByRole('textbox', { name: 'Mois de loyer couverts' }).fill('2');
    await assertAccessible(a, 'la demande d’aide');
    await request.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await notified(a, 'Demande d’aide enregistrée.');
    await a
      .getByText(/Aide sur quittance — 2 mois/)
      .first()
      .waitFor();
  });
});
