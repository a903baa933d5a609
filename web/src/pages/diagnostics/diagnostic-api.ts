import { DIAGNOSTIC_ROUTES } from '@shared/routes/diagnostics.ts';
import { routeKey } from '../../api/routes.ts';

/**
 * The query key under which every answer about one household's diagnostic sits: the versions list
 * and each version (a prefix: invalidating it refreshes them all).
 */
export const diagnosticsKey = (householdId: string) =>
  routeKey(DIAGNOSTIC_ROUTES.list, { params: { id: householdId } });
