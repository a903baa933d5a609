import { describe, it } from 'vitest';
import { formatDate } from '../../src/shared/format.ts';
import { SLIDING_CRITERIA, SLIDING_CRITERION_LABELS } from '../../src/shared/leases/sliding.ts';
import { addDays, parisToday } from '../../src/shared/time.ts';
import { assertAccessible, browserAvailable } from './harness.ts';
import { browserFlow, CASEWORKER, choose, notified } from './flow.ts';

const ADDRESS = '14 rue des Tanneurs';

/**
 * The sliding of a bail glissant on a tablet (1024 × 768), on the demo territory: Le Passage's
 * Camille Roussel opens « Baux et sous-locations », the bail glissant near its review (the
 * association and the landlord have evaluated), notes the household's evaluation with it, records
 * the joint decision to slide today, lands on the household's direct lease starting tomorrow and finds
 * both contracts in the file's « Logement » tab.
 * Every page and dialog passes axe.
 */
describe.skipIf(!browserAvailable())('the sliding of a bail glissant', { timeout: 120_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });

  it('evaluates with the household, decides to slide, and shows the direct lease from the next day', async () => {
    const today = parisToday(flow.t.deps.clock());
    const p = await flow.signedIn(CASEWORKER);
    await p
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Baux et sous-locations' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Baux et sous-locations' }).waitFor();
    await p.getByRole('cell', { name: 'Bail glissant' }).first().waitFor();
    await assertAccessible(p, 'la liste des baux et sous-locations');

    await p.getByRole('link', { name: new RegExp(ADDRESS) }).click();
    await p.getByRole('heading', { level: 1, name: new RegExp(`^Bail glissant — ${ADDRESS}`) }).waitFor();
    await p.getByRole('heading', { level: 2, name: /^Glissement — examen prévu le/ }).waitFor();
    await p.getByText('La décision attend l’évaluation de : le ménage.').waitFor();
    await assertAccessible(p, 'la page du bail glissant');

    await p.getByRole('button', { name: 'Évaluation : ménage' }).click();
    const evaluation = p.getByRole('dialog', { name: /Évaluation en vue du glissement/ });
    for (const c of SLIDING_CRITERIA)
      await choose(
        p,
        evaluation,
        SLIDING_CRITERION_LABELS[c],
        c === 'paperwork_autonomy' ? 'En cours d’acquisition' : 'Acquis',
      );
    await evaluation.getByRole('textbox', { name: 'Commentaire général' }).fill('Le ménage se sent prêt.');
    await assertAccessible(p, 'l’évaluation du ménage');
    await evaluation.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
    await notified(p, 'Évaluation enregistrée.');
    await p.getByRole('cell', { name: 'Le ménage se sent prêt.' }).waitFor();

    await p.getByRole('button', { name: 'Décision commune' }).click();
    const decision = p.getByRole('dialog', { name: 'Décision commune sur le glissement' });
    await decision.getByRole('radio', { name: 'Glissement du bail au ménage' }).check();
    await decision
      .getByText(`Le bail direct du ménage commencera le ${formatDate(addDays(today, 1))}.`)
      .waitFor();
    await assertAccessible(p, 'la décision commune');
    await decision.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await notified(p, 'Décision enregistrée.');

    await p.getByRole('heading', { level: 1, name: new RegExp(`^Bail direct — ${ADDRESS}`) }).waitFor();
    await p
      .getByText(formatDate(addDays(today, 1)), { exact: true })
      .first()
      .waitFor();
    await p.getByRole('link', { name: 'la sous-location précédente' }).waitFor();
    await assertAccessible(p, 'le bail direct après le glissement');

    // The household's file lists both contracts in its « Logement » tab.
    await p.getByRole('link', { name: /\(dossier M-\d+\)/ }).click();
    await p.waitForURL(/\/menages\/[^/]+$/);
    await p.goto(`${p.url()}?onglet=logement`);
    const contracts = p.getByRole('region', { name: 'Contrats d’occupation' });
    await contracts.getByRole('cell', { name: 'Bail direct' }).waitFor();
    await contracts.getByRole('cell', { name: 'Bail glissant' }).waitFor();
    await assertAccessible(p, 'l’onglet Logement du dossier');
  });
});
