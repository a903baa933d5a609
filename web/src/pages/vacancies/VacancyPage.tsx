import { Accordion, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import type { TCandidate, TCandidateList } from '@shared/contracts/matching.ts';
import {
  RESERVATION_CHANNEL_LABELS,
  VACANCY_STATUS_LABELS,
  type TVacancy,
} from '@shared/contracts/vacancies.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { MATCHING_ROUTES } from '@shared/routes/matching.ts';
import { VACANCY_ROUTES } from '@shared/routes/vacancies.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { PagingBar, type Paging } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FactGrid } from '../../components/FactGrid.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { DialogButton } from '../../components/FormDialog.tsx';
import { DesignationDialog, ProposalsSection } from './ProposalsSection.tsx';
import { dwellingWords, vacancyTitle } from './vacancy-words.ts';

/**
 * A vacancy: the dwelling offered and, for the SIAO and associations of its département, the
 * households of their pools ranked for it with why — and those set aside with why not.
 */
export function VacancyPage() {
  const { vacancyId = '' } = useParams();
  const query = useRouteQuery(VACANCY_ROUTES.get, { params: { id: vacancyId } });
  return (
    <QueryState query={query} loadingLabel="Chargement de la vacance…">
      {(v) => <VacancyView vacancy={v} />}
    </QueryState>
  );
}

function VacancyView({ vacancy: v }: { vacancy: TVacancy }) {
  const facts: [string, string][] = [
    ['Adresse', v.dwelling.address],
    ['Logement', dwellingWords(v) || '—'],
    [
      'Loyer et charges',
      `${formatCents(v.monthlyRentCents)} + ${formatCents(v.monthlyChargesCents)} par mois`,
    ],
    ['Contingent', `${RESERVATION_CHANNEL_LABELS[v.channel]} — ${v.landlordName}`],
    ['Réponse avant le', formatDate(v.answerBy)],
    ['Visites', v.visitDates.length ? v.visitDates.map((d) => formatDate(d)).join(', ') : '—'],
  ];
  return (
    <>
      <PageHeader
        title={`Logement vacant : ${vacancyTitle(v)}`}
        description={`${VACANCY_STATUS_LABELS[v.status]} — publiée le ${formatDate(v.publishedAt)}`}
      />
      <Stack gap="lg">
        <Section title="Le logement">
          <FactGrid facts={facts} />
          {v.visitDetails && (
            <Text size="sm" mt="sm">
              {v.visitDetails}
            </Text>
          )}
        </Section>
        {!v.canEnd && v.status === 'open' && <Candidates vacancyId={v.id} />}
        <ProposalsSection vacancyId={v.id} />
      </Stack>
    </>
  );
}

// Ten households a page: each opens on its filters and signals, on a tablet during a meeting.
const PAGE_SIZE = 10;

function Candidates({ vacancyId }: { vacancyId: string }) {
  const [page, setPage] = useState(1);
  const [excludedPage, setExcludedPage] = useState(1);
  const query = useRouteQuery(
    MATCHING_ROUTES.candidates,
    { params: { id: vacancyId }, query: { page, excludedPage, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const designable = query.data?.canDesignate ? query.data.candidates : [];
  return (
    <Section
      title="Candidats de vos viviers"
      action={
        designable.length > 0 && (
          <DialogButton
            label="Proposer des ménages"
            dialog={(close) => (
              <DesignationDialog vacancyId={vacancyId} candidates={designable} onClose={close} />
            )}
          />
        )
      }
    >
      <QueryState query={query} loadingLabel="Classement des ménages…">
        {(list) => (
          <CandidateLists list={list} onPageChange={setPage} onExcludedPageChange={setExcludedPage} />
        )}
      </QueryState>
    </Section>
  );
}

function CandidateLists({
  list,
  onPageChange,
  onExcludedPageChange,
}: {
  list: TCandidateList;
  onPageChange: (page: number) => void;
  onExcludedPageChange: (page: number) => void;
}) {
  const hidden = list.eligible - list.candidateCount;
  return (
    <Stack gap="md">
      <Text size="sm">
        {list.considered} ménage{list.considered > 1 ? 's' : ''} des viviers du département examiné
        {list.considered > 1 ? 's' : ''}, {list.eligible} candidat{list.eligible > 1 ? 's' : ''} selon la
        politique de rapprochement{' '}
        {list.policyVersion === 0 ? 'par défaut' : `(version ${list.policyVersion})`}.
        {hidden > 0 &&
          ` ${hidden} candidat${hidden > 1 ? 's' : ''} suivi${hidden > 1 ? 's' : ''} par d’autres structures ${hidden > 1 ? 'sont classés' : 'est classé'} sans être nommé${hidden > 1 ? 's' : ''} ici.`}{' '}
        Le classement aide à choisir : la commission d’attribution décide.
      </Text>
      {list.candidates.length === 0 ? (
        <EmptyState
          title="Aucun de vos ménages n’est candidat"
          description="Aucun ménage que vous suivez ne remplit toutes les conditions pour ce logement."
        />
      ) : (
        <CandidatePage
          items={list.candidates}
          order={3}
          label="vos candidats"
          paging={{ page: list.page, pageSize: list.pageSize, total: list.candidateCount, onPageChange }}
        />
      )}
      {list.excludedCount > 0 && (
        <>
          <Title order={3} size="h5">
            Vos ménages écartés pour ce logement
          </Title>
          <CandidatePage
            items={list.excluded}
            order={4}
            label="vos ménages écartés"
            paging={{
              page: list.excludedPage,
              pageSize: list.pageSize,
              total: list.excludedCount,
              onPageChange: onExcludedPageChange,
            }}
          />
        </>
      )}
    </Stack>
  );
}

/** A page of households, each opening on its filters and signals, and the links to the others. */
function CandidatePage({
  items,
  order,
  label,
  paging,
}: {
  items: TCandidate[];
  order: 3 | 4;
  label: string;
  paging: Paging;
}) {
  return (
    <>
      <Accordion multiple variant="separated" order={order}>
        {items.map((c) => (
          <CandidateItem key={c.householdId} candidate={c} />
        ))}
      </Accordion>
      <PagingBar label={label} paging={paging} />
    </>
  );
}

function CandidateItem({ candidate: c }: { candidate: TCandidate }) {
  const failed = c.explanation.filters.filter((f) => !f.passed);
  return (
    <Accordion.Item value={c.householdId}>
      <Accordion.Control>
        <Group gap="sm" wrap="wrap">
          {c.rank !== null && <Badge variant="filled">Rang {c.rank}</Badge>}
          <Text fw={600} size="sm">
            {c.name}
          </Text>
          <Text size="xs" c="dimmed">
            {c.fileLabel} · {c.persons} personne{c.persons > 1 ? 's' : ''} · {c.poolName}
          </Text>
          {c.rank !== null ? (
            <Text size="sm">{c.explanation.points} points</Text>
          ) : (
            <Text size="sm">Écarté : {failed.map((f) => f.label.toLowerCase()).join(', ')}</Text>
          )}
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Caption>Conditions légales pour ce logement</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Condition</Table.Th>
                  <Table.Th>Résultat</Table.Th>
                  <Table.Th>Détail</Table.Th>
                  <Table.Th>Référence</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.explanation.filters.map((f) => (
                  <Table.Tr key={f.code}>
                    <Table.Td>{f.label}</Table.Td>
                    <Table.Td>
                      <Badge color={f.passed ? 'teal' : 'red'} variant="light">
                        {f.passed ? 'Remplie' : 'Non remplie'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{f.detail}</Table.Td>
                    <Table.Td>{f.reference}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {c.explanation.signals.length > 0 && (
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Caption>Critères de classement : {c.explanation.points} points au total</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Critère</Table.Th>
                    <Table.Th>Situation du ménage</Table.Th>
                    <Table.Th>Points</Table.Th>
                    <Table.Th>Barème</Table.Th>
                    <Table.Th>Référence</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.explanation.signals.map((s) => (
                    <Table.Tr key={s.code}>
                      <Table.Td>{s.label}</Table.Td>
                      <Table.Td>{s.value}</Table.Td>
                      <Table.Td>{s.points}</Table.Td>
                      <Table.Td>{s.weight}</Table.Td>
                      <Table.Td>{s.reference}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
