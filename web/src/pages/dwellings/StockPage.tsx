import { useState } from 'react';
import { Anchor, Button, Group, Select, TextInput } from '@mantine/core';
import { Link } from 'react-router-dom';
import { TYPOLOGY_LABELS } from '@shared/contracts/household-enums.ts';
import { DWELLING_FINANCING_LABELS, DWELLING_STATUS_LABELS } from '@shared/contracts/housing-stock.ts';
import type { TDwellingListQuery } from '@shared/contracts/dwellings.ts';
import { DWELLING_ROUTES } from '@shared/routes/dwellings.ts';
import { formatCents } from '@shared/format.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { PATHS } from '../../paths.ts';
import { DwellingDialog } from './DwellingDialog.tsx';
import { FINANCING_OPTIONS, STATUS_OPTIONS, TYPOLOGY_OPTIONS, formatSurface } from './dwelling-labels.ts';

const PAGE_SIZE = 25;

/** The landlord's stock: filters by commune, typology, status and financing, a page at a time. */
export function StockPage() {
  const [filters, setFilters] = useState<Omit<TDwellingListQuery, 'page' | 'pageSize'>>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const options = useRouteQuery(DWELLING_ROUTES.options, {});
  const query = useRouteQuery(DWELLING_ROUTES.list, { query: { ...filters, page, pageSize: PAGE_SIZE } });
  const set = (key: keyof typeof filters) => (value: string | null) => {
    setFilters((f) => ({ ...f, [key]: value || undefined }));
    setPage(1);
  };
  return (
    <>
      <PageHeader
        title="Parc de logements"
        description="Les logements de votre organisation, leur loyer en vigueur et leur statut."
        actions={
          <Group>
            <Button variant="default" component={Link} to={PATHS.stockImport}>
              Importer un fichier
            </Button>
            <Button onClick={() => setCreating(true)}>Ajouter un logement</Button>
          </Group>
        }
      />
      {creating && <DwellingDialog onClose={() => setCreating(false)} />}
      <Group mb="md" align="flex-end" wrap="wrap" role="search" aria-label="Filtrer le parc">
        <TextInput
          label="Référence ou adresse"
          value={filters.q ?? ''}
          onChange={(e) => set('q')(e.currentTarget.value)}
        />
        <Select
          label="Commune"
          data={(options.data?.communes ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={filters.communeId ?? null}
          onChange={set('communeId')}
          clearable
          searchable
        />
        <Select
          label="Typologie"
          data={TYPOLOGY_OPTIONS}
          value={filters.typology ?? null}
          onChange={set('typology')}
          clearable
        />
        <Select
          label="Statut"
          data={STATUS_OPTIONS}
          value={filters.status ?? null}
          onChange={set('status')}
          clearable
        />
        <Select
          label="Financement"
          data={FINANCING_OPTIONS}
          value={filters.financing ?? null}
          onChange={set('financing')}
          clearable
        />
      </Group>
      <QueryState query={query} loadingLabel="Chargement du parc…">
        {(data) => (
          <DataTable
            caption="Logements du parc"
            rows={data.items}
            rowKey={(d) => d.id}
            paging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: setPage }}
            emptyTitle="Aucun logement"
            emptyDescription="Aucun logement ne correspond, ou votre parc n’est pas encore importé."
            columns={[
              {
                key: 'reference',
                header: 'Logement',
                render: (d) => (
                  <Anchor component={Link} to={PATHS.dwelling(d.id)} fw={600}>
                    {d.reference ? `${d.reference} — ${d.address}` : d.address}
                  </Anchor>
                ),
              },
              { key: 'commune', header: 'Commune', render: (d) => d.communeName ?? '—' },
              {
                key: 'typology',
                header: 'Typologie',
                render: (d) => (d.typology ? TYPOLOGY_LABELS[d.typology] : '—'),
              },
              {
                key: 'surface',
                header: 'Surface',
                render: (d) => formatSurface(d.surfaceM2),
                hideOnSmall: true,
              },
              {
                key: 'financing',
                header: 'Financement',
                render: (d) => (d.financing ? DWELLING_FINANCING_LABELS[d.financing] : '—'),
                hideOnSmall: true,
              },
              {
                key: 'rent',
                header: 'Loyer + charges',
                render: (d) =>
                  d.rent
                    ? `${formatCents(d.rent.monthlyRentCents)} + ${formatCents(d.rent.monthlyChargesCents)}`
                    : '—',
              },
              { key: 'status', header: 'Statut', render: (d) => DWELLING_STATUS_LABELS[d.status] },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
