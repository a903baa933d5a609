import {
  ALWAYS_HOUSING_COST,
  CONSUMPTION_UNIT_SCALE_LABELS,
  DAYS_PER_MONTH_LABELS,
  FSL_ESTIMATE_CATEGORIES,
  type TBenefitUsed,
  type TBudgetConventionValues,
  type TBudgetEvaluation,
  type TBudgetMember,
  type TBudgetWarning,
  type TChargesEstimate,
  type TConventionUsed,
  type TEffortRate,
  type TFslChargesParameters,
  type TResteAVivre,
  type TTargetDwelling,
} from '../contracts/budget.ts';
import {
  EXPENSE_CATEGORY_LABELS,
  type ExpenseCategory,
  type ResourceType,
} from '../contracts/household-enums.ts';
import { estimateHousingBenefit } from './housing-benefit.ts';
import { formatMonth } from '../format.ts';
import type { ScaleSet } from './housing-benefit-scales.ts';

/**
 * Household budget: taux d'effort, reste à vivre, FSL-style charges estimate (the
 * Lille Métropole Habitat FSL rule: heating at 0.75 €/m², water, electricity, phone, insurance by size). Pure, integer cents in and out, shared by the server and the browser.
 *
 * Rounding (the only ones): every division of cents is rounded to the cent half away from zero
 * (`divRound`); the taux d'effort is rounded half up to 0.1 point and its threshold is compared with
 * that displayed value, so a warning never contradicts the figure shown; the heating estimate
 * (surface to 0.1 m² × cents per m²) is rounded to the cent; the housing benefit comes from the
 * estimator in euros and is turned into cents with Math.round (it is already to the cent).
 */

/** n / d rounded to the nearest integer, half away from zero (d > 0; both integers). */
export function divRound(n: number, d: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(d) || d <= 0) {
    throw new RangeError('divRound attend des entiers et un diviseur positif.');
  }
  const q = Math.floor((2 * Math.abs(n) + d) / (2 * d));
  return n < 0 ? -q : q;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
// Formatters built once: toLocaleString builds one per call, most of a budget's cost when a
// ranking evaluates thousands of dwellings.
const numberFormats = new Map<number, Intl.NumberFormat>();
const frenchNumber = (value: number, digits = 2) => {
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits, useGrouping: false });
    numberFormats.set(digits, format);
  }
  return format.format(value);
};
const euroAmount = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const euros = (cents: number) => `${euroAmount.format(cents / 100)} €`;

/**
 * Resources counted in the ratios: all of them except the housing benefit (netted off the rent);
 * `entered`: whether any resource row was entered at all.
 */
export function monthlyResources(resources: readonly { type: ResourceType; monthlyAmountCents: number }[]) {
  const housingBenefit = resources.filter((r) => r.type === 'housing_benefit');
  return {
    totalCents: sum(resources.filter((r) => r.type !== 'housing_benefit').map((r) => r.monthlyAmountCents)),
    declaredHousingBenefitCents: sum(housingBenefit.map((r) => r.monthlyAmountCents)),
    entered: resources.length > 0,
  };
}

export const NO_RESOURCE_RAV_REASON =
  'Aucune ressource renseignée : ajoutez les ressources du ménage pour calculer le reste à vivre.';
export const NO_RESOURCE_EFFORT_REASON =
  'Aucune ressource renseignée : ajoutez les ressources du ménage pour calculer le taux d’effort.';

/**
 * A household with no resource entered (no row, nothing counted): its reste à vivre would be the
 * housing cost as a deficit, read as a finding when the resources are only missing. The ratios
 * are then not computable, saying what to add.
 */
export const noResourceEntered = (resources: { entered: boolean; totalCents: number }) =>
  !resources.entered && resources.totalCents === 0;

