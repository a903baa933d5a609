import { PERMANENCE_ROUTES } from '@shared/routes/permanences.ts';
import { routeKey } from '../../api/routes.ts';

/** The cached queries of the permanences page, refreshed after each change. */
export const SLOTS_KEY = routeKey(PERMANENCE_ROUTES.slots, {});
export const WEEK_KEY = routeKey(PERMANENCE_ROUTES.week, {});
