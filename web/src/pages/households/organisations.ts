import type { OrganisationType } from '@shared/contracts/roles.ts';
import type { TOrganisationSummary } from '@shared/contracts/organisations.ts';
import { useApiQuery } from '../../api/hooks.ts';

/** The organisation directory (GET /api/organisations), filtered by type. */
export function useOrganisations(type?: OrganisationType) {
  return useApiQuery<{ items: TOrganisationSummary[] }>(
    '/api/organisations',
    { type },
    { staleTime: 5 * 60_000 },
  );
}

/** Select options of a French label map, in the map's order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