/** Full years between a birth date and a day (YYYY-MM-DD), null when unknown. */
export function ageOn(birthDate: string | null, day: string): number | null {
  if (!birthDate) return null;
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

// ---------------------------------------------------------------------------------------------
// Consumption units and days

/** Someone of unknown age counts as 14 or more, unless recorded as a child (then under 14). */
const isFourteenOrMore = (m: TBudgetMember) => (m.age === null ? m.relationship !== 'child' : m.age >= 14);

/** One adult and at least one child, no spouse. */
export const isSingleParent = (members: readonly TBudgetMember[]) =>
  members.filter((m) => m.relationship !== 'child').length === 1 &&
  members.some((m) => m.relationship === 'child') &&
  !members.some((m) => m.relationship === 'spouse');

/**
 * Consumption units in tenths (integers, no float drift): OECD modified 1 / 0.5 (14 or more) /
 * 0.3 (under 14), the first person of 14 or more taking the 1 (the first member if nobody is);
 * CAF = the same + 0.2 for a single-parent family; per person = 1 each.
 */
export function consumptionUnitTenths(
  members: readonly TBudgetMember[],
  scale: TBudgetConventionValues['consumptionUnitScale'],
): number {
  if (members.length === 0) return 0;
  if (scale === 'per_person') return members.length * 10;
  const others = sum(members.map((m) => (isFourteenOrMore(m) ? 5 : 3)));
  const first = members.some(isFourteenOrMore) ? 5 : 7;
  return others + first + (scale === 'caf' && isSingleParent(members) ? 2 : 0);
}

/** Days per month in hundredths (3000, 3042, or the calendar month of `day` × 100). */
export function dayHundredths(daysPerMonth: TBudgetConventionValues['daysPerMonth'], day: string): number {
  if (daysPerMonth === '30') return 3000;
  if (daysPerMonth === '30.42') return 3042;
  const [year, month] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, month!, 0)).getUTCDate() * 100;
}

// ---------------------------------------------------------------------------------------------
// Ratios

export const EFFORT_FORMULA =
  '(loyer + charges − aide au logement) / ressources mensuelles hors aide au logement';

/**
 * Taux d'effort = housing cost / monthly resources, in percent rounded half up to 0.1 point.
 * The housing cost (rent + charges + the convention's extra categories − housing benefit) is
 * floored at 0: an aid above the rent does not make the rate negative. Not computable (percent
 * null, with the reason) when the resources are zero or negative.
 */
export function effortRate(input: { housingCostCents: number; resourcesCents: number }): TEffortRate {
  const base = {
    housingCostCents: input.housingCostCents,
    resourcesCents: input.resourcesCents,
    formula: EFFORT_FORMULA,
  };
  if (input.resourcesCents <= 0) {
    return {
      ...base,
      percent: null,
      reason:
        input.resourcesCents === 0
          ? 'Taux d’effort non calculable : le ménage n’a pas de ressources déclarées (hors aide au logement).'
          : 'Taux d’effort non calculable : les ressources déclarées sont négatives.',
    };
  }
  return {
    ...base,
    percent: divRound(input.housingCostCents * 1000, input.resourcesCents) / 10,
    reason: null,
  };
}

/** Rent + charges + the convention's extra categories − housing benefit, floored at 0. */
export function housingCost(input: {
  rentCents: number;
  chargesCents: number;
  extraCents: number;
  housingBenefitCents: number;
}): number {
  return Math.max(0, input.rentCents + input.chargesCents + input.extraCents - input.housingBenefitCents);
}

/**
 * Reste à vivre = resources − housing cost − fixed expenses (monthly, may be negative), then per
 * person per day and per consumption unit per day, each rounded to the cent.
 */
export function resteAVivre(input: {
  resourcesCents: number;
  housingCostCents: number;
  fixedExpensesCents: number;
  members: readonly TBudgetMember[];
  convention: Pick<TBudgetConventionValues, 'consumptionUnitScale' | 'daysPerMonth'>;
  day: string;
}): TResteAVivre {
  const persons = input.members.length;
  if (persons === 0) throw new RangeError('Le ménage compte au moins une personne.');
  const monthly = input.resourcesCents - input.housingCostCents - input.fixedExpensesCents;
  const days = dayHundredths(input.convention.daysPerMonth, input.day);
  const units = consumptionUnitTenths(input.members, input.convention.consumptionUnitScale);
  return {
    monthlyCents: monthly,
    perPersonPerDayCents: divRound(monthly * 100, persons * days),
    perUnitPerDayCents: divRound(monthly * 1000, units * days),
    reason: null,
    persons,
    consumptionUnits: units / 10,
    days: days / 100,
    fixedExpensesCents: input.fixedExpensesCents,
    formula: `ressources − coût du logement − dépenses contraintes, divisé par ${frenchNumber(units / 10, 1)} UC et ${frenchNumber(days / 100)} jours`,
  };
}

