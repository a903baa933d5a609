import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { householdParties } from '../../src/modules/households/schema.ts';
import { monthOf } from '../../src/shared/evaluations/monthly-point.ts';
import { formatDate, formatMonth } from '../../src/shared/format.ts';
import { parisToday } from '../../src/shared/time.ts';
import { insertContract } from '../helpers/contract-fixtures.ts';
import { assertAccessible, browserAvailable } from './harness.ts';
import {
  api,
  browserFlow,
  CASEWORKER,
  choose,
  demoAccount,
  demoSession,
  LANDLORD_ADVISOR,
  notified,
} from './flow.ts';

/** The month `n` months before `month`. */
function monthsBefore(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * A rent account on a tablet (1024 × 768), on the demo territory: Le Passage holds a bail glissant
 * for one of its households in Habitat Brenne's stock. Three months were called, the middle one
 * left unpaid; Camille Roussel calls this month and records a payment in the browser, sets up a
 * repayment plan for the arrears, corrects a line, downloads the tenant's statement and closes the
 * account, which then refuses a payment. Every page and dialog passes axe.
 */
describe.skipIf(!browserAvailable())('a rent account on a tablet', { timeout: 120_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });

  it('posts calls and payments, sets up a repayment plan and downloads the statement', async () => {
    const t = flow.t;
    const today = parisToday(t.deps.clock());
    const month = monthOf(today);
    const association = demoAccount(CASEWORKER).organisationId;
    const [party] = await t.deps.db
      .select({ householdId: householdParties.householdId })
      .from(householdParties)
      .where(and(eq(householdParties.organisationId, association), isNull(householdParties.endedAt)))
      .limit(1);
    const start = `${monthsBefore(month, 3)}-01`;
    const { contract } = await insertContract(t.deps.db, {
      kind: 'bail_glissant',
      landlordId: demoAccount(LANDLORD_ADVISOR).organisationId,
      associationId: association,
      householdId: party!.householdId,
      startOn: start,
      rentCents: 41_000,
      chargesCents: 6_000,
    });
    const s = await demoSession(t, CASEWORKER);
    const url = `/api/contracts/${contract.id}/account`;
    await api(t, s, 'POST', url, { on: start });
    for (const [i, paid] of [
      [3, true],
      [2, false],
      [1, true],
    ] as const) {
      const m = monthsBefore(month, i);
      await api(t, s, 'POST', `${url}/calls`, { month: m, housingBenefitCents: 22_000 });
      if (paid)
        await api(t, s, 'POST', `${url}/payments`, {
          on: `${m}-05`,
          amountCents: 25_000,
          method: 'transfer',
        });
    }

    const p = await flow.signedIn(CASEWORKER);
    await p.goto(`${t.url}/baux/${contract.id}/compte`);
    await p.getByRole('heading', { level: 1, name: /Compte locatif/ }).waitFor();
    await p.getByText(/^250,00\s€ dus$/).waitFor();
    await assertAccessible(p, 'le compte locatif');

    await p.getByRole('button', { name: 'Appeler un mois' }).click();
    const calls = p.getByRole('dialog', { name: 'Appeler le loyer d’un mois' });
    await calls.getByRole('textbox', { name: 'Mois' }).fill(month);
    await calls.getByRole('textbox', { name: 'Aide au logement versée au bailleur' }).fill('220');
    await assertAccessible(p, 'les appels du mois');
    await calls.getByRole('button', { name: 'Passer les appels' }).click();
    await notified(p, 'Appels du mois passés.');
    await p.getByText(/^500,00\s€ dus$/).waitFor();

    await p.getByRole('button', { name: 'Enregistrer un paiement' }).click();
    const pay = p.getByRole('dialog', { name: 'Enregistrer un paiement' });
    await pay.getByRole('textbox', { name: 'Date du paiement' }).fill(formatDate(today));
    await pay.getByRole('textbox', { name: 'Montant' }).fill('250');
    await choose(p, pay, 'Moyen de paiement', 'Chèque');
    await pay.getByRole('textbox', { name: 'Référence (facultatif)' }).fill('Chèque 1234');
    await assertAccessible(p, 'le paiement');
    await pay.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await notified(p, 'Paiement enregistré.');
    await p.getByText(/^250,00\s€ dus$/).waitFor();
    const arrears = p.getByRole('table', { name: 'Impayés mois par mois' });
    await arrears.getByRole('row', { name: new RegExp(formatMonth(monthsBefore(month, 2))) }).waitFor();

    await p.getByRole('button', { name: 'Établir un plan' }).click();
    const plan = p.getByRole('dialog', { name: 'Établir un plan d’apurement' });
    await plan.getByRole('textbox', { name: 'Nombre de mensualités' }).fill('3');
    await assertAccessible(p, 'le plan d’apurement');
    await plan.getByRole('button', { name: 'Établir le plan' }).click();
    await notified(p, 'Plan d’apurement établi.');
    const instalments = p.getByRole('table', { name: 'Mensualités du plan, version 1' });
    await instalments.getByRole('row', { name: /83,34 €/ }).waitFor();

    const lines = p.getByRole('table', { name: 'Écritures du compte' });
    await lines
      .getByRole('row', { name: /Chèque 1234/ })
      .getByRole('button', { name: 'Corriger' })
      .click();
    const correct = p.getByRole('dialog', { name: 'Corriger une écriture' });
    await correct.getByRole('textbox', { name: 'Motif (facultatif)' }).fill('Chèque rejeté');
    await assertAccessible(p, 'la correction');
    await correct.getByRole('button', { name: 'Contre-passer' }).click();
    await notified(p, 'Écriture contre-passée.');
    await lines.getByRole('row', { name: /Annulation : paiement/ }).waitFor();
    await p.getByText(/^500,00\s€ dus$/).waitFor();
    await assertAccessible(p, 'le compte après la correction');

    const statement = p.getByRole('link', { name: 'Télécharger le relevé (PDF)' });
    const href = await statement.getAttribute('href');
    const pdf = await p.request.get(`${t.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // The account is closed on a day: it shows closed, offers no more payment, and refuses one.
    await p.getByRole('button', { name: 'Clore le compte' }).click();
    const close = p.getByRole('dialog', { name: 'Clore le compte locatif' });
    const intro = close.getByText('Un compte clos ne reçoit plus ni paiement ni écriture.');
    await close.getByRole('textbox', { name: 'Date de clôture' }).fill(formatDate(today));
    await intro.click(); // the date typed, its calendar closes
    await assertAccessible(p, 'la clôture du compte');
    await close.getByRole('button', { name: 'Clore le compte' }).click();
    await notified(p, 'Compte locatif clos.');
    await p.getByText(`Clos depuis le ${formatDate(today)}`).waitFor();
    expect(await p.getByRole('button', { name: 'Enregistrer un paiement' }).count()).toBe(0);
    await assertAccessible(p, 'le compte clos');
    const refused = await t.app.inject({
      method: 'POST',
      url: `${url}/payments`,
      headers: s.headers,
      payload: { on: today, amountCents: 10_000, method: 'cash' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      `Ce compte locatif est clos depuis le ${formatDate(today)} : il ne reçoit plus ni paiement ni écriture.`,
    );
  });
});
