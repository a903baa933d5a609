import { beforeAll, describe, it } from 'vitest';
import { addDays, parisToday } from '../../src/shared/time.ts';
import { formatLongDate } from '../../src/shared/format.ts';
import { addMonths } from '../../src/shared/measures/scheme-rules.ts';
import { createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { assertAccessible, browserAvailable, type RunningApp } from './harness.ts';
import { CASEWORKER, api, browserFlow, choose, demoSession, notified } from './flow.ts';

/**
 * Eviction prevention in the household file, at tablet width: a procedure whose commandement was
 * served ten days ago shows that its deadlines need the lease; Camille gives the lease (signed before
 * 29 July 2023: two months' delay) and the rent, notes the debt and an FSL maintien request; the
 * commandement's delay is shown to the day with its legal reference, the current stage with what she
 * can do. Every state passes axe.
 */
describe.skipIf(!browserAvailable())('eviction prevention in the file', { timeout: 120_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });
  let t: RunningApp;
  let householdId: string;
  let today: string;

  beforeAll(async () => {
    t = flow.t;
    const cw = await demoSession(t, CASEWORKER);
    householdId = await createHouseholdAs(t, cw, sampleHousehold());
    today = parisToday(t.deps.clock());
    await api(t, cw, 'POST', `/api/households/${householdId}/eviction-steps`, {
      step: 'payment_order',
      occurredOn: addDays(today, -10),
    });
  });

  it('computes the procedure’s deadlines once the lease is given, and keeps the instruments used', async () => {
    const p = await flow.signedIn(CASEWORKER);
    await p.goto(`${t.url}/menages/${householdId}`);
    const panel = p.getByRole('heading', { name: 'Délais légaux et prévention de l’expulsion' });
    await panel.waitFor();
    await p
      .getByText('Indiquez la date de signature du bail et le type de bailleur pour calculer les délais.')
      .waitFor();
    await assertAccessible(p, 'la prévention de l’expulsion, sans bail');

    await p.getByRole('button', { name: 'Modifier le bail, le loyer ou l’audience' }).click();
    const facts = p.getByRole('dialog', { name: 'Bail, loyer et audience' });
    await facts.getByRole('textbox', { name: 'Date de signature du bail' }).fill('01/09/2019');
    await choose(p, facts, 'Bailleur', /^Personne morale/);
    await facts.getByRole('textbox', { name: 'Loyer mensuel (hors charges)' }).fill('420');
    await facts.getByRole('textbox', { name: 'Charges mensuelles' }).fill('80');
    await assertAccessible(p, 'le bail et le loyer de la procédure');
    await facts.getByRole('button', { name: 'Enregistrer' }).click();
    await notified(p, 'Bail et loyer enregistrés : les délais sont recalculés.');
    const delayEnd = formatLongDate(addMonths(addDays(today, -10), 2));
    const row = p.getByRole('row').filter({ hasText: 'Fin du délai du commandement de payer' });
    await row.getByText(delayEnd).waitFor();
    await p.getByText('Commandement de payer visant la clause résolutoire').waitFor();
    await p.getByText('Étape actuelle').waitFor();

    await p.getByRole('button', { name: 'Noter la dette à une date' }).click();
    const balance = p.getByRole('dialog', { name: 'Noter la dette à une date' });
    await balance.getByRole('textbox', { name: 'Dette' }).fill('1000');
    await balance.getByRole('button', { name: 'Noter' }).click();
    await notified(p, 'Dette notée : les délais sont recalculés.');
    await p
      .getByRole('row')
      .filter({ hasText: 'Impayé de loyer constitué' })
      .getByText(formatLongDate(today))
      .waitFor();

    await p.getByRole('button', { name: 'Noter un outil de prévention' }).click();
    const tool = p.getByRole('dialog', { name: 'Noter un outil de prévention' });
    await choose(p, tool, 'Outil', 'FSL maintien');
    await choose(p, tool, 'État', 'Demandé');
    await tool.getByRole('button', { name: 'Noter' }).click();
    await notified(p, 'Outil de prévention noté.');
    await p
      .getByRole('row')
      .filter({ hasText: 'FSL maintien' })
      .getByText(/^Demandé le /)
      .waitFor();
    await assertAccessible(p, 'les délais calculés, la dette et les outils');
  });
});
