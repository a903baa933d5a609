import type { RouteContract } from './define.ts';
import { BUDGET_ROUTES } from './budget.ts';
import { CALCULATOR_ROUTES } from './calculators.ts';
import { HOUSEHOLD_ROUTES } from './households.ts';
import { ORGANISATION_ROUTES } from './organisations.ts';

/**
 * Every route contract of the API, by module: the architecture test checks that each is registered
 * once and that every household-scoped one declares its scope; the access matrix is built from them.
 */
export const ROUTE_TABLES: Record<string, Record<string, RouteContract>> = {
  households: HOUSEHOLD_ROUTES,
  budget: BUDGET_ROUTES,
  calculators: CALCULATOR_ROUTES,
  organisations: ORGANISATION_ROUTES,
};

export const ALL_ROUTES: RouteContract[] = Object.values(ROUTE_TABLES).flatMap((table) =>
  Object.values(table),
);
