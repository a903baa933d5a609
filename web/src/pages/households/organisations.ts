import type { OrganisationType } from '@shared/contracts/roles.ts';
import { ORGANISATION_ROUTES } from '@shared/routes/organisations.ts';
import { useRouteQuery } from '../../api/routes.ts';

/** The organisation directory, filtered by type. */
export function useOrganisations(type?: OrganisationType) {
  return useRouteQuery(ORGANISATION_ROUTES.list, { query: { type } }, { staleTime: 5 * 60_000 });
}

/** Select options of a French label map, in the map's order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
