import { describe, expect, it } from 'vitest';
import type { TBudgetConventionValues, TBudgetMember, TTargetDwelling } from '../contracts/budget.ts';
import {
  ageOn,
  benefitComposition,
  benefitStatusOf,
  benefitPeriod,
  consumptionUnitTenths,
  dayHundredths,
  describeConvention,
  divRound,
  effortRate,
  estimateDwellingBenefit,
  estimateFslCharges,
  evaluateDwelling,
  evaluateTargetDwelling,
  givenCharges,
  housingCost,
  isSingleParent,
  monthlyResources,
  noResourceEntered,
  resteAVivre,
} from './budget.ts';
import { buildScaleSet, scaleCoverage } from './housing-benefit-scales.ts';
import { FIRST_PERIOD, estimateHousingBenefit } from './housing-benefit.ts';
import { loadFileScales } from '../../modules/calculators/index.ts';
import { loadDefaultConvention } from '../../modules/budget/index.ts';

const set = buildScaleSet(loadFileScales());
const coverage = scaleCoverage(set, FIRST_PERIOD);
const convention = loadDefaultConvention().values;

const adult = (age: number | null = 40): TBudgetMember => ({ age, relationship: 'reference_person' });
const spouse = (age: number | null = 38): TBudgetMember => ({ age, relationship: 'spouse' });
const child = (age: number | null): TBudgetMember => ({ age, relationship: 'child' });

describe('divRound (every division of cents)', () => {
  it('rounds half away from zero', () => {
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(4, 3)).toBe(1);
    expect(divRound(5, 3)).toBe(2);
    expect(divRound(-4, 3)).toBe(-1);
    expect(divRound(0, 7)).toBe(0);
  });
  it('refuses a zero divisor or non-integers', () => {
    expect(() => divRound(1, 0)).toThrow(RangeError);
    expect(() => divRound(1.5, 2)).toThrow(RangeError);
  });
});

describe('a dwelling’s financing as the housing benefit reads it', () => {
  it.each([
    ['plai', true, true],
    ['plus', true, true],
    ['pls', true, true],
    ['private_conventioned', true, false],
    ['private', false, false],
    [null, false, false],
  ] as const)('%s', (financing, conventioned, socialLandlord) => {
    expect(benefitStatusOf(financing)).toEqual({ conventioned, socialLandlord });
  });
});

describe('monthly resources and ages', () => {
  it('leaves the housing benefit out of the resources and reports it apart', () => {
    expect(
      monthlyResources([
        { type: 'wages', monthlyAmountCents: 120_000 },
        { type: 'housing_benefit', monthlyAmountCents: 25_000 },
        { type: 'family_benefits', monthlyAmountCents: 14_000 },
      ]),
    ).toEqual({ totalCents: 134_000, declaredHousingBenefitCents: 25_000, entered: true });
    expect(monthlyResources([])).toEqual({ totalCents: 0, declaredHousingBenefitCents: 0, entered: false });
  });
  it('counts full years, the birthday included', () => {
    expect(ageOn('2012-03-10', '2026-03-10')).toBe(14);
    expect(ageOn('2012-03-11', '2026-03-10')).toBe(13);
    expect(ageOn(null, '2026-03-10')).toBeNull();
  });
});

describe('taux d’effort', () => {
  it('divides the housing cost by the resources, to 0.1 point half up', () => {
    expect(effortRate({ housingCostCents: 30_000, resourcesCents: 100_000 }).percent).toBe(30);
    expect(effortRate({ housingCostCents: 10_000, resourcesCents: 30_000 }).percent).toBe(33.3);
    // 0.05 % exactly: half up to 0.1.
    expect(effortRate({ housingCostCents: 1, resourcesCents: 2_000 }).percent).toBe(0.1);
    expect(effortRate({ housingCostCents: 0, resourcesCents: 2_000 }).percent).toBe(0);
  });
  it('is not computable without resources, with the reason', () => {
    const none = effortRate({ housingCostCents: 40_000, resourcesCents: 0 });
    expect(none.percent).toBeNull();
    expect(none.reason).toMatch(/pas de ressources/);
    const negative = effortRate({ housingCostCents: 40_000, resourcesCents: -5_000 });
    expect(negative.percent).toBeNull();
    expect(negative.reason).toMatch(/négatives/);
  });
  it('floors the housing cost at zero when the aid exceeds rent and charges', () => {
    expect(
      housingCost({ rentCents: 20_000, chargesCents: 3_000, extraCents: 0, housingBenefitCents: 25_000 }),
    ).toBe(0);
    expect(
      housingCost({ rentCents: 40_000, chargesCents: 5_000, extraCents: 2_000, housingBenefitCents: 20_000 }),
    ).toBe(27_000);
  });
});

