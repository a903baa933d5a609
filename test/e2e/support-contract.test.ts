import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { and, eq, isNull } from 'drizzle-orm';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { householdParties, tenancies } from '../../src/modules/households/schema.ts';
import { memberships, users } from '../../src/modules/identity/schema.ts';
import { parisToday } from '../../src/shared/time.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import { adoptScheme, makeDepartement, placeIn } from '../helpers/measure-fixtures.ts';
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
const LANDLORD_ADVISOR = 'conseillere.sociale@habitat-brenne.example';

/**
 * The support contract in a real browser, on the demo territory: the caseworker generates and
 * completes the contract of a running measure, the household signs it on the tablet with a finger,
 * the caseworker and then the landlord sign it for their organisations, and it is in force; its PDF
 * downloads. Each step passes axe.
 */
describe.skipIf(!browserAvailable())(
  'support contract: draft, signatures, in force',
  { timeout: 90_000 },
  () => {
    let t: RunningApp;
    let signIn: DemoSignIn;
    const browsers: Browser[] = [];
    let page: Page | undefined;
    const browserLog: string[] = [];
    let contractPath = '';

    const as = async (s: TestSession, method: 'GET' | 'POST', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    /** A demo account's user id and its organisation. */
    const demoMember = async (email: string) => {
      const [row] = await t.deps.db
        .select({ userId: users.id, organisationId: memberships.organisationId })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(eq(users.email, email))
        .limit(1);
      return row!;
    };

    beforeAll(async () => {
      t = await startApp();
      signIn = demoSignIn(t);
      await loadDemo(t.deps.db, { now: t.deps.clock() });
      const today = parisToday(t.deps.clock());

      // A tenant of Habitat Brenne that Camille Roussel's association follows and the advisor sees.
      const camille = await demoMember(CASEWORKER);
      const passageId = camille.organisationId;
      const cw = await sessionFor(t.deps, camille.userId, passageId);
      const advisor = await demoMember(LANDLORD_ADVISOR);
      const landlord = await sessionFor(t.deps, advisor.userId, advisor.organisationId);
      const candidates = await t.deps.db
        .select({ householdId: tenancies.householdId })
        .from(tenancies)
        .innerJoin(householdParties, eq(householdParties.householdId, tenancies.householdId))
        .where(
          and(
            isNull(tenancies.endDate),
            eq(tenancies.landlordOrganisationId, advisor.organisationId),
            eq(householdParties.organisationId, passageId),
            isNull(householdParties.endedAt),
          ),
        );
      let householdId = '';
      for (const c of candidates) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/households/${c.householdId}`,
          headers: landlord.headers,
        });
        if (res.statusCode === 200) {
          householdId = c.householdId;
          break;
        }
      }
      expect(householdId, 'un locataire suivi par Le Passage et visible du bailleur').not.toBe('');

      // A funder with a scheme, and a running measure of that household run by Le Passage.
      const funder = await makeOrganisation(t.deps.db, 'funder', 'Conseil départemental de test');
      await placeIn(t.deps.db, funder.id, (await makeDepartement(t.deps.db)).id);
      const funderAdmin = await sessionFor(
        t.deps,
        (await makeUser(t.deps.db, { organisationId: funder.id, roles: ['admin', 'funder_officer'] })).id,
        funder.id,
      );
      const scheme = await adoptScheme(t, funderAdmin, 'asll-maintien', '2020-01-01');
      const base = `/api/households/${householdId}/measures`;
      let m = await as(cw, 'POST', base, {
        schemeId: scheme.id,
        operatorOrganisationId: passageId,
        caseworkerUserId: camille.userId,
        briques: ['2.3'],
        visitsPerMonth: 2,
        occupancy: 'current_home',
        confirmOverCapacity: true,
      });
      m = await as(cw, 'POST', `${base}/${m.id}/prescribe`, {
        rowVersion: m.rowVersion,
        prescribedOn: today,
      });
      m = await as(funderAdmin, 'POST', `/api/funder/measures/${m.id}/decision`, {
        rowVersion: m.rowVersion,
        outcome: 'validated',
        decidedOn: today,
      });
      await as(cw, 'POST', `${base}/${m.id}/start`, { rowVersion: m.rowVersion, startOn: today });
      contractPath = `/menages/${householdId}/mesures/${m.id}/contrat`;
    }, 90_000);

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
      // A tablet in landscape: the household signs on the caseworker's tablet.
      const browser = await launchBrowser({ viewport: { width: 1024, height: 768 } });
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

    const notified = (p: Page, text: string) =>
      p.locator('.mantine-Notification-root', { hasText: text }).last().waitFor();

    it('the caseworker drafts the contract, the household and the partners sign, it is in force', async () => {
      const p = await signedIn(CASEWORKER);
      await p.goto(`${t.url}${contractPath}`);
      await p.getByRole('heading', { level: 1, name: 'Contrat d’accompagnement' }).waitFor();
      await assertAccessible(p, 'la mesure sans contrat');
      await p.getByRole('button', { name: 'Créer le contrat' }).click();
      await notified(p, 'Contrat généré');
      await p.getByRole('heading', { level: 2, name: 'Objectifs' }).waitFor();

      // The objective generated from the measure's brique, worded and measured with the household.
      await p
        .getByRole('textbox', { name: 'Intitulé' })
        .first()
        .fill('S’approprier le logement et ses charges');
      await p.getByRole('textbox', { name: 'Indicateur' }).first().fill('Charges payées trois mois de suite');
      await p.getByRole('button', { name: 'Ajouter une clause' }).click();
      await p
        .getByRole('textbox', { name: 'Clause 1' })
        .fill('Le contrat est relu avec le ménage à chaque renouvellement.');
      await assertAccessible(p, 'le brouillon du contrat en modification');
      await p.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await notified(p, 'Brouillon du contrat enregistré.');

      // The household signs with a finger on the tablet.
      await p.getByRole('button', { name: 'Faire signer le ménage' }).click();
      const pad = p.getByRole('img', { name: 'Signature du ménage' });
      const box = (await pad.boundingBox())!;
      await p.mouse.move(box.x + 40, box.y + 120);
      await p.mouse.down();
      const stroke: [number, number][] = [
        [80, 60],
        [140, 150],
        [220, 70],
        [300, 130],
      ];
      for (const [dx, dy] of stroke) await p.mouse.move(box.x + dx, box.y + dy, { steps: 5 });
      await p.mouse.up();
      await assertAccessible(p, 'la signature du ménage sur la tablette');
      await p.getByRole('button', { name: 'Enregistrer la signature' }).click();
      await notified(p, 'Signature du ménage enregistrée.');
      await p.getByText('En signature', { exact: true }).first().waitFor();

      await p.getByRole('button', { name: 'Signer pour mon organisation' }).click();
      await notified(p, 'Signature de votre organisation enregistrée.');

      const landlord = await signedIn(LANDLORD_ADVISOR);
      await landlord.goto(`${t.url}${contractPath}`);
      await landlord.getByRole('heading', { level: 1, name: 'Contrat d’accompagnement' }).waitFor();
      // The landlord reads what it signs, not the household's objectives.
      await landlord.getByText('Les objectifs personnels du ménage ne sont communiqués').waitFor();
      expect(await landlord.getByText('Charges payées trois mois de suite').count()).toBe(0);
      await assertAccessible(landlord, 'le contrat vu par le bailleur, avant sa signature');
      await landlord.getByRole('button', { name: 'Signer pour mon organisation' }).click();
      await notified(landlord, 'Signature de votre organisation enregistrée.');
      await landlord.getByText('En vigueur', { exact: true }).first().waitFor();
      await assertAccessible(landlord, 'le contrat en vigueur');

      await p.reload();
      await p.getByText('En vigueur', { exact: true }).first().waitFor();
      await p.getByRole('img', { name: /^Signature de / }).waitFor();
      await p.getByRole('button', { name: 'Nouvelle version (avenant)' }).waitFor();
      await assertAccessible(p, 'le contrat en vigueur, vu par l’association');
      const href = await p.getByRole('link', { name: 'Télécharger le contrat en PDF' }).getAttribute('href');
      const pdf = await p.request.get(`${t.url}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    });
  },
);
