/** The household budget, target-dwelling scenarios and the per-territory budget conventions. */
export { conventionAt, loadDefaultConvention } from './conventions.repository.ts';
export { loadScales, scalesOf, type Scales } from './budget-context.ts';
export { budgetRoutes } from './budget.routes.ts';
export { getHouseholdBudgetSummary, type HouseholdBudgetSummary } from './use-cases/get-budget-summary.ts';
export {
  offeredDwellingBudget,
  type OfferedDwelling,
  type OfferedDwellingBudget,
} from './offered-dwelling.ts';
