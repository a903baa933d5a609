import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { organisationId } from '../../src/demo/territory.ts';
import { diagnostics } from '../../src/modules/diagnostics/schema.ts';
import { householdParties, households } from '../../src/modules/households/schema.ts';
import { formatFileNumber } from '../../src/shared/contracts/households.ts';
import { formatDate } from '../../src/shared/format.ts';
import { addMonths } from '../../src/shared/measures/scheme-rules.ts';
import { parisToday } from '../../src/shared/time.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { assertAccessible, browserAvailable, waitForLoaded, type RunningApp } from './harness.ts';
import {
  CASEWORKER,
  COORDINATOR,
  LANDLORD_ADVISOR,
  api,
  browserFlow,
  choose,
  demoAccount,
  demoSchemeId,
  demoSession,
  drawSignature,
  followedTenants,
  notified,
} from './flow.ts';

const FUNDER_OFFICER = 'patrick.vidal@cd-valdebrenne.example';
const COMMITTEE = 'Comité d’orientation et de suivi du Val-de-Brenne';
/** A scheme of the Conseil départemental that no demo measure follows: one card, one row. */
const SCHEME = 'Accompagnement global';
const OBJECTIVE = 'Régler les charges locatives sans retard';
const INDICATOR = 'Trois avis d’échéance payés à date';

/**
 * The whole capability in a real browser, on the demo territory, each user through the pages they
 * use: Habitat Brenne's coordinator opens the comité d'orientation et de suivi, plans a meeting, puts
 * on its agenda two households waiting for it (a measure Le Passage proposed for a tenant of Habitat
 * Brenne; an approved diagnostic of a household L’Escale follows), orients the first (scheme,
 * operator, briques, intensity, occupancy) and declines the second; the département's officer
 * validates the measure from the home page; the caseworker starts it, generates the contract,
 * words and dates an objective and adds a brique to it; the household signs on the tablet, the
 * association and then the landlord in the app; the contract is in force and its PDF holds the
 * objective. Every page and dialog passes axe and shows no identifier.
 */
