import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import { NOW } from '../helpers/household-fixtures.ts';
import { makeDepartement } from '../helpers/measure-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { insertDwelling } from '../../src/modules/dwellings/index.ts';
import { dwellingRents, dwellings } from '../../src/modules/dwellings/schema.ts';
import { occupancyContracts } from '../../src/modules/leases/schema.ts';
import { territories } from '../../src/modules/organisations/schema.ts';
import type { TConvention, TConventionReview, TGlaPlan } from '../../src/shared/contracts/partnerships.ts';

describe('partnership conventions', () => {
  let t: TestApp;
  let landlord: TestSession;
  let landlordAdviser: TestSession;
  let caseworker: TestSession;
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

    const visit = second.tasks.find((t) => t.kind === 'yearly_visit')!;
    const done = (session: TestSession, doneOn: string) =>
      call(session, 'POST', `/${convention.id}/gla-tasks/${visit.id}/done`, { doneOn });
    expect((await done(landlord, '2026-03-02')).statusCode).toBe(403);
    expect((await done(caseworker, '2026-03-11')).json().error.fields).toEqual({
      doneOn: 'Une tâche ne peut pas être faite dans le futur.',
    });
    const marked = await done(caseworker, '2026-03-02');
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ kind: 'yearly_visit', doneOn: '2026-03-02' });
    const twice = await done(caseworker, '2026-03-03');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Cette tâche est déjà notée comme faite.');
    expect((await done(otherCaseworker, '2026-03-02')).statusCode).toBe(404);
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
