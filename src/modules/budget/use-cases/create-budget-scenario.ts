import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TScenario, TScenarioCreate } from '../../../shared/contracts/budget.ts';
import { requireBudgetAccess } from '../budget-context.ts';
import { presentScenario, scenarioAuditDetails } from '../budget.presenter.ts';
import { insertScenario } from '../scenarios.repository.ts';

/** Saves a target dwelling for the household (its figures are computed when the budget is read). */
export async function createBudgetScenario(
  ctx: Context,
  input: TScenarioCreate & { householdId: string },
): Promise<TScenario> {
  const { db, actor } = ctx;
  const { householdId, ...dwelling } = input;
  await requireBudgetAccess(ctx, householdId, 'write');
  const row = await insertScenario(db, { ...dwelling, householdId, createdBy: actor.userId, at: ctx.now });
  await audit(db, actor, {
    action: 'budget_scenario.create',
    entityType: 'budget_scenario',
    entityId: row.id,
    householdId,
    details: scenarioAuditDetails(dwelling),
  });
  return presentScenario(row);
}
