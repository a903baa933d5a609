import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TARGET_DWELLING as dwelling,
  createHouseholdAs,
  sampleHousehold,
} from '../helpers/household-fixtures.ts';
import { organisations, territories } from '../../src/modules/organisations/schema.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { loadDefaultConvention } from '../../src/modules/budget/conventions.repository.ts';
import type {
  TBudget,
  TBudgetCalculatorResult,
  TBudgetConventionValues,
} from '../../src/shared/contracts/budget.ts';

describe('household budget', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let admin: TestSession;
  let landlord: TestSession;
  let otherAdmin: TestSession;
  let nordId: string;
  let lilleId: string;
  let householdId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const suffix = String(Date.now()).slice(-6);
    const [nord] = await t.deps.db
      .insert(territories)
      .values({ kind: 'departement', code: `59-${suffix}`, name: 'Nord' })
      .returning();
    const [lille] = await t.deps.db
      .insert(territories)
      .values({
        kind: 'commune',
        code: `59350-${suffix}`,
        name: 'Lille',
        parentId: nord!.id,
        housingBenefitZone: 2,
      })
      .returning();
    const [isere] = await t.deps.db
      .insert(territories)
      .values({ kind: 'departement', code: `38-${suffix}`, name: 'Isère' })
      .returning();
    nordId = nord!.id;
    lilleId = lille!.id;

    const association = await makeOrgWithUsers(t.deps, 'association', ['caseworker', 'admin']);
    await t.deps.db
      .update(organisations)
      .set({ territoryId: lilleId })
      .where(eq(organisations.id, association.org.id));
    caseworker = association.members.caseworker!.session;
    admin = association.members.admin!.session;
    const other = await makeOrgWithUsers(t.deps, 'association', ['admin']);
    await t.deps.db
      .update(organisations)
      .set({ territoryId: isere!.id })
      .where(eq(organisations.id, other.org.id));
    otherAdmin = other.members.admin!.session;
    const social = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_social_advisor']);
    landlord = social.members.landlord_social_advisor!.session;

    householdId = await createHouseholdAs(
      t,
      caseworker,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: {
          address: '12 rue Nationale, 59000 Lille',
          communeId: lilleId,
          landlordOrganisationId: social.org.id,
          monthlyRentCents: 42_000,
          monthlyChargesCents: 6_000,
        },
        // sampleHousehold's members: Hélène, the reference person, and her son Léo.
        resources: [
          { memberIndex: 0, type: 'wages', monthlyAmountCents: 110_000 },
          { memberIndex: null, type: 'family_benefits', monthlyAmountCents: 15_000 },
          { memberIndex: null, type: 'housing_benefit', monthlyAmountCents: 18_000 },
        ],
        expenses: [
          { category: 'energy', monthlyAmountCents: 7_000 },
          { category: 'debt_repayment', monthlyAmountCents: 5_000 },
          { category: 'phone', monthlyAmountCents: 2_000 },
        ],
      }),
    );
  });
  afterAll(() => t.close());

  const getBudget = (session: TestSession = caseworker, id = householdId) =>
    t.app.inject({ method: 'GET', url: `/api/households/${id}/budget`, headers: session.headers });
  const postScenario = (body: Record<string, unknown>, session: TestSession = caseworker) =>
    t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/budget/scenarios`,
      headers: session.headers,
      payload: body,
    });

  it('reads the file’s income, expenses and debts and computes the current situation with an estimated aid', async () => {
    const res = await getBudget();
    expect(res.statusCode).toBe(200);
    const budget = res.json<TBudget>();
    expect(budget.income.totalExcludingHousingBenefitCents).toBe(125_000);
    expect(budget.income.declaredHousingBenefitCents).toBe(18_000);
    expect(budget.income.items[0]).toMatchObject({
      memberName: 'Hélène Dupré',
      type: 'wages',
      typeLabel: 'Salaires',
    });
    expect(budget.expenses.totalCents).toBe(14_000);
    expect(budget.debts.totalCents).toBe(120_000);
    expect(budget.convention.name).toBe('Convention par défaut de Relais');
    expect(budget.convention.origin).toMatch(/aucune convention en vigueur pour Nord/);

    const current = budget.current!;
    expect(current.housingBenefit.source).toBe('estimated');
    expect(current.housingBenefit.aidKind).toBe('APL');
    expect(current.housingBenefit.period).toBe('2026-03');
    const aid = current.housingBenefit.monthlyCents;
    expect(aid).toBeGreaterThan(0);
    expect(current.effortRate.housingCostCents).toBe(42_000 + 6_000 - aid);
    expect(current.effortRate.percent).toBe(Math.round(((48_000 - aid) * 1000) / 125_000) / 10);
    // energy + debts are the default convention's fixed expenses; the phone is not.
    expect(current.resteAVivre.fixedExpensesCents).toBe(12_000);
    expect(budget.scenarios).toEqual([]);

    const reads = await t.deps.db.select().from(auditLog).where(eq(auditLog.householdId, householdId));
    expect(reads.map((a) => a.action)).toContain('household.budget.read');
  });

  it('saves a target dwelling, estimates its charges and its APL, and updates it with optimistic locking', async () => {
    const created = await postScenario(dwelling);
    expect(created.statusCode).toBe(201);
    const scenario = created.json();
    expect(scenario).toMatchObject({
      label: 'T2 rue des Arts',
      rowVersion: 1,
      monthlyChargesCents: null,
      surfaceM2: 48.2,
    });

    const budget = (await getBudget()).json<TBudget>();
    expect(budget.scenarios).toHaveLength(1);
    const evaluation = budget.scenarios[0]!.evaluation;
    expect(evaluation.charges.source).toBe('estimated');
    expect(evaluation.charges.lines[0]).toMatchObject({ key: 'heating', cents: 3_615 });
    expect(evaluation.housingBenefit).toMatchObject({
      source: 'estimated',
      annualResourcesCents: 1_500_000,
      annualResourcesSource: 'derived',
    });
    expect(evaluation.effortRate.housingCostCents).toBe(
      31_000 + evaluation.charges.monthlyCents - evaluation.housingBenefit.monthlyCents,
    );

    const url = `/api/households/${householdId}/budget/scenarios/${scenario.id}`;
    const updated = await t.app.inject({
      method: 'PUT',
      url,
      headers: caseworker.headers,
      payload: {
        ...dwelling,
        monthlyChargesCents: 5_500,
        annualResourcesOverrideCents: 1_200_000,
        rowVersion: 1,
      },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().rowVersion).toBe(2);
    const stale = await t.app.inject({
      method: 'PUT',
      url,
      headers: caseworker.headers,
      payload: { ...dwelling, label: 'Autre', rowVersion: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const after = (await getBudget()).json<TBudget>().scenarios[0]!;
    expect(after.scenario.label).toBe('T2 rue des Arts');
    expect(after.evaluation.charges).toMatchObject({ source: 'given', monthlyCents: 5_500 });
    expect(after.evaluation.housingBenefit).toMatchObject({
      annualResourcesSource: 'override',
      annualResourcesCents: 1_200_000,
    });

    const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, scenario.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['budget_scenario.create', 'budget_scenario.update']));

    const removed = await t.app.inject({ method: 'DELETE', url, headers: caseworker.headers });
    expect(removed.statusCode).toBe(204);
    expect((await getBudget()).json<TBudget>().scenarios).toEqual([]);
    expect((await t.app.inject({ method: 'DELETE', url, headers: caseworker.headers })).statusCode).toBe(404);
  });

  it('answers 404 to the landlord (summary level) and to unknown files', async () => {
    expect((await getBudget(landlord)).statusCode).toBe(404);
    expect((await postScenario(dwelling, landlord)).statusCode).toBe(404);
    expect((await getBudget(caseworker, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('says that the resources are missing instead of showing a deficit when none is entered', async () => {
    const bareId = await createHouseholdAs(
      t,
      caseworker,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: {
          address: '12 rue Nationale, 59000 Lille',
          communeId: lilleId,
          monthlyRentCents: 42_000,
          monthlyChargesCents: 6_000,
        },
        resources: [],
      }),
    );
    const missing =
      'Aucune ressource renseignée : ajoutez les ressources du ménage pour calculer le reste à vivre.';
    const budget = (await getBudget(caseworker, bareId)).json<TBudget>();
    expect(budget.income.items).toEqual([]);
    const current = budget.current!;
    expect(current.resteAVivre).toMatchObject({
      monthlyCents: null,
      perPersonPerDayCents: null,
      perUnitPerDayCents: null,
      reason: missing,
    });
    expect(current.effortRate.percent).toBeNull();
    expect(current.effortRate.reason).toMatch(/^Aucune ressource renseignée/);
    expect(current.warnings.map((w) => w.code)).toEqual(['EFFORT_NOT_COMPUTABLE', 'RAV_NOT_COMPUTABLE']);

    // The live calculation of a target dwelling, from the same basis, says the same.
    const live = await t.app.inject({
      method: 'POST',
      url: '/api/calculators/budget',
      payload: { ...budget.calculatorBasis, dwelling: { ...dwelling, label: undefined } },
    });
    expect(live.statusCode).toBe(200);
    expect(live.json<TBudgetCalculatorResult>().evaluation.resteAVivre).toMatchObject({
      monthlyCents: null,
      reason: missing,
    });
  });

  it('refuses an invalid scenario with French messages on the field paths', async () => {
    const res = await postScenario({
      ...dwelling,
      typology: 'T9',
      surfaceM2: -3,
      monthlyRentCents: 12.5,
      zone: 4,
      label: '',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as Record<string, string>;
    expect(fields).toMatchObject({
      typology: 'Typologie T1 à T6 attendue.',
      surfaceM2: 'La surface doit être positive.',
      monthlyRentCents: 'Montant en centimes entiers attendu.',
      zone: 'Zone 1, 2 ou 3 attendue.',
      label: 'Libellé obligatoire.',
    });
  });

  it('applies the département’s convention in force on the day, and refuses overlaps and other départements', async () => {
    const values: TBudgetConventionValues = {
      ...loadDefaultConvention().values,
      name: 'Règle FSL du Nord',
      consumptionUnitScale: 'per_person',
      daysPerMonth: '30.42',
      effortRateThresholdPercent: 25,
    };
    const post = (body: Record<string, unknown>, session = admin) =>
      t.app.inject({
        method: 'POST',
        url: '/api/admin/budget-conventions',
        headers: session.headers,
        payload: body,
      });

    const future = await post({ territoryId: nordId, effectiveFrom: '2026-04-01', values });
    expect(future.statusCode).toBe(201);
    // Not yet in force on 10 March 2026.
    expect((await getBudget()).json<TBudget>().convention.name).toBe('Convention par défaut de Relais');

    const current = await post({
      territoryId: nordId,
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-03-31',
      values: { ...values, name: 'Règle FSL du Nord 2026 T1' },
    });
    expect(current.statusCode).toBe(201);
    const budget = (await getBudget()).json<TBudget>();
    expect(budget.convention).toMatchObject({
      name: 'Règle FSL du Nord 2026 T1',
      daysPerMonth: '30,42 jours par mois (365 / 12)',
      effortRateThresholdPercent: 25,
    });
    expect(budget.convention.origin).toMatch(/^Convention de Nord/);
    expect(budget.current!.resteAVivre).toMatchObject({ days: 30.42, consumptionUnits: 2 });

    // From 1 April the open-ended convention applies (the public calculator needs no session).
    t.setNow(new Date('2026-04-02T10:00:00Z'));
    const april = await t.app.inject({
      method: 'POST',
      url: '/api/calculators/budget',
      payload: { members: [{ age: 30, relationship: 'reference_person' }], territoryId: lilleId, dwelling },
    });
    t.setNow(NOW);
    expect(april.json().convention.name).toBe('Règle FSL du Nord');

    const overlap = await post({ territoryId: nordId, effectiveFrom: '2026-03-15', values });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.message).toMatch(/chevauche/);
    expect(
      (await post({ territoryId: nordId, effectiveFrom: '2026-06-01', values }, otherAdmin)).statusCode,
    ).toBe(403);
    expect(
      (await post({ territoryId: nordId, effectiveFrom: '2026-06-01', values }, caseworker)).statusCode,
    ).toBe(403);
    expect((await post({ territoryId: lilleId, effectiveFrom: '2026-06-01', values })).statusCode).toBe(400);
    const bad = await post({
      territoryId: nordId,
      effectiveFrom: '2026-06-01',
      values: { ...values, fixedExpenseCategories: ['rent'], daysPerMonth: '31' },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(
      expect.arrayContaining(['values.fixedExpenseCategories.0', 'values.daysPerMonth']),
    );

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/budget-conventions',
      headers: admin.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { effectiveFrom: string }) => c.effectiveFrom)).toEqual([
      '2026-01-01',
      '2026-04-01',
    ]);
    expect(list.json().default.values.name).toBe('Convention par défaut de Relais');
  });

  it('computes a target dwelling without saving anything (public calculator)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/calculators/budget',
      payload: {
        members: [
          { age: 40, relationship: 'reference_person' },
          { age: 10, relationship: 'child' },
        ],
        resources: [{ type: 'wages', monthlyAmountCents: 125_000 }],
        expenses: [{ category: 'debt_repayment', monthlyAmountCents: 5_000 }],
        territoryId: lilleId,
        dwelling,
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.convention.name).toBe('Règle FSL du Nord 2026 T1');
    expect(body.resourcesCents).toBe(125_000);
    expect(body.evaluation.housingBenefit.source).toBe('estimated');
    expect(body.evaluation.resteAVivre.fixedExpensesCents).toBe(5_000);

    const noIncome = await t.app.inject({
      method: 'POST',
      url: '/api/calculators/budget',
      payload: {
        members: [{ age: 30, relationship: 'reference_person' }],
        dwelling: { ...dwelling, label: undefined },
      },
    });
    expect(noIncome.statusCode).toBe(200);
    expect(noIncome.json().evaluation.effortRate).toMatchObject({ percent: null });
    expect(noIncome.json().evaluation.warnings.map((w: { code: string }) => w.code)).toContain(
      'EFFORT_NOT_COMPUTABLE',
    );

    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/calculators/budget',
      payload: { members: [], dwelling: {} },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields).toMatchObject({
      members: 'Le ménage compte au moins une personne.',
      'dwelling.typology': 'Typologie T1 à T6 attendue.',
    });
  });
});
