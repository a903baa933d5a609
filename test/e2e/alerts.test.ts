import { beforeAll, describe, expect, it } from 'vitest';
import { runAlerts } from '../../src/modules/alerts/index.ts';
import { assertAccessible, browserAvailable } from './harness.ts';
import { CASEWORKER, api, browserFlow, demoAccount, demoSession, notified } from './flow.ts';

const ASSOCIATION_ADMIN = 'admin@le-passage.example';

/**
 * Alerts in a real browser at tablet width, on the demo territory once the alerts job has run (as
 * it does at start): the référent finds them on her home page with their kind, opens a referral
 * that waits for an answer and reads for how long, dismisses an alert with its reason, and stops
 * the daily email; the association's
 * administrator sets its delays, a bad one refused in French. Every page passes axe.
 */
describe.skipIf(!browserAvailable())('alerts become tasks', { timeout: 90_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });
  const { signedIn } = flow;

  beforeAll(async () => {
    await runAlerts(flow.t.deps);
  });

  it('the référent finds her alerts at home, opens a waiting referral, dismisses one and stops the daily email', async () => {
    const p = await signedIn(CASEWORKER);
    const tasks = p.getByRole('region', { name: 'Actions urgentes et tâches' });
    const row = tasks.getByRole('row').filter({ hasText: 'Alerte — saisine sans réponse' }).first();
    await row.getByText(/toujours sans réponse/).waitFor();
    await assertAccessible(p, 'l’accueil du référent, avec ses alertes');

    await row.getByRole('link').click();
    await p.getByText('En attente de réponse depuis').waitFor();
    expect(await p.getByText(/^\d+ jours$/).count()).toBeGreaterThan(0);
    await assertAccessible(p, 'la saisine en attente');

    await p.goBack();
    const review = tasks
      .getByRole('row')
      .filter({ hasText: 'Alerte — mesure à présenter en comité' })
      .first();
    const reviewTitle = (await review.getByRole('cell').nth(1).innerText()).trim();
    await review.getByRole('button', { name: /^Abandonner/ }).click();
    const form = p.getByRole('form', { name: `Abandonner « ${reviewTitle} »` });
    await form.getByRole('button', { name: 'Abandonner la tâche' }).click();
    await form.getByText('Indiquez pourquoi la tâche est abandonnée.').waitFor();
    await assertAccessible(p, 'l’abandon d’une alerte, sans motif');
    await form
      .getByRole('textbox', { name: 'Pourquoi l’abandonner ?' })
      .fill('Déjà inscrite par la coordination.');
    await form.getByRole('button', { name: 'Abandonner la tâche' }).click();
    await notified(p, 'Tâche abandonnée.');
    expect(await tasks.getByRole('row').filter({ hasText: reviewTitle }).count()).toBe(0);

    const digest = p.getByRole('switch', { name: /Recevoir chaque matin un courriel de mes alertes/ });
    await digest.waitFor();
    expect(await digest.isChecked()).toBe(true);
    await digest.click({ force: true });
    await notified(p, 'Préférence enregistrée.');
    expect(await digest.isChecked()).toBe(false);
  });

  it('the référent pages through her open tasks, the later ones on the next page', async () => {
    // Enough tasks of her own, undated (last, the latest created last of all), for a second page of 20.
    const session = await demoSession(flow.t, CASEWORKER);
    const mine = (await api(flow.t, session, 'GET', '/api/tasks/mine')) as { total: number };
    const [household] = (
      (await api(flow.t, session, 'GET', '/api/households?pageSize=1')) as { items: { id: string }[] }
    ).items;
    const count = Math.max(2, 22 - mine.total);
    for (let n = 1; n <= count; n++) {
      await api(flow.t, session, 'POST', `/api/households/${household!.id}/tasks`, {
        title: `Bilan annuel (${n})`,
        ownerUserId: demoAccount(CASEWORKER).userId,
      });
      // Created at distinct instants (the real clock): the last one sorts last.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const total = ((await api(flow.t, session, 'GET', '/api/tasks/mine')) as { total: number }).total;
    const pages = Math.ceil(total / 20);
    expect(pages).toBeGreaterThan(1);

    const p = await signedIn(CASEWORKER);
    const tasks = p.getByRole('region', { name: 'Actions urgentes et tâches' });
    await tasks.getByText(`${total} résultats — page 1 sur ${pages}`).waitFor();
    const last = tasks.getByRole('row').filter({ hasText: `Bilan annuel (${count})` });
    expect(await last.count()).toBe(0);
    const paging = tasks.getByRole('navigation', { name: 'Pagination : Mes tâches ouvertes, par échéance' });
    await paging.getByRole('button', { name: `Page ${pages}` }).click();
    await tasks.getByText(`${total} résultats — page ${pages} sur ${pages}`).waitFor();
    await last.waitFor();
    await assertAccessible(p, 'l’accueil du référent, la dernière page de ses tâches');
    await paging.getByRole('button', { name: 'Page précédente' }).click();
    await tasks.getByText(`${total} résultats — page ${pages - 1} sur ${pages}`).waitFor();
    await paging.getByRole('button', { name: 'Page 1' }).click();
    await tasks.getByText(`${total} résultats — page 1 sur ${pages}`).waitFor();
  });

  it('the association’s administrator sets its alert delays, in days', async () => {
    const p = await signedIn(ASSOCIATION_ADMIN);
    await p.goto(`${flow.t.url}/admin/organisation`);
    const section = p.getByRole('region', { name: 'Alertes — délais en jours' });
    const referralDays = section.getByRole('textbox', { name: 'Jours d’attente d’une saisine sans réponse' });
    expect(await referralDays.inputValue()).toBe('8');
    await section.getByText(/Votre organisation suit les valeurs par défaut/).waitFor();
    await referralDays.fill('0');
    await section.getByRole('button', { name: 'Enregistrer les délais' }).click();
    await section.getByText('Au moins 1 jour.').waitFor();
    await assertAccessible(p, 'les délais des alertes, une valeur refusée');
    await referralDays.fill('5');
    await section.getByRole('button', { name: 'Enregistrer les délais' }).click();
    await notified(p, 'Réglages des alertes enregistrés.');
    expect(await section.getByText(/Votre organisation suit les valeurs par défaut/).count()).toBe(0);
    await assertAccessible(p, 'les délais des alertes enregistrés');
  });
});
