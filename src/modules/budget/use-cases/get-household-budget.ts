import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { describeConvention, evaluateTargetDwelling } from '../../../shared/calculators/budget.ts';
import type { TBudget } from '../../../shared/contracts/budget.ts';
import {
  DEBT_KIND_LABELS,
  EXPENSE_CATEGORY_LABELS,
  RESOURCE_TYPE_LABELS,
} from '../../../shared/contracts/household-enums.ts';
import { unsafeLoadHouseholdFile } from '../../households/index.ts';
import { parisDate } from '../../../shared/time.ts';
import { householdBudgetBasis, loadScales, requireBudgetAccess } from '../budget-context.ts';
import { currentEvaluation, sumOf } from '../current-dwelling.ts';
import { presentScenario } from '../budget.presenter.ts';
import { listScenarios } from '../scenarios.repository.ts';

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
