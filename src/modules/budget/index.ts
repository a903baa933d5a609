/** The household budget, target-dwelling scenarios and the per-territory budget conventions. */
export { conventionAt, loadDefaultConvention } from './conventions.repository.ts';
export { loadScales, type Scales } from './budget-context.ts';
export { budgetRoutes } from './budget.routes.ts';
export { getHouseholdBudgetSummary, type HouseholdBudgetSummary } from './use-cases/get-budget-summary.ts';
