import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { and, eq, isNull, notExists, sql } from 'drizzle-orm';
import { organisationId } from '../../src/demo/territory.ts';
import { householdParties, households } from '../../src/modules/households/schema.ts';
import { formatFileNumber } from '../../src/shared/contracts/households.ts';
import { assertAccessible, browserAvailable, waitForLoaded, type RunningApp } from './harness.ts';
import {
  CASEWORKER,
  COORDINATOR,
  api,
  browserFlow,
  choose,
  demoSchemeId,
  demoSession,
  notified,
} from './flow.ts';

const MEMBER_CASEWORKER = 'ines.haddad@escale-brennoise.example';
const COMMITTEE = 'Comité d’orientation et de suivi Brenne';

/**
 * A committee in a real browser, on the demo territory: Habitat Brenne's coordinator convenes a
 * committee with two associations, plans a meeting, puts on its agenda two households for which
 * Le Passage proposed a measure, records an orientation on one and a deferral on the other; a
 * caseworker of L’Escale, a member that follows neither household, reads the agenda and its
 * decisions without the titles. Every page passes axe and shows no identifier.
 */
describe.skipIf(!browserAvailable())(
  'committees: convene, plan, agenda, decisions',
  { timeout: 120_000 },
  () => {
    const flow = browserFlow();
    const { signedIn } = flow;
    let t: RunningApp;
    const files: string[] = [];
    let meetingPath = '';

    beforeAll(async () => {
      t = flow.t;
      // The demo's département adopted ASLL maintien.
      const schemeId = await demoSchemeId(t, { code: 'asll-maintien' });
      // Two active households Le Passage follows and L’Escale does not: a measure proposed on each.
      const escaleParty = t.deps.db
        .select({ one: sql`1` })
        .from(householdParties)
        .where(
          and(
            eq(householdParties.householdId, households.id),
            eq(householdParties.organisationId, organisationId('escale')),
            isNull(householdParties.endedAt),
          ),
        );
      const followed = await t.deps.db
        .selectDistinct({ id: households.id, fileNumber: households.fileNumber })
        .from(households)
        .innerJoin(householdParties, eq(householdParties.householdId, households.id))
        .where(
          and(
            eq(householdParties.organisationId, organisationId('passage')),
            isNull(householdParties.endedAt),
            eq(households.status, 'active'),
            notExists(escaleParty),
          ),
        )
        .orderBy(households.fileNumber)
        .limit(2);
      expect(followed).toHaveLength(2);
      const caseworker = await demoSession(t, CASEWORKER);
      for (const h of followed) {
        await api(t, caseworker, 'POST', `/api/households/${h.id}/measures`, {
          schemeId,
          operatorOrganisationId: organisationId('passage'),
          briques: ['2.4'],
        });
        files.push(formatFileNumber(h.fileNumber));
      }
    }, 90_000);

    const openCommittees = async (p: Page) => {
      await p
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Comités', exact: true })
        .click();
      await p.getByRole('heading', { level: 1, name: 'Comités' }).waitFor();
      await waitForLoaded(p);
    };
    const item = (p: Page, file: string) => p.getByRole('article', { name: `Dossier ${file}` });

    it('the coordinator convenes a committee, plans a meeting and builds its agenda from what waits', async () => {
      const p = await signedIn(COORDINATOR);
      await openCommittees(p);
      await assertAccessible(p, 'les comités (aucun)');

      await p.getByRole('button', { name: 'Nouveau comité' }).first().click();
      const create = p.getByRole('dialog', { name: 'Nouveau comité' });
      await create.getByRole('button', { name: 'Créer le comité' }).click();
      await create.getByText('Nom du comité obligatoire.').waitFor();
      await create.getByLabel(/^Nom du comité/).fill(COMMITTEE);
      await choose(p, p, 'Type de comité', 'Comité d’orientation et de suivi');
      await choose(p, p, 'Fréquence des réunions', 'Tous les trimestres');
      await choose(p, p, 'Organisations membres', /^Association Le Passage/);
      await choose(p, p, 'Organisations membres', /^L’Escale brennoise/);
      await p.keyboard.press('Escape');
      await assertAccessible(p, 'le formulaire de nouveau comité');
      await create.getByRole('button', { name: 'Créer le comité' }).click();
      await notified(p, 'Comité créé.');
      const card = p.getByRole('region', { name: COMMITTEE });
      await card.getByText('Tous les trimestres').waitFor();

      // Who sits: a person without an account, named with her function.
      await card.getByRole('button', { name: 'Nommer une personne' }).click();
      const naming = p.getByRole('dialog', { name: `Nommer une personne — ${COMMITTEE}` });
      await naming.getByRole('button', { name: 'Nommer' }).click();
      await naming.getByText('Choisissez une organisation.').waitFor();
      await choose(p, naming, 'Organisation', /^L’Escale brennoise/);
      await naming.getByLabel(/^Fonction/).fill('Directrice adjointe');
      await naming.getByRole('button', { name: 'Nommer' }).click();
      await naming
        .getByText('Choisissez un utilisateur de l’organisation ou indiquez le nom de la personne.')
        .waitFor();
      await naming.getByLabel(/^Nom et prénom/).fill('Agnès Morvan');
      await assertAccessible(p, 'le formulaire de nomination');
      await naming.getByRole('button', { name: 'Nommer' }).click();
      await notified(p, 'Personne nommée.');
      await card.getByText('Agnès Morvan — Directrice adjointe').waitFor();

      await card.getByRole('button', { name: 'Planifier une réunion' }).click();
      const plan = p.getByRole('dialog', { name: `Planifier une réunion — ${COMMITTEE}` });
      const year = new Date().getFullYear() + 1;
      await plan.getByLabel(/^Date et heure/).fill(`${year}-03-24T14:30`);
      await plan.getByLabel(/^Lieu/).fill('Agence Saint-Aubin Centre, salle 2');
      await assertAccessible(p, 'le formulaire de planification');
      await plan.getByRole('button', { name: 'Planifier' }).click();
      await notified(p, 'Réunion planifiée');
      await assertAccessible(p, 'les comités (une réunion)');
      // Typed on a Paris clock, shown on a Paris clock.
      await card.getByRole('link', { name: `Réunion du 24/03/${year} 14:30` }).click();
      await p.getByRole('heading', { level: 1, name: `Réunion du 24/03/${year} 14:30` }).waitFor();
      await waitForLoaded(p);
      meetingPath = new URL(p.url()).pathname;
      await p.getByRole('link', { name: 'Ajouter à mon agenda' }).waitFor();

      const waiting = p.getByRole('region', { name: 'En attente' });
      for (const file of files) {
        await waiting
          .getByRole('row')
          .filter({ hasText: file })
          .filter({ hasText: 'Mesure proposée : ASLL maintien' })
          .getByRole('button', { name: 'Inscrire à l’ordre du jour' })
          .click();
        await item(p, file).waitFor();
      }
      await assertAccessible(p, 'la réunion avec son ordre du jour');

      // An orientation on the first: the proposed measure's scheme comes chosen.
      await item(p, files[0]!).getByRole('button', { name: 'Enregistrer la décision' }).click();
      let dialog = p.getByRole('dialog', { name: `Décision — dossier ${files[0]}` });
      await choose(p, p, 'Décision', 'Orientation');
      await dialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await dialog.getByText('Choisissez l’organisation qui accompagne.').waitFor();
      await choose(p, p, 'Organisation qui accompagne', /^Association Le Passage/);
      await choose(p, p, 'Briques du référentiel', /^2\.4 — /);
      await p.keyboard.press('Escape');
      await dialog.getByLabel('Visites par mois').fill('2');
      await choose(p, p, 'Statut d’occupation', 'Maintien dans le logement actuel');
      await assertAccessible(p, 'la décision d’orientation');
      await dialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await notified(p, 'Décision enregistrée.');
      await item(p, files[0]!)
        .getByText(/^Orientation : ASLL maintien — Association Le Passage .* — 2 visites par mois/)
        .waitFor();

      // A deferral on the second, with its reason.
      await item(p, files[1]!).getByRole('button', { name: 'Enregistrer la décision' }).click();
      dialog = p.getByRole('dialog', { name: `Décision — dossier ${files[1]}` });
      await choose(p, p, 'Décision', 'Ajournement');
      await dialog.getByLabel(/^Motif de l’ajournement/).fill('Attendre le diagnostic budgétaire.');
      await dialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await item(p, files[1]!).getByText('Attendre le diagnostic budgétaire.').waitFor();
      await assertAccessible(p, 'la réunion avec ses décisions');
    });

    it('a member association’s caseworker reads the agenda and its decisions, not the titles', async () => {
      const p = await signedIn(MEMBER_CASEWORKER);
      await openCommittees(p);
      await p.getByRole('region', { name: COMMITTEE }).getByText('2 points à l’ordre du jour').waitFor();
      await assertAccessible(p, 'les comités, vus d’un membre');
      await p
        .getByRole('region', { name: COMMITTEE })
        .getByRole('link', { name: /^Réunion du / })
        .click();
      await p.getByRole('heading', { level: 1, name: /^Réunion du / }).waitFor();
      await waitForLoaded(p);
      expect(new URL(p.url()).pathname).toBe(meetingPath);
      const first = item(p, files[0]!);
      await first.getByRole('heading', { name: `${files[0]} — Mesure à renouveler ou à revoir` }).waitFor();
      await first.getByText(/^Orientation : ASLL maintien/).waitFor();
      await item(p, files[1]!).getByText('Ajournement', { exact: true }).waitFor();
      // Neither party nor coordinator: no file link, no reason, no decision to record, nothing waiting.
      expect(await p.getByRole('link', { name: /^Ouvrir le dossier/ }).count()).toBe(0);
      expect(await p.getByText('Attendre le diagnostic budgétaire.').count()).toBe(0);
      expect(await p.getByRole('button', { name: 'Enregistrer la décision' }).count()).toBe(0);
      expect(await p.getByRole('region', { name: 'En attente' }).count()).toBe(0);
      await assertAccessible(p, 'la réunion, vue d’un membre');
    });
  },
);
