import type { Routes } from '../../kernel/routes.ts';
import { BUDGET_ROUTES as R } from '../../shared/routes/budget.ts';
import { getHouseholdBudget } from './use-cases/get-household-budget.ts';
import { createBudgetScenario } from './use-cases/create-budget-scenario.ts';
import { updateBudgetScenario } from './use-cases/update-budget-scenario.ts';
import { deleteBudgetScenario } from './use-cases/delete-budget-scenario.ts';
import { calculateBudget } from './use-cases/calculate-budget.ts';
import { addBudgetConvention } from './use-cases/add-budget-convention.ts';
import { listBudgetConventions } from './use-cases/list-budget-conventions.ts';

/** The household budget, target dwellings, calculator and conventions (transport only). */
export function budgetRoutes(routes: Routes): void {
  // The read and its audit entry land together.
  routes.add(R.get, (ctx, { params }) => getHouseholdBudget(ctx, params.id), { transaction: true });
  routes.add(R.createScenario, (ctx, { params, body }) =>
    createBudgetScenario(ctx, { ...body, householdId: params.id }),
  );
  routes.add(R.updateScenario, (ctx, { params, body }) =>
    updateBudgetScenario(ctx, { ...body, householdId: params.id, scenarioId: params.scenarioId }),
  );
  routes.add(R.deleteScenario, (ctx, { params }) =>
    deleteBudgetScenario(ctx, { householdId: params.id, scenarioId: params.scenarioId }),
  );
  // A computation that stores nothing: no transaction.
  routes.add(R.calculate, (ctx, { body }) => calculateBudget(ctx, body), { transaction: false });
  routes.add(R.conventions, (ctx, { query }) => listBudgetConventions(ctx, query));
  routes.add(R.addConvention, (ctx, { body }) => addBudgetConvention(ctx, body));
}