// ---------------------------------------------------------------------------------------------
// Charges of a target dwelling

const bySize = (amounts: readonly number[], persons: number) =>
  amounts[Math.min(persons, amounts.length) - 1]!;

/** FSL rule: heating per m², water per person, electricity, insurance and phone by household size. */
export function estimateFslCharges(
  params: TFslChargesParameters,
  surfaceM2: number,
  persons: number,
): TChargesEstimate {
  const size = Math.max(1, persons);
  const surfaceTenths = Math.round(surfaceM2 * 10);
  const lines = [
    {
      key: 'heating',
      label: 'Chauffage',
      basis: `${frenchNumber(surfaceM2, 1)} m² × ${euros(params.heatingCentsPerM2)} par m²`,
      cents: divRound(surfaceTenths * params.heatingCentsPerM2, 10),
    },
    {
      key: 'water',
      label: 'Eau',
      basis: `${size} personne${size > 1 ? 's' : ''} × ${euros(params.waterCentsPerPerson)}`,
      cents: size * params.waterCentsPerPerson,
    },
    {
      key: 'electricity',
      label: 'Électricité',
      basis: sizeBasis(size),
      cents: bySize(params.electricityCentsBySize, size),
    },
    {
      key: 'insurance',
      label: 'Assurance habitation',
      basis: sizeBasis(size),
      cents: bySize(params.insuranceCentsBySize, size),
    },
    {
      key: 'phone',
      label: 'Téléphone',
      basis: sizeBasis(size),
      cents: bySize(params.phoneCentsBySize, size),
    },
  ];
  return { source: 'estimated', monthlyCents: sum(lines.map((l) => l.cents)), lines };
}
const sizeBasis = (size: number) => `forfait pour un ménage de ${size} personne${size > 1 ? 's' : ''}`;

export const givenCharges = (cents: number): TChargesEstimate => ({
  source: 'given',
  monthlyCents: cents,
  lines: [{ key: 'given', label: 'Charges locatives', basis: 'montant indiqué', cents }],
});

// ---------------------------------------------------------------------------------------------
// Housing benefit of a target dwelling

/** Couple = a spouse is present; dependants = children under 21 (or of unknown age). */
export function benefitComposition(members: readonly TBudgetMember[]) {
  return {
    couple: members.some((m) => m.relationship === 'spouse'),
    dependants: members.filter((m) => m.relationship === 'child' && (m.age === null || m.age < 21)).length,
  };
}

/** Month computed: the current month if the scales cover it, otherwise the nearest covered one. */
export function benefitPeriod(
  coverage: { from: string | null; to: string | null },
  day: string,
): { period: string; note: string } | null {
  const current = day.slice(0, 7);
  if (!coverage.from) return null;
  if (current < coverage.from) {
    return { period: coverage.from, note: `Barème de ${formatMonth(coverage.from)} (le premier connu).` };
  }
  if (coverage.to && current > coverage.to) {
    return {
      period: coverage.to,
      note: `Barème de ${formatMonth(coverage.to)}, le dernier connu : ${formatMonth(current)} n’est pas encore couvert.`,
    };
  }
  return { period: current, note: `Barème de ${formatMonth(current)} (mois en cours).` };
}

const DERIVED_NOTE =
  'ressources annuelles estimées à 12 fois les ressources mensuelles hors aide au logement (la CAF retient une base décalée et abattue)';

