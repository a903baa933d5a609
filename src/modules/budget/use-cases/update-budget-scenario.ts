import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound, versionConflict } from '../../../kernel/errors.ts';
import type { TScenario, TScenarioUpdate } from '../../../shared/contracts/budget.ts';
import { requireBudgetAccess } from '../budget-context.ts';
import { presentScenario, scenarioAuditDetails } from '../budget.presenter.ts';
import { findScenario, updateScenarioIfVersion } from '../scenarios.repository.ts';

/** Optimistic locking: the caller sends the rowVersion it read; a stale one answers 409. */
export async function updateBudgetScenario(
  ctx: Context,
  input: TScenarioUpdate & { householdId: string; scenarioId: string },
): Promise<TScenario> {
  const { db, actor } = ctx;
  const { householdId, scenarioId, rowVersion, ...values } = input;
  await requireBudgetAccess(ctx, householdId, 'write');
  const before = await findScenario(db, householdId, scenarioId);
  if (!before) throw notFound('Scénario introuvable.');
  const row = await updateScenarioIfVersion(db, { householdId, scenarioId, rowVersion, values, at: ctx.now });
  if (!row) throw versionConflict();
  await audit(db, actor, {
    action: 'budget_scenario.update',
    entityType: 'budget_scenario',
    entityId: scenarioId,
    householdId,
    details: { before: scenarioAuditDetails(presentScenario(before)), after: scenarioAuditDetails(values) },
  });
  return presentScenario(row);
}