describe('consumption units (tenths)', () => {
  it('OECD modified: 1 / 0.5 from 14 years / 0.3 under 14', () => {
    expect(consumptionUnitTenths([adult(), spouse(), child(16), child(10)], 'oecd_modified')).toBe(23);
    expect(consumptionUnitTenths([adult()], 'oecd_modified')).toBe(10);
    // 14 on the day counts as 14 or more.
    expect(consumptionUnitTenths([adult(), child(14)], 'oecd_modified')).toBe(15);
  });
  it('unknown age: a child counts under 14, anyone else 14 or more', () => {
    expect(consumptionUnitTenths([adult(null), child(null)], 'oecd_modified')).toBe(13);
  });
  it('gives the 1 to the first member when nobody is 14 or more', () => {
    expect(consumptionUnitTenths([child(12), child(8)], 'oecd_modified')).toBe(13);
  });
  it('CAF: adds 0.2 for a single-parent family only', () => {
    expect(isSingleParent([adult(), child(5)])).toBe(true);
    expect(isSingleParent([adult(), spouse(), child(5)])).toBe(false);
    expect(consumptionUnitTenths([adult(), child(5)], 'caf')).toBe(15);
    expect(consumptionUnitTenths([adult(), spouse(), child(5)], 'caf')).toBe(18);
  });
  it('per person: 1 each', () => {
    expect(consumptionUnitTenths([adult(), spouse(), child(3)], 'per_person')).toBe(30);
  });
});

describe('days per month (hundredths)', () => {
  it('30, 30.42 or the calendar month', () => {
    expect(dayHundredths('30', '2026-02-10')).toBe(3000);
    expect(dayHundredths('30.42', '2026-02-10')).toBe(3042);
    expect(dayHundredths('calendar', '2026-02-10')).toBe(2800);
    expect(dayHundredths('calendar', '2024-02-10')).toBe(2900);
    expect(dayHundredths('calendar', '2026-03-10')).toBe(3100);
  });
});

describe('reste à vivre', () => {
  const couple = [adult(), spouse()];
  it('per person and per consumption unit per day, rounded to the cent', () => {
    const rav = resteAVivre({
      resourcesCents: 150_000,
      housingCostCents: 40_000,
      fixedExpensesCents: 10_000,
      members: couple,
      convention: { consumptionUnitScale: 'oecd_modified', daysPerMonth: '30' },
      day: '2026-03-10',
    });
    expect(rav).toMatchObject({
      monthlyCents: 100_000,
      perPersonPerDayCents: 1_667, // 1 000 € / 2 / 30 = 16,666…
      perUnitPerDayCents: 2_222, // 1 000 € / 1,5 / 30 = 22,222…
      persons: 2,
      consumptionUnits: 1.5,
      days: 30,
    });
    expect(rav.formula).toContain('1,5 UC');
  });
  it('follows the convention’s days and scale', () => {
    const rav = resteAVivre({
      resourcesCents: 150_000,
      housingCostCents: 40_000,
      fixedExpensesCents: 10_000,
      members: couple,
      convention: { consumptionUnitScale: 'per_person', daysPerMonth: '30.42' },
      day: '2026-03-10',
    });
    expect(rav.perPersonPerDayCents).toBe(1_644); // 1 000 € / 2 / 30,42 = 16,436…
    expect(rav.perUnitPerDayCents).toBe(1_644);
    expect(rav.days).toBe(30.42);
  });
  it('is negative without income, rounding half away from zero', () => {
    const rav = resteAVivre({
      resourcesCents: 0,
      housingCostCents: 45,
      fixedExpensesCents: 0,
      members: [adult()],
      convention: { consumptionUnitScale: 'oecd_modified', daysPerMonth: '30' },
      day: '2026-03-10',
    });
    expect(rav.monthlyCents).toBe(-45);
    expect(rav.perPersonPerDayCents).toBe(-2); // −1,5 centime
  });
  it('refuses a household without members', () => {
    expect(() =>
      resteAVivre({
        resourcesCents: 1,
        housingCostCents: 0,
        fixedExpensesCents: 0,
        members: [],
        convention: convention,
        day: '2026-03-10',
      }),
    ).toThrow(RangeError);
  });
});

