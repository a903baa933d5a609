import type { Actor } from '../../../kernel/actor.ts';
import type { AppDeps } from '../../../kernel/deps.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound, versionConflict } from '../../../kernel/errors.ts';
import type { TScenario, TScenarioUpdate } from '../../../shared/contracts/budget.ts';
import { requireBudgetAccess } from '../budget-context.ts';
import { presentScenario, scenarioAuditDetails } from '../budget.presenter.ts';
import { findScenario, updateScenarioIfVersion } from '../scenarios.repository.ts';

/** Optimistic locking: the caller sends the rowVersion it read; a stale one answers 409. */
export async function updateBudgetScenario(options: {
  deps: AppDeps;
  actor: Actor;
  householdId: string;
  scenarioId: string;
  input: TScenarioUpdate;
}): Promise<TScenario> {
  const { deps, actor, householdId, scenarioId, input } = options;
  const now = deps.clock();
  const { rowVersion, ...values } = input;
  return deps.db.transaction(async (tx) => {
    await requireBudgetAccess(tx, actor, householdId, now, 'write');
    const before = await findScenario(tx, householdId, scenarioId);
    if (!before) throw notFound('Scénario introuvable.');
    const row = await updateScenarioIfVersion(tx, { householdId, scenarioId, rowVersion, values, at: now });
    if (!row) throw versionConflict();
    await audit(tx, actor, {
      action: 'budget_scenario.update',
      entityType: 'budget_scenario',
      entityId: scenarioId,
      householdId,
      details: { before: scenarioAuditDetails(presentScenario(before)), after: scenarioAuditDetails(values) },
    });
    return presentScenario(row);
  });
}
