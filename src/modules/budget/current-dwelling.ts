import { estimateDwellingBenefit, evaluateDwelling, givenCharges } from '../../shared/calculators/budget.ts';
import type { TBenefitUsed, TBudgetEvaluation } from '../../shared/contracts/budget.ts';
import type { HousingSituation } from '../../shared/contracts/household-enums.ts';
import type { HouseholdFile } from '../households/index.ts';
import type { HouseholdBudgetBasis, Scales } from './budget-context.ts';

const RENTALS: readonly HousingSituation[] = ['social_tenant', 'private_tenant', 'sublet'];
export const sumOf = (rows: readonly { monthlyAmountCents: number }[]) =>
  rows.reduce((a, r) => a + r.monthlyAmountCents, 0);

/**
 * The current dwelling: rent and charges from the file (or its rent/charges expenses); the aid
 * estimated when the household rents with a known rent, otherwise the aid declared as a resource.
 */
export function currentEvaluation(
  file: HouseholdFile,
  basis: HouseholdBudgetBasis,
  scales: Scales,
  day: string,
) {
  const h = file.household;
  const lease = {
    rent: file.tenancy?.monthlyRentCents ?? null,
    charges: file.tenancy?.monthlyChargesCents ?? null,
  };
  const expensesOf = (category: 'rent' | 'charges') => file.expenses.filter((e) => e.category === category);
  const rentCents = lease.rent ?? sumOf(expensesOf('rent'));
  const chargesCents = lease.charges ?? sumOf(expensesOf('charges'));
  const declared: TBenefitUsed = {
    source: 'declared',
    monthlyCents: basis.declaredHousingBenefitCents,
    aidKind: null,
    period: null,
    note: 'Aide au logement déclarée dans les ressources du ménage.',
    annualResourcesCents: null,
    annualResourcesSource: null,
  };
  let benefit = declared;
  let note: string | null =
    'Logement actuel non locatif ou loyer inconnu : l’aide au logement retenue est celle déclarée dans les ressources.';
  if (RENTALS.includes(h.housingSituation) && lease.rent !== null) {
    const social = h.housingSituation === 'social_tenant';
    const estimated = estimateDwellingBenefit({
      ...scales,
      day,
      members: basis.members,
      resourcesCents: basis.resourcesCents,
      disabledMember: basis.disabledMember,
      dwelling: {
        zone: basis.currentZone,
        monthlyRentCents: lease.rent,
        conventioned: social,
        socialLandlord: social,
        furnished: false,
        annualResourcesOverrideCents: null,
      },
    });
    note = null;
    if (estimated.source === 'estimated') benefit = estimated;
    else benefit = { ...declared, note: `${estimated.note} L’aide déclarée est retenue.` };
  }
  const evaluation: TBudgetEvaluation = evaluateDwelling({
    day,
    convention: basis.convention,
    members: basis.members,
    resourcesCents: basis.resourcesCents,
    resourcesEntered: basis.resourcesEntered,
    expenses: basis.expenses,
    rentCents,
    charges: givenCharges(chargesCents),
    benefit,
  });
  return { evaluation, note };
}
