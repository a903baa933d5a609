import { useEffect } from 'react';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComboboxItem } from '@mantine/core';
import {
  TERRITORY_KIND_LABELS,
  type TTerritory,
  type TerritoryKind,
} from '@shared/contracts/organisations.ts';
import { ORGANISATION_ROUTES } from '@shared/routes/organisations.ts';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect.tsx';

/** Labels of territories chosen in this session, for screens that only hold the territory's id. */
const chosenKey = (id: string | null | undefined) => ['territory-label', id];

/** "Nom (code postal)" for a commune, "Nom (code)" otherwise; with the kind when kinds are mixed. */
export function territoryLabel(
  t: Pick<TTerritory, 'name' | 'code'> & Partial<Pick<TTerritory, 'kind' | 'postcode'>>,
  withKind = false,
): string {
  const code = t.kind === 'commune' && t.postcode ? t.postcode : t.code;
  return withKind && t.kind ? `${t.name} (${TERRITORY_KIND_LABELS[t.kind]}, ${code})` : `${t.name} (${code})`;
}

/** The label of a territory chosen earlier in this session with a TerritorySelect, if any. */
export function useChosenTerritoryLabel(id: string | null | undefined): string | undefined {
  return useQuery<string>({ queryKey: chosenKey(id), queryFn: skipToken, staleTime: Infinity }).data;
}

/** A commune the server named (e.g. a household's dwelling): remembered so selects show its name. */
export function useRememberCommune(
  commune: { id: string; name: string; postcode: string | null } | null | undefined,
) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (commune) {
      queryClient.setQueryData(
        chosenKey(commune.id),
        territoryLabel({
          name: commune.name,
          code: commune.postcode ?? '',
          kind: 'commune',
          postcode: commune.postcode,
        }),
      );
    }
  }, [queryClient, commune]);
}

const UNNAMED_CURRENT = {
  commune: 'Commune enregistrée — tapez pour en choisir une autre',
  other: 'Territoire enregistré — tapez pour en choisir un autre',
};

type TerritorySelectProps = Omit<
  RemoteSelectProps<typeof ORGANISATION_ROUTES.territories>,
  'route' | 'queryOf' | 'optionOf' | 'emptyMessage' | 'onChange'
> & {
  /** Only this kind of territory; any kind when absent. */
  kind?: TerritoryKind;
  onChange: (id: string | null) => void;
};

/** A territory searched by name, code or postcode (GET /api/territories). */
export function TerritorySelect({
  kind,
  onChange,
  value,
  currentOption,
  placeholder = 'Tapez un nom, un code ou un code postal',
  ...props
}: TerritorySelectProps) {
  const queryClient = useQueryClient();
  const chosenLabel = useChosenTerritoryLabel(value);
  const current: ComboboxItem | null | undefined =
    currentOption ?? (value && chosenLabel ? { value, label: chosenLabel } : undefined);
  const noun = kind === 'commune' ? 'commune' : 'territoire';
  return (
    <RemoteSelect
      route={ORGANISATION_ROUTES.territories}
      queryOf={(q) => ({ kind, q, limit: 20 })}
      optionOf={(t) => ({ value: t.id, label: territoryLabel(t, !kind) })}
      emptyMessage={(q) => (q ? `Aucun ${noun} ne correspond à « ${q} »` : `Aucun ${noun}`)}
      value={value}
      currentOption={current}
      // Saved with a territory this session cannot name: say so rather than show an empty field.
      placeholder={
        value && !current ? UNNAMED_CURRENT[kind === 'commune' ? 'commune' : 'other'] : placeholder
      }
      {...props}
      onChange={(id, item) => {
        if (id && item) queryClient.setQueryData(chosenKey(id), territoryLabel(item, !kind));
        onChange(id);
      }}
    />
  );
}
