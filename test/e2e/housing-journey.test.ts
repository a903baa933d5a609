import { eq } from 'drizzle-orm';
import { describe, it } from 'vitest';
import { dwellings } from '../../src/modules/dwellings/schema.ts';
import { organisationId } from '../../src/demo/territory.ts';
import { monthOf } from '../../src/shared/evaluations/monthly-point.ts';
import { formatDate } from '../../src/shared/format.ts';
import { SLIDING_CRITERIA, SLIDING_CRITERION_LABELS } from '../../src/shared/leases/sliding.ts';
import { addMonths } from '../../src/shared/measures/scheme-rules.ts';
import { addDays, parisToday } from '../../src/shared/time.ts';
import { createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { assertAccessible, browserAvailable } from './harness.ts';
import { api, browserFlow, CASEWORKER, choose, demoSession, LANDLORD_ADVISOR, notified } from './flow.ts';

const CSV = [
  'Réf logement;Adresse;Commune;Typologie;Surface;Loyer;Charges',
  'GL-001;3 allée des Saules;VB001;T2;44;420,00;60',
  'GL-002;5 allée des Saules;VB001;T3;58;480,00;70',
].join('\n');

/**
 * Issue 11 end to end, on a tablet (1024 × 768), on the demo territory. Habitat Brenne imports two
 * dwellings from its management software; one goes to Le Passage under a bail glissant started twelve
 * months ago, whose rent account holds eleven months of calls and payments, one month unpaid. In the
 * browser, Camille Roussel calls the twelfth month, records its payment and sets up a repayment plan for
 * the unpaid month; the association, the household (with Camille) and the landlord evaluate; the joint
 * decision slides the lease: the household's direct lease starts the next day, the sublease's debt
 * carried to its account. Every page and dialog passes axe.
 */
describe.skipIf(!browserAvailable())('a landlord’s import to a slid lease', { timeout: 180_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });

  it('imports, follows the sublease’s account, evaluates with the three parties and slides', async () => {
    const t = flow.t;
    const today = parisToday(t.deps.clock());

    // The landlord imports its two dwellings.
    const landlord = await flow.signedIn(LANDLORD_ADVISOR);
    await landlord
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Importer un fichier' })
      .click();
    await landlord
      .locator('input[type="file"]')
      .setInputFiles({ name: 'parc-saules.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await landlord.getByRole('button', { name: 'Envoyer le fichier' }).click();
    await landlord.getByRole('button', { name: 'Vérifier toutes les lignes (essai à blanc)' }).click();
    await landlord.getByRole('progressbar', { name: 'Lignes vérifiées : 100 %' }).waitFor();
    await landlord.getByRole('button', { name: 'Importer les 2 lignes' }).click();
    await notified(landlord, 'Import terminé.');
    await landlord.getByText('2 logement(s) créé(s), 0 mis à jour').waitFor();
    await assertAccessible(landlord, 'l’import des deux logements');

    // Made available to Le Passage under a bail glissant twelve months ago (no creation form yet: the API).
    const [dwelling] = await t.deps.db
      .select({ id: dwellings.id })
      .from(dwellings)
      .where(eq(dwellings.externalReference, 'GL-001'));
    const start = `${monthOf(addMonths(today, -12))}-01`;
    const adviser = await demoSession(t, LANDLORD_ADVISOR);
    await api(t, adviser, 'POST', `/api/dwellings/${dwelling!.id}/rents`, {
      effectiveFrom: start,
      monthlyRentCents: 42_000,
      monthlyChargesCents: 6_000,
    });
    const cw = await demoSession(t, CASEWORKER);
    const householdId = await createHouseholdAs(t, cw, sampleHousehold());
    const created = await api(t, cw, 'POST', '/api/leases', {
      dwellingId: dwelling!.id,
      kind: 'bail_glissant',
      householdId,
      lessorOrganisationId: organisationId('habitat'),
      lessorKind: 'legal_person',
      intermediaryOrganisationId: organisationId('passage'),
      signedOn: addDays(start, -7),
      startOn: start,
    });
    await api(t, cw, 'POST', `/api/leases/${created.id}/activate`, {
      rowVersion: created.rowVersion,
      on: start,
    });
    // Eleven months called and paid by the association, the sixth left unpaid.
    const account = `/api/contracts/${created.id}/account`;
    await api(t, cw, 'POST', account, { on: start });
    for (let i = 12; i >= 2; i--) {
      const m = monthOf(addMonths(today, -i));
      await api(t, cw, 'POST', `${account}/calls`, { month: m });
      if (i !== 6)
        await api(t, cw, 'POST', `${account}/payments`, {
          on: `${m}-05`,
          amountCents: 48_000,
          method: 'transfer',
        });
    }

    // Camille calls the twelfth month, records its payment and sets up a plan for the unpaid one.
    const p = await flow.signedIn(CASEWORKER);
    await p.goto(`${t.url}/baux/${created.id}/compte`);
    await p.getByText(/^480,00\s€ dus$/).waitFor();
    await p.getByRole('button', { name: 'Appeler un mois' }).click();
    const calls = p.getByRole('dialog', { name: 'Appeler le loyer d’un mois' });
    await calls.getByRole('textbox', { name: 'Mois' }).fill(monthOf(addMonths(today, -1)));
    await calls.getByRole('button', { name: 'Passer les appels' }).click();
    await notified(p, 'Appels du mois passés.');
    await p.getByText(/^960,00\s€ dus$/).waitFor();
    await p.getByRole('button', { name: 'Enregistrer un paiement' }).click();
    const pay = p.getByRole('dialog', { name: 'Enregistrer un paiement' });
    await pay
      .getByRole('textbox', { name: 'Date du paiement' })
      .fill(formatDate(`${monthOf(addMonths(today, -1))}-05`));
    await pay.getByRole('textbox', { name: 'Montant' }).fill('480');
    await choose(p, pay, 'Moyen de paiement', 'Virement');
    await pay.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await notified(p, 'Paiement enregistré.');
    await p.getByText(/^480,00\s€ dus$/).waitFor();
    await p.getByRole('button', { name: 'Établir un plan' }).click();
    const plan = p.getByRole('dialog', { name: 'Établir un plan d’apurement' });
    await plan.getByRole('textbox', { name: 'Nombre de mensualités' }).fill('4');
    await plan.getByRole('button', { name: 'Établir le plan' }).click();
    await notified(p, 'Plan d’apurement établi.');
    await p
      .getByRole('table', { name: 'Mensualités du plan, version 1' })
      .getByRole('row', { name: /120,00 €/ })
      .first()
      .waitFor();
    await assertAccessible(p, 'le compte de la sous-location, son plan d’apurement');

    // The three parties evaluate: the landlord its own, Camille the association's and the household's.
    const evaluate = async (page: typeof p, party: string) => {
      await page.goto(`${t.url}/baux/${created.id}`);
      await page.getByRole('button', { name: `Évaluation : ${party}` }).click();
      const dialog = page.getByRole('dialog', { name: /Évaluation en vue du glissement/ });
      for (const c of SLIDING_CRITERIA) await choose(page, dialog, SLIDING_CRITERION_LABELS[c], 'Acquis');
      await dialog.getByRole('textbox', { name: 'Commentaire général' }).fill(`Prêt à glisser (${party}).`);
      await dialog.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
      await notified(page, 'Évaluation enregistrée.');
    };
    await evaluate(landlord, 'bailleur');
    await evaluate(p, 'association');
    await evaluate(p, 'ménage');
    await assertAccessible(p, 'les trois évaluations');

    // The joint decision slides the lease: the direct lease starts tomorrow, the debt carried to it.
    await p.getByRole('button', { name: 'Décision commune' }).click();
    const decision = p.getByRole('dialog', { name: 'Décision commune sur le glissement' });
    await decision.getByRole('radio', { name: 'Glissement du bail au ménage' }).check();
    await decision
      .getByText(`Le bail direct du ménage commencera le ${formatDate(addDays(today, 1))}.`)
      .waitFor();
    await decision.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await notified(p, 'Décision enregistrée.');
    await p.getByRole('heading', { level: 1, name: /^Bail direct — 3 allée des Saules/ }).waitFor();
    await assertAccessible(p, 'le bail direct après le glissement');
    await p.waitForURL(/\/baux\/[^/]+$/);
    const lease = p.url().split('/').at(-1)!;

    await landlord.goto(`${t.url}/baux/${lease}/compte`);
    await landlord.getByText(/^480,00\s€ dus$/).waitFor();
    await landlord.getByRole('row', { name: /Solde du contrat précédent/ }).waitFor();
    await assertAccessible(landlord, 'le compte du bail direct, le solde reporté');
  });
});
