import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { routeKey } from '../../api/routes.ts';

/** The query key under which every answer about one household sits (file, parts, diagnostic, budget). */
export const householdKey = (id: string) => routeKey(HOUSEHOLD_ROUTES.get, { params: { id } });

/** The query key of every household answer, the lists included. */
export const HOUSEHOLDS_KEY = routeKey(HOUSEHOLD_ROUTES.list, {});
