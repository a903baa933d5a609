import { beforeAll, describe, expect, it } from 'vitest';
import { mondayOf } from '../../src/shared/agenda/rules.ts';
import { addDays, parisToday } from '../../src/shared/time.ts';
import { assertAccessible, browserAvailable, horizontalOverflows, type RunningApp } from './harness.ts';
import { browserFlow, CASEWORKER, followedTenants, LANDLORD_ADVISOR, notified } from './flow.ts';

const PLACE = 'Domicile, escalier B, 3e étage';

/**
 * The agenda on a tablet (1024 × 768), on the demo territory: a caseworker plans a home visit from
 * a household's file (« Rendez-vous » tab), then finds it in her week in the « Agenda » page, with
 * the link back to the file. Both pages pass axe.
 */
describe.skipIf(!browserAvailable())('agenda on a tablet', { timeout: 90_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });
  let t: RunningApp;
  let householdId: string;

  beforeAll(async () => {
    t = flow.t;
    // A tenant Le Passage follows: Camille, one of its caseworkers, plans for it.
    [householdId] = (await followedTenants(t, { operator: 'passage', landlordEmail: LANDLORD_ADVISOR })) as [
      string,
    ];
  });

  it('plans a home visit from the household file and sees it in the week', async () => {
    const p = await flow.signedIn(CASEWORKER);
    await p.goto(`${t.url}/menages/${householdId}?onglet=rendez-vous`);
    await p.getByRole('heading', { level: 2, name: 'Rendez-vous' }).waitFor();
    await assertAccessible(p, 'les rendez-vous du dossier');

    const day = addDays(parisToday(t.deps.clock()), 1);
    await p.getByRole('button', { name: 'Planifier un rendez-vous' }).first().click();
    const dialog = p.getByRole('dialog', { name: 'Planifier un rendez-vous avec le ménage' });
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Type de rendez-vous' }).inputValue())
      .toBe('Visite à domicile');
    await dialog.getByLabel('Début').fill(`${day}T10:00`);
    await dialog.getByLabel('Fin').fill(`${day}T11:00`);
    await dialog.getByLabel('Lieu').fill(PLACE);
    await dialog.getByLabel('Note (interne à votre organisation)').fill('Apporter le dossier FSL.');
    await assertAccessible(p, 'le formulaire de rendez-vous');
    await dialog.getByRole('button', { name: 'Planifier' }).click();
    await notified(p, 'Rendez-vous planifié.');
    await p.getByText(`Lieu : ${PLACE}`).waitFor();

    await p
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Agenda' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    if (mondayOf(day) !== mondayOf(parisToday(t.deps.clock())))
      await p.getByRole('button', { name: 'Semaine suivante' }).click();
    const visit = p.getByText(`Lieu : ${PLACE}`);
    await visit.waitFor();
    const dayBlock = p.getByRole('region').filter({ has: visit });
    await dayBlock.getByText('10:00 – 11:00').first().waitFor();
    await dayBlock
      .getByRole('link', { name: /^Dossier M-\d{6}/ })
      .first()
      .waitFor();
    expect(await horizontalOverflows(p)).toEqual([]);
    await assertAccessible(p, 'la semaine de l’agenda');

    // Moved by half an hour from the week, at the version read.
    await dayBlock
      .getByRole('article')
      .filter({ has: visit })
      .getByRole('button', { name: 'Modifier' })
      .click();
    const edit = p.getByRole('dialog', { name: 'Modifier le rendez-vous' });
    expect(await edit.getByLabel('Début').inputValue()).toBe(`${day}T10:00`);
    await edit.getByLabel('Début').fill(`${day}T10:30`);
    await edit.getByLabel('Fin').fill(`${day}T11:30`);
    await assertAccessible(p, 'la modification d’un rendez-vous');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await notified(p, 'Rendez-vous modifié.');
    await dayBlock.getByText('10:30 – 11:30').first().waitFor();
  });

  it('creates a personal calendar address in the settings, shown once with its instructions', async () => {
    const p = await flow.signedIn(CASEWORKER);
    await p.getByRole('button', { name: /^Menu de / }).click();
    await p.getByRole('menuitem', { name: 'Mes paramètres' }).click();
    await p.getByRole('heading', { level: 1, name: 'Mes paramètres' }).waitFor();
    await p.getByText('Vous n’avez pas d’adresse active.').waitFor();
    await p.getByRole('button', { name: 'Créer mon adresse' }).click();
    const address = p.getByRole('textbox', { name: 'Adresse de l’agenda' });
    await address.waitFor();
    expect(await address.inputValue()).toMatch(/\/api\/agenda\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    await p.getByRole('button', { name: 'Copier l’adresse' }).waitFor();
    await p.getByText(/Une adresse est active depuis le/).waitFor();
    await assertAccessible(p, 'mes paramètres');
    // Fetched as a calendar app would: no cookie, only the secret address (on this test server).
    const feed = await fetch(`${t.url}${new URL(await address.inputValue()).pathname}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('SUMMARY:Visite à domicile');
  });
});
