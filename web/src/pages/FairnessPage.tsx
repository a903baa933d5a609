import { Alert, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  COMPOSITION_LABELS,
  FAIRNESS_DIMENSION_LABELS,
  FAIRNESS_MEASURE_LABELS,
  INCOME_BAND_LABELS,
  ORIGIN_LABELS,
  PRIORITY_STATUS_LABELS,
  SMALL_CELL_THRESHOLD,
  type FairnessDimension,
  type TFairnessRow,
  type TFairnessView,
} from '@shared/contracts/fairness.ts';
import { formatDate } from '@shared/format.ts';
import { FAIRNESS_ROUTES } from '@shared/routes/fairness.ts';
import { parisToday } from '@shared/time.ts';
import { useRouteQuery } from '../api/routes.ts';
import { DateField } from '../components/DateField.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';

const VALUE_LABELS: Record<FairnessDimension, Record<string, string>> = {
  composition: COMPOSITION_LABELS,
  income: INCOME_BAND_LABELS,
  priority: PRIORITY_STATUS_LABELS,
  origin: ORIGIN_LABELS,
};
/**
 * One word for every masked count: a count of 1 to 4 and its complement (5 or more) read the same, or
 * the complement's size would narrow the small count down (« moins de 5 » would also be untrue of it).
 */
const MASKED = 'masqué';
const COUNTED = [
  'proposals',
  'householdRefusals',
  'landlordRefusals',
  'commissionRefusals',
  'allocations',
] as const;

/**
 * The fairness view of matching: the period's proposals, refusals and allocations by household
 * profile, and the time from entering the pool to the allocation, small counts masked.
 */
export function FairnessPage() {
  const today = parisToday();
  const [from, setFrom] = useState<string | null>(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState<string | null>(today);
  const periodError = from && to && to < from ? 'La fin de la période précède son début.' : null;
  const valid = from !== null && to !== null && !periodError;
  const query = useRouteQuery(
    FAIRNESS_ROUTES.view,
    { query: { from: from ?? '', to: to ?? '' } },
    { enabled: valid },
  );
  return (
    <>
      <PageHeader
        title="Équité des propositions"
        description="Les propositions de logement désignées sur la période, les refus de chaque partie et les attributions, selon le profil des ménages, et le temps entre l’entrée au vivier et l’attribution. Aucun ménage n’est nommé."
      />
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={560}>
          <DateField
            label="Propositions désignées du"
            required
            value={from}
            onChange={setFrom}
            error={from === null ? 'Indiquez le début de la période.' : undefined}
          />
          <DateField
            label="au"
            required
            value={to}
            onChange={setTo}
            error={to === null ? 'Indiquez la fin de la période.' : (periodError ?? undefined)}
          />
        </SimpleGrid>
        <Alert
          color="blue"
          title={`« Masqué » : moins de ${SMALL_CELL_THRESHOLD} ménages, ou masqué pour les protéger`}
        >
          <Text size="sm">
            Un effectif de moins de {SMALL_CELL_THRESHOLD} (de 1 à {SMALL_CELL_THRESHOLD - 1}) est masqué pour
            qu’on ne puisse pas reconnaître les ménages qu’il compte, sauf quand tous sont dans le vivier de
            votre organisation. Pour qu’on ne le retrouve pas en soustrayant les autres effectifs du total,
            l’effectif suivant le plus petit est masqué avec lui (il peut compter {SMALL_CELL_THRESHOLD}{' '}
            ménages ou plus), ou, à défaut, le total. Le délai médian d’un groupe masqué l’est aussi.
          </Text>
          <Text size="sm" mt="xs">
            Les ménages sont décrits par leur dossier tel qu’il est aujourd’hui (composition, ressources,
            situation) ; les ressources sont ramenées à l’unité de consommation (1 pour le premier adulte, 0,5
            pour chaque autre personne de 14 ans ou plus, 0,3 pour chaque enfant de moins de 14 ans).
          </Text>
        </Alert>
        {valid && (
          <QueryState query={query} loadingLabel="Calcul de la vue d’équité…">
            {(view) => <FairnessTables view={view} />}
          </QueryState>
        )}
      </Stack>
    </>
  );
}

function FairnessTables({ view }: { view: TFairnessView }) {
  const reach =
    view.scope === 'landlord'
      ? 'sur les logements vacants de votre organisation'
      : view.departementName
        ? `sur les logements vacants du département (${view.departementName})`
        : 'de votre département (votre organisation n’est rattachée à aucun territoire)';
  return (
    <Stack gap="xl">
      <Text>
        Propositions {reach} désignées du {formatDate(view.from)} au {formatDate(view.to)} :{' '}
        <strong>{count(view.total.counts.proposals)}</strong>.
        {view.holdsPool &&
          ' Les effectifs qui ne comptent que des ménages de votre vivier sont affichés en entier.'}
      </Text>
      {view.tables.map((table) => (
        <Stack key={table.dimension} gap="xs">
          <Title order={2} size="h4">
            {FAIRNESS_DIMENSION_LABELS[table.dimension]}
          </Title>
          <Table.ScrollContainer minWidth={720} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
            <Table striped verticalSpacing="sm">
              <Table.Caption>
                {FAIRNESS_DIMENSION_LABELS[table.dimension]} : propositions, refus et attributions du{' '}
                {formatDate(view.from)} au {formatDate(view.to)}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Profil</Table.Th>
                  {COUNTED.map((m) => (
                    <Table.Th key={m} scope="col">
                      {FAIRNESS_MEASURE_LABELS[m]}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">Délai médian entre l’entrée au vivier et l’attribution</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((row) => (
                  <Cells key={row.value} label={VALUE_LABELS[table.dimension][row.value] ?? ''} row={row} />
                ))}
                <Cells label="Ensemble" row={view.total} strong />
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
}

const count = (value: number | null) => (value === null ? MASKED : String(value));

function Cells({ label, row, strong = false }: { label: string; row: TFairnessRow; strong?: boolean }) {
  const delays = row.counts.allocationDelays;
  return (
    <Table.Tr fw={strong ? 600 : undefined}>
      <Table.Th scope="row" fw={strong ? 700 : 500}>
        {label}
      </Table.Th>
      {COUNTED.map((m) => (
        <Table.Td key={m}>{count(row.counts[m])}</Table.Td>
      ))}
      <Table.Td>
        {delays === null
          ? 'Délai masqué'
          : row.medianDaysToAllocation === null
            ? 'Aucune attribution'
            : `${row.medianDaysToAllocation} jour${row.medianDaysToAllocation > 1 ? 's' : ''} (sur ${delays} attribution${delays > 1 ? 's' : ''})`}
      </Table.Td>
    </Table.Tr>
  );
}
