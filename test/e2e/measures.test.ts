import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { and, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { organisationId, userId } from '../../src/demo/territory.ts';
import { householdParties } from '../../src/modules/households/schema.ts';
import { formatDate } from '../../src/shared/format.ts';
import { addMonths } from '../../src/shared/measures/scheme-rules.ts';
import { parisToday } from '../../src/shared/time.ts';
import { assertAccessible, browserAvailable, type RunningApp } from './harness.ts';
import { browserFlow, choose, notified } from './flow.ts';

const FUNDER_ADMIN = 'admin@cd-valdebrenne.example';
const FUNDER_OFFICER = 'patrick.vidal@cd-valdebrenne.example';
const CASEWORKER = 'camille.roussel@le-passage.example';
const LANDLORD_ADVISOR = 'conseillere.sociale@habitat-brenne.example';
/** The demo's FSL already runs the catalogue's schemes: it adds a variant of one, under its own names. */
const SCHEME = 'FSL mesures spécifiques — expérimentation';
const CRITERIA = [
  'Précarité financière',
  'Problèmes de santé',
  'Parcours de vie difficile',
  'Parcours logement chaotique',
];

/**
 * Support measures in a real browser, on the demo territory: the département's FSL adds a scheme
 * from a catalogue template; a caseworker proposes a measure and prescribes it (refused by the scheme's
 * criteria rule, in French, then accepted); the funder's officer validates it from the home page;
 * the caseworker starts it; the tenant's landlord sees it without the criteria. Every page passes axe.
 */
describe.skipIf(!browserAvailable())('support measures', { timeout: 90_000 }, () => {
  const flow = browserFlow();
  const { signedIn } = flow;
  let t: RunningApp;
  let householdId: string;

  beforeAll(async () => {
    t = flow.t;
    // A household Camille follows for Le Passage, also a tenant of Habitat Brenne.
    const landlordParty = alias(householdParties, 'landlord_party');
    const [row] = await t.deps.db
      .select({ id: householdParties.householdId })
      .from(householdParties)
      .innerJoin(
        landlordParty,
        and(
          eq(landlordParty.householdId, householdParties.householdId),
          eq(landlordParty.organisationId, organisationId('habitat')),
          isNull(landlordParty.endedAt),
        ),
      )
      .where(
        and(
          eq(householdParties.organisationId, organisationId('passage')),
          eq(householdParties.caseworkerUserId, userId('passage-cw1')),
          isNull(householdParties.endedAt),
        ),
      )
      .limit(1);
    householdId = row!.id;
  });

  async function openMeasures(p: Page) {
    await p.goto(`${t.url}/menages/${householdId}?onglet=mesures`);
    await p.getByRole('heading', { level: 2, name: 'Mesures d’accompagnement' }).waitFor();
  }
  const card = (p: Page) => p.getByRole('article').filter({ hasText: SCHEME });

  it('the funder’s administrator adopts a scheme from the catalogue', async () => {
    const p = await signedIn(FUNDER_ADMIN);
    await p
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Dispositifs d’accompagnement' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Dispositifs d’accompagnement' }).waitFor();
    await assertAccessible(p, 'les dispositifs du département');

    await p.getByRole('button', { name: 'Ajouter un dispositif' }).click();
    const dialog = p.getByRole('dialog', { name: 'Ajouter un dispositif' });
    await choose(p, dialog, 'Modèle du catalogue', /^FSL mesures spécifiques/);
    const name = dialog.getByRole('textbox', { name: 'Nom du dispositif' });
    expect(await name.inputValue()).toBe('FSL mesures spécifiques');
    await name.fill(SCHEME);
    await dialog.getByRole('textbox', { name: 'Nom court' }).fill('fsl-ms-experimentation');
    await assertAccessible(p, 'l’ajout d’un dispositif, prérempli');
    await dialog.getByRole('button', { name: 'Ajouter le dispositif' }).click();
    await notified(p, 'Dispositif ajouté.');
    const section = p.getByRole('region', { name: SCHEME });
    await section.getByText('12 mois, renouvelable une fois au plus').first().waitFor();
    await section.getByText(/^Au moins 4 critères parmi : Précarité financière/).waitFor();
    await assertAccessible(p, 'les dispositifs, avec le nouveau');
  });

  it('the caseworker proposes a measure, then prescribes it once the criteria suffice', async () => {
    const p = await signedIn(CASEWORKER);
    await openMeasures(p);
    await assertAccessible(p, 'l’onglet Mesures, vide');

    await p.getByRole('button', { name: 'Proposer une mesure' }).click();
    const propose = p.getByRole('dialog', { name: 'Proposer une mesure d’accompagnement' });
    await choose(p, propose, 'Dispositif', /^FSL mesures spécifiques — expérimentation/);
    await choose(p, propose, 'Opérateur', /Le Passage/);
    await choose(p, propose, 'Briques mobilisées', /^2\.3 — /);
    await p.keyboard.press('Escape');
    await propose.getByRole('textbox', { name: 'Visites par mois' }).fill('2');
    for (const c of CRITERIA.slice(0, 2)) await propose.getByRole('checkbox', { name: c }).check();
    await assertAccessible(p, 'la proposition de mesure');
    await propose.getByRole('button', { name: 'Proposer la mesure' }).click();
    await notified(p, 'Mesure proposée.');
    await card(p).getByText('Proposée', { exact: true }).waitFor();

    await card(p).getByRole('button', { name: 'Prescrire' }).click();
    const prescribe = p.getByRole('dialog', { name: `Prescrire : ${SCHEME}` });
    await prescribe.getByRole('button', { name: 'Prescrire' }).click();
    await prescribe
      .getByRole('alert')
      .getByText(/Critères d’éligibilité/)
      .waitFor();
    await prescribe
      .getByText('Ce dispositif demande au moins 4 des critères listés : 2 sont retenus.', { exact: true })
      .waitFor();
    await assertAccessible(p, 'la prescription refusée par la règle des critères');
    for (const c of CRITERIA.slice(2)) await prescribe.getByRole('checkbox', { name: c }).check();
    await prescribe.getByRole('button', { name: 'Prescrire' }).click();
    await notified(p, 'Mesure prescrite et transmise au financeur.');
    await card(p).getByText('Prescrite, en attente du financeur').waitFor();
    await assertAccessible(p, 'la mesure prescrite');
  });

  it('the funder’s officer validates it from the home page, by file number only', async () => {
    const p = await signedIn(FUNDER_OFFICER);
    const pending = p.getByRole('region', { name: 'Mesures en attente de votre décision' });
    const row = pending.getByRole('row').filter({ hasText: SCHEME });
    await row.waitFor();
    await assertAccessible(p, 'l’accueil du financeur');
    await row.getByRole('button', { name: /^Valider la mesure du dossier / }).click();
    const dialog = p.getByRole('dialog', { name: /^Valider la mesure / });
    await dialog.getByRole('button', { name: 'Valider la mesure' }).click();
    await notified(p, 'Mesure validée.');
    await row.waitFor({ state: 'detached' });
    const funded = p.getByRole('region', { name: 'Mesures financées', exact: true });
    await funded.getByRole('cell', { name: SCHEME }).waitFor();
    await assertAccessible(p, 'l’accueil du financeur, mesure validée');
  });

  it('the caseworker starts it and sees its planned end', async () => {
    const p = await signedIn(CASEWORKER);
    await openMeasures(p);
    await card(p).getByRole('button', { name: 'Commencer' }).click();
    const dialog = p.getByRole('dialog', { name: `Commencer : ${SCHEME}` });
    await dialog.getByRole('button', { name: 'Commencer' }).click();
    await notified(p, 'Accompagnement commencé.');
    await card(p).getByText('En cours', { exact: true }).waitFor();
    const plannedEnd = formatDate(addMonths(parisToday(t.deps.clock()), 12));
    await card(p).getByText(plannedEnd).waitFor();
    await card(p).getByText('Aucun renouvellement sur 1 autorisé').waitFor();
    await card(p).getByRole('link', { name: 'Contrat d’accompagnement' }).waitFor();
    await assertAccessible(p, 'la mesure en cours');
  });

  it('the landlord sees the measure, without the criteria nor any action', async () => {
    const p = await signedIn(LANDLORD_ADVISOR);
    await openMeasures(p);
    await card(p).getByText('En cours', { exact: true }).waitFor();
    expect(await card(p).getByText('Critères d’éligibilité retenus').count()).toBe(0);
    expect(await card(p).getByRole('button').count()).toBe(0);
    await assertAccessible(p, 'l’onglet Mesures du bailleur');
  });
});
