import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows } from '../../src/kernel/db.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { householdParties, tenancies } from '../../src/modules/households/schema.ts';
import { dwellings } from '../../src/modules/dwellings/schema.ts';
import { users } from '../../src/modules/identity/schema.ts';
import { territories } from '../../src/modules/organisations/schema.ts';
import type { THouseholdListItem } from '../../src/shared/contracts/households.ts';
import {
  assertAccessible,
  browserAvailable,
  launchBrowser,
  screenshot,
  startApp,
  type Browser,
  type RunningApp,
} from './harness.ts';
import { demoSignIn, type DemoSignIn } from './sign-in.ts';

const CASEWORKER = 'camille.roussel@le-passage.example';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LANDLORD_ADVISOR = 'conseillere.sociale@habitat-brenne.example';

/**
 * Server-searched pickers in a real browser, on the demo territory: a caseworker sets the commune
 * of a household's dwelling by typing part of its name; a landlord social advisor finds an existing
 * tenant's file on the new referral form by typing part of the name. Both forms pass axe.
 */
describe.skipIf(!browserAvailable())(
  'searchable pickers: dwelling commune and existing household',
  { timeout: 60_000 },
  () => {
    let t: RunningApp;
    let signIn: DemoSignIn;
    const browsers: Browser[] = [];
    let page: Page | undefined;
    const browserLog: string[] = [];

    beforeAll(async () => {
      t = await startApp();
      signIn = demoSignIn(t);
      await loadDemo(t.deps.db, { now: t.deps.clock() });
    }, 60_000);

    afterAll(async () => {
      for (const b of browsers) await b.close();
      await t?.close();
    });

    beforeEach(({ task, onTestFailed }) => {
      browserLog.length = 0;
      onTestFailed(async () => {
        if (page) console.error(`Capture d’écran : ${await screenshot(page, task.name)}`);
        if (browserLog.length > 0) console.error(`Navigateur :\n${browserLog.join('\n')}`);
      });
    });

    async function signedIn(email: string): Promise<Page> {
      const browser = await launchBrowser();
      browsers.push(browser);
      const p = browser.context.pages()[0] ?? (await browser.context.newPage());
      p.on('pageerror', (e) => browserLog.push(`erreur de script : ${e.message}`));
      p.on('response', (r) => {
        if (r.status() >= 400) browserLog.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
      page = p;
      await signIn(p, email);
      return p;
    }

    const go = async (p: Page, link: string, title: string | RegExp) => {
      await p
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: link, exact: true })
        .click();
      await p.getByRole('heading', { level: 1, name: title }).waitFor();
    };

    /** Types into a server-searched select and waits for the request carrying that search. */
    async function search(p: Page, combobox: string, text: string, path: string) {
      await Promise.all([
        p.waitForRequest((r) => {
          const url = new URL(r.url());
          return url.pathname === path && url.searchParams.get('q') === text;
        }),
        p.getByRole('combobox', { name: combobox }).fill(text),
      ]);
    }

    /** The commune of a household's current dwelling. */
    const dwellingCommune = async (householdId: string) => {
      const [row] = await t.deps.db
        .select({ communeId: dwellings.communeId, name: territories.name })
        .from(tenancies)
        .innerJoin(dwellings, eq(dwellings.id, tenancies.dwellingId))
        .leftJoin(territories, eq(territories.id, dwellings.communeId))
        .where(and(eq(tenancies.householdId, householdId), isNull(tenancies.endDate)));
      return row;
    };

    it('the caseworker picks the dwelling’s commune by name, saves and sees it', async () => {
      const p = await signedIn(CASEWORKER);
      await go(p, 'Ménages', 'Ménages');
      // A household of the caseworker's list that rents its dwelling (a tenant followed in place).
      const [tenant] = await t.deps.db
        .select({ id: tenancies.householdId })
        .from(tenancies)
        .innerJoin(householdParties, eq(householdParties.householdId, tenancies.householdId))
        .innerJoin(users, eq(users.id, householdParties.caseworkerUserId))
        .where(and(eq(users.email, CASEWORKER), isNull(tenancies.endDate), isNull(householdParties.endedAt)))
        .limit(1);
      const householdId = tenant!.id;
      await p.goto(`${t.url}/menages/${householdId}`);
      await p.getByRole('heading', { level: 1, name: /^Dossier / }).waitFor();
      const before = await dwellingCommune(householdId);
      const [roche] = await t.deps.db
        .select({ id: territories.id })
        .from(territories)
        .where(eq(territories.name, 'Roche-Vieille'));
      // Choose a commune the household is not in yet, so that saving changes it.
      const [target, label] =
        before?.communeId === roche?.id
          ? ['Castel', 'Castelbrenne (00200)']
          : ['Roche', 'Roche-Vieille (00210)'];

      await p.getByRole('button', { name: 'Modifier le dossier' }).click();
      await p.getByRole('heading', { level: 1, name: /^Modifier le dossier / }).waitFor();
      await search(p, 'Commune du logement', target, '/api/territories');
      await p.getByRole('option', { name: label, exact: true }).click();
      // The picker fills its input after the click's re-render: wait for it rather than read it at once.
      await expect
        .poll(() => p.getByRole('combobox', { name: 'Commune du logement' }).inputValue())
        .toBe(label);
      await assertAccessible(p, 'le dossier en modification (commune choisie)');

      await p.getByRole('button', { name: 'Enregistrer le dossier' }).click();
      await p.locator('.mantine-Notification-root', { hasText: 'Dossier enregistré.' }).waitFor();
      // Checked as soon as the notification appears: axe waits for its fade-in to end.
      await assertAccessible(p, 'le dossier enregistré, avec la notification');
      const fact = p.getByRole('definition').filter({ has: p.getByText(label, { exact: true }) });
      await fact.waitFor();

      const after = await dwellingCommune(householdId);
      expect(after?.name).toBe(label.split(' (')[0]);
      expect(after?.communeId).not.toBe(before?.communeId);
    });

    it('the caseworker withdraws another organisation’s consent, told which accesses end and which remain', async () => {
      // A file the caseworker follows where another organisation has access on a consent in force.
      const [file] = await queryRows<{ id: string; org: string }>(
        t.deps.db,
        sql`select p2.household_id as id, o.name as org
            from household_parties p1
            join users u on u.id = p1.caseworker_user_id
            join household_parties p2 on p2.household_id = p1.household_id and p2.organisation_id <> p1.organisation_id
              and p2.basis = 'consent' and p2.ended_at is null
            join household_consents c on c.id = p2.consent_id and c.revoked_at is null
            join organisations o on o.id = p2.organisation_id
            where u.email = ${CASEWORKER} and p1.ended_at is null
              and not exists (select 1 from household_consents c2 where c2.household_id = c.household_id
                and c2.organisation_id = c.organisation_id and c2.id <> c.id and c2.revoked_at is null)
              and not exists (select 1 from household_parties p3 where p3.household_id = p2.household_id
                and p3.organisation_id = p2.organisation_id and p3.id <> p2.id and p3.ended_at is null)
            limit 1`,
      );
      const p = await signedIn(CASEWORKER);
      await p.goto(`${t.url}/menages/${file!.id}`);
      await p.getByRole('heading', { level: 1, name: /^Dossier / }).waitFor();
      await p.getByRole('tab', { name: 'Parties & accords' }).click();
      const parties = p.getByRole('table', { name: 'Organisations ayant accès au dossier' });
      const partyRow = parties.getByRole('row').filter({ hasText: file!.org });
      await partyRow.getByText(/^Accord du ménage — Accord du ménage du \d{2}\/\d{2}\/\d{4}$/).waitFor();

      await p
        .getByRole('button', { name: new RegExp(`^Révoquer l'accord .* de ${escapeRegExp(file!.org)}$`) })
        .first()
        .click();
      const dialog = p.getByRole('dialog', { name: "Révoquer l'accord" });
      await dialog.getByText(`Accès qui prennent fin : ${file!.org} (accord du ménage).`).waitFor();
      await dialog.getByText(/^Accès qui restent : /).waitFor();
      await assertAccessible(p, 'la révocation d’un accord');
      await dialog
        .getByRole('textbox', { name: 'Motif de la révocation' })
        .fill('Le ménage retire son accord.');
      await dialog.getByRole('button', { name: 'Révoquer' }).click();
      await dialog.waitFor({ state: 'detached' });
      await p.locator('.mantine-Notification-root', { hasText: 'Accord révoqué.' }).waitFor();
      await partyRow.waitFor({ state: 'detached' });
      await p.getByText(/^Révoqué le .* : Le ménage retire son accord\.$/).waitFor();
    });

    it('the landlord advisor finds an existing tenant on the referral form by typing part of the name', async () => {
      const p = await signedIn(LANDLORD_ADVISOR);
      const list = (await (
        await p.request.get(`${t.url}/api/households?status=active&pageSize=100`)
      ).json()) as { items: THouseholdListItem[] };
      const tenant = list.items.filter((h) => h.referencePersonName).at(-1)!;
      expect(tenant).toBeDefined();
      const lastName = tenant.referencePersonName!.split(' ').at(-1)!;
      const part = lastName.slice(0, 4).toLowerCase();

      await go(p, 'Nouvelle saisine', 'Nouvelle saisine');
      await p.getByRole('radio', { name: 'Un ménage dont votre organisation a déjà le dossier' }).check();
      await search(p, 'Dossier du ménage', part, '/api/households');
      const option = p.getByRole('option', { name: `${tenant.fileLabel} — ${tenant.referencePersonName}` });
      await option.click();
      await expect
        .poll(() => p.getByRole('combobox', { name: 'Dossier du ménage' }).inputValue())
        .toBe(`${tenant.fileLabel} — ${tenant.referencePersonName}`);
      await assertAccessible(p, 'la saisine avec un ménage existant choisi');

      await search(p, 'Dossier du ménage', 'zzqx', '/api/households');
      await p.getByText('Aucun dossier actif ne correspond à « zzqx »').waitFor();
    });
  },
);
