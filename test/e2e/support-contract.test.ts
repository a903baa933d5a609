import { beforeAll, describe, expect, it } from 'vitest';
import { parisToday } from '../../src/shared/time.ts';
import { makeDepartement, makeFunder, measureTo } from '../helpers/measure-fixtures.ts';
import { assertAccessible, browserAvailable, type RunningApp } from './harness.ts';
import {
  CASEWORKER,
  LANDLORD_ADVISOR,
  browserFlow,
  demoAccount,
  demoSession,
  drawSignature,
  followedTenants,
  notified,
} from './flow.ts';

/**
 * The support contract in a real browser, on the demo territory: the caseworker generates and
 * completes the contract of a running measure, the household signs it on the tablet with a finger,
 * the caseworker and then the landlord sign it for their organisations, and it is in force; its PDF
 * downloads. Each step passes axe.
 */
describe.skipIf(!browserAvailable())(
  'support contract: draft, signatures, in force',
  { timeout: 90_000 },
  () => {
    // A tablet in landscape: the household signs on the caseworker's tablet.
    const flow = browserFlow({ viewport: { width: 1024, height: 768 } });
    const { signedIn } = flow;
    let t: RunningApp;
    let contractPath = '';

    beforeAll(async () => {
      t = flow.t;
      const today = parisToday(t.deps.clock());

      // A tenant of Habitat Brenne that Camille Roussel's association follows and the advisor sees.
      const camille = demoAccount(CASEWORKER);
      const passageId = camille.organisationId;
      const cw = await demoSession(t, CASEWORKER);
      const [householdId] = await followedTenants(t, {
        operator: 'passage',
        landlordEmail: LANDLORD_ADVISOR,
      });

      // A funder with a scheme, and a running measure of that household run by Le Passage.
      const departement = await makeDepartement(t.deps.db);
      const funder = await makeFunder(
        t,
        departement.id,
        ['asll-maintien'],
        '2020-01-01',
        'Conseil départemental de test',
      );
      const m = await measureTo(t, {
        cw,
        officer: funder.officer,
        householdId: householdId!,
        body: {
          schemeId: funder.schemes['asll-maintien'],
          operatorOrganisationId: passageId,
          caseworkerUserId: camille.userId,
          briques: ['2.3'],
          visitsPerMonth: 2,
          occupancy: 'current_home',
          confirmOverCapacity: true,
        },
        until: 'active',
        prescribedOn: today,
        decidedOn: today,
        startOn: today,
      });
      contractPath = `/menages/${householdId}/mesures/${m.id}/contrat`;
    }, 90_000);

    it('the caseworker drafts the contract, the household and the partners sign, it is in force', async () => {
      const p = await signedIn(CASEWORKER);
      await p.goto(`${t.url}${contractPath}`);
      await p.getByRole('heading', { level: 1, name: 'Contrat d’accompagnement' }).waitFor();
      await assertAccessible(p, 'la mesure sans contrat');
      await p.getByRole('button', { name: 'Créer le contrat' }).click();
      await notified(p, 'Contrat généré');
      await p.getByRole('heading', { level: 2, name: 'Objectifs' }).waitFor();

      // The objective generated from the measure's brique, worded and measured with the household.
      await p
        .getByRole('textbox', { name: 'Intitulé' })
        .first()
        .fill('S’approprier le logement et ses charges');
      await p.getByRole('textbox', { name: 'Indicateur' }).first().fill('Charges payées trois mois de suite');
      await p.getByRole('button', { name: 'Ajouter une clause' }).click();
      await p
        .getByRole('textbox', { name: 'Clause 1' })
        .fill('Le contrat est relu avec le ménage à chaque renouvellement.');
      await assertAccessible(p, 'le brouillon du contrat en modification');
      await p.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await notified(p, 'Brouillon du contrat enregistré.');

      // The household signs with a finger on the tablet.
      await p.getByRole('button', { name: 'Faire signer le ménage' }).click();
      await drawSignature(p, p.getByRole('img', { name: 'Signature du ménage' }));
      await assertAccessible(p, 'la signature du ménage sur la tablette');
      await p.getByRole('button', { name: 'Enregistrer la signature' }).click();
      await notified(p, 'Signature du ménage enregistrée.');
      await p.getByText('En signature', { exact: true }).first().waitFor();

      await p.getByRole('button', { name: 'Signer pour mon organisation' }).click();
      await notified(p, 'Signature de votre organisation enregistrée.');

      const landlord = await signedIn(LANDLORD_ADVISOR);
      await landlord.goto(`${t.url}${contractPath}`);
      await landlord.getByRole('heading', { level: 1, name: 'Contrat d’accompagnement' }).waitFor();
      // The landlord reads what it signs, not the household's objectives.
      await landlord.getByText('Les objectifs personnels du ménage ne sont communiqués').waitFor();
      expect(await landlord.getByText('Charges payées trois mois de suite').count()).toBe(0);
      await assertAccessible(landlord, 'le contrat vu par le bailleur, avant sa signature');
      await landlord.getByRole('button', { name: 'Signer pour mon organisation' }).click();
      await notified(landlord, 'Signature de votre organisation enregistrée.');
      await landlord.getByText('En vigueur', { exact: true }).first().waitFor();
      await assertAccessible(landlord, 'le contrat en vigueur');

      await p.reload();
      await p.getByText('En vigueur', { exact: true }).first().waitFor();
      await p.getByRole('img', { name: /^Signature de / }).waitFor();
      await p.getByRole('button', { name: 'Nouvelle version (avenant)' }).waitFor();
      await assertAccessible(p, 'le contrat en vigueur, vu par l’association');
      const href = await p.getByRole('link', { name: 'Télécharger le contrat en PDF' }).getAttribute('href');
      const pdf = await p.request.get(`${t.url}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    });
  },
);
