import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { REFERENTIEL_ROUTES } from '@shared/routes/referentiel.ts';
import { useRouteQuery } from '../api/routes.ts';

/**
 * Briques of the référentiel in force, grouped by domain and read « 2.3 — title »; the value is
 * the list of brique codes, as measures store them. Plugs into `form.getInputProps('briques')`.
 */
export function BriquesMultiSelect({
  label = 'Briques du référentiel',
  ...props
}: Omit<MultiSelectProps, 'data' | 'searchable'>) {
  const query = useRouteQuery(REFERENTIEL_ROUTES.list, {}, { staleTime: 60 * 60_000 });
  const data = (query.data?.inForce.groups ?? []).map((g) => ({
    group: `${g.code} — ${g.title}`,
    items: g.briques.map((b) => ({ value: b.code, label: `${b.code} — ${b.title}` })),
  }));
  return (
    <MultiSelect
      label={label}
      searchable
      clearable
      placeholder={query.isPending ? 'Chargement…' : 'Choisir des briques'}
      nothingFoundMessage="Aucune brique de ce nom"
      data={data}
      error={query.error?.message}
      {...props}
    />
  );
}
