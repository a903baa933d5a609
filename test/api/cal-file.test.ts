import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TODAY,
  consentToLandlord,
  createHouseholdAs,
  sampleHousehold,
} from '../helpers/household-fixtures.ts';
import { makeMetzTerritory } from '../helpers/stock-fixtures.ts';
import { makeFunder, measureTo, placeIn } from '../helpers/measure-fixtures.ts';
import { completeDiagnostic } from '../helpers/diagnostic-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { proposeOn } from '../helpers/proposal-fixtures.ts';
import { CAPACITY_CRITERION_KEYS } from '../../src/shared/contracts/diagnostics.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { territories } from '../../src/modules/organisations/schema.ts';

/**
 * The CAL file of a candidate: the vacancy's landlord reads it (the only way a landlord sees a
 * candidate), so do the social workers of the household's parties; another landlord — even one that
 * is a party to the file — and a stranger get the 404 of an unknown proposal. The PDF states the
 * dwelling, the proposal, the composition, the budget in this dwelling, the support, the occupancy,
 * the approved diagnostic's landlord version and the matching's figures, and nothing caseworker-only.
 */
describe('the CAL file of a candidate', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let siaoWorker: TestSession;
  let rentalManager: TestSession;
  let socialAdvisor: TestSession;
  let landlordId: string;
  let associationId: string;
  let otherLandlord: TestSession;
  let fileLandlord: TestSession;
  let stranger: TestSession;
  let householdId: string;
  let proposalId: string;
  let bareProposalId: string;

  const call = (session: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  async function ok<T = Record<string, unknown>>(res: Awaited<ReturnType<typeof call>>): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const calFile = (session: TestSession, id = proposalId) =>
    call(session, 'GET', `/api/proposals/${id}/cal-file`);
  const auditEntries = async (id: string) =>
    (
      await t.deps.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'proposal.cal_file.export_pdf'), eq(auditLog.entityId, id)))
    )[0]!.n;

  /** A household of the association, ready, in its pool (capacity grid, housing project). */
  async function pooledHousehold() {
    const id = await createHouseholdAs(t, caseworker, sampleHousehold());
    await ok(
      await call(caseworker, 'POST', `/api/households/${id}/capacity-assessments`, {
        assessedOn: TODAY,
        scores: Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score: 3 }])),
        opinion: 'ready',
      }),
    );
    await ok(
      await call(caseworker, 'PUT', `/api/households/${id}/housing-project`, {
        typologies: ['t2', 't3'],
        communeIds: [],
        accessibilityNeed: 'none',
        supportIntensity: 'light',
        priorityCategories: ['c'],
        demandRenewalDue: '2026-09-30',
        incomes: [{ source: 'rfr_n2', year: 2024, annualCents: 1_450_000 }],
      }),
    );
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const communes = await makeMetzTerritory(t.deps.db);
    const [moselle] = await t.deps.db.select().from(territories).where(eq(territories.code, '57'));
    const association = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    associationId = association.org.id;
    caseworker = association.members.caseworker!.session;
    await placeIn(t.deps.db, associationId, communes.metz);
    const siao = await makeOrgWithUsers(t.deps, 'siao', ['caseworker']);
    siaoWorker = siao.members.caseworker!.session;
    const landlord = await makeOrgWithUsers(t.deps, 'landlord', [
      'landlord_rental_manager',
      'landlord_social_advisor',
    ]);
    landlordId = landlord.org.id;
    rentalManager = landlord.members.landlord_rental_manager!.session;
    socialAdvisor = landlord.members.landlord_social_advisor!.session;
    otherLandlord = (await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager'])).members
      .landlord_rental_manager!.session;
    const tenancyLandlord = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_social_advisor']);
    fileLandlord = tenancyLandlord.members.landlord_social_advisor!.session;
    stranger = (await makeOrgWithUsers(t.deps, 'association', ['caseworker'])).members.caseworker!.session;

    householdId = await pooledHousehold();
    // The SIAO follows the household too; another landlord is a party to its file by consent.
    await ok(
      await call(caseworker, 'POST', `/api/households/${householdId}/consents`, {
        organisationId: siao.org.id,
        purpose: 'support',
        validFrom: TODAY,
        method: 'signed_form',
      }),
    );
    await consentToLandlord(t, caseworker, householdId, tenancyLandlord.org.id);
    await ok(
      await call(caseworker, 'POST', `/api/households/${householdId}/notes`, {
        body: 'Note confidentielle du référent',
        sensitivity: 'confidential',
      }),
    );
    // The diagnostic the household approved: its landlord version goes into the file.
    const base = `/api/households/${householdId}/diagnostics`;
    let d = await ok<{ id: string; rowVersion: number }>(
      await call(caseworker, 'POST', base, { content: completeDiagnostic() }),
    );
    d = await ok(
      await call(caseworker, 'POST', `${base}/${d.id}/present`, {
        rowVersion: d.rowVersion,
        presentedOn: TODAY,
        method: 'home_visit',
        explanation: 'Diagnostic relu avec le ménage.',
      }),
    );
    await ok(
      await call(caseworker, 'POST', `${base}/${d.id}/approve`, {
        rowVersion: d.rowVersion,
        method: 'typed_name',
        signedOn: TODAY,
        typedName: 'Hélène Dupré',
      }),
    );
    // The support proposed: an FSL accès measure validated by the funder, its contract drafted.
    const funder = await makeFunder(t, moselle!.id, ['fsl-acces'], '2026-01-01', 'Département de la Moselle');
    const measure = await measureTo<{ id: string; rowVersion: number }>(t, {
      cw: caseworker,
      officer: funder.officer,
      householdId,
      body: {
        schemeId: funder.schemes['fsl-acces'],
        operatorOrganisationId: associationId,
        briques: ['2.1'],
        visitsPerMonth: 2,
        occupancy: 'sublease_sliding',
      },
      until: 'active',
      prescribedOn: TODAY,
      decidedOn: TODAY,
      startOn: TODAY,
    });
    await ok(
      await call(caseworker, 'POST', `/api/households/${householdId}/measures/${measure.id}/contract`),
    );

    const dwelling = await ok<{ id: string }>(
      await call(rentalManager, 'POST', '/api/dwellings', {
        address: '12 rue Serpenoise',
        communeId: communes.metz,
        typology: 't3',
        surfaceM2: 64,
        floor: 2,
        lift: true,
        financing: 'plus',
        rent: { effectiveFrom: '2026-01-01', monthlyRentCents: 48_000, monthlyChargesCents: 9_500 },
      }),
    );
    const vacancy = await ok<{ id: string }>(
      await call(rentalManager, 'POST', '/api/vacancies', {
        dwellingId: dwelling.id,
        channel: 'prefectoral',
        answerBy: '2026-03-20',
        visitDates: ['2026-03-12'],
      }),
    );
    proposalId = await proposeOn(t.deps.db, {
      vacancyId: vacancy.id,
      householdId,
      designatedByOrganisationId: landlordId,
      occupancy: 'bail_glissant',
    });
    // A second candidate, rank 2, with no diagnostic approved and no measure.
    bareProposalId = await proposeOn(t.deps.db, {
      vacancyId: vacancy.id,
      householdId: await pooledHousehold(),
      designatedByOrganisationId: landlordId,
      rank: 2,
    });
  });
  afterAll(() => t.close());

  it('gives the vacancy’s landlord the candidate’s file in French, and audits the read', async () => {
    const before = await auditEntries(proposalId);
    const res = await calFile(rentalManager);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // Amounts carry a no-break space before the euro sign.
    const text = pdfText(res.rawPayload).replace(/\u00a0/g, ' ');
    // The dwelling and the proposal.
    expect(text).toContain('Dossier de candidature pour la commission d’attribution');
    expect(text).toContain('12 rue Serpenoise, 57000 Metz');
    expect(text).toContain('64 m²');
    expect(text).toContain('2e étage, avec ascenseur');
    expect(text).toContain('PLUS');
    expect(text).toContain('Contingent préfectoral');
    expect(text).toContain('480,00 € par mois');
    expect(text).toContain('jusqu’au 23/03/2026');
    // The household's composition by role and age.
    expect(text).toContain('Personne de référence');
    expect(text).toContain('Hélène Dupré, 40 ans');
    expect(text).toContain('Léo Dupré, 10 ans');
    // The budget in this dwelling: without the aid, (480 + 95) / 635 = 90,6 %.
    expect(text).toContain('Taux d’effort');
    expect(text).toContain('Sans aide au logement');
    expect(text).toContain('90,6 %');
    // The occupancy and the support proposed.
    expect(text).toContain('Bail glissant');
    expect(text).toContain('(accès au logement)');
    expect(text).toContain('Durée6 mois, du 10/03/2026 au 10/09/2026');
    expect(text).toContain('version 1 : brouillon');
    // The approved diagnostic's landlord version.
    expect(text).toContain('approuvée par le ménage le 10/03/2026');
    expect(text).toContain('T2 accessible dans le parc social.');
    // The matching's figures, each filter with its reference.
    expect(text).toContain('14 500 €');
    expect(text).toContain('41 737 €');
    expect(text).toContain('CSS R822-25');
    expect(text).toContain('Points du classement : 118');
    expect(text).toContain('Document confidentiel');
    // Nothing caseworker-only, nothing technical.
    for (const secret of [
      'Suivi psychiatrique',
      'Contrôle judiciaire',
      'Séparation conflictuelle',
      'Note confidentielle',
      'SECRET-',
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(
      /\b(bail_glissant|direct_lease|prefectoral|plai|pls|t3|draft|active|validated|null|undefined|NaN)\b/,
    );

    expect(await auditEntries(proposalId)).toBe(before + 1);
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'proposal.cal_file.export_pdf'), eq(auditLog.entityId, proposalId)));
    expect(entry).toMatchObject({
      householdId,
      actorOrganisationId: landlordId,
      entityType: 'vacancy_proposal',
    });
  });

  it('gives it to the landlord’s social adviser and to the household’s social workers', async () => {
    for (const session of [socialAdvisor, caseworker, siaoWorker]) {
      const res = await calFile(session);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(pdfText(res.rawPayload)).toContain('Hélène Dupré');
    }
  });

  it('answers another landlord, a landlord party to the file and a stranger as for an unknown proposal', async () => {
    const unknown = await calFile(rentalManager, randomUUID());
    expect(unknown.statusCode).toBe(404);
    const before = await auditEntries(proposalId);
    for (const session of [otherLandlord, fileLandlord, stranger]) {
      const res = await calFile(session);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(unknown.json());
    }
    expect(await auditEntries(proposalId)).toBe(before);
  });

  it('says plainly when the household has approved no diagnostic and has no measure', async () => {
    const res = await calFile(rentalManager, bareProposalId);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Le ménage n’a pas encore approuvé de diagnostic');
    expect(text).toContain('Aucune mesure d’accompagnement n’est décidée ni en cours');
    expect(text).toContain('Bail direct');
  });
});
