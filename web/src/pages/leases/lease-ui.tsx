import { Anchor } from '@mantine/core';
import { Link } from 'react-router-dom';
import {
  OCCUPANCY_KIND_LABELS,
  OCCUPANCY_STATUS_LABELS,
  type OccupancyStatus,
} from '@shared/contracts/housing-stock.ts';
import type { TContractSummary } from '@shared/contracts/leases.ts';
import { formatDate } from '@shared/format.ts';
import { LEASE_ROUTES } from '@shared/routes/leases.ts';
import { routeKey } from '../../api/routes.ts';
import type { Column } from '../../components/DataTable.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { PATHS } from '../../paths.ts';

export const CONTRACT_STATUS_TONES: Record<OccupancyStatus, Tone> = {
  draft: 'neutral',
  active: 'success',
  ended: 'info',
};

/** « du 05/01/2026 au 31/12/2026 », or « depuis le … » for a contract with no last day. */
export const contractDates = (c: Pick<TContractSummary, 'startOn' | 'endOn'>) =>
  c.endOn ? `du ${formatDate(c.startOn)} au ${formatDate(c.endOn)}` : `depuis le ${formatDate(c.startOn)}`;

/** The columns of a list of contracts; `withOccupant` for the lists that span households. */
export function contractColumns(withOccupant: boolean): Column<TContractSummary>[] {
  return [
    {
      key: 'dwelling',
      header: 'Logement',
      render: (c) => (
        <Anchor component={Link} to={PATHS.lease(c.id)}>
          {c.dwelling.address}
        </Anchor>
      ),
    },
    { key: 'kind', header: 'Type de contrat', render: (c) => OCCUPANCY_KIND_LABELS[c.kind] },
    ...(withOccupant
      ? [{ key: 'occupant', header: 'Occupant', render: (c: TContractSummary) => c.occupantName ?? '—' }]
      : []),
    { key: 'lessor', header: 'Bailleur', render: (c) => c.lessorName ?? '—', hideOnSmall: true },
    {
      key: 'intermediary',
      header: 'Association',
      render: (c) => c.intermediaryName ?? '—',
      hideOnSmall: true,
    },
    { key: 'dates', header: 'Dates', render: (c) => contractDates(c) },
    {
      key: 'review',
      header: 'Examen du glissement',
      render: (c) => (c.slidingReviewOn && c.status !== 'ended' ? formatDate(c.slidingReviewOn) : '—'),
      hideOnSmall: true,
    },
    {
      key: 'status',
      header: 'Statut',
      render: (c) => (
        <StatusBadge value={c.status} labels={OCCUPANCY_STATUS_LABELS} tones={CONTRACT_STATUS_TONES} />
      ),
    },
  ];
}

/** What a change of a contract refreshes: the contract and every list of contracts. */
export const contractChangedKeys = (householdId: string | null) => [
  routeKey(LEASE_ROUTES.organisationContracts, {}),
  ['dwellings'],
  ...(householdId ? [routeKey(LEASE_ROUTES.householdContracts, { params: { id: householdId } })] : []),
];
