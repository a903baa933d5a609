import type { Actor } from '../../../kernel/actor.ts';
import type { AppDeps } from '../../../kernel/deps.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TScenario, TScenarioCreate } from '../../../shared/contracts/budget.ts';
import { requireBudgetAccess } from '../budget-context.ts';
import { presentScenario, scenarioAuditDetails } from '../budget.presenter.ts';
import { insertScenario } from '../scenarios.repository.ts';

/** Saves a target dwelling for the household (its figures are computed when the budget is read). */
export async function createBudgetScenario(options: {
  deps: AppDeps;
  actor: Actor;
  householdId: string;
  input: TScenarioCreate;
}): Promise<TScenario> {
  const { deps, actor, householdId, input } = options;
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    await requireBudgetAccess(tx, actor, householdId, now, 'write');
    const row = await insertScenario(tx, { ...input, householdId, createdBy: actor.userId, at: now });
    await audit(tx, actor, {
      action: 'budget_scenario.create',
      entityType: 'budget_scenario',
      entityId: row.id,
      householdId,
      details: scenarioAuditDetails(input),
    });
    return presentScenario(row);
  });
}
