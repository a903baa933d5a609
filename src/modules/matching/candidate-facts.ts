import {
  ageOn,
  benefitStatusOf,
  evaluateTargetDwelling,
  monthlyResources,
} from '../../shared/calculators/budget.ts';
import type { TBudgetConventionValues, TTargetDwelling } from '../../shared/contracts/budget.ts';
import type { TGivenDwelling } from '../../shared/contracts/designations.ts';
import { givesDwelling, refusalOf } from '../../shared/designations/rules.ts';
import { demandState } from '../../shared/housing-pool/rules.ts';
import type { DwellingFacts, HouseholdFacts } from '../../shared/matching/filters.ts';
import type { BudgetFacts } from '../../shared/matching/ranking.ts';
import { ceilingZoneOf } from '../../shared/matching/zones.ts';
import type { Scales } from '../budget/index.ts';
import type { Queryable } from '../../kernel/db.ts';
import {
  allocatingProposals,
  type MatchingVacancy,
  type PoolHousehold,
  type PoolProposal,
} from './matching.repository.ts';

/**
 * From the rows the repository reads to the facts the pure filters and signals take: the household's
 * composition as the ceilings count it, its consent and demand on the day, its refusals; the dwelling
 * with its ceiling zone; and the budget in this dwelling with the housing benefit estimated for it.
 */

/** The household's facts, the same for every vacancy (`alreadyProposed` is set by `forVacancy`). */
export function householdFacts(row: PoolHousehold, today: string): HouseholdFacts {
  const p = row.project;
  const adults = row.members.filter(
    (m) => m.relationship === 'reference_person' || m.relationship === 'spouse',
  );
  const couple = row.members.some((m) => m.relationship === 'spouse');
  const ages = adults.map((m) => ageOn(m.birthDate, today));
  return {
    householdId: p.householdId,
    persons: Math.max(1, row.members.length),
    // Children are the personnes à charge the ceilings count; never everyone (someone holds the lease).
    dependants: Math.min(
      row.members.filter((m) => m.relationship === 'child').length,
      Math.max(0, row.members.length - 1),
    ),
    couple,
    coupleAgeSum: couple && ages.length === 2 && ages.every((a) => a !== null) ? ages[0]! + ages[1]! : null,
    disabledMember: p.priorityCategories.includes('a') || row.resources.some((r) => r.type === 'aah'),
    incomes: p.incomes,
    consent: p.consentGivenOn !== null && p.consentWithdrawnOn === null,
    demandState: demandState(row.applicationNumber, p.demandRenewalDue, today),
    demandFiledOn: p.demandFiledOn,
    housingSince: row.housingSince,
    daloRecognised: row.daloRecognised,
    daloDecisionDate: row.daloDecisionDate,
    priorityCategories: p.priorityCategories,
    accessibilityNeed: p.accessibilityNeed,
    typologies: p.typologies,
    communeIds: p.communeIds,
    supportWished: p.supportIntensity !== 'none',
    supportInPlace: row.supportInPlace,
    refusals: row.proposals.flatMap((p) => {
      const refusal = refusalOf(p, today);
      return refusal ? [{ typology: p.typology, on: refusal.on }] : [];
    }),
    alreadyProposed: false,
    allocation: allocationOf(row.proposals, today),
  };
}

/** The dwelling given to the household, if any (a household so housed is proposed nowhere else). */
function allocationOf(proposals: readonly PoolProposal[], today: string): TGivenDwelling | null {
  const given = proposals.find((p) => givesDwelling(p, today));
  return given ? { on: given.decidedOn, typology: given.typology, decision: given.decision! } : null;
}

/** The dwellings given to these households, for the pool (one read, whatever their number). */
export async function poolAllocations(
  q: Queryable,
  householdIds: readonly string[],
  today: string,
): Promise<ReadonlyMap<string, TGivenDwelling>> {
  const given = new Map<string, TGivenDwelling>();
  for (const { householdId, ...p } of await allocatingProposals(q, householdIds)) {
    const allocation = given.has(householdId) ? null : allocationOf([p], today);
    if (allocation) given.set(householdId, allocation);
  }
  return given;
}

/** The household's facts for one vacancy: whether it was already put forward on it. */
export const forVacancy = (facts: HouseholdFacts, row: PoolHousehold, vacancyId: string): HouseholdFacts =>
  row.proposals.some((p) => p.vacancyId === vacancyId) ? { ...facts, alreadyProposed: true } : facts;

export function dwellingFacts(v: MatchingVacancy): DwellingFacts {
  return {
    financing: v.financing,
    zone: v.communeCode ? ceilingZoneOf(v.communeCode) : 'autres_regions',
    surfaceM2: v.surfaceM2,
    typology: v.typology,
    accessibility: v.accessibility,
    floor: v.floor,
    lift: v.lift,
    communeId: v.communeId,
    communeName: v.communeName,
    monthlyRentCents: v.monthlyRentCents,
    monthlyChargesCents: v.monthlyChargesCents,
  };
}

/**
 * The budget of each household in this dwelling (taux d'effort, reste à vivre per consumption unit
 * and day, with the housing benefit estimated for it: allocation-rules.md §4.8), computed only when
 * asked — the ranking asks for candidates only — and once (a preview ranks twice).
 */
export function budgetsIn(
  v: MatchingVacancy,
  rows: ReadonlyMap<string, PoolHousehold>,
  convention: TBudgetConventionValues,
  scales: Scales,
  today: string,
): (h: HouseholdFacts) => BudgetFacts | null {
  const dwelling: TTargetDwelling = {
    // The budget's typologies are written T1…T6; only the surface and rent enter its figures.
    typology: (v.typology ?? 't1').toUpperCase() as TTargetDwelling['typology'],
    surfaceM2: v.surfaceM2 ?? 0,
    monthlyRentCents: v.monthlyRentCents,
    monthlyChargesCents: v.monthlyChargesCents,
    // OpenFisca's fallback for an unknown commune is zone 2.
    zone: v.benefitZone === 1 || v.benefitZone === 3 ? v.benefitZone : 2,
    ...benefitStatusOf(v.financing),
    furnished: false,
    annualResourcesOverrideCents: null,
  };
  const memo = new Map<string, BudgetFacts | null>();
  const budgetOf = (h: HouseholdFacts): BudgetFacts | null => {
    const row = rows.get(h.householdId);
    if (!row) return null;
    const resources = monthlyResources(row.resources);
    const evaluation = evaluateTargetDwelling({
      day: today,
      convention,
      members: row.members.map((m) => ({ age: ageOn(m.birthDate, today), relationship: m.relationship })),
      resourcesCents: resources.totalCents,
      resourcesEntered: resources.entered,
      expenses: row.expenses,
      disabledMember: h.disabledMember,
      dwelling,
      set: scales.set,
      coverage: scales.coverage,
    });
    return {
      effortPercent: evaluation.effortRate.percent,
      resteAVivrePerUnitPerDayCents: evaluation.resteAVivre.perUnitPerDayCents,
      housingBenefitCents: evaluation.housingBenefit.monthlyCents,
    };
  };
  return (h) => {
    if (!memo.has(h.householdId)) memo.set(h.householdId, budgetOf(h));
    return memo.get(h.householdId)!;
  };
}
