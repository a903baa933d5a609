import { LEASE_ROUTES } from '@shared/routes/leases.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { contractColumns } from './lease-ui.tsx';

/** The household's occupancy contracts (its leases, subleases and their sliding), in its file's « Logement » tab. */
export function HouseholdLeases({ householdId }: { householdId: string }) {
  const query = useRouteQuery(LEASE_ROUTES.householdContracts, { params: { id: householdId } });
  return (
    <Section title="Contrats d’occupation">
      <QueryState query={query} loadingLabel="Chargement des contrats…">
        {(list) => (
          <DataTable
            caption="Contrats d’occupation du ménage"
            columns={contractColumns(false)}
            rows={list.items}
            rowKey={(c) => c.id}
            emptyTitle="Aucun contrat d’occupation"
            emptyDescription="Les baux, sous-locations et baux glissants du ménage s’afficheront ici."
          />
        )}
      </QueryState>
    </Section>
  );
}
