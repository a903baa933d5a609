import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, notInArray } from 'drizzle-orm';
import { DEMO_USERS, organisationId, userId } from '../../src/demo/territory.ts';
import { evaluationShares, evaluations } from '../../src/modules/evaluations/schema.ts';
import { measureSchemes, measures } from '../../src/modules/measures/schema.ts';
import { assertAccessible, browserAvailable, horizontalOverflows, type RunningApp } from './harness.ts';
import { browserFlow, CASEWORKER, LANDLORD_ADVISOR, notified } from './flow.ts';

const NOTE = 'Le loyer courant est réglé chaque mois depuis le début de la mesure.';

/**
 * The evaluations on a tablet (1024 × 768): the référent prepares the bilan d'étape of a measure she
 * runs, scores the grid again, writes the note for the partners, validates it, looks at it as the
 * landlord and the funder would, and has the household sign it; the landlord's adviser reads the
 * version shared with Habitat Brenne in the demo, never the caseworker's comments. Every step
 * passes axe.
 */
describe.skipIf(!browserAvailable())('evaluations', { timeout: 180_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });
  let t: RunningApp;
  let householdId: string;
  let measureId: string;

  beforeAll(async () => {
    t = flow.t;
    const evaluated = (await t.deps.db.select({ id: evaluations.measureId }).from(evaluations)).map(
      (r) => r.id,
    );
    const [row] = await t.deps.db
      .select({ id: measures.id, householdId: measures.householdId })
      .from(measures)
      .where(
        and(
          eq(measures.operatorOrganisationId, organisationId('passage')),
          eq(measures.caseworkerUserId, userId('passage-cw1')),
          eq(measures.status, 'active'),
          evaluated.length ? notInArray(measures.id, evaluated) : undefined,
        ),
      )
      .orderBy(measures.id)
      .limit(1);
    householdId = row!.householdId;
    measureId = row!.id;
  });

  it('prepares, completes, validates, previews the partner versions and has the household sign', async () => {
    const p = await flow.signedIn(CASEWORKER);
    await p.goto(`${t.url}/menages/${householdId}?onglet=evaluations`);
    await p.getByRole('heading', { level: 2, name: 'Évaluations' }).waitFor();
    const prepare = p.getByRole('button', { name: /^Préparer : bilan d’étape — / }).first();
    await prepare.waitFor();
    await assertAccessible(p, 'les évaluations du dossier');
    await prepare.click();
    await notified(p, 'Évaluation préparée.');

    await p.getByRole('button', { name: 'Compléter l’évaluation' }).first().click();
    const dialog = p.getByRole('dialog', { name: /^Bilan d’étape — / });
    await dialog.getByText('Capacité à habiter', { exact: true }).waitFor();
    // Each criterion scored (the diagnostic's grid as a start, when the household had one).
    const selects = dialog.locator('input[placeholder="Noter"]');
    for (let i = 0; i < (await selects.count()); i++) {
      const select = selects.nth(i);
      if ((await select.inputValue()) !== '') continue;
      await select.click();
      await p.getByRole('option', { name: '3 — Autonome avec une aide ponctuelle' }).first().click();
    }
    await dialog.getByRole('textbox', { name: 'Message aux partenaires' }).fill(NOTE);
    await assertAccessible(p, 'la rédaction de l’évaluation');
    await dialog.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await notified(p, 'Évaluation enregistrée.');

    await p.getByRole('button', { name: 'Valider l’évaluation' }).first().click();
    const confirm = p.getByRole('dialog', { name: /^Valider : Bilan d’étape/ });
    await confirm.getByRole('button', { name: 'Valider' }).click();
    await notified(p, 'Évaluation validée.');
    await p.getByText('Au diagnostic').first().waitFor();
    await assertAccessible(p, 'l’évaluation validée');
    expect(await horizontalOverflows(p), 'défilement horizontal sur tablette').toEqual([]);

    await p.getByRole('button', { name: 'Voir la version financeur' }).first().click();
    const preview = p.getByRole('dialog', { name: 'Version financeur — aperçu' });
    await preview.getByText(NOTE).waitFor();
    await assertAccessible(p, 'l’aperçu de la version financeur');
    await preview.getByRole('button', { name: 'Partager au financeur du dispositif' }).click();
    await notified(p, 'Version financeur partagée.');
    await p
      .getByText(/^Version financeur partagée avec /)
      .first()
      .waitFor();

    await p.getByRole('button', { name: 'Faire signer le ménage' }).first().click();
    const sign = p.getByRole('dialog', { name: 'Signature du ménage' });
    await sign.getByRole('tab', { name: 'Nom saisi devant témoin' }).click();
    await sign.getByRole('textbox', { name: 'Nom et prénom saisis par le ménage' }).fill('Aline Morel');
    await assertAccessible(p, 'la signature du ménage');
    await sign.getByRole('button', { name: 'Enregistrer la signature' }).click();
    await notified(p, 'Signature du ménage enregistrée.');
    await p
      .getByText(/nom saisi : Aline Morel/)
      .first()
      .waitFor();

    const [stored] = await t.deps.db
      .select({ status: evaluations.status, content: evaluations.content, signature: evaluations.signature })
      .from(evaluations)
      .where(eq(evaluations.measureId, measureId));
    expect(stored!.status).toBe('shared');
    expect(stored!.content.partnerNote).toBe(NOTE);
    expect(stored!.signature).toMatchObject({ method: 'typed_name', typedName: 'Aline Morel' });
  });

  it('shows the funder the funder version on its home: counts, the note for the partners', async () => {
    const [funder] = await t.deps.db
      .select({ id: measureSchemes.funderOrganisationId })
      .from(measures)
      .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
      .where(eq(measures.id, measureId));
    const officer = DEMO_USERS.find(
      (u) => u.role === 'funder_officer' && organisationId(u.org) === funder!.id,
    )!;
    const p = await flow.signedIn(officer.email);
    await p.getByRole('heading', { name: 'Évaluations partagées avec vous' }).waitFor();
    await p.getByText(NOTE).waitFor();
    await p
      .getByText(/objectif\(s\) évalué\(s\)/)
      .first()
      .waitFor();
    await assertAccessible(p, 'les évaluations partagées avec le financeur');
  });

  it('shows the landlord the version shared with it, without the caseworker’s comments', async () => {
    const [shared] = await t.deps.db
      .select({ householdId: evaluations.householdId, content: evaluations.content })
      .from(evaluations)
      .innerJoin(evaluationShares, eq(evaluationShares.evaluationId, evaluations.id))
      .where(eq(evaluationShares.audience, 'landlord'));
    const p = await flow.signedIn(LANDLORD_ADVISOR);
    await p.goto(`${t.url}/menages/${shared!.householdId}?onglet=evaluations`);
    await p.getByRole('heading', { level: 2, name: 'Évaluations' }).waitFor();
    await p.getByRole('table', { name: 'Objectifs liés au logement' }).waitFor();
    await p.getByText('Payer le loyer et les charges chaque mois').waitFor();
    await assertAccessible(p, 'la version bailleur de l’évaluation');
    const text = await p.locator('main').innerText();
    for (const o of shared!.content.objectives) expect(text).not.toContain(o.comment);
    expect(text).not.toContain('Reprendre des activités au centre social');
    expect(text).not.toContain(shared!.content.notes);
  });
});
