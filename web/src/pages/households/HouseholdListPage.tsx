import { useState } from 'react';
import { Anchor, Badge, Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router-dom';
import { keepPreviousData } from '@tanstack/react-query';
import {
  HOUSEHOLD_STATUSES,
  HOUSEHOLD_STATUS_LABELS,
  HOUSING_SITUATIONS,
  HOUSING_SITUATION_LABELS,
  type HouseholdStatus,
} from '@shared/contracts/household-enums.ts';
import type { THouseholdListItem } from '@shared/contracts/households.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { canCreateHousehold } from '@shared/access/household-access.ts';
import { searchTermProblem } from '@shared/households/search.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { oneOf } from '../../api/url-params.ts';
import { useSession } from '../../api/session.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { PATHS } from '../../paths.ts';
import { NewHouseholdModal } from './NewHouseholdModal.tsx';
import { optionsOf } from './organisations.ts';

const PAGE_SIZE = 25;

export const HOUSEHOLD_STATUS_TONES: Record<HouseholdStatus, Tone> = { active: 'info', closed: 'neutral' };

const COLUMNS: Column<THouseholdListItem>[] = [
  {
    key: 'file',
    header: 'Dossier',
    render: (h) => (
      <Anchor component={Link} to={PATHS.household(h.id)} fw={600}>
        {h.fileLabel}
      </Anchor>
    ),
  },
  { key: 'reference', header: 'Personne de référence', render: (h) => h.referencePersonName ?? '—' },
  { key: 'members', header: 'Personnes', render: (h) => h.memberCount, hideOnSmall: true },
  {
    key: 'situation',
    header: 'Situation',
    render: (h) => (
      <>
        {HOUSING_SITUATION_LABELS[h.housingSituation]}
        {h.daloRecognised && ' · DALO'}
      </>
    ),
  },
  {
    key: 'status',
    header: 'Statut',
    render: (h) => (
      <Group gap={6} wrap="wrap">
        <StatusBadge value={h.status} labels={HOUSEHOLD_STATUS_LABELS} tones={HOUSEHOLD_STATUS_TONES} />
        {h.watchUntil && (
          <Badge variant="light" color="teal" radius="sm" tt="none">
            En veille jusqu’au {formatDate(h.watchUntil)}
          </Badge>
        )}
      </Group>
    ),
  },
  { key: 'updated', header: 'Mis à jour', render: (h) => formatDateTime(h.updatedAt), hideOnSmall: true },
];

const DALO_OPTIONS = [
  { value: 'true', label: 'Reconnus DALO' },
  { value: 'false', label: 'Non reconnus DALO' },
];

export function HouseholdListPage() {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  // A term too short to search is not sent: the field says why, the list stays as it was.
  const searchProblem = searchTermProblem(debouncedSearch);
  const [creating, setCreating] = useState(false);

  const status = oneOf(HOUSEHOLD_STATUSES, params.get('statut'));
  const situation = oneOf(HOUSING_SITUATIONS, params.get('situation'));
  const dalo = oneOf(['true', 'false'] as const, params.get('dalo'));
  const page = Math.max(1, Number(params.get('page')) || 1);

  /** Changes one filter and goes back to the first page. */
  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const setPage = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  };

  const query = useRouteQuery(
    HOUSEHOLD_ROUTES.list,
    {
      query: {
        q: (!searchProblem && debouncedSearch) || undefined,
        status,
        housingSituation: situation,
        dalo,
        page,
        pageSize: PAGE_SIZE,
      },
    },
    { placeholderData: keepPreviousData },
  );

  const actor = me.organisation
    ? { organisationId: me.organisation.id, organisationType: me.organisation.type, roles: me.roles }
    : null;

  return (
    <>
      <PageHeader
        title="Ménages"
        description="Les ménages dont votre organisation est partie prenante."
        actions={
          actor &&
          canCreateHousehold(actor) && <Button onClick={() => setCreating(true)}>Nouveau ménage</Button>
        }
      />
      <form role="search" aria-label="Rechercher des ménages" onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md">
          <TextInput
            label="Rechercher"
            description="Nom, numéro unique ou numéro de dossier"
            type="search"
            error={searchProblem}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setFilter('q', e.currentTarget.value.trim() || null);
            }}
          />
          <Select
            label="Statut"
            placeholder="Tous"
            clearable
            data={optionsOf(HOUSEHOLD_STATUS_LABELS)}
            value={status ?? null}
            onChange={(v) => setFilter('statut', v)}
          />
          <Select
            label="Situation de logement"
            placeholder="Toutes"
            clearable
            data={optionsOf(HOUSING_SITUATION_LABELS)}
            value={situation ?? null}
            onChange={(v) => setFilter('situation', v)}
          />
          <Select
            label="DALO"
            placeholder="Tous"
            clearable
            data={DALO_OPTIONS}
            value={dalo ?? null}
            onChange={(v) => setFilter('dalo', v)}
          />
        </SimpleGrid>
      </form>
      <QueryState query={query} loadingLabel="Chargement des ménages…">
        {(data) => (
          <DataTable
            caption="Liste des ménages"
            columns={COLUMNS}
            rows={data.items}
            rowKey={(h) => h.id}
            paging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: setPage }}
            emptyTitle="Aucun ménage"
            emptyDescription="Aucun ménage ne correspond à ces critères."
          />
        )}
      </QueryState>
      {actor && canCreateHousehold(actor) && (
        <NewHouseholdModal
          opened={creating}
          onClose={() => setCreating(false)}
          basisKind={actor.organisationType === 'landlord' ? 'own_tenant' : 'consent'}
        />
      )}
    </>
  );
}
