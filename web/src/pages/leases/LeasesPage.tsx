import { useState } from 'react';
import { SegmentedControl, Stack } from '@mantine/core';
import {
  OCCUPANCY_STATUS_LABELS,
  OCCUPANCY_STATUSES,
  type OccupancyStatus,
} from '@shared/contracts/housing-stock.ts';
import { LEASE_ROUTES } from '@shared/routes/leases.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DialogButton } from '../../components/FormDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { contractColumns } from './lease-ui.tsx';
import { canCreateContract, NewContractDialog } from './NewContractDialog.tsx';

const PAGE_SIZE = 25;

/** « Baux et sous-locations »: a landlord's dwellings' contracts, the subleases and mandates an association holds. */
export function LeasesPage() {
  const me = useSession();
  const [status, setStatus] = useState<OccupancyStatus | 'all'>('active');
  const [page, setPage] = useState(1);
  const query = useRouteQuery(LEASE_ROUTES.organisationContracts, {
    query: { page, pageSize: PAGE_SIZE, ...(status === 'all' ? {} : { status }) },
  });
  const landlord = me.organisation?.type === 'landlord';
  return (
    <>
      <PageHeader
        title="Baux et sous-locations"
        description={
          landlord
            ? 'Les contrats d’occupation de vos logements : baux directs, logements confiés à des associations.'
            : 'Les sous-locations, baux glissants, baux de sauvegarde et mandats de gestion que votre association porte.'
        }
        actions={
          canCreateContract(me) && (
            <DialogButton
              label="Nouveau contrat"
              dialog={(close) => <NewContractDialog me={me} onClose={close} />}
            />
          )
        }
      />
      <Stack>
        <SegmentedControl
          aria-label="Statut des contrats"
          value={status}
          onChange={(v) => {
            setStatus(v as OccupancyStatus | 'all');
            setPage(1);
          }}
          data={[
            ...OCCUPANCY_STATUSES.map((s) => ({ value: s, label: OCCUPANCY_STATUS_LABELS[s] })),
            { value: 'all', label: 'Tous' },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        <QueryState query={query} loadingLabel="Chargement des contrats…">
          {(result) => (
            <DataTable
              caption="Contrats d’occupation"
              columns={contractColumns(true)}
              rows={result.items}
              rowKey={(c) => c.id}
              paging={{ page, pageSize: PAGE_SIZE, total: result.total, onPageChange: setPage }}
              emptyTitle="Aucun contrat"
              emptyDescription="Aucun contrat d’occupation dans cette liste."
            />
          )}
        </QueryState>
      </Stack>
    </>
  );
}
