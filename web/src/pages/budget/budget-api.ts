import { BUDGET_ROUTES } from '@shared/routes/budget.ts';
import { routeKey } from '../../api/routes.ts';

/** The query key of a household's budget (under the household's own key), refreshed after a change. */
export const budgetKey = (householdId: string) =>
  routeKey(BUDGET_ROUTES.get, { params: { id: householdId } });
