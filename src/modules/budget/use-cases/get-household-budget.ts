import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import {
  describeConvention,
  estimateDwellingBenefit,
  evaluateDwelling,
  evaluateTargetDwelling,
  givenCharges,
} from '../../../shared/calculators/budget.ts';
import type { TBenefitUsed, TBudget, TBudgetEvaluation } from '../../../shared/contracts/budget.ts';
import {
  DEBT_KIND_LABELS,
  EXPENSE_CATEGORY_LABELS,
  RESOURCE_TYPE_LABELS,
  type HousingSituation,
} from '../../../shared/contracts/household-enums.ts';
import { unsafeLoadHouseholdFile, type HouseholdFile } from '../../households/index.ts';
import { parisDate } from '../../../shared/time.ts';
import {
  householdBudgetBasis,
  loadScales,
  requireBudgetAccess,
  type HouseholdBudgetBasis,
  type Scales,
} from '../budget-context.ts';
import { presentScenario } from '../budget.presenter.ts';
import { listScenarios } from '../scenarios.repository.ts';

const RENTALS: readonly HousingSituation[] = ['social_tenant', 'private_tenant', 'sublet'];
const sumOf = (rows: readonly { monthlyAmountCents: number }[]) =>
  rows.reduce((a, r) => a + r.monthlyAmountCents, 0);

/**
 * The current dwelling: rent and charges from the file (or its rent/charges expenses); the aid
 * estimated when the household rents with a known rent, otherwise the aid declared as a resource.
 */
function currentEvaluation(file: HouseholdFile, basis: HouseholdBudgetBasis, scales: Scales, day: string) {
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

/**
 * The household's budget, current dwelling and saved target dwellings; the read is audited in
 * the same transaction (the route opens one).
 */
export async function getHouseholdBudget(ctx: Context, householdId: string): Promise<TBudget> {
  const { db, actor } = ctx;
  const day = parisDate(ctx.now);
  const level = await requireBudgetAccess(ctx, householdId, 'read');
  const file = await unsafeLoadHouseholdFile(db, householdId);
  if (!file) throw notFound('Dossier introuvable.');
  const scales = await loadScales(ctx);
  const basis = await householdBudgetBasis(ctx, file, day);
  const scenarios = await listScenarios(db, householdId);
  await audit(db, actor, {
    action: 'household.budget.read',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { accessLevel: level },
  });
  const memberIndex = new Map(file.members.map((m, i) => [m.id, i]));
  const current = currentEvaluation(file, basis, scales, day);
  return {
    householdId,
    date: day,
    convention: describeConvention(basis.convention, basis.origin),
    calculatorBasis: {
      members: basis.members,
      resources: file.resources.map((r) => ({ type: r.type, monthlyAmountCents: r.monthlyAmountCents })),
      expenses: file.expenses.map((e) => ({
        category: e.category,
        monthlyAmountCents: e.monthlyAmountCents,
      })),
      disabledMember: basis.disabledMember,
      territoryId: basis.departementId,
    },
    income: {
      items: file.resources.map((r) => {
        const index = r.memberId ? (memberIndex.get(r.memberId) ?? null) : null;
        const member = index === null ? null : file.members[index]!;
        return {
          memberIndex: index,
          memberName: member ? `${member.firstName} ${member.lastName}` : null,
          type: r.type,
          typeLabel: RESOURCE_TYPE_LABELS[r.type],
          monthlyAmountCents: r.monthlyAmountCents,
        };
      }),
      totalExcludingHousingBenefitCents: basis.resourcesCents,
      declaredHousingBenefitCents: basis.declaredHousingBenefitCents,
    },
    expenses: {
      items: file.expenses.map((e) => ({
        category: e.category,
        label: EXPENSE_CATEGORY_LABELS[e.category],
        monthlyAmountCents: e.monthlyAmountCents,
      })),
      totalCents: sumOf(file.expenses),
    },
    debts: {
      items: file.debts.map((d) => ({
        kind: d.kind,
        label: DEBT_KIND_LABELS[d.kind],
        amountCents: d.amountCents,
        repaymentPlan: d.repaymentPlan,
      })),
      totalCents: file.debts.reduce((a, d) => a + d.amountCents, 0),
    },
    current: current.evaluation,
    currentNote: current.note,
    scenarios: scenarios.map((row) => {
      const scenario = presentScenario(row);
      return {
        scenario,
        evaluation: evaluateTargetDwelling({ ...scales, ...basis, day, dwelling: scenario }),
      };
    }),
  };
}
