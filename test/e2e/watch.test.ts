import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { organisationId, userId } from '../../src/demo/territory.ts';
import { formatDate } from '../../src/shared/format.ts';
import { addMonths } from '../../src/shared/measures/scheme-rules.ts';
import { addDays, parisToday } from '../../src/shared/time.ts';
import { consentToLandlord, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { assertAccessible, browserAvailable, type RunningApp } from './harness.ts';
import {
  CASEWORKER,
  LANDLORD_ADVISOR,
  api,
  browserFlow,
  choose,
  demoSchemeId,
  demoSession,
  notified,
} from './flow.ts';

const FUNDER_OFFICER = 'patrick.vidal@cd-valdebrenne.example';

/**
 * The watch (veille) after a measure, in a real browser at tablet width: a household Camille
 * (Le Passage) followed on an ASLL maintien ended yesterday with a 24-month watch shows « En veille »
 * in the landlord's household list; the landlord (Habitat Brenne) reports new arrears on the file;
 * Camille reopens a case from the incident in one step, the new measure linked to the ended one
 * both ways. Every page passes axe.
 */
describe.skipIf(!browserAvailable())('the watch and its incidents', { timeout: 120_000 }, () => {
  const flow = browserFlow({ viewport: { width: 1024, height: 768 } });
  const { signedIn } = flow;
  let t: RunningApp;
  let householdId: string;
  let fileLabel: string;
  let watchUntil: string;

  beforeAll(async () => {
    t = flow.t;
    const cw = await demoSession(t, CASEWORKER);
    householdId = await createHouseholdAs(t, cw, sampleHousehold());
    await consentToLandlord(t, cw, householdId, organisationId('habitat'));
    fileLabel = (await api(t, cw, 'GET', `/api/households/${householdId}`)).fileLabel;
    const today = parisToday(t.deps.clock());
    const base = `/api/households/${householdId}/measures`;
    let m = await api(t, cw, 'POST', base, {
      schemeId: await demoSchemeId(t, { code: 'asll-maintien' }),
      operatorOrganisationId: organisationId('passage'),
      caseworkerUserId: userId('passage-cw1'),
      briques: ['2.4'],
      confirmOverCapacity: true,
    });
    m = await api(t, cw, 'POST', `${base}/${m.id}/prescribe`, {
      rowVersion: m.rowVersion,
      prescribedOn: today,
    });
    m = await api(t, await demoSession(t, FUNDER_OFFICER), 'POST', `/api/funder/measures/${m.id}/decision`, {
      rowVersion: m.rowVersion,
      outcome: 'validated',
      decidedOn: today,
    });
    m = await api(t, cw, 'POST', `${base}/${m.id}/start`, {
      rowVersion: m.rowVersion,
      startOn: addDays(today, -200),
    });
    const yesterday = addDays(today, -1);
    await api(t, cw, 'POST', `${base}/${m.id}/end`, {
      rowVersion: m.rowVersion,
      endedOn: yesterday,
      endReason: 'objectives_reached',
      orientation: 'watch',
      watchMonths: 24,
    });
    watchUntil = formatDate(addMonths(yesterday, 24));
  });

  async function openMeasures(p: Page) {
    await p.goto(`${t.url}/menages/${householdId}?onglet=mesures`);
    await p.getByRole('heading', { level: 2, name: 'Mesures d’accompagnement' }).waitFor();
  }
  const incidents = (p: Page) => p.getByRole('region', { name: 'Veille sociale : incidents signalés' });

  it('the landlord sees « En veille » in the household list and reports new arrears', async () => {
    const p = await signedIn(LANDLORD_ADVISOR);
    await p.goto(`${t.url}/menages`);
    // Too short a term is not searched: the field says why.
    await p.getByRole('searchbox', { name: 'Rechercher' }).fill('M-');
    await p.getByText('Saisissez au moins 3 lettres ou chiffres pour rechercher.').waitFor();
    await assertAccessible(p, 'la liste des ménages, une recherche trop courte');
    await p.getByRole('searchbox', { name: 'Rechercher' }).fill(fileLabel);
    const row = p.getByRole('row').filter({ hasText: fileLabel });
    await row.getByText(`En veille jusqu’au ${watchUntil}`).waitFor();
    await assertAccessible(p, 'la liste des ménages, un ménage en veille');

    await openMeasures(p);
    await incidents(p)
      .getByText(`Le ménage est en veille jusqu’au ${watchUntil}.`, { exact: false })
      .waitFor();
    await incidents(p).getByRole('button', { name: 'Signaler un incident' }).click();
    const dialog = p.getByRole('dialog', { name: 'Signaler un incident pendant la veille' });
    await choose(p, dialog, 'Nature de l’incident', 'Trouble de voisinage');
    await dialog.getByRole('button', { name: 'Signaler l’incident' }).click();
    await dialog.getByText('Décrivez l’incident en quelques mots.').waitFor();
    await assertAccessible(p, 'le signalement d’un incident, description manquante');
    await choose(p, dialog, 'Nature de l’incident', 'Nouveaux impayés de loyer');
    await dialog.getByRole('textbox', { name: 'Montant des impayés' }).fill('850');
    await dialog.getByRole('button', { name: 'Signaler l’incident' }).click();
    await notified(p, 'Incident signalé : le référent du ménage est prévenu.');
    await incidents(p)
      .getByText(/^Nouveaux impayés de loyer : 850,00\s€ au /)
      .waitFor();
    // The landlord reports; reopening a case is the caseworker's.
    expect(await incidents(p).getByRole('button', { name: 'Rouvrir un accompagnement' }).count()).toBe(0);
    await assertAccessible(p, 'l’incident signalé par le bailleur');
  });

  it('the caseworker reopens a case from the incident, the two measures linked', async () => {
    const p = await signedIn(CASEWORKER);
    await openMeasures(p);
    await incidents(p).getByRole('button', { name: 'Rouvrir un accompagnement' }).click();
    const dialog = p.getByRole('dialog', { name: 'Rouvrir un accompagnement ?' });
    await dialog.getByText(/^Motif : Nouveaux impayés de loyer : 850,00/).waitFor();
    await assertAccessible(p, 'la confirmation de la réouverture');
    await dialog.getByRole('button', { name: 'Rouvrir l’accompagnement' }).click();
    await notified(p, 'Accompagnement rouvert : une nouvelle mesure est proposée.');

    const proposed = p.getByRole('article').filter({ has: p.getByText('Proposée', { exact: true }) });
    await proposed.getByText(/^Accompagnement rouvert après un incident pendant la veille/).waitFor();
    await proposed.getByRole('link', { name: /^voir la mesure .+ terminée le / }).waitFor();
    await proposed
      .getByText(/^Incident pendant la veille après la mesure .+ : Nouveaux impayés de loyer/)
      .first()
      .waitFor();
    const ended = p
      .getByRole('article')
      .filter({ hasText: 'Un accompagnement a été rouvert après cette mesure' });
    await ended.getByRole('link', { name: /^voir la mesure .+ \(proposée\)$/ }).waitFor();
    await incidents(p).getByRole('link', { name: 'voir la nouvelle mesure' }).waitFor();
    expect(await incidents(p).getByRole('button', { name: 'Rouvrir un accompagnement' }).count()).toBe(0);
    await assertAccessible(p, 'la mesure rouverte et la mesure terminée, liées');
  });
});