/** The APL / AL of a dwelling, from the estimator, or why it could not be estimated. */
export function estimateDwellingBenefit(input: {
  set: ScaleSet;
  coverage: { from: string | null; to: string | null };
  day: string;
  members: readonly TBudgetMember[];
  resourcesCents: number;
  disabledMember: boolean;
  dwelling: Pick<
    TTargetDwelling,
    | 'zone'
    | 'monthlyRentCents'
    | 'conventioned'
    | 'socialLandlord'
    | 'furnished'
    | 'annualResourcesOverrideCents'
  >;
}): TBenefitUsed {
  const override = input.dwelling.annualResourcesOverrideCents;
  const annualResourcesCents = override ?? Math.max(0, input.resourcesCents) * 12;
  const resourcesFields = {
    annualResourcesCents,
    annualResourcesSource: override === null ? ('derived' as const) : ('override' as const),
  };
  const chosen = benefitPeriod(input.coverage, input.day);
  const none = (note: string): TBenefitUsed => ({
    source: 'none',
    monthlyCents: 0,
    aidKind: null,
    period: chosen?.period ?? null,
    note,
    ...resourcesFields,
  });
  if (!chosen) return none('Aide au logement non estimée : aucun barème n’est connu.');
  const outcome = estimateHousingBenefit(
    {
      period: chosen.period,
      zone: input.dwelling.zone,
      monthlyRent: input.dwelling.monthlyRentCents / 100,
      ...benefitComposition(input.members),
      annualResources: annualResourcesCents / 100,
      conventioned: input.dwelling.conventioned,
      socialLandlord: input.dwelling.socialLandlord,
      furnished: input.dwelling.furnished,
      flatShare: false,
      room: false,
      disabledMember: input.disabledMember,
    },
    input.set,
  );
  if (!outcome.ok) return none(`Aide au logement non estimée : ${outcome.reason}`);
  return {
    source: 'estimated',
    monthlyCents: Math.round(outcome.result.monthlyAmount * 100),
    aidKind: outcome.result.breakdown.aidKind,
    period: chosen.period,
    note: `Estimation ; ${chosen.note} ${override === null ? `Calcul avec les ${DERIVED_NOTE}.` : 'Calcul avec les ressources annuelles indiquées.'}`,
    ...resourcesFields,
  };
}

// ---------------------------------------------------------------------------------------------
// Evaluation of one dwelling

const categoryList = (categories: readonly ExpenseCategory[]) =>
  categories.map((c) => EXPENSE_CATEGORY_LABELS[c].toLowerCase()).join(', ');

/** The convention in French, shown next to every figure. */
export function describeConvention(values: TBudgetConventionValues, origin: string): TConventionUsed {
  return {
    name: values.name,
    origin,
    consumptionUnits: CONSUMPTION_UNIT_SCALE_LABELS[values.consumptionUnitScale],
    daysPerMonth: DAYS_PER_MONTH_LABELS[values.daysPerMonth],
    housingCost:
      values.housingCostCategories.length === 0
        ? 'Loyer + charges − aide au logement'
        : `Loyer + charges + ${categoryList(values.housingCostCategories)} − aide au logement`,
    fixedExpenses:
      values.fixedExpenseCategories.length === 0
        ? 'Aucune dépense contrainte déduite du reste à vivre'
        : `Dépenses contraintes déduites du reste à vivre : ${categoryList(values.fixedExpenseCategories)}`,
    effortRateThresholdPercent: values.effortRateThresholdPercent,
    resteAVivreThresholdCents: values.resteAVivreThresholdCents,
  };
}

const percentText = (value: number) => `${frenchNumber(value, 1)} %`;

/** Warnings of an evaluation: the text carries the meaning (never the colour alone). */
export function budgetWarnings(
  effort: TEffortRate,
  rav: TResteAVivre,
  benefit: TBenefitUsed,
  convention: TBudgetConventionValues,
): TBudgetWarning[] {
  const warnings: TBudgetWarning[] = [];
  if (effort.percent === null) {
    warnings.push({
      code: 'EFFORT_NOT_COMPUTABLE',
      message: effort.reason ?? 'Taux d’effort non calculable.',
    });
  } else if (effort.percent > convention.effortRateThresholdPercent) {
    warnings.push({
      code: 'EFFORT_ABOVE_THRESHOLD',
      message: `Taux d’effort de ${percentText(effort.percent)}, au-dessus du seuil de ${percentText(convention.effortRateThresholdPercent)}.`,
    });
  }
  if (rav.perUnitPerDayCents === null) {
    warnings.push({ code: 'RAV_NOT_COMPUTABLE', message: rav.reason ?? 'Reste à vivre non calculable.' });
  } else if (rav.perUnitPerDayCents < convention.resteAVivreThresholdCents) {
    warnings.push({
      code: 'RAV_BELOW_THRESHOLD',
      message: `Reste à vivre de ${euros(rav.perUnitPerDayCents)} par unité de consommation et par jour, sous le seuil de ${euros(convention.resteAVivreThresholdCents)}.`,
    });
  }
  if (benefit.source === 'none') warnings.push({ code: 'BENEFIT_NOT_ESTIMATED', message: benefit.note });
  return warnings;
}

