import { Anchor, Badge, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { TYPOLOGIES, TYPOLOGY_LABELS, type Typology } from '@shared/contracts/household-enums.ts';
import {
  DEMAND_STATE_LABELS,
  PRIORITY_CATEGORIES,
  PRIORITY_CATEGORY_SHORT,
  SUPPORT_INTENSITY_LABELS,
  type TPoolEntry,
  type TPoolQuery,
} from '@shared/contracts/housing-pool.ts';
import { READINESS_OPINION_LABELS } from '@shared/contracts/diagnostics.ts';
import { formatDate } from '@shared/format.ts';
import { shelterTimeWords } from '@shared/housing-pool/rules.ts';
import { HOUSING_POOL_ROUTES } from '@shared/routes/housing-pool.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { PATHS } from '../../paths.ts';

const PRIORITY_OPTIONS = [
  { value: 'any', label: 'DALO ou une catégorie prioritaire' },
  { value: 'dalo', label: 'DALO' },
  ...PRIORITY_CATEGORIES.map((c) => ({ value: c, label: PRIORITY_CATEGORY_SHORT[c] })),
];
const DEMAND_COLORS = { missing: 'gray', valid: 'green', expiring: 'orange', expired: 'red' } as const;

/** The pool of households ready to leave that my SIAO or association holds, the longest in shelter first. */
export function PoolPage() {
  const [filters, setFilters] = useState<TPoolQuery>({});
  const query = useRouteQuery(HOUSING_POOL_ROUTES.pool, { query: filters });
  const set = <K extends keyof TPoolQuery>(key: K, value: TPoolQuery[K] | null) =>
    setFilters((f) => ({ ...f, [key]: value ?? undefined }));
  return (
    <>
      <PageHeader
        title="Vivier des ménages prêts à sortir"
        description="Les ménages dont la grille « capacité à habiter » est confirmée et dont le projet logement est ouvert dans votre organisation, du plus ancien en hébergement au plus récent."
      />
      <QueryState query={query} loadingLabel="Chargement du vivier…">
        {(pool) => (
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <Select
                label="Typologie"
                clearable
                data={TYPOLOGIES.map((t) => ({ value: t, label: TYPOLOGY_LABELS[t] }))}
                value={filters.typology ?? null}
                onChange={(v) => set('typology', v as Typology | null)}
              />
              <Select
                label="Commune souhaitée"
                clearable
                data={pool.communes.map((c) => ({ value: c.id, label: c.name }))}
                value={filters.communeId ?? null}
                onChange={(v) => set('communeId', v)}
              />
              <Select
                label="Priorité"
                clearable
                data={PRIORITY_OPTIONS}
                value={filters.priority ?? null}
                onChange={(v) => set('priority', v as TPoolQuery['priority'] | null)}
              />
              <Select
                label="Demande"
                clearable
                data={[{ value: 'expiring', label: 'À renouveler ou expirée' }]}
                value={filters.demand ?? null}
                onChange={(v) => set('demand', v as TPoolQuery['demand'] | null)}
              />
            </SimpleGrid>
            <Text size="sm">
              {pool.organisationName} : {pool.items.length} ménage{pool.items.length > 1 ? 's' : ''} affiché
              {pool.items.length > 1 ? 's' : ''} sur {pool.total} dans le vivier.
            </Text>
            <DataTable
              caption="Ménages du vivier, du plus ancien en hébergement au plus récent"
              rows={pool.items}
              rowKey={(e) => e.householdId}
              emptyTitle="Aucun ménage"
              emptyDescription="Aucun ménage du vivier ne correspond à ces filtres."
              columns={[
                {
                  key: 'household',
                  header: 'Ménage',
                  render: (e) => (
                    <Stack gap={0}>
                      <Anchor
                        component={Link}
                        to={`${PATHS.household(e.householdId)}?onglet=projet-logement`}
                      >
                        {e.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {e.fileLabel} · {e.persons} personne{e.persons > 1 ? 's' : ''}
                      </Text>
                    </Stack>
                  ),
                },
                {
                  key: 'time',
                  header: 'En hébergement depuis',
                  render: (e) => (
                    <Stack gap={0}>
                      <Text size="sm">{shelterTimeWords(e.daysInShelter)}</Text>
                      {e.housingSince && (
                        <Text size="xs" c="dimmed">
                          le {formatDate(e.housingSince)}
                        </Text>
                      )}
                    </Stack>
                  ),
                },
                {
                  key: 'wish',
                  header: 'Souhaits',
                  render: (e) => (
                    <Stack gap={0}>
                      <Text size="sm">{e.typologies.map((t) => TYPOLOGY_LABELS[t]).join(', ')}</Text>
                      <Text size="xs" c="dimmed">
                        {e.communes.length > 0 ? e.communes.join(', ') : 'Toutes communes'}
                      </Text>
                    </Stack>
                  ),
                },
                {
                  key: 'priority',
                  header: 'Priorités',
                  hideOnSmall: true,
                  render: (e) => <Priorities entry={e} />,
                },
                {
                  key: 'demand',
                  header: 'Demande',
                  render: (e) => (
                    <Stack gap={2}>
                      <Badge color={DEMAND_COLORS[e.demandState]} variant="light" component="span">
                        {DEMAND_STATE_LABELS[e.demandState]}
                      </Badge>
                      {e.demandRenewalDue && (
                        <Text size="xs" c="dimmed">
                          avant le {formatDate(e.demandRenewalDue)}
                        </Text>
                      )}
                    </Stack>
                  ),
                },
                {
                  key: 'support',
                  header: 'Avis et accompagnement',
                  hideOnSmall: true,
                  render: (e) => (
                    <Stack gap={0}>
                      <Text size="sm">
                        {e.readiness ? READINESS_OPINION_LABELS[e.readiness] : 'Pas de grille'}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {SUPPORT_INTENSITY_LABELS[e.supportIntensity]}
                      </Text>
                    </Stack>
                  ),
                },
                {
                  key: 'consent',
                  header: 'Accord',
                  render: (e) =>
                    e.allocation ? (
                      <Stack gap={2}>
                        <Badge color="blue" variant="light" component="span">
                          Logement attribué
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {[
                            e.allocation.typology && TYPOLOGY_LABELS[e.allocation.typology],
                            e.allocation.on && `le ${formatDate(e.allocation.on)}`,
                          ]
                            .filter(Boolean)
                            .join(', ')}
                        </Text>
                      </Stack>
                    ) : e.proposable ? (
                      <Badge color="green" variant="light" component="span">
                        Accord donné
                      </Badge>
                    ) : (
                      <Badge color="orange" variant="light" component="span">
                        Sans accord
                      </Badge>
                    ),
                },
              ]}
            />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function Priorities({ entry }: { entry: TPoolEntry }) {
  if (!entry.daloRecognised && entry.priorityCategories.length === 0) return <Text size="sm">Aucune</Text>;
  return (
    <Group gap={4}>
      {entry.daloRecognised && (
        <Badge color="red" variant="light" component="span">
          DALO{entry.daloDecisionDate ? ` (${formatDate(entry.daloDecisionDate)})` : ''}
        </Badge>
      )}
      {entry.priorityCategories.map((c) => (
        <Badge key={c} variant="outline" component="span">
          {PRIORITY_CATEGORY_SHORT[c]}
        </Badge>
      ))}
    </Group>
  );
}
