import type { TMeasure, TScheme } from '@shared/contracts/measures.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { routeKey, useRouteQuery } from '../../api/routes.ts';

export const measuresKey = (householdId: string) =>
  routeKey(MEASURE_ROUTES.list, { params: { id: householdId } });
export const SCHEMES_KEY = routeKey(MEASURE_ROUTES.schemes, {});
export const FUNDER_HOME_KEY = routeKey(MEASURE_ROUTES.funderHome, {});

/** The département's schemes, which change rarely: kept five minutes. */
export const useSchemes = () => useRouteQuery(MEASURE_ROUTES.schemes, {}, { staleTime: 5 * 60_000 });

/** The scheme version a measure follows (it keeps the one in force when it was proposed). */
export function versionOf(schemes: readonly TScheme[] | undefined, measure: TMeasure) {
  return schemes
    ?.find((s) => s.id === measure.schemeId)
    ?.versions.find((v) => v.effectiveFrom === measure.schemeVersionFrom);
}

/** A scheme's name from its short name (sequencing rules name schemes so); the short name otherwise. */
export const schemeNamer =
  (schemes: readonly { code: string; name: string }[] | undefined) =>
  (code: string): string =>
    schemes?.find((s) => s.code === code)?.name ?? code;
