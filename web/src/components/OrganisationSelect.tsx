import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import type { OrganisationType } from '@shared/contracts/roles.ts';
import { ORGANISATION_ROUTES } from '@shared/routes/organisations.ts';
import { useRouteQuery } from '../api/routes.ts';

interface DirectoryProps {
  /** Only organisations of this type (default: every active one). */
  type?: OrganisationType;
  /** Left out of the choices (e.g. the reader's own organisation). */
  excludeIds?: readonly string[];
}

/** The directory as options, by name; the placeholder says while it loads. */
function useOrganisationOptions({ type, excludeIds = [] }: DirectoryProps) {
  const query = useRouteQuery(ORGANISATION_ROUTES.list, { query: { type } }, { staleTime: 5 * 60_000 });
  const data = (query.data?.items ?? [])
    .filter((o) => !excludeIds.includes(o.id))
    .map((o) => ({ value: o.id, label: o.name }));
  return { data, loading: query.isPending, error: query.error?.message };
}

/** One organisation of the directory, searched by name. Plugs into `form.getInputProps`. */
export function OrganisationSelect({
  type,
  excludeIds,
  ...props
}: DirectoryProps & Omit<SelectProps, 'data' | 'searchable'>) {
  const { data, loading, error } = useOrganisationOptions({ type, excludeIds });
  return (
    <Select
      searchable
      clearable
      placeholder={loading ? 'Chargement…' : 'Choisir une organisation'}
      nothingFoundMessage="Aucune organisation de ce nom"
      data={data}
      error={error}
      {...props}
    />
  );
}

/** Several organisations of the directory, searched by name. Plugs into `form.getInputProps`. */
export function OrganisationMultiSelect({
  type,
  excludeIds,
  ...props
}: DirectoryProps & Omit<MultiSelectProps, 'data' | 'searchable'>) {
  const { data, loading, error } = useOrganisationOptions({ type, excludeIds });
  return (
    <MultiSelect
      searchable
      clearable
      placeholder={loading ? 'Chargement…' : 'Choisir des organisations'}
      nothingFoundMessage="Aucune organisation de ce nom"
      data={data}
      error={error}
      {...props}
    />
  );
}