describe.skipIf(!browserAvailable())(
  'from the committee to the signed contract',
  { timeout: 120_000 },
  () => {
    // A tablet in landscape: the household signs on the caseworker's tablet.
    const flow = browserFlow({ viewport: { width: 1024, height: 768 } });
    const { signedIn } = flow;
    let t: RunningApp;
    let householdA = '';
    let fileA = '';
    let fileB = '';
    let contractPath = '';
    const meetingYear = new Date().getFullYear() + 1;
    const meetingTitle = `Réunion du 12/02/${meetingYear} 09:30`;

    beforeAll(async () => {
      t = flow.t;
      const { db } = t.deps;
      // A: a tenant of Habitat Brenne (so the landlord signs) that Le Passage follows, with a measure
      // Camille Roussel proposed on one brique, without intensity: the committee decides the rest.
      [householdA] = (await followedTenants(t, { operator: 'passage', landlordEmail: LANDLORD_ADVISOR })) as [
        string,
      ];
      const camille = demoAccount(CASEWORKER);
      await api(t, await demoSession(t, CASEWORKER), 'POST', `/api/households/${householdA}/measures`, {
        schemeId: await demoSchemeId(t, { name: SCHEME }),
        operatorOrganisationId: camille.organisationId,
        caseworkerUserId: camille.userId,
        briques: ['2.4'],
        confirmOverCapacity: true,
      });
      // B: an active household L’Escale follows, whose one approved diagnostic waits for the committee.
      const approved = await db
        .select({ householdId: diagnostics.householdId, fileNumber: households.fileNumber })
        .from(diagnostics)
        .innerJoin(households, eq(households.id, diagnostics.householdId))
        .innerJoin(householdParties, eq(householdParties.householdId, diagnostics.householdId))
        .where(
          and(
            inArray(diagnostics.status, ['approved', 'shared']),
            eq(households.status, 'active'),
            ne(households.id, householdA),
            eq(householdParties.organisationId, organisationId('escale')),
            isNull(householdParties.endedAt),
          ),
        )
        .orderBy(households.fileNumber);
      const once = approved.find((a) => approved.filter((b) => b.householdId === a.householdId).length === 1);
      expect(once, 'un ménage suivi par L’Escale avec un diagnostic approuvé').toBeDefined();
      const [a] = await db
        .select({ fileNumber: households.fileNumber })
        .from(households)
        .where(eq(households.id, householdA));
      fileA = formatFileNumber(a!.fileNumber);
      fileB = formatFileNumber(once!.fileNumber);
    });

    const item = (p: Page, file: string) => p.getByRole('article', { name: `Dossier ${file}` });
    const card = (p: Page) => p.getByRole('article').filter({ hasText: SCHEME });

    it('the coordinator plans a meeting, puts two households on its agenda and decides on each', async () => {
      const p = await signedIn(COORDINATOR);
      await p
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Comités', exact: true })
        .click();
      await p.getByRole('heading', { level: 1, name: 'Comités' }).waitFor();
      await waitForLoaded(p);
      await assertAccessible(p, 'les comités');

      const committee = p.getByRole('region', { name: COMMITTEE });
      await committee.getByRole('button', { name: 'Planifier une réunion' }).click();
      const plan = p.getByRole('dialog', { name: `Planifier une réunion — ${COMMITTEE}` });
      await plan.getByLabel(/^Date et heure/).fill(`${meetingYear}-02-12T09:30`);
      await plan.getByLabel(/^Lieu/).fill('Habitat Brenne, salle du conseil');
      await assertAccessible(p, 'la planification d’une réunion');
      await plan.getByRole('button', { name: 'Planifier' }).click();
      await notified(p, 'Réunion planifiée');
      await committee.getByRole('link', { name: meetingTitle }).click();
      await p.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();
      await waitForLoaded(p);
      await assertAccessible(p, 'la réunion, sans ordre du jour');

      const waiting = p.getByRole('region', { name: 'En attente' });
      for (const [file, title] of [
        [fileA, `Mesure proposée : ${SCHEME}`],
        [fileB, 'Diagnostic approuvé par le ménage'],
      ] as const) {
        await waiting
          .getByRole('row')
          .filter({ hasText: file })
          .filter({ hasText: title })
          .getByRole('button', { name: 'Inscrire à l’ordre du jour' })
          .click();
        await item(p, file).waitFor();
      }
      await assertAccessible(p, 'la réunion et son ordre du jour');

      // The orientation of A: its proposed scheme comes chosen; the committee sets the rest.
      await item(p, fileA).getByRole('button', { name: 'Enregistrer la décision' }).click();
      let dialog = p.getByRole('dialog', { name: `Décision — dossier ${fileA}` });
      await choose(p, dialog, 'Décision', 'Orientation');
      expect(await dialog.getByRole('combobox', { name: 'Dispositif' }).inputValue()).toMatch(
        new RegExp(`^${SCHEME} `),
      );
      await choose(p, dialog, 'Organisation qui accompagne', /^Association Le Passage/);
      await choose(p, dialog, 'Briques du référentiel', /^2\.4 — /);
      await choose(p, dialog, 'Briques du référentiel', /^2\.5 — /);
      await p.keyboard.press('Escape');
      await dialog.getByLabel('Visites par mois').fill('2');
      await choose(p, dialog, 'Statut d’occupation', 'Maintien dans le logement actuel');
      await assertAccessible(p, 'la décision d’orientation');
      await dialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await notified(p, 'Décision enregistrée.');
      await item(p, fileA)
        .getByText(
          new RegExp(
            `^Orientation : ${SCHEME} — Association Le Passage .* — 2 visites par mois .*briques 2\\.4, 2\\.5`,
          ),
        )
        .waitFor();

      // B is declined, with the reason the household's organisations read.
      await item(p, fileB).getByRole('button', { name: 'Enregistrer la décision' }).click();
      dialog = p.getByRole('dialog', { name: `Décision — dossier ${fileB}` });
      await choose(p, dialog, 'Décision', 'Refus');
      await dialog
        .getByLabel(/^Motif du refus/)
        .fill('Le ménage relève du droit commun : suivi par le CCAS.');
      await assertAccessible(p, 'la décision de refus');
      await dialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await item(p, fileB).getByText('Le ménage relève du droit commun : suivi par le CCAS.').waitFor();
      await assertAccessible(p, 'la réunion et ses décisions');
    });

    it('the département’s officer validates the measure the committee prescribed', async () => {
      const p = await signedIn(FUNDER_OFFICER);
      const pending = p.getByRole('region', { name: 'Mesures en attente de votre décision' });
      const row = pending.getByRole('row').filter({ hasText: fileA });
      await row.getByRole('cell', { name: SCHEME }).waitFor();
      await assertAccessible(p, 'l’accueil du financeur');
      await row.getByRole('button', { name: `Valider la mesure du dossier ${fileA}` }).click();
      const dialog = p.getByRole('dialog', { name: `Valider la mesure ${SCHEME} — dossier ${fileA}` });
      await assertAccessible(p, 'la validation de la mesure');
      await dialog.getByRole('button', { name: 'Valider la mesure' }).click();
      await notified(p, 'Mesure validée.');
      expect(await pending.getByRole('row').filter({ hasText: fileA }).count()).toBe(0);
      await p
        .getByRole('region', { name: 'Mesures financées', exact: true })
        .getByRole('row')
        .filter({ hasText: SCHEME })
        .waitFor();
      await assertAccessible(p, 'l’accueil du financeur, mesure validée');
    });

    it('the caseworker starts the measure, drafts the contract and works an objective out', async () => {
      const p = await signedIn(CASEWORKER);
      await p.goto(`${t.url}/menages/${householdA}?onglet=mesures`);
      await p.getByRole('heading', { level: 2, name: 'Mesures d’accompagnement' }).waitFor();
      await card(p).getByText('Validée par le financeur', { exact: true }).first().waitFor();
      await assertAccessible(p, 'la mesure validée');
      await card(p).getByRole('button', { name: 'Commencer' }).click();
      const start = p.getByRole('dialog', { name: `Commencer : ${SCHEME}` });
      await assertAccessible(p, 'le début de l’accompagnement');
      await start.getByRole('button', { name: 'Commencer' }).click();
      await notified(p, 'Accompagnement commencé.');
      await card(p).getByText('En cours', { exact: true }).waitFor();

      await card(p).getByRole('link', { name: 'Contrat d’accompagnement' }).click();
      await p.getByRole('heading', { level: 1, name: 'Contrat d’accompagnement' }).waitFor();
      await waitForLoaded(p);
      contractPath = new URL(p.url()).pathname;
      await assertAccessible(p, 'la mesure sans contrat');
      await p.getByRole('button', { name: 'Créer le contrat' }).click();
      await notified(p, 'Contrat généré');

      // Generated from what the committee decided: an objective per brique, its intensity.
      const objectives = p.getByRole('group', { name: /^Objectif \d+$/ });
      await objectives.first().waitFor();
      expect(await objectives.count()).toBe(2);
      expect(await p.getByRole('textbox', { name: /^Rencontres par mois/ }).inputValue()).toBe('2');

      const first = p.getByRole('group', { name: 'Objectif 1' });
      const target = addMonths(parisToday(t.deps.clock()), 4);
      await first.getByRole('textbox', { name: /^Intitulé/ }).fill(OBJECTIVE);
      await first.getByRole('textbox', { name: /^Indicateur/ }).fill(INDICATOR);
      await first.getByRole('textbox', { name: /^Date visée/ }).fill(formatDate(target));
      await choose(p, first, 'Briques du référentiel', /^2\.3 — /);
      await p.keyboard.press('Escape');
      // Each objective is measured before anyone signs.
      await p
        .getByRole('group', { name: 'Objectif 2' })
        .getByRole('textbox', { name: /^Indicateur/ })
        .fill('Aucune procédure engagée à l’échéance');
      await assertAccessible(p, 'le brouillon du contrat en modification');
      await p.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await notified(p, 'Brouillon du contrat enregistré.');
      // Saved as worded: the draft reads it back.
      await p.reload();
      await first.getByRole('textbox', { name: /^Indicateur/ }).waitFor();
      expect(await first.getByRole('textbox', { name: /^Intitulé/ }).inputValue()).toBe(OBJECTIVE);
      expect(await first.getByRole('textbox', { name: /^Indicateur/ }).inputValue()).toBe(INDICATOR);
      expect(await first.getByRole('textbox', { name: /^Date visée/ }).inputValue()).toBe(formatDate(target));
      await first.getByText(/^2\.3 — /).waitFor();
      await assertAccessible(p, 'le brouillon du contrat enregistré');

      // The household signs with a finger on the tablet, then the caseworker for the association.
      await p.getByRole('button', { name: 'Faire signer le ménage' }).click();
      await drawSignature(p, p.getByRole('img', { name: 'Signature du ménage' }));
      await assertAccessible(p, 'la signature du ménage sur la tablette');
      await p.getByRole('button', { name: 'Enregistrer la signature' }).click();
      await notified(p, 'Signature du ménage enregistrée.');
      await p.getByText('En signature', { exact: true }).first().waitFor();
      await p.getByRole('button', { name: 'Signer pour mon organisation' }).click();
      await notified(p, 'Signature de votre organisation enregistrée.');
      await assertAccessible(p, 'le contrat en signature');
    });

    it('the landlord signs; the contract is in force and its PDF holds the objective', async () => {
      const landlord = await signedIn(LANDLORD_ADVISOR);
      await landlord.goto(`${t.url}${contractPath}`);
      await landlord.getByRole('heading', { level: 1, name: 'Contrat d’accompagnement' }).waitFor();
      await waitForLoaded(landlord);
      // The landlord reads what it signs, not the household's objectives.
      expect(await landlord.getByText(OBJECTIVE).count()).toBe(0);
      await assertAccessible(landlord, 'le contrat vu par le bailleur, avant sa signature');
      await landlord.getByRole('button', { name: 'Signer pour mon organisation' }).click();
      await notified(landlord, 'Signature de votre organisation enregistrée.');
      await landlord.getByText('En vigueur', { exact: true }).first().waitFor();
      await assertAccessible(landlord, 'le contrat en vigueur, vu par le bailleur');

      const p = await signedIn(CASEWORKER);
      await p.goto(`${t.url}${contractPath}`);
      await p.getByText('En vigueur', { exact: true }).first().waitFor();
      await waitForLoaded(p);
      await assertAccessible(p, 'le contrat en vigueur, vu par l’association');
      const href = await p.getByRole('link', { name: 'Télécharger le contrat en PDF' }).getAttribute('href');
      const pdf = await p.request.get(`${t.url}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      // Table cells wrap their text over several lines.
      const text = pdfText(await pdf.body()).replace(/\s+/g, ' ');
      expect(text).toContain(OBJECTIVE);
      expect(text).toContain(INDICATOR);
      expect(text).toContain(formatDate(addMonths(parisToday(t.deps.clock()), 4)));
      expect(text).toMatch(/2\.3 — /);
      expect(text).toContain('En vigueur');
    });
  },
);