describe('FSL charges estimate', () => {
  const params = {
    heatingCentsPerM2: 75,
    waterCentsPerPerson: 1_500,
    electricityCentsBySize: [3_500, 4_500],
    insuranceCentsBySize: [1_200, 1_500],
    phoneCentsBySize: [2_000],
  };
  it('heating 0,75 €/m², water per person, the rest by household size', () => {
    const estimate = estimateFslCharges(params, 48.2, 2);
    expect(estimate.source).toBe('estimated');
    expect(estimate.lines.map((l) => [l.key, l.cents])).toEqual([
      ['heating', 3_615],
      ['water', 3_000],
      ['electricity', 4_500],
      ['insurance', 1_500],
      ['phone', 2_000],
    ]);
    expect(estimate.monthlyCents).toBe(14_615);
    expect(estimate.lines[0]!.basis).toBe('48,2 m² × 0,75 € par m²');
  });
  it('rounds the heating to the cent and uses the last size beyond the table', () => {
    const estimate = estimateFslCharges(params, 33.3, 5);
    expect(estimate.lines[0]!.cents).toBe(2_498); // 33,3 × 0,75 = 24,975 €
    expect(estimate.lines[2]!.cents).toBe(4_500);
    expect(estimate.lines[1]!.cents).toBe(7_500);
  });
});

describe('housing benefit of a dwelling', () => {
  it('composition: a spouse makes a couple, children under 21 are dependants', () => {
    expect(benefitComposition([adult(), spouse(), child(22), child(20), child(null)])).toEqual({
      couple: true,
      dependants: 2,
    });
  });
  it('period: the current month when covered, otherwise the nearest covered one, said so', () => {
    expect(benefitPeriod({ from: '2021-01', to: null }, '2026-03-10')).toMatchObject({ period: '2026-03' });
    expect(benefitPeriod({ from: '2021-01', to: '2025-12' }, '2026-03-10')).toEqual({
      period: '2025-12',
      note: 'Barème de décembre 2025, le dernier connu : mars 2026 n’est pas encore couvert.',
    });
    expect(benefitPeriod({ from: '2021-01', to: null }, '2020-06-01')?.period).toBe('2021-01');
    expect(benefitPeriod({ from: null, to: null }, '2026-03-10')).toBeNull();
  });

  const dwelling: TTargetDwelling = {
    typology: 'T2',
    surfaceM2: 48.2,
    monthlyRentCents: 31_000,
    monthlyChargesCents: null,
    zone: 2,
    conventioned: true,
    socialLandlord: true,
    furnished: false,
    annualResourcesOverrideCents: null,
  };
  it('derives annual resources as 12 × monthly and matches the estimator to the cent', () => {
    const chosen = benefitPeriod(coverage, '2026-03-10')!;
    const benefit = estimateDwellingBenefit({
      set,
      coverage,
      day: '2026-03-10',
      members: [adult(), child(5)],
      resourcesCents: 90_000,
      disabledMember: false,
      dwelling,
    });
    const direct = estimateHousingBenefit(
      {
        period: chosen.period,
        zone: 2,
        monthlyRent: 310,
        couple: false,
        dependants: 1,
        annualResources: 10_800,
        conventioned: true,
        socialLandlord: true,
        furnished: false,
        flatShare: false,
        room: false,
        disabledMember: false,
      },
      set,
    );
    if (!direct.ok) throw new Error(direct.reason);
    expect(benefit).toMatchObject({
      source: 'estimated',
      aidKind: 'APL',
      period: chosen.period,
      annualResourcesCents: 1_080_000,
      annualResourcesSource: 'derived',
      monthlyCents: Math.round(direct.result.monthlyAmount * 100),
    });
    expect(benefit.monthlyCents).toBeGreaterThan(0);
  });
  it('uses the override when given, and says why there is none when no scale is known', () => {
    const rich = estimateDwellingBenefit({
      set,
      coverage,
      day: '2026-03-10',
      members: [adult()],
      resourcesCents: 90_000,
      disabledMember: false,
      dwelling: { ...dwelling, annualResourcesOverrideCents: 6_000_000 },
    });
    expect(rich).toMatchObject({
      annualResourcesSource: 'override',
      annualResourcesCents: 6_000_000,
      monthlyCents: 0,
    });
    const unknown = estimateDwellingBenefit({
      set: buildScaleSet([]),
      coverage: { from: null, to: null },
      day: '2026-03-10',
      members: [adult()],
      resourcesCents: 90_000,
      disabledMember: false,
      dwelling,
    });
    expect(unknown).toMatchObject({ source: 'none', monthlyCents: 0 });
    expect(unknown.note).toMatch(/aucun barème/);
  });
});