export interface DwellingBudgetInput {
  day: string;
  convention: TBudgetConventionValues;
  members: readonly TBudgetMember[];
  resourcesCents: number;
  /** Whether any resource row was entered (see noResourceEntered). */
  resourcesEntered: boolean;
  expenses: readonly { category: ExpenseCategory; monthlyAmountCents: number }[];
  rentCents: number;
  charges: TChargesEstimate;
  benefit: TBenefitUsed;
}

/**
 * Housing cost, taux d'effort, reste à vivre and warnings for one dwelling. Declared expenses of
 * the categories the charges already stand for (an FSL estimate covers charges, energy, insurance
 * and phone) are not counted a second time; rent and charges expenses are replaced by the
 * dwelling's own. Without any resource entered, the ratios are not computable (noResourceEntered).
 */
export function evaluateDwelling(input: DwellingBudgetInput): TBudgetEvaluation {
  const replaced = new Set<ExpenseCategory>([
    ...ALWAYS_HOUSING_COST,
    ...(input.charges.source === 'estimated' ? FSL_ESTIMATE_CATEGORIES : []),
  ]);
  const expensesIn = (categories: readonly ExpenseCategory[]) =>
    sum(
      input.expenses
        .filter((e) => categories.includes(e.category) && !replaced.has(e.category))
        .map((e) => e.monthlyAmountCents),
    );
  const housingCostCents = housingCost({
    rentCents: input.rentCents,
    chargesCents: input.charges.monthlyCents,
    extraCents: expensesIn(input.convention.housingCostCategories),
    housingBenefitCents: input.benefit.monthlyCents,
  });
  const computedEffort = effortRate({ housingCostCents, resourcesCents: input.resourcesCents });
  const computedRav = resteAVivre({
    resourcesCents: input.resourcesCents,
    housingCostCents,
    fixedExpensesCents: expensesIn(input.convention.fixedExpenseCategories),
    members: input.members,
    convention: input.convention,
    day: input.day,
  });
  const missing = noResourceEntered({ entered: input.resourcesEntered, totalCents: input.resourcesCents });
  const effort = missing
    ? { ...computedEffort, percent: null, reason: NO_RESOURCE_EFFORT_REASON }
    : computedEffort;
  const rav = missing
    ? {
        ...computedRav,
        monthlyCents: null,
        perPersonPerDayCents: null,
        perUnitPerDayCents: null,
        reason: NO_RESOURCE_RAV_REASON,
      }
    : computedRav;
  return {
    rentCents: input.rentCents,
    charges: input.charges,
    housingBenefit: input.benefit,
    effortRate: effort,
    resteAVivre: rav,
    warnings: budgetWarnings(effort, rav, input.benefit, input.convention),
  };
}

/** The budget of a target dwelling: charges given or estimated, benefit estimated, ratios. */
export function evaluateTargetDwelling(input: {
  day: string;
  convention: TBudgetConventionValues;
  members: readonly TBudgetMember[];
  resourcesCents: number;
  resourcesEntered: boolean;
  expenses: DwellingBudgetInput['expenses'];
  disabledMember: boolean;
  dwelling: TTargetDwelling;
  set: ScaleSet;
  coverage: { from: string | null; to: string | null };
}): TBudgetEvaluation {
  const { dwelling } = input;
  const charges =
    dwelling.monthlyChargesCents === null
      ? estimateFslCharges(input.convention.fslCharges, dwelling.surfaceM2, input.members.length)
      : givenCharges(dwelling.monthlyChargesCents);
  const benefit = estimateDwellingBenefit({ ...input, dwelling });
  return evaluateDwelling({ ...input, rentCents: dwelling.monthlyRentCents, charges, benefit });
}
