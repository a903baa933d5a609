import { beforeAll, describe, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { households } from '../../src/modules/households/schema.ts';
import { formatFileNumber } from '../../src/shared/contracts/households.ts';
import { addDays, parisToday } from '../../src/shared/time.ts';
import { assertAccessible, browserAvailable, type RunningApp } from './harness.ts';
import { browserFlow, CASEWORKER, followedTenants, LANDLORD_ADVISOR, notified } from './flow.ts';

const THEME = 'Atelier cuisine et petit budget';

/**
 * A collective workshop on a tablet (1024 × 768), on the demo territory: a caseworker programmes a
 * workshop held yesterday, invites a household she follows, ticks it present, then finds the
 * workshop in that household's journal. Every page passes axe.
 */
describe.skipIf(!browserAvailable())('collective workshops on a tablet', { timeout: 90_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });
  let t: RunningApp;
  let householdId: string;
  let fileLabel: string;

  beforeAll(async () => {
    t = flow.t;
    [householdId] = (await followedTenants(t, { operator: 'passage', landlordEmail: LANDLORD_ADVISOR })) as [
      string,
    ];
    const [row] = await t.deps.db
      .select({ fileNumber: households.fileNumber })
      .from(households)
      .where(eq(households.id, householdId));
    fileLabel = formatFileNumber(row!.fileNumber);
  });

  it('records the attendance of a workshop and shows it in the household’s journal', async () => {
    const p = await flow.signedIn(CASEWORKER);
    await p
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Ateliers' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Ateliers collectifs' }).waitFor();
    await assertAccessible(p, 'la liste des ateliers');

    await p.getByRole('button', { name: 'Programmer un atelier' }).first().click();
    const dialog = p.getByRole('dialog', { name: 'Programmer un atelier' });
    await dialog.getByRole('textbox', { name: 'Thème' }).fill(THEME);
    await dialog.getByLabel('Date et heure').fill(`${addDays(parisToday(t.deps.clock()), -1)}T14:00`);
    await dialog.getByRole('textbox', { name: 'Lieu' }).fill('Le Passage — salle collective');
    await assertAccessible(p, 'le formulaire d’atelier');
    await dialog.getByRole('button', { name: 'Programmer' }).click();
    await notified(p, 'Atelier programmé.');
    await p.getByRole('link', { name: THEME }).click();
    await p.getByRole('heading', { level: 1, name: THEME }).waitFor();

    await p.getByRole('combobox', { name: 'Inviter un ménage' }).fill(fileLabel);
    await p
      .getByRole('option', { name: new RegExp(`^${fileLabel}`) })
      .first()
      .click();
    await p.getByRole('button', { name: 'Inviter', exact: true }).click();
    await notified(p, 'Invitations enregistrées.');
    const present = p.getByRole('checkbox', { name: new RegExp(`^${fileLabel} .* : présent$`) });
    await present.check();
    await assertAccessible(p, 'la feuille de présence');
    await p.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await notified(p, 'Présences enregistrées');
    await p.getByText('Présent (au journal)').waitFor();

    await p.goto(`${t.url}/menages/${householdId}?onglet=journal`);
    await p.getByRole('heading', { level: 2, name: 'Journal d’accompagnement' }).waitFor();
    await p.getByText(`Atelier collectif « ${THEME} »`).first().waitFor();
    await assertAccessible(p, 'le journal du ménage avec l’atelier');
  });
});