describe('evaluation of a dwelling under a convention', () => {
  const expenses = [
    { category: 'energy' as const, monthlyAmountCents: 6_000 },
    { category: 'insurance' as const, monthlyAmountCents: 2_000 },
    { category: 'debt_repayment' as const, monthlyAmountCents: 5_000 },
    { category: 'transport' as const, monthlyAmountCents: 3_000 },
    { category: 'rent' as const, monthlyAmountCents: 99_999 },
  ];
  const declared = {
    source: 'declared' as const,
    monthlyCents: 20_000,
    aidKind: null,
    period: null,
    note: 'déclarée',
    annualResourcesCents: null,
    annualResourcesSource: null,
  };
  const base = {
    day: '2026-03-10',
    convention,
    members: [adult(), child(5)],
    resourcesCents: 100_000,
    resourcesEntered: true,
    expenses,
    rentCents: 40_000,
    benefit: declared,
  };

  it('given charges: declared energy, insurance and debts are fixed expenses; rent expense replaced', () => {
    const e = evaluateDwelling({ ...base, charges: givenCharges(5_000) });
    expect(e.effortRate.housingCostCents).toBe(25_000); // 400 + 50 − 200
    expect(e.effortRate.percent).toBe(25);
    expect(e.resteAVivre.fixedExpensesCents).toBe(13_000);
    expect(e.resteAVivre.monthlyCents).toBe(62_000);
    expect(e.warnings).toEqual([]);
  });
  it('estimated charges stand for energy and insurance: they are not counted twice', () => {
    const charges = estimateFslCharges(convention.fslCharges, 40, 2);
    const e = evaluateDwelling({ ...base, charges });
    expect(e.resteAVivre.fixedExpensesCents).toBe(5_000); // debts only
    expect(e.effortRate.housingCostCents).toBe(40_000 + charges.monthlyCents - 20_000);
  });
  it('a convention may count energy in the housing cost', () => {
    const withEnergy: TBudgetConventionValues = {
      ...convention,
      housingCostCategories: ['energy'],
      fixedExpenseCategories: ['insurance', 'debt_repayment'],
    };
    const e = evaluateDwelling({ ...base, convention: withEnergy, charges: givenCharges(5_000) });
    expect(e.effortRate.housingCostCents).toBe(31_000);
    expect(e.resteAVivre.monthlyCents).toBe(62_000); // the same money, counted elsewhere
    expect(describeConvention(withEnergy, 'test').housingCost).toBe(
      'Loyer + charges + énergie − aide au logement',
    );
  });
  it('warns with words above the effort threshold and below the reste-à-vivre threshold', () => {
    const e = evaluateDwelling({ ...base, resourcesCents: 60_000, charges: givenCharges(5_000) });
    expect(e.effortRate.percent).toBe(41.7);
    expect(e.warnings.map((w) => w.code)).toEqual(['EFFORT_ABOVE_THRESHOLD', 'RAV_BELOW_THRESHOLD']);
    expect(e.warnings[0]!.message).toBe('Taux d’effort de 41,7 %, au-dessus du seuil de 30 %.');
  });
  it('compares the threshold with the displayed rate (30,04 % shows 30 % and does not warn)', () => {
    const e = evaluateDwelling({
      ...base,
      resourcesCents: 100_000,
      rentCents: 30_040 + 20_000,
      charges: givenCharges(0),
    });
    expect(e.effortRate.percent).toBe(30);
    expect(e.warnings.map((w) => w.code)).not.toContain('EFFORT_ABOVE_THRESHOLD');
  });
  it('household without income: effort not computable, negative reste à vivre, both warned', () => {
    // Resources were entered (the housing benefit, say), none of them counted in the ratios.
    const e = evaluateDwelling({ ...base, resourcesCents: 0, charges: givenCharges(5_000) });
    expect(e.effortRate.percent).toBeNull();
    expect(e.resteAVivre.monthlyCents).toBe(-38_000);
    expect(e.warnings.map((w) => w.code)).toEqual(['EFFORT_NOT_COMPUTABLE', 'RAV_BELOW_THRESHOLD']);
  });
  it('household with no resource entered: the ratios say what is missing, no deficit', () => {
    const e = evaluateDwelling({
      ...base,
      resourcesCents: 0,
      resourcesEntered: false,
      charges: givenCharges(5_000),
    });
    expect(e.effortRate).toMatchObject({
      percent: null,
      reason:
        'Aucune ressource renseignée : ajoutez les ressources du ménage pour calculer le taux d’effort.',
    });
    expect(e.resteAVivre).toMatchObject({
      monthlyCents: null,
      perPersonPerDayCents: null,
      perUnitPerDayCents: null,
      reason:
        'Aucune ressource renseignée : ajoutez les ressources du ménage pour calculer le reste à vivre.',
      // What does not depend on the resources is still shown.
      persons: 2,
      fixedExpensesCents: 13_000,
    });
    expect(e.warnings.map((w) => w.code)).toEqual(['EFFORT_NOT_COMPUTABLE', 'RAV_NOT_COMPUTABLE']);
    expect(e.warnings[1]!.message).toBe(e.resteAVivre.reason);
  });
  it('no resource entered means no row and nothing counted', () => {
    expect(noResourceEntered(monthlyResources([]))).toBe(true);
    // A row, even the housing benefit alone or a zero amount, is an answer: the deficit is real.
    expect(
      noResourceEntered(monthlyResources([{ type: 'housing_benefit', monthlyAmountCents: 18_000 }])),
    ).toBe(false);
    expect(noResourceEntered(monthlyResources([{ type: 'wages', monthlyAmountCents: 0 }]))).toBe(false);
    expect(noResourceEntered({ entered: false, totalCents: 50_000 })).toBe(false);
  });
  it('a target dwelling nets its estimated aid off the housing cost', () => {
    const e = evaluateTargetDwelling({
      day: '2026-03-10',
      convention,
      members: [adult(), child(5)],
      resourcesCents: 90_000,
      resourcesEntered: true,
      expenses: [],
      disabledMember: false,
      set,
      coverage,
      dwelling: {
        typology: 'T2',
        surfaceM2: 48.2,
        monthlyRentCents: 31_000,
        monthlyChargesCents: null,
        zone: 2,
        conventioned: true,
        socialLandlord: true,
        furnished: false,
        annualResourcesOverrideCents: null,
      },
    });
    expect(e.housingBenefit.source).toBe('estimated');
    expect(e.charges.source).toBe('estimated');
    expect(e.effortRate.housingCostCents).toBe(
      31_000 + e.charges.monthlyCents - e.housingBenefit.monthlyCents,
    );
  });
});
