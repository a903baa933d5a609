import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { occupancyContracts, referralContracts } from '../../src/modules/leases/schema.ts';
import { referrals } from '../../src/modules/referrals/schema.ts';
import { formatCents, formatDate } from '../../src/shared/format.ts';
import { addDays, parisToday } from '../../src/shared/time.ts';
import { apply, dryRun } from '../helpers/stock-fixtures.ts';
import { assertAccessible, browserAvailable, type RunningApp } from './harness.ts';
import {
  CASEWORKER,
  LANDLORD_ADVISOR,
  api,
  browserFlow,
  choose,
  demoAccount,
  demoSession,
  notified,
} from './flow.ts';

const STOCK = [
  'Réf logement;Adresse;Commune;Typologie;Surface;Loyer;Charges;Réf locataire;Nom locataire;Début bail',
  'ARR-001;14 rue des Glycines;VB001;T3;62;480,00;70;LOC-ARR-1;Mme Fontaine;01/03/2020',
].join('\n');
const DEBT = formatCents(165_000);

/**
 * The arrears link in the browser: Habitat Brenne's social adviser sees the tenant its monthly arrears
 * file flagged, opens « Faire une saisine » on a form filled from the contract and the file, adds the
 * procedure's step and sends it to Le Passage; the referral attaches the contract to the new file.
 * Camille Roussel, once she has accepted it, sees the contract attached, the eviction panel computed
 * from the landlord's file and named so, and detaches the contract with a reason. Every page passes axe.
 */
