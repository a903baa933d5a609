import { describe, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { housingAids } from '../../src/modules/housing-aids/schema.ts';
import { formatDate } from '../../src/shared/format.ts';
import { addDays, parisToday } from '../../src/shared/time.ts';
import { assertAccessible, browserAvailable } from './harness.ts';
import { api, browserFlow, CASEWORKER, choose, demoSession, notified } from './flow.ts';

/**
 * On the demo territory, Le Passage's caseworker follows an FSL maintien granted as a loan: she
 * records the decision with its repayment schedule and the payment; the first instalment, a month
 * ago, is shown missed; she records the household's repayment and the next instalment is shown.
 * Every dialog passes axe.
 */
describe.skipIf(!browserAvailable())('a loan’s repayments', { timeout: 120_000 }, () => {
  const flow = browserFlow();

  it('grants a loan with its schedule, shows a missed instalment and records a repayment', async () => {
    const t = flow.t;
    const today = parisToday(t.deps.clock());
    const [followed] = await t.deps.db
      .select({ householdId: housingAids.householdId })
      .from(housingAids)
      .where(eq(housingAids.status, 'paid'))
      .limit(1);
    const householdId = followed!.householdId;
    await api(t, await demoSession(t, CASEWORKER), 'POST', `/api/households/${householdId}/aids`, {
      kind: 'fsl_maintien',
      form: 'loan',
      funderName: 'FSL du Val-de-Brenne (prêt)',
      payee: 'household',
      requestedOn: addDays(today, -50),
      amountRequestedCents: 30_000,
    });

    const p = await flow.signedIn(CASEWORKER);
    await p.goto(`${t.url}/menages/${householdId}?onglet=aides`);
    const row = p.getByRole('row', { name: /FSL du Val-de-Brenne \(prêt\)/ });
    await row.getByRole('button', { name: 'Décision' }).click();
    const decision = p.getByRole('dialog', { name: 'Décision : FSL maintien' });
    await choose(p, decision, 'Décision', 'Accordée');
    await decision.getByRole('textbox', { name: 'Décidée le' }).fill(formatDate(addDays(today, -40)));
    await decision.getByRole('textbox', { name: 'Première échéance' }).fill(formatDate(addDays(today, -30)));
    await decision.getByRole('textbox', { name: 'Mensualité' }).fill('100');
    await decision.getByRole('textbox', { name: 'Nombre de mois' }).fill('3');
    await decision.getByText(/^Demandée le/).click(); // the calendars closed
    await assertAccessible(p, 'la décision d’un prêt');
    await decision.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await notified(p, 'Décision enregistrée.');

    await row.getByRole('button', { name: 'Versement' }).click();
    const payment = p.getByRole('dialog', { name: 'Versement : FSL maintien' });
    await payment.getByRole('textbox', { name: 'Versée le' }).fill(formatDate(addDays(today, -40)));
    await payment.getByText(/^Reste à verser/).click();
    await payment.getByRole('button', { name: 'Enregistrer le versement' }).click();
    await notified(p, 'Versement enregistré.');
    await row
      .getByText(`Échéance du ${formatDate(addDays(today, -30))} non remboursée (100,00 € en retard)`)
      .waitFor();
    await assertAccessible(p, 'un prêt en retard');

    await row.getByRole('button', { name: 'Remboursement' }).click();
    const repayment = p.getByRole('dialog', { name: 'Remboursement : FSL maintien' });
    await repayment.getByText('Prêté : 300,00 € ; reste à rembourser : 300,00 €.').waitFor();
    await assertAccessible(p, 'le remboursement');
    await repayment.getByRole('button', { name: 'Enregistrer le remboursement' }).click();
    await notified(p, 'Remboursement enregistré.');
    await row.getByText(/remboursé 100,00/).waitFor();
    await row.getByText(/^Prochaine échéance le /).waitFor();
    await assertAccessible(p, 'le prêt après le remboursement');
  });
});
