import type { Actor } from '../../../kernel/actor.ts';
import type { AppDeps } from '../../../kernel/deps.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { requireBudgetAccess } from '../budget-context.ts';
import { deleteScenario } from '../scenarios.repository.ts';

export async function deleteBudgetScenario(options: {
  deps: AppDeps;
  actor: Actor;
  householdId: string;
  scenarioId: string;
}): Promise<void> {
  const { deps, actor, householdId, scenarioId } = options;
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await requireBudgetAccess(tx, actor, householdId, now, 'write');
    if (!(await deleteScenario(tx, householdId, scenarioId))) throw notFound('Scénario introuvable.');
    await audit(tx, actor, {
      action: 'budget_scenario.delete',
      entityType: 'budget_scenario',
      entityId: scenarioId,
      householdId,
    });
  });
}