describe.skipIf(!browserAvailable())(
  'a flagged tenant referred from the arrears file',
  { timeout: 120_000 },
  () => {
    const flow = browserFlow();
    let t: RunningApp;
    let contractId: string;
    let asOf: string;

    beforeAll(async () => {
      t = flow.t;
      const landlord = await demoSession(t, LANDLORD_ADVISOR);
      await apply(t, landlord, (await dryRun(t, landlord, { name: 'parc.csv', content: STOCK })).id);
      // Last month's file: three months of rent and charges (550 €) unpaid.
      asOf = addDays(`${parisToday(t.deps.clock()).slice(0, 7)}-01`, -1);
      const arrears = `Réf locataire;Solde;Date solde;Mois impayés\nLOC-ARR-1;1 650,00;${formatDate(asOf)};3`;
      const run = await dryRun(t, landlord, { name: 'impayes.csv', content: arrears }, { kind: 'arrears' });
      await apply(t, landlord, run.id);
      [{ id: contractId }] = (await t.deps.db
        .select({ id: occupancyContracts.id })
        .from(occupancyContracts)
        .where(eq(occupancyContracts.tenantReference, 'LOC-ARR-1'))) as [{ id: string }];
    });

    it('refers the tenant with the form filled, and the file reads the landlord’s arrears', async () => {
      const p = await flow.signedIn(LANDLORD_ADVISOR);
      await p
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Locataires à signaler' })
        .click();
      await p.getByRole('heading', { level: 1, name: 'Locataires à signaler tôt' }).waitFor();
      const row = p.getByRole('row').filter({ hasText: 'Mme Fontaine (réf. LOC-ARR-1)' });
      await row.getByText(`${DEBT} au ${formatDate(asOf)}`).waitFor();
      await assertAccessible(p, 'les locataires à signaler');

      await row.getByRole('link', { name: 'Faire une saisine pour Mme Fontaine' }).click();
      await p.getByText(/^Mme Fontaine \(réf\. LOC-ARR-1\), 14 rue des Glycines/).waitFor();
      expect(await p.getByRole('textbox', { name: 'Nom', exact: true }).inputValue()).toBe('Mme Fontaine');
      expect(await p.getByRole('textbox', { name: 'Adresse du logement occupé' }).inputValue()).toMatch(
        /^14 rue des Glycines/,
      );
      expect(await p.getByRole('checkbox', { name: 'Impayés de loyer' }).isChecked()).toBe(true);
      expect(await p.getByRole('textbox', { name: 'Montant des impayés' }).inputValue()).toMatch(/^1\s?650/);
      expect(await p.getByRole('textbox', { name: "Nombre de mois d'impayés" }).inputValue()).toBe('3');
      expect(await p.getByRole('textbox', { name: 'Informations complémentaires' }).inputValue()).toContain(
        `du ${formatDate(asOf)} : dette de ${DEBT}`,
      );
      await assertAccessible(p, 'la saisine remplie depuis le fichier d’impayés');

      await p.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Chantal');
      await p.getByRole('checkbox', { name: "Procédure d'expulsion" }).check();
      await choose(p, p, "Dernière étape de la procédure d'expulsion", 'Commandement de payer');
      await p.getByRole('textbox', { name: 'Date de cette étape' }).fill(formatDate(asOf));
      await choose(p, p, 'Association destinataire', /Le Passage/);
      await p.getByRole('button', { name: 'Envoyer la saisine' }).click();
      await notified(p, 'Saisine envoyée.');
      await p.getByRole('heading', { level: 1, name: /^Saisine S-\d{6}$/ }).waitFor();
      await assertAccessible(p, 'la saisine envoyée');

      // Le Passage accepts it; Camille opens the contract, then the household's file.
      const [referral] = await t.deps.db
        .select({ id: referrals.id, householdId: referrals.householdId, version: referrals.version })
        .from(referrals)
        .innerJoin(referralContracts, eq(referralContracts.referralId, referrals.id))
        .where(eq(referralContracts.contractId, contractId));
      expect(referral?.householdId).toBeTruthy();
      await api(t, await demoSession(t, CASEWORKER), 'POST', `/api/referrals/${referral!.id}/accept`, {
        caseworkerUserId: demoAccount(CASEWORKER).userId,
        version: referral!.version,
      });
      const cw = await flow.signedIn(CASEWORKER);
      await cw.goto(`${t.url}/baux/${contractId}`);
      await cw.getByRole('link', { name: /^Mme Fontaine \(dossier M-\d+\)$/ }).waitFor();
      await cw.getByText('Par la saisine du ménage').waitFor();
      await cw.getByText(/Val-de-Brenne, personne morale \(bailleur social/).waitFor();
      await cw.getByRole('button', { name: 'Détacher du dossier du ménage' }).waitFor();
      await assertAccessible(cw, 'le contrat rattaché');

      await cw.goto(`${t.url}/menages/${referral!.householdId}`);
      await cw.getByRole('tab', { name: 'Situation' }).click();
      await cw.getByRole('heading', { name: 'Délais légaux et prévention de l’expulsion' }).waitFor();
      await cw
        .getByText(`Selon le fichier d’impayés du bailleur du ${formatDate(asOf)}`, { exact: false })
        .waitFor();
      const file = cw.getByRole('table', { name: 'Dette selon les fichiers d’impayés du bailleur' });
      await file
        .getByRole('row')
        .filter({ hasText: formatDate(asOf) })
        .getByText(DEBT)
        .waitFor();
      await assertAccessible(cw, 'la prévention de l’expulsion selon le fichier du bailleur');

      await cw.goto(`${t.url}/baux/${contractId}`);
      await cw.getByRole('button', { name: 'Détacher du dossier du ménage' }).click();
      const dialog = cw.getByRole('dialog', { name: 'Détacher du dossier du ménage' });
      await dialog.getByRole('button', { name: 'Détacher' }).click();
      await dialog.getByText(/motif/i).first().waitFor();
      await assertAccessible(cw, 'le détachement sans motif');
      await dialog
        .getByRole('textbox', { name: 'Motif' })
        .fill('Saisine faite pour un autre locataire du logement.');
      await dialog.getByRole('button', { name: 'Détacher' }).click();
      await notified(cw, 'Contrat détaché du dossier du ménage.');
      // Camille read the contract through the file only: she is back on the file, which no longer reads
      // the landlord's arrears; the landlord's adviser still has the contract, to attach it again.
      await cw.waitForURL(`${t.url}/menages/${referral!.householdId}`);
      await cw.getByRole('tab', { name: 'Situation' }).click();
      await cw.getByRole('heading', { name: 'Délais légaux et prévention de l’expulsion' }).waitFor();
      expect(await cw.getByText('Selon le fichier d’impayés du bailleur', { exact: false }).count()).toBe(0);
      await assertAccessible(cw, 'le dossier après le détachement');
      await p.goto(`${t.url}/baux/${contractId}`);
      await p.getByRole('button', { name: 'Rattacher au dossier du ménage' }).waitFor();
      await p.getByText('ce contrat n’est rattaché à aucun dossier', { exact: false }).waitFor();
      await p.getByText('Détaché du dossier du ménage').first().waitFor();
      await p.getByText('Saisine faite pour un autre locataire du logement.').waitFor();
      await assertAccessible(p, 'le contrat détaché, chez le bailleur');
    });
  },
);
