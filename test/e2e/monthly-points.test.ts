import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { organisationId, userId } from '../../src/demo/territory.ts';
import { monthlyPoints } from '../../src/modules/evaluations/schema.ts';
import { measures } from '../../src/modules/measures/schema.ts';
import { monthOf } from '../../src/shared/evaluations/monthly-point.ts';
import { formatMonth } from '../../src/shared/format.ts';
import { assertAccessible, browserAvailable, type RunningApp } from './harness.ts';
import { browserFlow, CASEWORKER, notified } from './flow.ts';

const DRAFT = 'Point fait au domicile : loyer payé.';
const REPORT = 'Point fait au domicile : loyer payé, dossier FSL déposé, prochain rendez-vous à la CAF.';

/**
 * The monthly point on a tablet (1024 × 768): the référent opens the file of a household whose
 * measure she runs, prepares the point of the current month from its journal, writes the report
 * of the point held with the household and validates it; it is then read-only (a correction only).
 * Every step passes axe.
 */
describe.skipIf(!browserAvailable())('monthly point', { timeout: 120_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });
  let t: RunningApp;
  let householdId: string;

  beforeAll(async () => {
    t = flow.t;
    const [row] = await t.deps.db
      .select({ householdId: measures.householdId })
      .from(measures)
      .where(
        and(
          eq(measures.operatorOrganisationId, organisationId('passage')),
          eq(measures.caseworkerUserId, userId('passage-cw1')),
          eq(measures.status, 'active'),
        ),
      )
      .orderBy(measures.id)
      .limit(1);
    householdId = row!.householdId;
  });

  it('prepares the month’s point from the journal, completes its report, validates it, then offers only a correction', async () => {
    const month = formatMonth(monthOf(t.deps.clock()));
    const p = await flow.signedIn(CASEWORKER);
    await p.goto(`${t.url}/menages/${householdId}?onglet=points-mensuels`);
    await p.getByRole('heading', { level: 2, name: 'Points mensuels' }).waitFor();
    const prepare = p.getByRole('button', { name: `Préparer le point de ${month}` }).first();
    await prepare.waitFor();
    await assertAccessible(p, 'les points mensuels du dossier');

    await prepare.click();
    const dialog = p.getByRole('dialog', { name: `Point mensuel de ${month}` });
    await dialog.getByText('Le journal du mois', { exact: true }).waitFor();
    await dialog.getByRole('textbox', { name: 'Compte rendu du point fait avec le ménage' }).fill(DRAFT);
    await assertAccessible(p, 'la préparation du point mensuel');
    await dialog.getByRole('button', { name: 'Préparer le point' }).click();
    await notified(p, 'Point mensuel préparé.');

    await p
      .getByRole('button', { name: `Compléter le point de ${month}` })
      .first()
      .click();
    const draft = p.getByRole('dialog', { name: `Point mensuel de ${month}` });
    const report = draft.getByRole('textbox', { name: 'Compte rendu du point fait avec le ménage' });
    expect(await report.inputValue()).toBe(DRAFT);
    await report.fill(REPORT);
    await draft.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await notified(p, 'Point mensuel enregistré.');

    await p
      .getByRole('button', { name: `Valider le point de ${month}` })
      .first()
      .click();
    const confirm = p.getByRole('dialog', { name: `Valider le point de ${month} ?` });
    await assertAccessible(p, 'la validation du point mensuel');
    await confirm.getByRole('button', { name: 'Valider' }).click();
    await notified(p, 'Point mensuel validé.');
    await p
      .getByRole('button', { name: `Corriger le point de ${month}` })
      .first()
      .waitFor();
    await p
      .getByText(/^Validé le /)
      .first()
      .waitFor();
    await assertAccessible(p, 'le point mensuel validé');

    const [stored] = await t.deps.db
      .select({ status: monthlyPoints.status, report: monthlyPoints.report })
      .from(monthlyPoints)
      .where(
        and(eq(monthlyPoints.householdId, householdId), eq(monthlyPoints.month, monthOf(t.deps.clock()))),
      );
    expect(stored).toEqual({ status: 'validated', report: REPORT });
  });
});
