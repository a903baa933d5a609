import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { dwellings } from '../../src/modules/dwellings/schema.ts';
import { householdMembers } from '../../src/modules/households/schema.ts';
import { householdId, stableId } from '../../src/demo/ids.ts';
import { CAPACITY_CRITERION_KEYS } from '../../src/shared/contracts/diagnostics.ts';
import { parisToday } from '../../src/shared/time.ts';
import { assertAccessible, browserAvailable } from './harness.ts';
import { api, browserFlow, CASEWORKER, choose, demoSession, LANDLORD_ADVISOR, notified } from './flow.ts';

/**
 * A select of a long dialog, opened from the keyboard (its input may sit under the dialog's sticky
 * header once the dialog scrolled); a multi-select's list stays open and is closed after the pick.
 */
const pickIn = async (p: Page, scope: Locator, label: string, option: string | RegExp, multiple = true) => {
  await scope.getByRole('combobox', { name: label }).focus();
  await p.keyboard.press('ArrowDown');
  await p.getByRole('option', { name: option }).first().click();
  if (multiple) await p.keyboard.press('Escape');
};

const open = async (p: Page, link: string, heading: string) => {
  await p
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: link })
    .click();
  await p.getByRole('heading', { level: 1, name: heading }).waitFor();
};

/**
 * On the demo territory, Habitat Brenne's social adviser publishes a vacancy of a free dwelling of its
 * stock; Le Passage's caseworker opens the housing project of a household whose grid was just
 * confirmed ready, records its consent to be proposed, finds it in her organisation's pool and the
 * new vacancy among the open ones. Every page and dialog passes axe.
 */
describe.skipIf(!browserAvailable())(
  'the pool of households ready to leave and the vacancies',
  { timeout: 150_000 },
  () => {
    const flow = browserFlow();

    it('a landlord publishes a vacancy; an association puts a household in its pool and sees the vacancy', async () => {
      const [free] = await flow.t.deps.db
        .select({ address: dwellings.address })
        .from(dwellings)
        .where(eq(dwellings.id, stableId('stock-dwelling:HB-0028')));
      const l = await flow.signedIn(LANDLORD_ADVISOR);
      await open(l, 'Vacances publiées', 'Vacances publiées');
      await l
        .getByRole('cell', { name: /Contingent préfectoral/ })
        .first()
        .waitFor();
      await assertAccessible(l, 'les vacances du bailleur');
      await l.getByRole('button', { name: 'Publier une vacance' }).click();
      const publish = l.getByRole('dialog', { name: 'Publier une vacance' });
      await choose(l, publish, 'Logement vacant', /HB-0028/);
      await choose(l, publish, 'Contingent', 'Action Logement');
      await publish
        .getByRole('textbox', { name: 'Modalités de visite' })
        .fill('Visite avec la gardienne le matin.');
      await assertAccessible(l, 'la publication d’une vacance');
      await publish.getByRole('button', { name: 'Publier' }).click();
      await notified(l, 'Vacance publiée');
      await l.getByText(free!.address).waitFor();

      // Le Passage's caseworker confirmed the grid of a household she follows (h19): ready to leave.
      const household = householdId('h19');
      await api(
        flow.t,
        await demoSession(flow.t, CASEWORKER),
        'POST',
        `/api/households/${household}/capacity-assessments`,
        {
          assessedOn: parisToday(flow.t.deps.clock()),
          scores: Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score: 3 }])),
          opinion: 'ready',
        },
      );
      const [reference] = await flow.t.deps.db
        .select({ firstName: householdMembers.firstName, lastName: householdMembers.lastName })
        .from(householdMembers)
        .where(eq(householdMembers.householdId, household))
        .orderBy(householdMembers.position)
        .limit(1);
      const name = `${reference!.firstName} ${reference!.lastName}`;

      const a = await flow.signedIn(CASEWORKER);
      await a.goto(`${new URL(a.url()).origin}/menages/${household}?onglet=projet-logement`);
      await a.getByRole('heading', { level: 2, name: 'Ce que dit le dossier' }).waitFor();
      await assertAccessible(a, 'l’onglet du projet logement, avant');
      await a.getByRole('button', { name: 'Ouvrir le projet logement' }).click();
      const project = a.getByRole('dialog', { name: 'Ouvrir le projet logement' });
      // Nothing chosen: the errors are said field by field, in French.
      await project.getByRole('button', { name: 'Ouvrir le projet' }).click();
      await project.getByText('Choisissez au moins une typologie.').waitFor();
      await project.getByText('Choisissez l’intensité de l’accompagnement.').waitFor();
      await pickIn(a, project, 'Typologies souhaitées', 'T2');
      await pickIn(
        a,
        project,
        'Accompagnement après l’entrée',
        'Accompagnement léger (suivi ponctuel)',
        false,
      );
      await pickIn(a, project, 'Catégories prioritaires (CCH L441-1)', /^c\) Personne hébergée/);
      await project.getByRole('textbox', { name: 'Déclaré par le ménage (non vérifié)' }).fill('11800');
      await assertAccessible(a, 'le formulaire du projet logement');
      await project.getByRole('button', { name: 'Ouvrir le projet' }).click();
      await notified(a, 'Projet logement ouvert');
      await a.getByText('Non vérifié', { exact: true }).waitFor();
      await a.getByText('Le ménage n’a pas encore donné son accord.', { exact: false }).waitFor();
      await a.getByRole('button', { name: 'Enregistrer l’accord' }).click();
      const consent = a.getByRole('dialog', { name: 'Accord du ménage pour être proposé' });
      await assertAccessible(a, 'l’accord du ménage');
      await consent.getByRole('button', { name: 'Enregistrer l’accord' }).click();
      await notified(a, 'Accord du ménage enregistré.');
      await a.getByText(/peut être proposé sur des logements/).waitFor();
      await assertAccessible(a, 'l’onglet du projet logement, après');

      await open(a, 'Vivier prêts à sortir', 'Vivier des ménages prêts à sortir');
      const row = a.getByRole('row', { name: new RegExp(name) });
      await row.waitFor();
      expect(await row.getByText('Accord donné').count()).toBe(1);
      await choose(a, a, 'Typologie', 'T2');
      await row.waitFor();
      await assertAccessible(a, 'le vivier');

      await open(a, 'Logements vacants', 'Logements vacants proposés');
      await a.getByText(free!.address).waitFor();
      await a
        .getByRole('cell', { name: /Action Logement/ })
        .first()
        .waitFor();
      await assertAccessible(a, 'les logements vacants');
    });
  },
);
