import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate } from '../../src/shared/format.ts';
import { isoWeekday } from '../../src/shared/permanences/rules.ts';
import { addDays, parisToday } from '../../src/shared/time.ts';
import { WEEKDAY_LABELS } from '../../src/shared/contracts/permanences.ts';
import { assertAccessible, browserAvailable } from './harness.ts';
import { browserFlow, CASEWORKER, choose, notified } from './flow.ts';

const MANAGER = 'cheffe.service@le-passage.example';
const PLACE = 'Mairie annexe des Tilleuls';

const openPermanences = async (p: Page) => {
  await p
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Permanences' })
    .click();
  await p.getByRole('heading', { level: 1, name: 'Permanences' }).waitFor();
};

/**
 * A drop-in session on a tablet (1024 × 768), on the demo territory: Le Passage's team leader opens
 * a weekly permanence held yesterday, staffed by Camille Roussel; Camille records a walk-in there,
 * then turns it into a household file and finds the visit in the new file's journal. Every page and
 * dialog passes axe.
 */
describe.skipIf(!browserAvailable())('drop-in sessions on a tablet', { timeout: 120_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });

  it('opens a permanence, records a walk-in and turns it into a household file', async () => {
    const t = flow.t;
    const today = parisToday(t.deps.clock());
    const yesterday = addDays(today, -1);

    const m = await flow.signedIn(MANAGER);
    await openPermanences(m);
    await assertAccessible(m, 'la page des permanences');
    await m.getByRole('button', { name: 'Ouvrir une permanence' }).click();
    const slotDialog = m.getByRole('dialog', { name: 'Ouvrir une permanence' });
    await slotDialog.getByRole('textbox', { name: 'Lieu' }).fill(PLACE);
    await choose(m, slotDialog, 'Jour de la semaine', WEEKDAY_LABELS[isoWeekday(yesterday)]!);
    await slotDialog.getByRole('textbox', { name: 'Première date' }).fill(formatDate(addDays(yesterday, -7)));
    await choose(m, slotDialog, 'Intervenants', 'Camille Roussel');
    await slotDialog.getByRole('textbox', { name: 'Lieu' }).click();
    await assertAccessible(m, 'le formulaire de permanence');
    await slotDialog.getByRole('button', { name: 'Ouvrir', exact: true }).click();
    await notified(m, 'Permanence ouverte.');
    await m.getByRole('cell', { name: PLACE }).waitFor();

    const p = await flow.signedIn(CASEWORKER);
    await openPermanences(p);
    if (isoWeekday(today) === 1) await p.getByRole('button', { name: 'Semaine précédente' }).click();
    const occurrence = p.getByRole('region', { name: new RegExp(`${formatDate(yesterday)}.*${PLACE}`) });
    await occurrence.getByRole('button', { name: 'Noter un passage' }).click();
    const visitDialog = p.getByRole('dialog', { name: 'Noter un passage' });
    await visitDialog.getByRole('radio', { name: /Accord donné/ }).check();
    await visitDialog.getByRole('textbox', { name: 'Prénom ou initiales' }).fill('Nadia');
    await visitDialog.getByRole('textbox', { name: 'Conseils donnés' }).fill('Demander un plan d’apurement.');
    await visitDialog.getByRole('button', { name: 'Ajouter une démarche' }).click();
    await visitDialog.getByRole('textbox', { name: 'Démarche 1', exact: true }).fill('Appeler le bailleur');
    await assertAccessible(p, 'le formulaire de passage');
    await visitDialog.getByRole('button', { name: 'Noter le passage' }).click();
    await notified(p, 'Passage noté.');
    await occurrence.getByRole('cell', { name: 'Nadia' }).waitFor();
    await assertAccessible(p, 'la semaine avec le passage');

    await occurrence.getByRole('button', { name: 'Transformer' }).click();
    const convert = p.getByRole('dialog', { name: 'Transformer le passage' });
    await convert.getByRole('textbox', { name: 'Nom', exact: true }).fill('Benali');
    await choose(p, convert, 'Situation de logement', 'Locataire du parc privé');
    await assertAccessible(p, 'la transformation du passage');
    await convert.getByRole('button', { name: 'Confirmer la transformation' }).click();
    await notified(p, 'Passage transformé.');
    await p.waitForURL(/\/menages\/[^/]+$/);
    await p.goto(`${p.url()}?onglet=journal`);
    await p.getByRole('heading', { level: 2, name: 'Journal d’accompagnement' }).waitFor();
    await p.getByText(`Passage à la permanence (${PLACE}).`, { exact: false }).first().waitFor();
    await assertAccessible(p, 'le journal du nouveau dossier');
  });
});
