import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import { NOW } from '../helpers/household-fixtures.ts';
import { makeDepartement } from '../helpers/measure-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { insertDwelling } from '../../src/modules/dwellings/index.ts';
import { dwellingRents, dwellings } from '../../src/modules/dwellings/schema.ts';
import { occupancyContracts } from '../../src/modules/leases/schema.ts';
import { territories } from '../../src/modules/organisations/schema.ts';
import { tasks } from '../../src/modules/tasks/schema.ts';
import type { TConvention, TConventionReview, TGlaPlan } from '../../src/shared/contracts/partnerships.ts';
import type { TTask, TTaskPage } from '../../src/shared/contracts/tasks.ts';

describe('partnership conventions', () => {
  let t: TestApp;
  let landlord: TestSession;
  let landlordAdviser: TestSession;
  let caseworker: TestSession;
  let caseworkerName: string;
  let otherLandlord: TestSession;
  let otherCaseworker: TestSession;
  let landlordId: string;
  let associationId: string;
  const dwellingIds: string[] = [];
  let foreignDwellingId: string;
  let convention: TConvention;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const social = await makeOrgWithUsers(t.deps, 'landlord', [
      'landlord_rental_manager',
      'landlord_social_advisor',
    ]);
    landlordId = social.org.id;
    landlord = social.members.landlord_rental_manager!.session;
    landlordAdviser = social.members.landlord_social_advisor!.session;
    const association = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    associationId = association.org.id;
    caseworker = association.members.caseworker!.session;
    caseworkerName = association.members.caseworker!.user.fullName;
    const other = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager']);
    otherLandlord = other.members.landlord_rental_manager!.session;
    otherCaseworker = (await makeOrgWithUsers(t.deps, 'association', ['caseworker'])).members.caseworker!
      .session;
    const finistere = await makeDepartement(t.deps.db, 'Finistère');
    const [brest] = await t.deps.db
      .insert(territories)
      .values({ kind: 'commune', code: `29019-${Date.now() % 10000}`, name: 'Brest', parentId: finistere.id })
      .returning();
    for (const address of ['3 rue de Siam, 29200 Brest', '18 rue Jean Jaurès, 29200 Brest']) {
      const id = await insertDwelling(
        t.deps.db,
        { address, communeId: brest!.id, landlordOrganisationId: landlordId },
        NOW,
      );
      await t.deps.db.insert(dwellingRents).values([
        { dwellingId: id, effectiveFrom: '2025-01-01', monthlyRentCents: 40_000, monthlyChargesCents: 6_000 },
        { dwellingId: id, effectiveFrom: '2026-07-01', monthlyRentCents: 42_000, monthlyChargesCents: 6_000 },
      ]);
      dwellingIds.push(id);
    }
    foreignDwellingId = await insertDwelling(
      t.deps.db,
      { address: '1 quai de la Douane', landlordOrganisationId: other.org.id },
      NOW,
    );
    // The second dwelling is let under a sliding lease from 1 August.
    await t.deps.db.insert(occupancyContracts).values({
      dwellingId: dwellingIds[1]!,
      kind: 'bail_glissant',
      lessorOrganisationId: landlordId,
      lessorKind: 'legal_person',
      intermediaryOrganisationId: associationId,
      status: 'active',
      startOn: '2026-08-01',
      tenantName: 'Awa Diallo',
    });
  });
  afterAll(() => t.close());

  const call = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/partnerships${url}`,
      headers: session.headers,
      ...(payload ? { payload } : {}),
    });

  it('lets the landlord conclude a convention with an association, and only with one', async () => {
    const body = {
      partnerOrganisationId: associationId,
      title: 'Convention sous-location et GLA 2026',
      startOn: '2026-01-01',
      endOn: '2028-12-31',
      fee: { mode: 'per_dwelling_year', perDwellingYearCents: 30_000 },
      commitments: ['Visite à domicile chaque trimestre', 'Bilan annuel quantitatif et qualitatif'],
      briques: ['3.2', '3.4'],
    };
    const wrong = await call(landlord, 'POST', '', { ...body, partnerOrganisationId: landlordId });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({
      partnerOrganisationId: 'Choisissez une association partenaire.',
    });
    const backwards = await call(landlord, 'POST', '', { ...body, endOn: '2025-12-31' });
    expect(backwards.json().error.fields).toEqual({ endOn: 'La fin ne peut pas précéder le début.' });
    const res = await call(landlord, 'POST', '', body);
    expect(res.statusCode, res.body).toBe(201);
    convention = res.json<TConvention>();
    expect(convention).toMatchObject({
      landlordOrganisationId: landlordId,
      associationOrganisationId: associationId,
      canManageDwellings: true,
    });
    expect(convention.briques.map((b) => b.code)).toEqual(['3.2', '3.4']);
    expect(convention.briques[0]!.label).toMatch(/^3\.2 — Relation locative/);
    expect(convention.candidateDwellings.map((d) => d.id).sort()).toEqual([...dwellingIds].sort());
  });

  it('makes the landlord’s dwellings available, each with its occupancy type; the association may not', async () => {
    const add = (session: TestSession, body: object) =>
      call(session, 'POST', `/${convention.id}/dwellings`, body);
    const refused = await add(caseworker, {
      dwellingId: dwellingIds[0],
      occupancyKind: 'sublease',
      availableFrom: '2026-01-01',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      'Seul le bailleur met ses logements à disposition au titre de la convention.',
    );
    const foreign = await add(landlord, {
      dwellingId: foreignDwellingId,
      occupancyKind: 'sublease',
      availableFrom: '2026-01-01',
    });
    expect(foreign.json().error.fields).toEqual({
      dwellingId: 'Ce logement n’est pas un logement du bailleur de la convention.',
    });
    const early = await add(landlord, {
      dwellingId: dwellingIds[0],
      occupancyKind: 'sublease',
      availableFrom: '2025-12-31',
    });
    expect(early.statusCode).toBe(400);
    expect(
      (
        await add(landlord, {
          dwellingId: dwellingIds[0],
          occupancyKind: 'sublease',
          availableFrom: '2026-01-01',
          gla: true,
        })
      ).statusCode,
    ).toBe(200);
    const second = await add(landlordAdviser, {
      dwellingId: dwellingIds[1],
      occupancyKind: 'bail_glissant',
      availableFrom: '2026-07-02',
    });
    expect(second.statusCode, second.body).toBe(200);
    convention = second.json<TConvention>();
    expect(convention.dwellings.map((d) => [d.occupancyKind, d.availableFrom, d.gla])).toEqual([
      ['bail_glissant', '2026-07-02', false],
      ['sublease', '2026-01-01', true],
    ]);
    expect(convention.candidateDwellings).toEqual([]);
    const again = await add(landlord, {
      dwellingId: dwellingIds[1],
      occupancyKind: 'sublease',
      availableFrom: '2026-08-01',
    });
    expect(again.json().error.fields.dwellingId).toMatch(/déjà mis à disposition/);
    const statuses = await t.deps.db
      .select({ status: dwellings.status })
      .from(dwellings)
      .where(eq(dwellings.id, dwellingIds[0]!));
    expect(statuses).toEqual([{ status: 'made_available' }]);
  });

  it('computes the yearly review from the data, the same for both sides, as a page and a PDF', async () => {
    const res = await call(caseworker, 'GET', `/${convention.id}/review?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const review = res.json<TConventionReview>();
    expect(
      review.dwellings.map((d) => [d.address, d.availableDays, d.occupiedDays, d.vacantDays, d.feeCents]),
    ).toEqual([
      ['18 rue Jean Jaurès, 29200 Brest', 183, 153, 30, 15_041],
      ['3 rue de Siam, 29200 Brest', 365, 0, 365, 30_000],
    ]);
    expect(review.totals).toEqual({
      dwellings: 2,
      availableDays: 548,
      occupiedDays: 153,
      vacantDays: 395,
      feeCents: 45_041,
      glaCostCents: 30_000,
    });
    const gla = review.dwellings[1]!.gla!;
    expect(gla.perDwellingYearCents).toBe(30_000);
    expect(gla.schemeSource).toMatch(/Catalogue des dispositifs de Relais/);
    expect(gla.tasks).toHaveLength(15);
    expect(review.dwellings[0]!.gla).toBeNull();
    expect((await call(landlord, 'GET', `/${convention.id}/review?year=2026`)).json()).toEqual(review);

    const pdf = await call(landlord, 'GET', `/${convention.id}/review/pdf?year=2026`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Bilan annuel 2026');
    expect(text).toContain('Visite à domicile chaque trimestre');
    expect(text).not.toMatch(/sublease|bail_glissant|per_dwelling_year/);
  });

  it('writes the GLA plan as tasks once, by the association only', async () => {
    const refused = await call(landlord, 'POST', `/${convention.id}/gla-plan`, { year: 2026 });
    expect(refused.statusCode).toBe(403);
    const first = await call(caseworker, 'POST', `/${convention.id}/gla-plan`, { year: 2026 });
    expect(first.statusCode, first.body).toBe(200);
    const plan = first.json<TGlaPlan>();
    expect(plan.added).toBe(15);
    expect(plan.tasks.filter((t) => t.kind === 'monthly_contact')).toHaveLength(12);
    expect(plan.tasks.find((t) => t.kind === 'yearly_visit')?.dueOn).toBe('2026-04-01');
    const second = (
      await call(caseworker, 'POST', `/${convention.id}/gla-plan`, { year: 2026 })
    ).json<TGlaPlan>();
    expect(second.added).toBe(0);
    expect(second.tasks).toHaveLength(15);

    expect(second.tasks.every((t) => t.ownerName === caseworkerName)).toBe(true);
  });

  const mine = async (session: TestSession) =>
    (
      await t.app.inject({ method: 'GET', url: '/api/tasks/mine?pageSize=100', headers: session.headers })
    ).json<TTaskPage>();
  const closeTask = (session: TestSession, taskId: string, body: object = { outcome: 'done' }) =>
    t.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/close`,
      headers: session.headers,
      payload: body,
    });
  const review2026 = async () =>
    (await call(caseworker, 'GET', `/${convention.id}/review?year=2026`)).json<TConventionReview>();

  it('shows the GLA plan’s tasks in the worker’s « Mes tâches », where they are done', async () => {
    const page = await mine(caseworker);
    const gla = page.items.filter((task) => task.source === 'gla');
    expect(gla).toHaveLength(15);
    expect(gla[0]).toMatchObject({
      householdId: null,
      fileLabel: null,
      dwelling: { id: dwellingIds[0], address: '3 rue de Siam, 29200 Brest' },
      title: 'Contact mensuel avec le ménage',
      dueOn: '2026-01-31',
      status: 'open',
    });
    expect(gla.map((task) => task.dueOn)).toEqual([...gla.map((task) => task.dueOn)].sort());
    for (const session of [landlord, otherCaseworker])
      expect((await mine(session)).items.filter((task) => task.source === 'gla')).toEqual([]);

    const visit = gla.find((task) => task.title === 'Visite annuelle du logement')!;
    for (const session of [landlord, otherCaseworker])
      expect((await closeTask(session, visit.id)).statusCode).toBe(404);
    const done = await closeTask(caseworker, visit.id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<TTask>()).toMatchObject({ status: 'done', source: 'gla' });
    const twice = await closeTask(caseworker, visit.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Cette tâche est déjà close.');
    const january = gla.find((task) => task.dueOn === '2026-01-31')!;
    expect((await closeTask(caseworker, january.id)).statusCode).toBe(200);
    expect((await mine(caseworker)).items.filter((task) => task.source === 'gla')).toHaveLength(13);

    // The plan and the yearly figures read the same tasks.
    const gla2026 = (await review2026()).dwellings[1]!.gla!;
    expect(gla2026.tasks.find((task) => task.kind === 'yearly_visit')?.doneOn).toBe('2026-03-10');
    expect(gla2026).toMatchObject({ contactsPlanned: 12, contactsDone: 1, tasksDone: 2 });
    const again = (
      await call(caseworker, 'POST', `/${convention.id}/gla-plan`, { year: 2026 })
    ).json<TGlaPlan>();
    expect(again.tasks.filter((task) => task.doneOn === '2026-03-10')).toHaveLength(2);
  });

  it('records an amendment of the terms, numbered and dated, by either side only', async () => {
    const amend = (session: TestSession, body: object) =>
      call(session, 'POST', `/${convention.id}/amendments`, body);
    const jaures = convention.dwellings.find((d) => d.address.startsWith('18 rue'))!;
    const raise = {
      effectiveOn: '2026-07-01',
      fee: { mode: 'per_dwelling_year', perDwellingYearCents: 36_000 },
      commitments: ['Visite à domicile chaque trimestre', 'Permanence téléphonique le samedi'],
      dwellings: [{ entryId: jaures.id, occupancyKind: 'sublease' }],
    };
    for (const session of [otherLandlord, otherCaseworker])
      expect((await amend(session, raise)).statusCode).toBe(404);
    const outside = await amend(landlord, { ...raise, effectiveOn: '2025-06-01', endOn: '2025-01-01' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toEqual({
      endOn: 'La fin ne peut pas précéder le début.',
      effectiveOn: 'L’avenant prend effet pendant la convention.',
    });
    const unknown = await amend(landlord, {
      ...raise,
      dwellings: [{ entryId: foreignDwellingId, occupancyKind: 'sublease' }],
    });
    expect(unknown.json().error.fields).toEqual({
      'dwellings.0.entryId': 'Ce logement n’est pas mis à disposition au titre de la convention.',
    });
    const same = await amend(landlord, { effectiveOn: '2026-07-01', fee: convention.fee });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toMatch(/ne change aucun terme/);

    const res = await amend(caseworker, raise);
    expect(res.statusCode, res.body).toBe(201);
    convention = res.json<TConvention>();
    expect(convention.fee).toEqual(raise.fee);
    expect(convention.dwellings.find((d) => d.id === jaures.id)?.occupancyKind).toBe('sublease');
    const [first] = convention.amendments;
    expect(first).toMatchObject({ number: 1, effectiveOn: '2026-07-01', recordedBy: caseworkerName });
    // Amounts are written with French spaces (narrow no-break before the euro sign).
    expect(first!.changes.map((line) => line.replace(/\s/g, ' '))).toEqual([
      'Participation aux frais de gestion : 360,00 € par logement et par an, au prorata des jours (au lieu de 300,00 € par logement et par an, au prorata des jours)',
      'Engagement ajouté : « Permanence téléphonique le samedi » ; engagement retiré : « Bilan annuel quantitatif et qualitatif »',
      '18 rue Jean Jaurès, 29200 Brest : sous-location sans glissement (au lieu de bail glissant)',
    ]);
    const before = await amend(landlord, { effectiveOn: '2026-06-01', endOn: '2029-12-31' });
    expect(before.json().error.fields).toEqual({
      effectiveOn: 'L’avenant n° 1 prend effet le 01/07/2026 : celui-ci ne peut pas prendre effet avant.',
    });
    const longer = await amend(landlord, { effectiveOn: '2026-09-01', endOn: '2029-12-31' });
    expect(longer.statusCode, longer.body).toBe(201);
    expect(longer.json<TConvention>().amendments.map((a) => [a.number, a.changes])).toEqual([
      [2, ['Fin de la convention le 31/12/2029 (au lieu de la fin le 31/12/2028)']],
      [1, expect.any(Array)],
    ]);
    convention = longer.json<TConvention>();

    // The review prorates the fee: 181 days at 300 € and 184 at 360 € for the whole year; the dwelling
    // made available on 2 July pays the new fee only (183 days).
    const review = await review2026();
    expect(review.dwellings.map((d) => [d.address, d.feeCents, d.occupancyText])).toEqual([
      ['18 rue Jean Jaurès, 29200 Brest', Math.round((36_000 * 183) / 365), 'Sous-location sans glissement'],
      ['3 rue de Siam, 29200 Brest', 33_025, 'Sous-location sans glissement'],
    ]);
    expect(review.feeText).toMatch(/^360,00\s€/);
    expect(review.amendments).toEqual([
      expect.stringMatching(
        /^Avenant n° 1 à compter du 01\/07\/2026 : Participation aux frais de gestion : 360,00\s€/,
      ),
      'Avenant n° 2 à compter du 01/09/2026 : Fin de la convention le 31/12/2029 (au lieu de la fin le 31/12/2028)',
    ]);
    const pdf = pdfText((await call(landlord, 'GET', `/${convention.id}/review/pdf?year=2026`)).rawPayload);
    expect(pdf).toContain('Avenant n° 1 à compter du 01/07/2026');
  });

  it('ends a dwelling’s availability, not while an occupancy contract runs on it', async () => {
    const end = (session: TestSession, address: string, body: object) =>
      call(
        session,
        'POST',
        `/${convention.id}/dwellings/${convention.dwellings.find((d) => d.address.startsWith(address))!.id}/end`,
        body,
      );
    // The sliding lease of 18 rue Jean Jaurès runs: its parties read its occupant's name.
    const let_ = await end(caseworker, '18 rue', { lastDay: '2026-09-30', reason: 'returned_to_landlord' });
    expect(let_.statusCode).toBe(409);
    expect(let_.json().error.message).toBe(
      'Le logement est occupé par Awa Diallo (bail glissant depuis le 01/08/2026, sans date de fin) : mettez d’abord fin à ce contrat d’occupation.',
    );
    // A lease the landlord is no party to (a private lessor's, from November): its occupant stays unnamed.
    const [privateLease] = await t.deps.db
      .insert(occupancyContracts)
      .values({
        dwellingId: dwellingIds[0]!,
        kind: 'direct_lease',
        lessorName: 'SCI des Capucins',
        lessorKind: 'natural_person',
        status: 'active',
        startOn: '2026-11-01',
        endOn: '2027-10-31',
        tenantName: 'Karim Benali',
      })
      .returning();
    const unnamed = await end(landlord, '3 rue', { lastDay: '2026-06-30', reason: 'works' });
    expect(unnamed.json().error.message).toBe(
      'Le logement est occupé par un ménage (bail direct depuis le 01/11/2026, jusqu’au 31/10/2027) : mettez d’abord fin à ce contrat d’occupation.',
    );
    await t.deps.db.delete(occupancyContracts).where(eq(occupancyContracts.id, privateLease!.id));

    expect((await end(otherLandlord, '3 rue', { lastDay: '2026-06-30', reason: 'works' })).statusCode).toBe(
      404,
    );
    const early = await end(landlord, '3 rue', { lastDay: '2025-12-31', reason: 'works' });
    expect(early.json().error.fields).toEqual({
      lastDay:
        'Le logement est mis à disposition depuis le 01/01/2026 : son dernier jour ne peut pas le précéder.',
    });
    const res = await end(landlord, '3 rue', {
      lastDay: '2026-06-30',
      reason: 'works',
      note: 'Réfection de la toiture',
    });
    expect(res.statusCode, res.body).toBe(200);
    convention = res.json<TConvention>();
    expect(convention.dwellings.find((d) => d.address.startsWith('3 rue'))).toMatchObject({
      availableUntil: '2026-06-30',
      endReason: 'works',
      endNote: 'Réfection de la toiture',
    });
    const [dwelling] = await t.deps.db
      .select({ status: dwellings.status })
      .from(dwellings)
      .where(eq(dwellings.id, dwellingIds[0]!));
    expect(dwelling).toEqual({ status: 'works' });
    const again = await end(landlord, '3 rue', { lastDay: '2026-07-31', reason: 'sold' });
    expect(again.statusCode).toBe(409);

    // Its GLA tasks due after its last day are dismissed; the review counts its days up to it.
    const open = (await mine(caseworker)).items.filter((task) => task.source === 'gla');
    expect(open.map((task) => task.dueOn)).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
    const dismissed = await t.deps.db
      .select({ reason: tasks.closedReason })
      .from(tasks)
      .where(and(eq(tasks.source, 'gla'), eq(tasks.status, 'dismissed')));
    expect(dismissed.length).toBe(8);
    expect(dismissed[0]!.reason).toBe('Le logement a quitté la convention le 30/06/2026 (travaux).');
    const siam = (await review2026()).dwellings.find((d) => d.address.startsWith('3 rue'))!;
    expect(siam).toMatchObject({
      availableDays: 181,
      endedOn: '2026-06-30',
      endReason: 'works',
      feeCents: Math.round((30_000 * 181) / 365),
    });
  });

  it('keeps a convention between its two organisations', async () => {
    for (const session of [otherLandlord, otherCaseworker]) {
      expect((await call(session, 'GET', `/${convention.id}`)).statusCode).toBe(404);
      expect((await call(session, 'GET', `/${convention.id}/review?year=2026`)).statusCode).toBe(404);
      expect((await call(session, 'GET', '')).json().items).toEqual([]);
    }
    const mine = (await call(caseworker, 'GET', '')).json();
    expect(mine.items.map((c: { id: string }) => c.id)).toEqual([convention.id]);
    expect(mine.canCreateAs).toBe('association');
    const asAssociation = await call(caseworker, 'POST', '', {
      partnerOrganisationId: landlordId,
      title: 'Habitat adapté',
      startOn: '2026-01-01',
      fee: { mode: 'rent_share', perMille: 100 },
    });
    expect(asAssociation.statusCode, asAssociation.body).toBe(201);
    expect(asAssociation.json()).toMatchObject({
      landlordOrganisationId: landlordId,
      canManageDwellings: false,
    });
  });
});
