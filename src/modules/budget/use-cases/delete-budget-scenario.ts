import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { requireBudgetAccess } from '../budget-context.ts';
import { deleteScenario } from '../scenarios.repository.ts';

export async function deleteBudgetScenario(
  ctx: Context,
  input: { householdId: string; scenarioId: string },
): Promise<void> {
  const { householdId, scenarioId } = input;
  await requireBudgetAccess(ctx, householdId, 'write');
  if (!(await deleteScenario(ctx.db, householdId, scenarioId))) throw notFound('Scénario introuvable.');
  await audit(ctx.db, ctx.actor, {
    action: 'budget_scenario.delete',
    entityType: 'budget_scenario',
    entityId: scenarioId,
    householdId,
  });
}
