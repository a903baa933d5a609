import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import { organisationId, userId } from '../../src/demo/territory.ts';
import { householdParties } from '../../src/modules/households/schema.ts';
import { journalEntries } from '../../src/modules/journal/schema.ts';
import { assertAccessible, browserAvailable, type RunningApp } from './harness.ts';
import { browserFlow, CASEWORKER, notified } from './flow.ts';

const NOTE = 'Visite faite sans réseau : point sur le budget et les quittances.';

/**
 * A home visit on a tablet (800 × 1280) without a connection: the caseworker opens a household she
 * follows, the network drops, she records the visit (kept on the device, « En attente d'envoi »),
 * the network returns and the visit leaves by itself; after a reload the timeline holds it once.
 * Every step passes axe.
 */
describe.skipIf(!browserAvailable())('offline home visit', { timeout: 120_000 }, () => {
  const flow = browserFlow({ viewport: { width: 800, height: 1280 } });
  let t: RunningApp;
  let householdId: string;

  beforeAll(async () => {
    t = flow.t;
    const [row] = await t.deps.db
      .select({ id: householdParties.householdId })
      .from(householdParties)
      .where(
        and(
          eq(householdParties.organisationId, organisationId('passage')),
          eq(householdParties.caseworkerUserId, userId('passage-cw1')),
          isNull(householdParties.endedAt),
        ),
      )
      .orderBy(householdParties.householdId)
      .limit(1);
    householdId = row!.id;
  });

  it('keeps the visit on the device offline, sends it when the connection returns, once', async () => {
    const p = await flow.signedIn(CASEWORKER);
    const heading = p.getByRole('heading', { level: 2, name: 'Journal d’accompagnement' });
    await p.goto(`${t.url}/menages/${householdId}?onglet=journal`);
    await heading.waitFor();
    const create = p.getByRole('button', { name: 'Nouvelle activité' });
    await expect.poll(() => create.isEnabled()).toBe(true);
    await assertAccessible(p, 'le journal du dossier');

    await p.context().setOffline(true);
    await create.click();
    const dialog = p.getByRole('dialog', { name: 'Nouvelle activité' });
    await dialog.getByRole('textbox', { name: 'Lieu' }).fill('Au domicile');
    await dialog.getByRole('textbox', { name: 'Note' }).fill(NOTE);
    await assertAccessible(p, 'la visite à domicile, hors connexion');
    await dialog.getByRole('button', { name: 'Enregistrer l’activité' }).click();
    await dialog.waitFor({ state: 'detached' });
    const pending = p.getByRole('region', { name: 'En attente d’envoi' });
    await pending.getByText(/^Visite à domicile — /).waitFor();
    await assertAccessible(p, 'la visite en attente d’envoi');

    await p.context().setOffline(false);
    await pending.waitFor({ state: 'detached' });
    await p.getByText(NOTE).waitFor();

    await p.reload();
    await heading.waitFor();
    await p.getByText(NOTE).first().waitFor();
    expect(await p.getByText(NOTE).count()).toBe(1);
    const [recorded] = await t.deps.db
      .select({ n: count() })
      .from(journalEntries)
      .where(and(eq(journalEntries.householdId, householdId), eq(journalEntries.note, NOTE)));
    expect(recorded!.n).toBe(1);
    await assertAccessible(p, 'le journal avec la visite envoyée');

    // Its author corrects it, then cancels it with a reason: it stays in the journal, marked.
    const item = p.getByRole('listitem').filter({ hasText: NOTE });
    await item.getByRole('button', { name: 'Corriger' }).click();
    const correct = p.getByRole('dialog', { name: 'Corriger l’activité' });
    await correct.getByRole('textbox', { name: 'Durée (minutes)' }).fill('75');
    await assertAccessible(p, 'la correction d’une activité');
    await correct.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await notified(p, 'Activité corrigée.');
    await item.getByText(/^75 min/).waitFor();
    await item.getByRole('button', { name: 'Annuler l’activité' }).click();
    const cancel = p.getByRole('dialog', { name: 'Annuler l’activité' });
    await cancel.getByRole('textbox', { name: 'Motif' }).fill('Visite saisie sur le mauvais dossier.');
    await cancel.getByRole('button', { name: 'Annuler l’activité' }).click();
    await notified(p, 'Activité annulée.');
    await item.getByText('Annulée', { exact: true }).waitFor();
    await assertAccessible(p, 'le journal avec l’activité annulée');
    await item.getByRole('button', { name: 'Historique' }).click();
    const history = p.getByRole('dialog', { name: 'Historique de l’activité' });
    for (const step of ['Activité enregistrée', 'Activité corrigée', 'Activité annulée'])
      await history.getByText(step, { exact: true }).waitFor();
    await history.getByText('Modifié : durée.').waitFor();
    await assertAccessible(p, 'l’historique de l’activité');
  });
});
