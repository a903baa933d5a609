import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect.tsx';

type Props = Omit<
  RemoteSelectProps<typeof HOUSEHOLD_ROUTES.list>,
  'route' | 'queryOf' | 'optionOf' | 'emptyMessage'
>;

/**
 * An active household file the reader's organisation may open, searched by name or file number
 * (the household list route answers only those). Plugs into `form.getInputProps('householdId')`.
 */
export function HouseholdSelect({
  label = 'Dossier du ménage',
  description = 'Tapez une partie du nom ou le numéro de dossier',
  placeholder = 'Rechercher un ménage',
  ...props
}: Props) {
  return (
    <RemoteSelect
      {...props}
      label={label}
      description={description}
      placeholder={placeholder}
      route={HOUSEHOLD_ROUTES.list}
      queryOf={(q) => ({ q, status: 'active' as const, pageSize: 20 })}
      optionOf={(h) => ({
        value: h.id,
        label: `${h.fileLabel} — ${h.referencePersonName ?? 'sans personne de référence'}`,
      })}
      emptyMessage={(q) => (q ? `Aucun dossier actif ne correspond à « ${q} »` : 'Aucun dossier actif')}
    />
  );
}
